// Rows of the SQLite schema and the records of the storage interface, both ways.
import type { Assignee, BillingPeriod, MemberStatus, Role } from '../../schemas/index.js';
import type { AccountRecord, InvitationRecord, MemberRecord, NumberRecord } from '../store.js';

export interface AccountRow {
  id: string;
  plan_id: string;
  period: string;
  anchor: number;
  cycle_start: number;
  cycle_end: number;
  paid_seats: number;
  credential: string;
  transfer_failures: number;
  transfer_locked_until: number | null;
  team_inbox: number;
  kept_recordings: number;
  team_integrations: string;
  charge_count: number;
  test_now: number | null;
  actor_id: string | null;
}

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  canonical: string;
  name_key: string;
  role: string;
  status: string;
  version: number;
  recordings: number;
  sms_conversations: number;
  campaigns: string;
  personal_integrations: string;
}

export interface InvitationRow {
  id: string;
  email: string;
  canonical: string;
  role: string;
  phone_number: string | null;
  number_from: string | null;
  sent_at: number;
  expires_at: number;
  accepted_at: number | null;
  revoked_at: number | null;
  version: number;
}

export interface NumberRow {
  number: string;
  assignee_type: string | null;
  assignee_id: string | null;
}

const ms = (date: Date): number => date.getTime();
/** A JSON array of strings (most are empty: no parse for those). */
const strings = (json: string): string[] => (json === '[]' ? [] : (JSON.parse(json) as string[]));
const msOrNull = (date: Date | null): number | null => (date ? date.getTime() : null);
const dateOrNull = (value: number | null): Date | null => (value === null ? null : new Date(value));

export const ACCOUNT_COLUMNS =
  'id, plan_id, period, anchor, cycle_start, cycle_end, paid_seats, credential, transfer_failures, transfer_locked_until, team_inbox, kept_recordings, team_integrations, charge_count, test_now, actor_id';

export function accountFromRow(r: AccountRow): AccountRecord {
  return {
    id: r.id,
    planId: r.plan_id,
    period: r.period as BillingPeriod,
    anchor: new Date(r.anchor),
    cycleStart: new Date(r.cycle_start),
    cycleEnd: new Date(r.cycle_end),
    paidSeats: r.paid_seats,
    credential: r.credential,
    transferFailures: r.transfer_failures,
    transferLockedUntil: dateOrNull(r.transfer_locked_until),
    teamInbox: r.team_inbox,
    keptRecordings: r.kept_recordings,
    teamIntegrations: strings(r.team_integrations),
    chargeCount: r.charge_count,
    testNow: dateOrNull(r.test_now),
    actorId: r.actor_id,
  };
}

/** The account's columns in ACCOUNT_COLUMNS order. */
export function accountValues(a: AccountRecord): unknown[] {
  return [
    a.id,
    a.planId,
    a.period,
    ms(a.anchor),
    ms(a.cycleStart),
    ms(a.cycleEnd),
    a.paidSeats,
    a.credential,
    a.transferFailures,
    msOrNull(a.transferLockedUntil),
    a.teamInbox,
    a.keptRecordings,
    JSON.stringify(a.teamIntegrations),
    a.chargeCount,
    msOrNull(a.testNow),
    a.actorId,
  ];
}

export const MEMBER_COLUMNS =
  'id, name, email, canonical, name_key, role, status, version, recordings, sms_conversations, campaigns, personal_integrations';

export function memberFromRow(r: MemberRow): MemberRecord {
  return {
    id: r.id,
    name: r.name,
    email: r.email,
    canonical: r.canonical,
    nameKey: r.name_key,
    role: r.role as Role,
    status: r.status as MemberStatus,
    version: r.version,
    recordings: r.recordings,
    smsConversations: r.sms_conversations,
    campaigns: strings(r.campaigns),
    personalIntegrations: strings(r.personal_integrations),
  };
}

/** The member's columns in MEMBER_COLUMNS order. */
export function memberValues(m: MemberRecord): unknown[] {
  return [
    m.id,
    m.name,
    m.email,
    m.canonical,
    m.nameKey,
    m.role,
    m.status,
    m.version,
    m.recordings,
    m.smsConversations,
    JSON.stringify(m.campaigns),
    JSON.stringify(m.personalIntegrations),
  ];
}

export const INVITATION_COLUMNS =
  'id, email, canonical, role, phone_number, number_from, sent_at, expires_at, accepted_at, revoked_at, version';

export function invitationFromRow(r: InvitationRow): InvitationRecord {
  return {
    id: r.id,
    email: r.email,
    canonical: r.canonical,
    role: r.role as Role,
    phoneNumber: r.phone_number,
    numberFrom: r.number_from === null ? null : (JSON.parse(r.number_from) as Assignee),
    sentAt: new Date(r.sent_at),
    expiresAt: new Date(r.expires_at),
    acceptedAt: dateOrNull(r.accepted_at),
    revokedAt: dateOrNull(r.revoked_at),
    version: r.version,
  };
}

/** The invitation's columns in INVITATION_COLUMNS order. */
export function invitationValues(i: InvitationRecord): unknown[] {
  return [
    i.id,
    i.email,
    i.canonical,
    i.role,
    i.phoneNumber,
    i.numberFrom === null ? null : JSON.stringify(i.numberFrom),
    ms(i.sentAt),
    ms(i.expiresAt),
    msOrNull(i.acceptedAt),
    msOrNull(i.revokedAt),
    i.version,
  ];
}

export function assigneeFromRow(r: NumberRow): Assignee | null {
  if (r.assignee_type === 'member' && r.assignee_id !== null)
    return { type: 'member', memberId: r.assignee_id };
  if (r.assignee_type === 'ringGroup' && r.assignee_id !== null)
    return { type: 'ringGroup', ringGroupId: r.assignee_id };
  return null;
}

export function assigneeValues(a: Assignee | null): [string | null, string | null] {
  if (!a) return [null, null];
  return a.type === 'member' ? ['member', a.memberId] : ['ringGroup', a.ringGroupId];
}

export function numberFromRow(r: NumberRow): NumberRecord {
  return { number: r.number, assignee: assigneeFromRow(r) };
}

/** `?, ?, …` for `n` values. */
export function placeholders(n: number): string {
  return Array.from({ length: n }, () => '?').join(', ');
}
