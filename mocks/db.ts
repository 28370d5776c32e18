// The mock backend's data, in memory: built from a scenario, turned back into one by snapshot().
import {
  canonicalEmail,
  cycleAt,
  findPlan,
  initialPaidSeats,
  invitationExpiresAt,
  invitationStatus,
  planAllowsRole,
} from '../src/rules/index.js';
import type { Cycle } from '../src/rules/index.js';
import type {
  Assignee,
  BillingPeriod,
  Charge,
  Invitation,
  InvitationStatus,
  Invoice,
  Member,
  MemberStatus,
  Plan,
  Role,
} from '../src/schemas/index.js';
import { parseScenario } from '../src/schemas/scenario.js';
import type { Scenario, ScenarioMember, ScenarioRingGroup } from '../src/schemas/scenario.js';

export interface MemberRow {
  id: string;
  name: string;
  email: string;
  canonical: string;
  role: Role;
  status: MemberStatus;
  version: number;
  recordings: number;
  smsConversations: number;
  campaigns: string[];
  personalIntegrations: string[];
}

export interface InvitationRow {
  id: string;
  email: string;
  canonical: string;
  role: Role;
  phoneNumber: string | null;
  sentAt: Date;
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
  version: number;
}

export interface Db {
  plan: Plan;
  period: BillingPeriod;
  /** The first cycle's start; renewals fall on anchor + k periods. */
  anchor: Date;
  cycle: Cycle;
  paidSeats: number;
  now: Date;
  actorId: string;
  password: string;
  /** Insertion order is the order of the scenario. */
  members: Map<string, MemberRow>;
  memberIdByEmail: Map<string, string>;
  invitations: Map<string, InvitationRow>;
  /** Every number on the account and where it rings (null: unassigned, kept). */
  numbers: Map<string, Assignee | null>;
  ringGroups: Map<string, { id: string; name: string }>;
  teamIntegrations: string[];
  /** SMS conversations moved to the shared team inbox by removals. */
  teamInbox: number;
  /** Recordings of removed members, kept on the account (admins keep access). */
  keptRecordings: number;
  charges: Charge[];
  invoices: Invoice[];
  transfer: { failures: number; lockedUntil: Date | null };
  /** Every id ever handed out, so a re-invited email never reuses a removed member's id. */
  usedIds: Set<string>;
  counters: { charge: number };
  /** Bumped on every write: list caches key on it. */
  revision: number;
}

/** Longest slug in an id: ids stay far below the wire contract's 200 characters. */
const SLUG_MAX = 80;

/**
 * `Olivia.Park@Example.com` → `olivia-park-example-com`, at most SLUG_MAX characters (a 254-character
 * email or a long ring-group name would otherwise make an id the wire contract refuses).
 */
export function slug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, SLUG_MAX)
      .replace(/^-+|-+$/g, '') || 'x'
  );
}

export function freshId(db: Db, prefix: string, base: string): string {
  let id = `${prefix}-${slug(base)}`;
  for (let n = 2; db.usedIds.has(id); n++) id = `${prefix}-${slug(base)}-${n}`;
  db.usedIds.add(id);
  return id;
}

/** Validates a scenario (shape, consistency, the plan catalogue) or throws an Error saying why. */
export function loadScenario(input: unknown): Scenario {
  const parsed = parseScenario(input);
  if (!parsed.ok) throw new Error(parsed.message);
  const scenario = parsed.scenario;
  const plan = findPlan(scenario.plan);
  const problems: string[] = [];
  if (!plan) {
    problems.push(
      `plan: unknown plan ${JSON.stringify(scenario.plan)} (expected essentials, team, pro or enterprise)`,
    );
  } else {
    scenario.members.forEach((m, i) => {
      if (!planAllowsRole(plan, m.role)) {
        problems.push(`members[${i}].role: ${m.role} is not available on the ${plan.name} plan`);
      }
    });
    scenario.invitations.forEach((inv, i) => {
      if (!planAllowsRole(plan, inv.role)) {
        problems.push(
          `invitations[${i}].role: ${inv.role} is not available on the ${plan.name} plan`,
        );
      }
    });
  }
  if (problems.length > 0) {
    throw new Error(`The scenario is not valid:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  return scenario;
}

export function createDb(scenario: Scenario): Db {
  const plan = findPlan(scenario.plan);
  if (!plan) throw new Error(`Unknown plan ${scenario.plan}`);
  const now = new Date(scenario.now);
  const anchor = new Date(scenario.cycleStart);
  const db: Db = {
    plan,
    period: scenario.billing,
    anchor,
    cycle: cycleAt(anchor, scenario.billing, now),
    paidSeats: 0,
    now,
    actorId: '',
    password: scenario.password,
    members: new Map(),
    memberIdByEmail: new Map(),
    invitations: new Map(),
    numbers: new Map(scenario.phoneNumbers.map((n) => [n, null])),
    ringGroups: new Map(),
    teamIntegrations: [...(scenario.teamIntegrations ?? [])],
    teamInbox: 0,
    keptRecordings: 0,
    charges: [],
    invoices: [],
    transfer: { failures: 0, lockedUntil: null },
    usedIds: new Set(),
    counters: { charge: 0 },
    revision: 0,
  };
  for (const m of scenario.members) addMember(db, m);
  for (const g of scenario.ringGroups) addRingGroup(db, g);
  for (const inv of scenario.invitations) {
    const sentAt = new Date(inv.sentAt);
    const canonical = canonicalEmail(inv.email);
    const id = freshId(db, 'inv', canonical);
    db.invitations.set(id, {
      id,
      email: inv.email,
      canonical,
      role: inv.role,
      phoneNumber: inv.phoneNumber ?? null,
      sentAt,
      expiresAt: invitationExpiresAt(sentAt),
      acceptedAt: null,
      revokedAt: null,
      version: 1,
    });
  }
  db.actorId = db.memberIdByEmail.get(canonicalEmail(scenario.actor)) ?? '';
  const active = countMembers(db, 'active');
  db.paidSeats = Math.max(initialPaidSeats(plan, active), scenario.paidSeats ?? 0);
  return db;
}

function addMember(db: Db, m: ScenarioMember): void {
  const canonical = canonicalEmail(m.email);
  const id = freshId(db, 'mem', canonical);
  db.members.set(id, {
    id,
    name: m.name,
    email: m.email,
    canonical,
    role: m.role,
    status: m.status,
    version: 1,
    recordings: m.recordings ?? 0,
    smsConversations: m.smsConversations ?? 0,
    campaigns: [...(m.campaigns ?? [])],
    personalIntegrations: [...(m.personalIntegrations ?? [])],
  });
  db.memberIdByEmail.set(canonical, id);
  for (const n of m.phoneNumbers ?? []) db.numbers.set(n, { type: 'member', memberId: id });
}

function addRingGroup(db: Db, g: ScenarioRingGroup): void {
  const name = typeof g === 'string' ? g : g.name;
  const id = freshId(db, 'rg', name);
  db.ringGroups.set(id, { id, name });
  if (typeof g !== 'string') {
    for (const n of g.phoneNumbers ?? []) db.numbers.set(n, { type: 'ringGroup', ringGroupId: id });
  }
}

export function countMembers(db: Db, status: MemberStatus): number {
  let n = 0;
  for (const m of db.members.values()) if (m.status === status) n++;
  return n;
}

export function statusOf(inv: InvitationRow, now: Date): InvitationStatus {
  return invitationStatus(inv, now);
}

/** Invitations that hold a seat of capacity: pending and not yet expired. */
export function countPending(db: Db): number {
  let n = 0;
  for (const inv of db.invitations.values()) if (statusOf(inv, db.now) === 'pending') n++;
  return n;
}

export function numbersOf(db: Db, memberId: string): string[] {
  const out: string[] = [];
  for (const [n, a] of db.numbers) if (a?.type === 'member' && a.memberId === memberId) out.push(n);
  return out;
}

/** Every member's numbers at once (for lists: one pass over the numbers). */
export function numbersByMember(db: Db): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [n, a] of db.numbers) {
    if (a?.type !== 'member') continue;
    const list = out.get(a.memberId);
    if (list) list.push(n);
    else out.set(a.memberId, [n]);
  }
  return out;
}

export function toMember(row: MemberRow, numbers: readonly string[]): Member {
  return {
    kind: 'member',
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    status: row.status,
    phoneNumbers: [...numbers],
    version: row.version,
  };
}

export function toInvitation(row: InvitationRow, now: Date): Invitation {
  return {
    kind: 'invitation',
    id: row.id,
    email: row.email,
    role: row.role,
    phoneNumber: row.phoneNumber,
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: statusOf(row, now),
    version: row.version,
  };
}

/** The current state as a scenario: load it again to continue from here. */
export function snapshotDb(db: Db): Scenario {
  const byMember = numbersByMember(db);
  const actor = db.members.get(db.actorId);
  const groupNumbers = new Map<string, string[]>();
  for (const [n, a] of db.numbers) {
    if (a?.type === 'ringGroup')
      groupNumbers.set(a.ringGroupId, [...(groupNumbers.get(a.ringGroupId) ?? []), n]);
  }
  const owner = [...db.members.values()].find((m) => m.role === 'owner');
  return {
    plan: db.plan.id,
    billing: db.period,
    cycleStart: db.anchor.toISOString(),
    now: db.now.toISOString(),
    actor: actor?.email ?? owner?.email ?? '',
    password: db.password,
    members: [...db.members.values()].map((m) => ({
      name: m.name,
      email: m.email,
      role: m.role,
      status: m.status,
      ...(byMember.get(m.id) ? { phoneNumbers: byMember.get(m.id) } : {}),
      ...(m.recordings ? { recordings: m.recordings } : {}),
      ...(m.smsConversations ? { smsConversations: m.smsConversations } : {}),
      ...(m.campaigns.length ? { campaigns: [...m.campaigns] } : {}),
      ...(m.personalIntegrations.length
        ? { personalIntegrations: [...m.personalIntegrations] }
        : {}),
    })),
    invitations: [...db.invitations.values()]
      .filter((inv) => !inv.acceptedAt && !inv.revokedAt)
      .map((inv) => ({
        email: inv.email,
        role: inv.role,
        ...(inv.phoneNumber ? { phoneNumber: inv.phoneNumber } : {}),
        sentAt: inv.sentAt.toISOString(),
      })),
    phoneNumbers: [...db.numbers.keys()],
    ringGroups: [...db.ringGroups.values()].map((g) =>
      groupNumbers.get(g.id)
        ? { name: g.name, phoneNumbers: groupNumbers.get(g.id) ?? [] }
        : g.name,
    ),
    ...(db.teamIntegrations.length ? { teamIntegrations: [...db.teamIntegrations] } : {}),
    paidSeats: db.paidSeats,
  };
}
