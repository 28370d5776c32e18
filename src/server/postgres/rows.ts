// Rows to records and back. Both drivers hand timestamptz back as a Date, jsonb parsed and
// integer as a number; a pool configured with other type parsers still reads right (strings).
import type { Assignee } from '../../schemas/index.js';
import type { AccountRecord, InvitationRecord, MemberRecord } from '../store.js';

export type Row = Record<string, unknown>;

export function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

export function toDateOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : toDate(value);
}

function toJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

const toInt = (value: unknown): number => Number(value);

/** A Date as the parameter both drivers send the same way (UTC, milliseconds). */
export const iso = (date: Date): string => date.toISOString();
export const isoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);

// ---- accounts -------------------------------------------------------------------------------------

/** Role → status → count, and role → open invitations: the counters in the account row. */
export type MemberCounts = Record<string, Partial<Record<'active' | 'deactivated', number>>>;
export type InvitationCounts = Record<string, number>;

export const ACCOUNT_COLUMNS = `id, plan_id, period, anchor, cycle_start, cycle_end, paid_seats,
  credential, transfer_failures, transfer_locked_until, team_inbox, kept_recordings,
  team_integrations, charge_count, test_now, actor_id, member_counts, open_invitation_counts`;

export function accountFromRow(row: Row): {
  account: AccountRecord;
  members: MemberCounts;
  invitations: InvitationCounts;
} {
  return {
    account: {
      id: String(row.id),
      planId: String(row.plan_id),
      period: row.period as AccountRecord['period'],
      anchor: toDate(row.anchor),
      cycleStart: toDate(row.cycle_start),
      cycleEnd: toDate(row.cycle_end),
      paidSeats: toInt(row.paid_seats),
      credential: String(row.credential),
      transferFailures: toInt(row.transfer_failures),
      transferLockedUntil: toDateOrNull(row.transfer_locked_until),
      teamInbox: toInt(row.team_inbox),
      keptRecordings: toInt(row.kept_recordings),
      teamIntegrations: toJson<string[]>(row.team_integrations),
      chargeCount: toInt(row.charge_count),
      testNow: toDateOrNull(row.test_now),
      actorId: row.actor_id === null ? null : String(row.actor_id),
    },
    members: toJson<MemberCounts>(row.member_counts),
    invitations: toJson<InvitationCounts>(row.open_invitation_counts),
  };
}

type AccountField = keyof Omit<AccountRecord, 'id'>;

/** Each account field's column, and the cast its parameter needs (see `param`). */
export const ACCOUNT_FIELDS: Record<AccountField, [string, string | null]> = {
  planId: ['plan_id', null],
  period: ['period', null],
  anchor: ['anchor', 'timestamptz'],
  cycleStart: ['cycle_start', 'timestamptz'],
  cycleEnd: ['cycle_end', 'timestamptz'],
  paidSeats: ['paid_seats', 'integer'],
  credential: ['credential', null],
  transferFailures: ['transfer_failures', 'integer'],
  transferLockedUntil: ['transfer_locked_until', 'timestamptz'],
  teamInbox: ['team_inbox', 'integer'],
  keptRecordings: ['kept_recordings', 'integer'],
  teamIntegrations: ['team_integrations', 'jsonb'],
  chargeCount: ['charge_count', 'integer'],
  testNow: ['test_now', 'timestamptz'],
  actorId: ['actor_id', null],
};

// ---- members --------------------------------------------------------------------------------------

export const MEMBER_COLUMNS = `id, name, email, canonical, name_key, role, status, version,
  recordings, sms_conversations, campaigns, personal_integrations`;

export function memberFromRow(row: Row): MemberRecord {
  return {
    id: String(row.id),
    name: String(row.name),
    email: String(row.email),
    canonical: String(row.canonical),
    nameKey: String(row.name_key),
    role: row.role as MemberRecord['role'],
    status: row.status as MemberRecord['status'],
    version: toInt(row.version),
    recordings: toInt(row.recordings),
    smsConversations: toInt(row.sms_conversations),
    campaigns: toJson<string[]>(row.campaigns),
    personalIntegrations: toJson<string[]>(row.personal_integrations),
  };
}

/** A member as one element of a jsonb_to_recordset batch. */
export function memberToJson(m: MemberRecord): Row {
  return {
    id: m.id,
    name: m.name,
    email: m.email,
    canonical: m.canonical,
    name_key: m.nameKey,
    role: m.role,
    status: m.status,
    version: m.version,
    recordings: m.recordings,
    sms_conversations: m.smsConversations,
    campaigns: m.campaigns,
    personal_integrations: m.personalIntegrations,
  };
}

export const MEMBER_RECORDSET = `id text, name text, email text, canonical text, name_key text,
  role text, status text, version integer, recordings integer, sms_conversations integer,
  campaigns jsonb, personal_integrations jsonb`;

type MemberField = keyof Omit<MemberRecord, 'id'>;

export const MEMBER_FIELDS: Record<MemberField, [string, string | null]> = {
  name: ['name', null],
  email: ['email', null],
  canonical: ['canonical', null],
  nameKey: ['name_key', null],
  role: ['role', null],
  status: ['status', null],
  version: ['version', 'integer'],
  recordings: ['recordings', 'integer'],
  smsConversations: ['sms_conversations', 'integer'],
  campaigns: ['campaigns', 'jsonb'],
  personalIntegrations: ['personal_integrations', 'jsonb'],
};

// ---- invitations ----------------------------------------------------------------------------------

export const INVITATION_COLUMNS = `id, email, canonical, role, phone_number, number_from, sent_at,
  expires_at, accepted_at, revoked_at, version`;

export function invitationFromRow(row: Row): InvitationRecord {
  return {
    id: String(row.id),
    email: String(row.email),
    canonical: String(row.canonical),
    role: row.role as InvitationRecord['role'],
    phoneNumber: row.phone_number === null ? null : String(row.phone_number),
    numberFrom: row.number_from === null ? null : toJson<Assignee>(row.number_from),
    sentAt: toDate(row.sent_at),
    expiresAt: toDate(row.expires_at),
    acceptedAt: toDateOrNull(row.accepted_at),
    revokedAt: toDateOrNull(row.revoked_at),
    version: toInt(row.version),
  };
}

export function invitationToJson(i: InvitationRecord): Row {
  return {
    id: i.id,
    email: i.email,
    canonical: i.canonical,
    role: i.role,
    phone_number: i.phoneNumber,
    number_from: i.numberFrom,
    sent_at: iso(i.sentAt),
    expires_at: iso(i.expiresAt),
    accepted_at: isoOrNull(i.acceptedAt),
    revoked_at: isoOrNull(i.revokedAt),
    version: i.version,
  };
}

export const INVITATION_RECORDSET = `id text, email text, canonical text, role text,
  phone_number text, number_from jsonb, sent_at timestamptz, expires_at timestamptz,
  accepted_at timestamptz, revoked_at timestamptz, version integer`;

type InvitationField = keyof Omit<InvitationRecord, 'id'>;

export const INVITATION_FIELDS: Record<InvitationField, [string, string | null]> = {
  email: ['email', null],
  canonical: ['canonical', null],
  role: ['role', null],
  phoneNumber: ['phone_number', null],
  numberFrom: ['number_from', 'jsonb'],
  sentAt: ['sent_at', 'timestamptz'],
  expiresAt: ['expires_at', 'timestamptz'],
  acceptedAt: ['accepted_at', 'timestamptz'],
  revokedAt: ['revoked_at', 'timestamptz'],
  version: ['version', 'integer'],
};

/** A record field's value as a statement parameter (dates as ISO text, JSON as text). */
export function param(value: unknown, cast: string | null): unknown {
  if (value instanceof Date) return value.toISOString();
  if (cast === 'jsonb') return value === null ? null : JSON.stringify(value);
  return value;
}
