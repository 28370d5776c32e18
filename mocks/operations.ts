// The mock backend's operations. Each one runs synchronously from its checks to its writes, so
// two requests can never both pass a check that only one of them may pass (the last free seat).
import * as z from 'zod/mini';
import {
  activateSeat,
  canonicalEmail,
  capacityLeft,
  checkCapacity,
  decide,
  invitationExpiresAt,
  nextInvoice,
  planAllowsRole,
  quoteChange,
  renewIfDue,
  validateBulkRows,
  validateInvite,
} from '../src/rules/index.js';
import type { Action, InviteProblem, SeatState, Target, TeamSnapshot } from '../src/rules/index.js';
import {
  AssignNumberInput,
  Assignee as AssigneeSchema,
  Change,
  ChangeRoleInput,
  EntryStatus,
  Role as RoleSchema,
  SortKey,
  TransferInput,
} from '../src/schemas/index.js';
import type {
  Assignee,
  BillingSummary,
  Charge,
  ErrorCode,
  Invitation,
  InviteInput,
  Member,
  MemberChangeResult,
  PhoneNumber,
  ProblemDetail,
  Quote,
  RemovalImpact,
  RemovalResult,
  Role,
  TeamEntry,
  TeamPage,
  TransferResult,
} from '../src/schemas/index.js';
import { describeIssues } from '../src/schemas/describe-issues.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, STATUS_BY_CODE } from '../src/api/routes.js';
import { SeatkitError } from '../src/api/errors.js';
import type { OperationId } from '../src/api/routes.js';
import {
  countMembers,
  countPending,
  freshId,
  numbersByMember,
  numbersOf,
  statusOf,
  toInvitation,
  toMember,
} from './db.js';
import type { Db, InvitationRow, MemberRow } from './db.js';

/** A refusal: a SeatkitError whose status is the one its code travels with. */
export class Refusal extends SeatkitError {
  constructor(
    code: ErrorCode,
    message: string,
    extra: { errors?: ProblemDetail[]; retryAfter?: number; status?: number } = {},
  ) {
    super(code, message, {
      status: extra.status ?? STATUS_BY_CODE[code],
      details: extra.errors ?? [],
      ...(extra.retryAfter === undefined ? {} : { retryAfter: extra.retryAfter }),
    });
  }
}

export interface OperationRequest {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
  /** The version in `If-Match`, or null when the request sent none. */
  ifMatch: number | null;
}

const LOCKOUT_FAILURES = 5;
const LOCKOUT_MS = 15 * 60_000;

// ---- shared helpers ----------------------------------------------------------------------------

export function seatState(db: Db): SeatState {
  return {
    plan: db.plan,
    period: db.period,
    cycle: db.cycle,
    active: countMembers(db, 'active'),
    pending: countPending(db),
    paidSeats: db.paidSeats,
  };
}

/** Renews every cycle the clock has passed: paid seats recomputed, one invoice per renewal. */
export function renew(db: Db): void {
  if (db.now.getTime() < db.cycle.end.getTime()) return;
  const { state, invoices } = renewIfDue(seatState(db), db.anchor, db.now);
  db.cycle = state.cycle;
  db.paidSeats = state.paidSeats;
  db.invoices.push(...invoices);
  db.revision++;
}

function actorRow(db: Db): MemberRow {
  const actor = db.members.get(db.actorId);
  if (!actor) throw new Refusal('unauthenticated', 'Nobody is signed in.');
  // A deactivated member is known but may do nothing: 403 with the reason (PRODUCT.md).
  if (actor.status !== 'active')
    throw new Refusal(
      'forbidden',
      'Your account is deactivated. Ask the owner or an admin to reactivate it.',
    );
  return actor;
}

function authorize(
  db: Db,
  action: Action,
  context: { target?: Target; newRole?: Role } = {},
): MemberRow {
  const actor = actorRow(db);
  const decision = decide(actor, action, { ...context, plan: db.plan });
  if (!decision.allowed) throw new Refusal(decision.code, decision.reason);
  return actor;
}

function memberOr404(db: Db, id: string): MemberRow {
  const row = db.members.get(id);
  if (!row)
    throw new Refusal('not_found', 'That member does not exist (they may have been removed).');
  return row;
}

function invitationOr404(db: Db, id: string): InvitationRow {
  const row = db.invitations.get(id);
  if (!row) throw new Refusal('not_found', 'That invitation does not exist.');
  return row;
}

function checkVersion(row: { version: number }, ifMatch: number | null, what: string): void {
  if (ifMatch !== null && ifMatch !== row.version) {
    throw new Refusal(
      'version_conflict',
      `${what} changed since you loaded it (version ${ifMatch}, now ${row.version}). Reload and try again.`,
    );
  }
}

function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  const messages = describeIssues(result.error.issues);
  throw new Refusal('validation_failed', `The request is not valid: ${messages.join('; ')}`, {
    errors: result.error.issues.map((issue, i) => ({
      field: issue.path.map(String).join('.') || undefined,
      code: issue.code,
      message: messages[i] ?? issue.message,
    })),
  });
}

function memberView(db: Db, row: MemberRow): Member {
  return toMember(row, numbersOf(db, row.id));
}

function teamSnapshot(db: Db): TeamSnapshot {
  return {
    plan: db.plan,
    members: [...db.members.values()],
    invitations: [...db.invitations.values()].map((inv) => ({
      email: inv.email,
      status: statusOf(inv, db.now),
    })),
    phoneNumbers: [...db.numbers.keys()],
    capacityLeft: capacityLeft(seatState(db)),
  };
}

/** Which of our error codes a rules problem travels as; field problems are plain validation. */
const PROBLEM_CODES: Partial<Record<InviteProblem['code'], ErrorCode>> = {
  role_not_on_plan: 'role_not_on_plan',
  already_member: 'already_member',
  already_invited: 'already_invited',
  over_capacity: 'capacity_exceeded',
};

function wireField(field: InviteProblem['field']): string | undefined {
  return field === 'phone_number' ? 'phoneNumber' : (field ?? undefined);
}

/** The one code of a refused invite: a field problem first, then the most specific refusal. */
function inviteCode(problems: readonly InviteProblem[]): ErrorCode {
  const codes = problems.map((p) => PROBLEM_CODES[p.code] ?? 'validation_failed');
  for (const code of [
    'validation_failed',
    'already_member',
    'already_invited',
    'role_not_on_plan',
    'capacity_exceeded',
  ] as const) {
    if (codes.includes(code)) return code;
  }
  return 'validation_failed';
}

// Request bodies are strict: a field the contract doesn't have (`amount`, `paidSeats`, `status`,
// `version`, ...) is refused with 422 rather than silently dropped, so a client can never believe
// it set something the server ignored, and nothing can be smuggled past a later code change.
const RawInviteBody = z.strictObject({
  email: z.string(),
  role: z.string(),
  phoneNumber: z.optional(z.nullable(z.string())),
});
const StrictChangeRole = z.strictObject(ChangeRoleInput.shape);
const StrictAssignNumber = z.strictObject(AssignNumberInput.shape);
const StrictTransfer = z.strictObject(TransferInput.shape);
const RawBulkBody = z.strictObject({
  invitations: z.array(RawInviteBody).check(z.minLength(1), z.maxLength(100_000)),
});

function createInvitation(db: Db, invite: InviteInput): InvitationRow {
  const canonical = canonicalEmail(invite.email);
  // An expired invitation for the same address is superseded by the new one.
  for (const old of db.invitations.values()) {
    if (old.canonical === canonical && statusOf(old, db.now) === 'expired') old.revokedAt = db.now;
  }
  const id = freshId(db, 'inv', canonical);
  const row: InvitationRow = {
    id,
    email: invite.email.trim(),
    canonical,
    role: invite.role,
    phoneNumber: invite.phoneNumber ?? null,
    sentAt: db.now,
    expiresAt: invitationExpiresAt(db.now),
    acceptedAt: null,
    revokedAt: null,
    version: 1,
  };
  db.invitations.set(id, row);
  return row;
}

function recordCharge(db: Db, memberId: string, amount: number, reason: Charge['reason']): Charge {
  db.counters.charge++;
  const charge: Charge = {
    id: `ch-${db.counters.charge}`,
    memberId,
    amount,
    at: db.now.toISOString(),
    reason,
  };
  db.charges.push(charge);
  return charge;
}

function nameFromEmail(email: string): string {
  const local = email.split('@')[0] ?? email;
  return local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join(' ');
}

// ---- list --------------------------------------------------------------------------------------

const STATUS_ORDER: Record<string, number> = { active: 0, pending: 1, expired: 2, deactivated: 3 };
const ROLE_ORDER: Record<Role, number> = { owner: 0, admin: 1, supervisor: 2, agent: 3 };

interface ListEntry {
  entry: TeamEntry;
  name: string;
  email: string;
}

const ListQuery = z.object({
  search: z.optional(z.string().check(z.maxLength(200))),
  role: z.optional(RoleSchema),
  status: z.optional(EntryStatus),
  sort: z.optional(SortKey),
  direction: z.optional(z.enum(['asc', 'desc'])),
  cursor: z.optional(z.string()),
  limit: z.optional(
    z.string().check(z.regex(/^[1-9]\d{0,5}$/, { error: 'expected a whole number from 1' })),
  ),
});

/** Sorted entries of one query, kept until the data or the clock changes. */
const listCache = new WeakMap<Db, { key: string; entries: ListEntry[] }>();

function sortedEntries(db: Db, q: z.output<typeof ListQuery>): ListEntry[] {
  const key = JSON.stringify([
    db.revision,
    db.now.getTime(),
    q.search,
    q.role,
    q.status,
    q.sort,
    q.direction,
  ]);
  const cached = listCache.get(db);
  if (cached?.key === key) return cached.entries;

  const search = q.search?.trim().toLowerCase() ?? '';
  const byMember = numbersByMember(db);
  const entries: ListEntry[] = [];
  const keep = (role: Role, status: string, name: string, email: string) =>
    (!q.role || q.role === role) &&
    (!q.status || q.status === status) &&
    (!search || name.includes(search) || email.includes(search));
  for (const m of db.members.values()) {
    const name = m.name.toLowerCase();
    if (keep(m.role, m.status, name, m.canonical)) {
      entries.push({ entry: toMember(m, byMember.get(m.id) ?? []), name, email: m.canonical });
    }
  }
  for (const inv of db.invitations.values()) {
    const status = statusOf(inv, db.now);
    if (status !== 'pending' && status !== 'expired') continue;
    if (keep(inv.role, status, inv.canonical, inv.canonical)) {
      entries.push({ entry: toInvitation(inv, db.now), name: inv.canonical, email: inv.canonical });
    }
  }
  const sort = q.sort ?? 'name';
  const sign = q.direction === 'desc' ? -1 : 1;
  const primary = (e: ListEntry): number | string =>
    sort === 'role'
      ? ROLE_ORDER[e.entry.role]
      : sort === 'status'
        ? (STATUS_ORDER[e.entry.status] ?? 9)
        : e.name;
  entries.sort((a, b) => {
    const pa = primary(a);
    const pb = primary(b);
    if (pa !== pb) return (pa < pb ? -1 : 1) * sign;
    if (a.name !== b.name) return a.name < b.name ? -1 : 1;
    return a.entry.id < b.entry.id ? -1 : a.entry.id > b.entry.id ? 1 : 0;
  });
  listCache.set(db, { key, entries });
  return entries;
}

function encodeCursor(offset: number, id: string): string {
  return btoa(JSON.stringify({ o: offset, id }))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

function decodeCursor(cursor: string): { o: number; id: string } {
  try {
    const value: unknown = JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/')));
    if (typeof value === 'object' && value !== null && 'o' in value && 'id' in value) {
      const { o, id } = value as { o: unknown; id: unknown };
      if (typeof o === 'number' && Number.isInteger(o) && o >= 0 && typeof id === 'string')
        return { o, id };
    }
  } catch {
    // Falls through to the refusal below.
  }
  throw new Refusal('validation_failed', 'The cursor is not one this server handed out.', {
    errors: [
      {
        field: 'cursor',
        code: 'invalid_cursor',
        message: 'cursor: not a cursor from a previous page',
      },
    ],
  });
}

function listTeam(db: Db, req: OperationRequest): TeamPage {
  authorize(db, 'viewTeam');
  const q = parse(ListQuery, Object.fromEntries(req.query));
  const entries = sortedEntries(db, q);
  const limit = Math.min(Number(q.limit ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  let start = 0;
  if (q.cursor) {
    // The cursor names the last entry seen; if the list moved, find that entry again.
    const { o, id } = decodeCursor(q.cursor);
    if (entries[o - 1]?.entry.id === id) start = o;
    else {
      const at = entries.findIndex((e) => e.entry.id === id);
      start = at === -1 ? Math.min(o, entries.length) : at + 1;
    }
  }
  const page = entries.slice(start, start + limit);
  const end = start + page.length;
  const last = page.at(-1);
  return {
    items: page.map((e) => e.entry),
    nextCursor: end < entries.length && last ? encodeCursor(end, last.entry.id) : null,
    total: entries.length,
  };
}

// ---- billing -----------------------------------------------------------------------------------

function billingSummary(db: Db): BillingSummary {
  authorize(db, 'viewBilling');
  const state = seatState(db);
  return {
    plan: db.plan,
    cycle: {
      period: db.period,
      start: db.cycle.start.toISOString(),
      end: db.cycle.end.toISOString(),
    },
    currency: 'USD',
    now: db.now.toISOString(),
    activeSeats: state.active,
    paidSeats: state.paidSeats,
    pendingInvitations: state.pending,
    deactivatedMembers: countMembers(db, 'deactivated'),
    nextInvoice: nextInvoice(state),
  };
}

function quote(db: Db, req: OperationRequest): Quote {
  authorize(db, 'quote');
  const change = parse(Change, req.body);
  const target = 'memberId' in change ? memberOr404(db, change.memberId) : undefined;
  return quoteChange(seatState(db), change, db.now, target ? { status: target.status } : undefined);
}

// ---- invitations -------------------------------------------------------------------------------

function invite(db: Db, req: OperationRequest): Invitation {
  authorize(db, 'invite');
  const raw = parse(RawInviteBody, req.body);
  const { problems, invite: valid } = validateInvite(raw, teamSnapshot(db));
  if (problems.length > 0 || !valid) {
    const code = inviteCode(problems);
    const main = problems.find((p) => (PROBLEM_CODES[p.code] ?? 'validation_failed') === code);
    throw new Refusal(code, main?.message ?? 'The invitation is not valid.', {
      errors: problems.map((p) => ({
        field: wireField(p.field),
        code: p.code,
        message: p.message,
      })),
    });
  }
  authorize(db, 'invite', { newRole: valid.role });
  const row = createInvitation(db, valid);
  db.revision++;
  return toInvitation(row, db.now);
}

function bulkInvite(db: Db, req: OperationRequest): { invitations: Invitation[] } {
  authorize(db, 'invite');
  const body = parse(RawBulkBody, req.body);
  const results = validateBulkRows(
    // Rows are numbered from 1 in messages ("Same email as row 3"); details carry the 0-based index.
    body.invitations.map((r, i) => ({
      row: i + 1,
      email: r.email,
      role: r.role,
      phoneNumber: r.phoneNumber ?? null,
    })),
    teamSnapshot(db),
  );
  const problems = results.flatMap((r) =>
    r.problems.map((p) => ({
      row: r.row - 1,
      field: wireField(p.field),
      code: p.code,
      message: p.message,
    })),
  );
  if (problems.length > 0) {
    const onlyCapacity = problems.every((p) => p.code === 'over_capacity');
    const badRows = new Set(problems.map((p) => p.row)).size;
    throw new Refusal(
      onlyCapacity ? 'capacity_exceeded' : 'validation_failed',
      onlyCapacity
        ? `${problems[0]?.message ?? 'Not enough seats.'} Nothing was sent.`
        : `${badRows} of ${results.length} row(s) cannot be invited. Nothing was sent.`,
      { errors: problems, status: onlyCapacity ? undefined : 422 },
    );
  }
  const valid = results.map((r) => r.invite).filter((v): v is InviteInput => v !== null);
  // The write-time guard: whatever the row checks said, the seats must fit all together.
  const refusal = checkCapacity(seatState(db), valid.length);
  if (refusal) {
    const left = capacityLeft(seatState(db)) ?? 0;
    throw new Refusal('capacity_exceeded', `${refusal.message} Nothing was sent.`, {
      errors: valid.slice(left).map((v, i) => ({
        row: left + i,
        code: 'over_capacity',
        message: `${v.email}: no seat left for this row.`,
      })),
    });
  }
  for (const v of valid) authorize(db, 'invite', { newRole: v.role });
  const rows = valid.map((v) => createInvitation(db, v));
  db.revision++;
  return { invitations: rows.map((row) => toInvitation(row, db.now)) };
}

function openInvitation(db: Db, req: OperationRequest, action: Action): InvitationRow {
  const row = invitationOr404(db, req.params.id ?? '');
  authorize(db, action);
  checkVersion(row, req.ifMatch, 'The invitation');
  const status = statusOf(row, db.now);
  if (status === 'accepted' || status === 'revoked') {
    throw new Refusal('invitation_closed', `This invitation was already ${status}.`);
  }
  return row;
}

function resendInvitation(db: Db, req: OperationRequest): Invitation {
  const row = openInvitation(db, req, 'resendInvitation');
  if (statusOf(row, db.now) === 'expired') {
    // An expired invitation holds no seat; sending it again takes one.
    const refusal = checkCapacity(seatState(db), 1);
    if (refusal) throw new Refusal('capacity_exceeded', refusal.message);
  }
  row.sentAt = db.now;
  row.expiresAt = invitationExpiresAt(db.now);
  row.version++;
  db.revision++;
  return toInvitation(row, db.now);
}

function revokeInvitation(db: Db, req: OperationRequest): Invitation {
  const row = openInvitation(db, req, 'revokeInvitation');
  row.revokedAt = db.now;
  row.version++;
  db.revision++;
  return toInvitation(row, db.now);
}

/** The invitee's own flow, simulated: the member joins and the seat is charged. */
export function acceptInvitation(db: Db, idOrEmail: string): { member: Member; charge: Charge } {
  const canonical = canonicalEmail(idOrEmail);
  const row =
    db.invitations.get(idOrEmail) ??
    [...db.invitations.values()].find(
      (inv) => inv.canonical === canonical && !inv.acceptedAt && !inv.revokedAt,
    );
  if (!row) throw new Refusal('not_found', `No invitation for ${idOrEmail}.`);
  const status = statusOf(row, db.now);
  if (status === 'expired') {
    throw new Refusal(
      'invitation_expired',
      `The invitation for ${row.email} expired; ask for it to be resent.`,
    );
  }
  if (status !== 'pending')
    throw new Refusal('invitation_closed', `The invitation for ${row.email} was ${status}.`);
  if (db.memberIdByEmail.has(row.canonical)) {
    throw new Refusal('already_member', `${row.email} is already a member.`);
  }
  const { charge, state } = activateSeat(seatState(db), db.now);
  row.acceptedAt = db.now;
  row.version++;
  const id = freshId(db, 'mem', row.canonical);
  const member: MemberRow = {
    id,
    name: nameFromEmail(row.email),
    email: row.email,
    canonical: row.canonical,
    role: row.role,
    status: 'active',
    version: 1,
    recordings: 0,
    smsConversations: 0,
    campaigns: [],
    personalIntegrations: [],
  };
  db.members.set(id, member);
  db.memberIdByEmail.set(row.canonical, id);
  // The number chosen in the invitation rings the new member, if it is still on the account.
  if (row.phoneNumber && db.numbers.has(row.phoneNumber)) {
    db.numbers.set(row.phoneNumber, { type: 'member', memberId: id });
  }
  db.paidSeats = state.paidSeats;
  const recorded = recordCharge(db, id, charge, 'acceptance');
  db.revision++;
  return { member: memberView(db, member), charge: recorded };
}

// ---- members -----------------------------------------------------------------------------------

function changeRole(db: Db, req: OperationRequest): Member {
  const row = memberOr404(db, req.params.id ?? '');
  const { role } = parse(StrictChangeRole, req.body);
  authorize(db, 'changeRole', { target: row, newRole: role });
  checkVersion(row, req.ifMatch, `${row.name}'s membership`);
  if (row.role !== role) {
    row.role = role;
    row.version++;
    db.revision++;
  }
  return memberView(db, row);
}

function checkAssignee(db: Db, assignee: Assignee, field: string, except?: string): void {
  if (assignee.type === 'member') {
    const target = db.members.get(assignee.memberId);
    if (!target || target.id === except) {
      throw new Refusal('validation_failed', 'That member does not exist.', {
        errors: [
          { field, code: 'unknown_member', message: `${field}: no member ${assignee.memberId}` },
        ],
      });
    }
    if (target.status !== 'active') {
      throw new Refusal(
        'conflict',
        `${target.name} is deactivated: reactivate them before assigning a number.`,
      );
    }
  } else if (!db.ringGroups.has(assignee.ringGroupId)) {
    throw new Refusal('validation_failed', 'That ring group does not exist.', {
      errors: [
        {
          field,
          code: 'unknown_ring_group',
          message: `${field}: no ring group ${assignee.ringGroupId}`,
        },
      ],
    });
  }
}

function assignPhoneNumber(db: Db, req: OperationRequest): PhoneNumber {
  const number = req.params.number ?? '';
  const { assignee } = parse(StrictAssignNumber, req.body);
  const target = assignee?.type === 'member' ? db.members.get(assignee.memberId) : undefined;
  authorize(db, 'assignPhoneNumber', target ? { target } : {});
  if (!db.numbers.has(number))
    throw new Refusal('not_found', `${number} is not a number on this account.`);
  if (assignee) checkAssignee(db, assignee, 'assignee');
  db.numbers.set(number, assignee);
  db.revision++;
  return { number, assignee };
}

function removalImpact(db: Db, req: OperationRequest): RemovalImpact {
  const row = memberOr404(db, req.params.id ?? '');
  authorize(db, 'viewRemovalImpact', { target: row });
  const decision = decide(actorRow(db), 'removeMember', { target: row, plan: db.plan });
  return {
    memberId: row.id,
    allowed: decision.allowed,
    ...(decision.allowed ? {} : { refusal: { code: decision.code, message: decision.reason } }),
    phoneNumbers: numbersOf(db, row.id),
    recordings: row.recordings,
    smsConversations: row.smsConversations,
    campaigns: [...row.campaigns],
    personalIntegrations: [...row.personalIntegrations],
    teamIntegrations: [...db.teamIntegrations],
    seatDropsAt: db.cycle.end.toISOString(),
    refund: 0,
  };
}

const RemoveBody = z.strictObject({ reassignTo: z.optional(z.nullable(AssigneeSchema)) });

function removeMember(db: Db, req: OperationRequest): RemovalResult {
  const row = memberOr404(db, req.params.id ?? '');
  const { reassignTo = null } = parse(RemoveBody, req.body ?? {});
  authorize(db, 'removeMember', { target: row });
  checkVersion(row, req.ifMatch, `${row.name}'s membership`);
  if (reassignTo) checkAssignee(db, reassignTo, 'reassignTo', row.id);
  const numbers = numbersOf(db, row.id);
  // Every consequence at once: numbers kept (reassigned or unassigned), recordings kept, SMS to
  // the team inbox, campaigns continue without the member, personal connections dropped.
  for (const n of numbers) db.numbers.set(n, reassignTo);
  db.keptRecordings += row.recordings;
  db.teamInbox += row.smsConversations;
  db.members.delete(row.id);
  db.memberIdByEmail.delete(row.canonical);
  db.revision++;
  return {
    memberId: row.id,
    unassignedNumbers: numbers,
    reassignedTo: numbers.length ? reassignTo : null,
  };
}

function deactivateMember(db: Db, req: OperationRequest): MemberChangeResult {
  const row = memberOr404(db, req.params.id ?? '');
  authorize(db, 'deactivateMember', { target: row });
  checkVersion(row, req.ifMatch, `${row.name}'s membership`);
  row.status = 'deactivated';
  row.version++;
  db.revision++;
  return { member: memberView(db, row), charge: null };
}

function reactivateMember(db: Db, req: OperationRequest): MemberChangeResult {
  const row = memberOr404(db, req.params.id ?? '');
  authorize(db, 'reactivateMember', { target: row });
  checkVersion(row, req.ifMatch, `${row.name}'s membership`);
  if (!planAllowsRole(db.plan, row.role)) {
    throw new Refusal(
      'role_not_on_plan',
      `${row.name} is a ${row.role}, which the ${db.plan.name} plan does not offer: change their role first.`,
    );
  }
  const refusal = checkCapacity(seatState(db), 1);
  if (refusal) throw new Refusal('capacity_exceeded', refusal.message);
  const { charge, state } = activateSeat(seatState(db), db.now);
  row.status = 'active';
  row.version++;
  db.paidSeats = state.paidSeats;
  const recorded = recordCharge(db, row.id, charge, 'reactivation');
  db.revision++;
  return { member: memberView(db, row), charge: recorded };
}

function transferOwnership(db: Db, req: OperationRequest): TransferResult {
  const { memberId, password } = parse(StrictTransfer, req.body);
  const target = db.members.get(memberId);
  const owner = authorize(db, 'transferOwnership', target ? { target } : {});
  const lockedUntil = db.transfer.lockedUntil;
  if (lockedUntil && lockedUntil.getTime() > db.now.getTime()) {
    const seconds = Math.ceil((lockedUntil.getTime() - db.now.getTime()) / 1000);
    throw new Refusal(
      'locked_out',
      `Too many wrong passwords. Try again in ${Math.ceil(seconds / 60)} minute(s).`,
      { retryAfter: seconds },
    );
  }
  if (!target) throw new Refusal('not_found', 'That member does not exist.');
  if (password !== db.password) {
    db.transfer.failures++;
    if (db.transfer.failures >= LOCKOUT_FAILURES) {
      db.transfer.failures = 0;
      db.transfer.lockedUntil = new Date(db.now.getTime() + LOCKOUT_MS);
      throw new Refusal('locked_out', 'Too many wrong passwords. Try again in 15 minutes.', {
        retryAfter: LOCKOUT_MS / 1000,
      });
    }
    const left = LOCKOUT_FAILURES - db.transfer.failures;
    throw new Refusal(
      'wrong_password',
      `That password is not right. ${left} attempt(s) left before a 15-minute lock.`,
      {
        errors: [
          { field: 'password', code: 'wrong_password', message: 'The password is not right.' },
        ],
      },
    );
  }
  db.transfer.failures = 0;
  db.transfer.lockedUntil = null;
  // Both roles change in one step: never zero or two owners.
  owner.role = 'admin';
  owner.version++;
  target.role = 'owner';
  target.version++;
  db.revision++;
  return { newOwner: memberView(db, target), previousOwner: memberView(db, owner) };
}

// ---- the table -----------------------------------------------------------------------------------

export const OPERATIONS: Record<OperationId, (db: Db, req: OperationRequest) => unknown> = {
  getViewer: (db) => {
    authorize(db, 'viewTeam');
    return { member: memberView(db, actorRow(db)) };
  },
  listTeam,
  listPhoneNumbers: (db) => {
    authorize(db, 'viewTeam');
    return { phoneNumbers: [...db.numbers].map(([number, assignee]) => ({ number, assignee })) };
  },
  listRingGroups: (db) => {
    authorize(db, 'viewTeam');
    return { ringGroups: [...db.ringGroups.values()].map((g) => ({ ...g })) };
  },
  getBillingSummary: billingSummary,
  quote,
  invite,
  bulkInvite,
  resendInvitation,
  revokeInvitation,
  changeRole,
  assignPhoneNumber,
  getRemovalImpact: removalImpact,
  removeMember,
  deactivateMember,
  reactivateMember,
  transferOwnership,
};
