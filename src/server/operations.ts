// The operations of the HTTP contract, one function each, on one account's transaction. Each runs
// its checks and writes inside that transaction, so two requests can never both pass a check only
// one of them may pass (the last free seat); a refusal throws before anything is written, and
// the store undoes what a failure leaves half done.
import * as z from 'zod/mini';
import type { SeatState } from '../rules/seats.js';
import {
  activateSeat,
  capacityLeft,
  nextInvoice,
  quoteChange,
  quoteSeats,
  refusedQuote,
} from '../rules/seats.js';
import { canonicalEmail } from '../rules/emails.js';
import { invitationExpiresAt, invitationStatus } from '../rules/invitations.js';
import {
  compactPhoneNumber,
  validateBulkRows,
  validateInvite,
} from '../rules/invite-validation.js';
import type { InviteProblem, NumberHolder, TeamSnapshot } from '../rules/invite-validation.js';
import { memberNameKey } from '../rules/order.js';
import { BATCH_ACTION_PERMISSION } from '../rules/permissions.js';
import {
  AssignNumberInput,
  Assignee as AssigneeSchema,
  BatchInput,
  Change,
  ChangeRoleInput,
  TransferInput,
} from '../schemas/index.js';
import { MAX_BULK_INVITES } from '../schemas/constants.js';
import type {
  Assignee,
  BatchOutcome,
  BatchPreview,
  BatchResult,
  BillingSummary,
  CombinedRemoval,
  Charge,
  ErrorCode,
  Invitation,
  Member,
  MemberChangeResult,
  PhoneNumber,
  Quote,
  RemovalImpact,
  RemovalResult,
  RingGroup,
  TransferResult,
  Viewer,
} from '../schemas/index.js';
import type { OperationId } from '../api/routes.js';
import { assessChange, assessInvites, assessMemberChange } from './changes.js';
import { ITEM_CHANGES, changeOne, checkAssignee, decideEach } from './member-changes.js';
import type { ItemChange } from './member-changes.js';
import {
  authorize,
  invitationView,
  memberView,
  memberWithNumbers,
  seatState,
  updateAccount,
} from './context.js';
import type { ActorCtx, Ctx } from './context.js';
import { freshIds } from './ids.js';
import { listTeam } from './list.js';
import { parse } from './parse.js';
import { Refusal, invalid } from './refusal.js';
import type { InvitationRecord, MemberRecord } from './store.js';

export interface OperationRequest {
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  body: unknown;
  /** `If-Match`: a version, `*` (any existing version), or null when the request sent none. */
  ifMatch: number | '*' | null;
}

export interface Operation {
  /** Reads never write (a due renewal is computed, not stored); writes lock the account. */
  mode: 'read' | 'write';
  /**
   * Slow work done before the account is locked, in a read transaction (checking a password:
   * 100 ms of hashing must not hold every other change of the account). `run` gets its result.
   */
  prepare?(ctx: ActorCtx, req: OperationRequest): Promise<unknown>;
  run(ctx: ActorCtx, req: OperationRequest, prepared: unknown): Promise<unknown>;
}

const LOCKOUT_FAILURES = 5;
const LOCKOUT_MS = 15 * 60_000;

// Request bodies are strict: a field the contract doesn't have (`amount`, `paidSeats`, `status`,
// `version`, ...) is refused with 422 rather than silently dropped, so a client can never believe
// it set something the server ignored.
const RawInvite = z.strictObject({
  email: z.string().check(z.maxLength(1000)),
  role: z.string().check(z.maxLength(100)),
  phoneNumber: z.optional(z.nullable(z.string().check(z.maxLength(100)))),
  moveNumber: z.optional(z.boolean()),
});
// A bulk row can't confirm moving a number (a file has no such column): it has no moveNumber.
const RawBulkRow = z.strictObject({
  email: RawInvite.shape.email,
  role: RawInvite.shape.role,
  phoneNumber: RawInvite.shape.phoneNumber,
});
const RawBulk = z.strictObject({
  invitations: z.array(RawBulkRow).check(z.minLength(1), z.maxLength(MAX_BULK_INVITES)),
});
const StrictChangeRole = z.strictObject(ChangeRoleInput.shape);
const StrictAssignNumber = z.strictObject(AssignNumberInput.shape);
const StrictTransfer = z.strictObject(TransferInput.shape);
const RemoveBody = z.strictObject({ reassignTo: z.optional(z.nullable(AssigneeSchema)) });

// ---- shared steps ------------------------------------------------------------------------------

async function memberOr404(ctx: Ctx, id: string | undefined): Promise<MemberRecord> {
  const row = id ? await ctx.tx.member(id) : null;
  if (!row)
    throw new Refusal('not_found', 'That member does not exist (they may have been removed).');
  return row;
}

/** Who each of these numbers rings now, by name, for the invite checks. */
async function numberHolders(ctx: Ctx, numbers: readonly string[]) {
  const found = await ctx.tx.phoneNumbersIn(numbers);
  const memberIds = found.flatMap((n) =>
    n.assignee?.type === 'member' ? [n.assignee.memberId] : [],
  );
  const members = new Map<string, MemberRecord>();
  for (const id of new Set(memberIds)) {
    const m = await ctx.tx.member(id);
    if (m) members.set(id, m);
  }
  const groups = new Map((await ctx.tx.ringGroups()).map((g) => [g.id, g.name]));
  const holders = new Map<string, NumberHolder>();
  const assignees = new Map<string, Assignee>();
  for (const n of found) {
    if (!n.assignee) continue;
    assignees.set(n.number, n.assignee);
    if (n.assignee.type === 'member') {
      const m = members.get(n.assignee.memberId);
      holders.set(n.number, { name: m?.name ?? n.assignee.memberId, owner: m?.role === 'owner' });
    } else {
      holders.set(n.number, {
        name: groups.get(n.assignee.ringGroupId) ?? 'a ring group',
        owner: false,
      });
    }
  }
  return { numbers: found.map((n) => n.number), holders, assignees };
}

/**
 * The part of the team an invite check needs: the members and open invitations with these
 * emails, these numbers and who they ring, and the seats left. The rules decide on it exactly
 * as the dialog decides on the whole team it has loaded.
 */
async function inviteSnapshot(
  ctx: ActorCtx,
  raws: readonly { email: string; phoneNumber?: string | null }[],
) {
  const canonicals = raws.map((r) => canonicalEmail(r.email ?? ''));
  const phones = raws.flatMap((r) => (r.phoneNumber ? [compactPhoneNumber(r.phoneNumber)] : []));
  const [members, invitations, numbers, state] = await Promise.all([
    ctx.tx.membersByCanonical(canonicals),
    ctx.tx.openInvitationsByCanonical(canonicals),
    numberHolders(ctx, phones),
    seatState(ctx),
  ]);
  const team: TeamSnapshot = {
    plan: ctx.plan,
    plans: ctx.config.plans,
    members: members.map((m) => ({ email: m.canonical, status: m.status })),
    invitations: invitations.map((i) => ({
      email: i.canonical,
      status: invitationStatus(i, ctx.now),
    })),
    phoneNumbers: numbers.numbers,
    numberHolders: numbers.holders,
    viewerIsOwner: ctx.actor.role === 'owner',
    capacityLeft: capacityLeft(state),
  };
  return { team, invitations, assignees: numbers.assignees, state };
}

/**
 * Which error code a rules problem travels as; field problems are plain validation. Exported for
 * the HTTP reference (scripts/http-reference.ts), which documents it.
 */
export const PROBLEM_CODES: Readonly<Partial<Record<InviteProblem['code'], ErrorCode>>> = {
  role_not_on_plan: 'role_not_on_plan',
  already_member: 'already_member',
  already_invited: 'already_invited',
  owner_number: 'forbidden',
  over_capacity: 'capacity_exceeded',
};

/** The code a refused single invite answers with when its problems travel as several codes. */
export const INVITE_CODE_PRECEDENCE: readonly ErrorCode[] = [
  'validation_failed',
  'forbidden',
  'already_member',
  'already_invited',
  'role_not_on_plan',
  'capacity_exceeded',
];

/** The one code of a refused invite: a field problem first, then the most specific refusal. */
function inviteCode(problems: readonly InviteProblem[]): ErrorCode {
  const codes = new Set(problems.map((p) => PROBLEM_CODES[p.code] ?? 'validation_failed'));
  return INVITE_CODE_PRECEDENCE.find((code) => codes.has(code)) ?? 'validation_failed';
}

function wireField(field: InviteProblem['field']): string | undefined {
  return field === 'phone_number' ? 'phoneNumber' : (field ?? undefined);
}

/** New invitations: expired ones for the same email are superseded (revoked) by them. */
async function createInvitations(
  ctx: ActorCtx,
  invites: readonly {
    email: string;
    role: InvitationRecord['role'];
    phoneNumber: string | null;
    numberFrom: Assignee | null;
  }[],
  open: readonly InvitationRecord[],
): Promise<InvitationRecord[]> {
  const canonicals = new Set(invites.map((v) => canonicalEmail(v.email)));
  for (const old of open) {
    if (canonicals.has(old.canonical) && invitationStatus(old, ctx.now) === 'expired')
      await ctx.tx.updateInvitation(old.id, { revokedAt: ctx.now, version: old.version + 1 });
  }
  const ids = await freshIds(
    ctx.tx,
    'inv',
    invites.map((v) => canonicalEmail(v.email)),
  );
  const rows = invites.map((v, i): InvitationRecord => ({
    id: ids[i]!,
    email: v.email.trim(),
    canonical: canonicalEmail(v.email),
    role: v.role,
    phoneNumber: v.phoneNumber,
    numberFrom: v.numberFrom,
    sentAt: ctx.now,
    expiresAt: invitationExpiresAt(ctx.now),
    acceptedAt: null,
    revokedAt: null,
    version: 1,
  }));
  await ctx.tx.insertInvitations(rows);
  return rows;
}

async function recordCharge(
  ctx: Ctx,
  memberId: string,
  amount: number,
  reason: Charge['reason'],
): Promise<Charge> {
  const n = ctx.account.chargeCount + 1;
  const charge: Charge = { id: `ch-${n}`, memberId, amount, at: ctx.now.toISOString(), reason };
  await ctx.tx.insertCharge(charge);
  await updateAccount(ctx, { chargeCount: n });
  return charge;
}

/** A readable name until the member sets theirs: `olivia.park@…` → `Olivia Park`; never empty. */
function nameFromEmail(email: string): string {
  const local = email.slice(0, Math.max(0, email.lastIndexOf('@'))) || email;
  const words = local
    .split(/[._-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1));
  return words.join(' ') || local;
}

function sameAssignee(a: Assignee | null, b: Assignee | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.type === 'member') return b.type === 'member' && a.memberId === b.memberId;
  return b.type === 'ringGroup' && a.ringGroupId === b.ringGroupId;
}

// ---- reads -------------------------------------------------------------------------------------

async function getViewer(ctx: ActorCtx): Promise<Viewer> {
  authorize(ctx, 'viewTeam');
  return { member: await memberWithNumbers(ctx, ctx.actor) };
}

async function listPhoneNumbers(ctx: ActorCtx): Promise<{ phoneNumbers: PhoneNumber[] }> {
  authorize(ctx, 'viewPhoneNumbers');
  return { phoneNumbers: await ctx.tx.phoneNumbers() };
}

async function listRingGroups(ctx: ActorCtx): Promise<{ ringGroups: RingGroup[] }> {
  authorize(ctx, 'viewTeam');
  return { ringGroups: await ctx.tx.ringGroups() };
}

async function getBillingSummary(ctx: ActorCtx): Promise<BillingSummary> {
  authorize(ctx, 'viewBilling');
  const state = await seatState(ctx);
  const counts = await ctx.tx.memberCounts();
  return {
    plan: ctx.plan,
    cycle: {
      period: ctx.account.period,
      start: ctx.account.cycleStart.toISOString(),
      end: ctx.account.cycleEnd.toISOString(),
    },
    currency: 'USD',
    now: ctx.now.toISOString(),
    activeSeats: state.active,
    paidSeats: state.paidSeats,
    pendingInvitations: state.pending,
    deactivatedMembers: counts.deactivated,
    nextInvoice: nextInvoice(state),
  };
}

async function quote(ctx: ActorCtx, req: OperationRequest): Promise<Quote> {
  authorize(ctx, 'quote');
  const change = parse(Change, req.body);
  const state = await seatState(ctx);
  if (change.kind === 'members') return (await quoteMembers(ctx, change, state)).quote;
  const target = 'memberId' in change ? await memberOr404(ctx, change.memberId) : null;
  const refusal = await assessChange(ctx, change, target, state);
  if (refusal)
    return refusedQuote(state, change, ctx.now, { code: refusal.code, message: refusal.message });
  return quoteChange(state, change, ctx.now, target ? { status: target.status } : undefined);
}

async function getRemovalImpact(ctx: ActorCtx, req: OperationRequest): Promise<RemovalImpact> {
  const row = await memberOr404(ctx, req.params.id);
  authorize(ctx, 'viewRemovalImpact', { target: row });
  const refusal = await assessMemberChange(ctx, 'remove', row);
  const numbers = await ctx.tx.numbersOfMembers([row.id]);
  return {
    memberId: row.id,
    allowed: refusal === null,
    ...(refusal ? { refusal: { code: refusal.code, message: refusal.message } } : {}),
    phoneNumbers: numbers.get(row.id) ?? [],
    recordings: row.recordings,
    smsConversations: row.smsConversations,
    campaigns: [...row.campaigns],
    personalIntegrations: [...row.personalIntegrations],
    teamIntegrations: [...ctx.account.teamIntegrations],
    seatDropsAt: ctx.account.cycleEnd.toISOString(),
    refund: 0,
  };
}

// ---- invitations -------------------------------------------------------------------------------

async function invite(ctx: ActorCtx, req: OperationRequest): Promise<Invitation> {
  authorize(ctx, 'invite');
  const raw = parse(RawInvite, req.body);
  const { team, invitations, assignees } = await inviteSnapshot(ctx, [raw]);
  const { problems, invite: valid } = validateInvite(raw, team);
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
  authorize(ctx, 'invite', { newRole: valid.role });
  const phoneNumber = valid.phoneNumber ?? null;
  const [row] = await createInvitations(
    ctx,
    [
      {
        ...valid,
        phoneNumber,
        numberFrom: phoneNumber ? (assignees.get(phoneNumber) ?? null) : null,
      },
    ],
    invitations,
  );
  return invitationView(row!, ctx.now);
}

async function bulkInvite(
  ctx: ActorCtx,
  req: OperationRequest,
): Promise<{ invitations: Invitation[] }> {
  authorize(ctx, 'invite');
  const body = parse(RawBulk, req.body);
  const { team, invitations, state } = await inviteSnapshot(ctx, body.invitations);
  const results = validateBulkRows(
    // Rows are numbered from 1 in messages ("Same email as row 3"); details carry the 0-based index.
    body.invitations.map((r, i) => ({
      row: i + 1,
      email: r.email,
      role: r.role,
      phoneNumber: r.phoneNumber ?? null,
    })),
    team,
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
        ? `${problems[0]?.message ?? 'Not enough seats.'}. Nothing was sent.`
        : `${badRows} of ${results.length} ${results.length === 1 ? 'row' : 'rows'} cannot be invited. Nothing was sent.`,
      { errors: problems },
    );
  }
  const valid = results.flatMap((r) => (r.invite ? [r.invite] : []));
  // The write-time guard: whatever the row checks said, the seats must fit all together.
  const refusal = await assessInvites(ctx, valid.length, state);
  if (refusal) {
    const left = capacityLeft(state) ?? 0;
    throw new Refusal(refusal.code, `${refusal.message} Nothing was sent.`, {
      errors: valid.slice(left).map((v, i) => ({
        row: left + i,
        code: 'over_capacity',
        message: `${v.email}: no seat left for this row.`,
      })),
    });
  }
  for (const v of valid) authorize(ctx, 'invite', { newRole: v.role });
  const rows = await createInvitations(
    ctx,
    valid.map((v) => ({ ...v, phoneNumber: v.phoneNumber ?? null, numberFrom: null })),
    invitations,
  );
  return { invitations: rows.map((row) => invitationView(row, ctx.now)) };
}

async function resendInvitation(ctx: ActorCtx, req: OperationRequest): Promise<Invitation> {
  const { entry } = await changeOne(ctx, ITEM_CHANGES.resend, req.params.id, {}, req.ifMatch);
  return entry as Invitation;
}

async function revokeInvitation(ctx: ActorCtx, req: OperationRequest): Promise<Invitation> {
  const { entry } = await changeOne(ctx, ITEM_CHANGES.revoke, req.params.id, {}, req.ifMatch);
  return entry as Invitation;
}

/** The invitee's own flow, simulated (a test control): the member joins and the seat is charged. */
export async function acceptInvitation(
  ctx: Ctx,
  idOrEmail: string,
): Promise<{ member: Member; charge: Charge }> {
  const canonical = canonicalEmail(idOrEmail);
  // By email: the pending invitation (there is at most one), else the latest expired one.
  const open = (await ctx.tx.openInvitationsByCanonical([canonical])).sort(
    (a, b) => b.sentAt.getTime() - a.sentAt.getTime(),
  );
  const row =
    (await ctx.tx.invitation(idOrEmail)) ??
    open.find((inv) => invitationStatus(inv, ctx.now) === 'pending') ??
    open[0] ??
    null;
  if (!row) throw new Refusal('not_found', `No invitation for ${idOrEmail}.`);
  const status = invitationStatus(row, ctx.now);
  if (status === 'expired') {
    throw new Refusal(
      'invitation_expired',
      `The invitation for ${row.email} expired; ask for it to be resent.`,
    );
  }
  if (status !== 'pending')
    throw new Refusal('invitation_closed', `The invitation for ${row.email} was ${status}.`);
  if ((await ctx.tx.membersByCanonical([row.canonical])).length > 0) {
    throw new Refusal('already_member', `${row.email} is already a member.`);
  }
  if (!ctx.plan.roles.includes(row.role)) {
    throw new Refusal(
      'role_not_on_plan',
      `The ${ctx.plan.name} plan no longer offers the ${row.role} role: revoke the invitation and invite again with another role.`,
    );
  }
  const { charge, state } = activateSeat(await seatState(ctx), ctx.now);
  await ctx.tx.updateInvitation(row.id, { acceptedAt: ctx.now, version: row.version + 1 });
  const [id] = await freshIds(ctx.tx, 'mem', [row.canonical]);
  const name = nameFromEmail(row.email);
  const member: MemberRecord = {
    id: id!,
    name,
    email: row.email,
    canonical: row.canonical,
    nameKey: memberNameKey(name),
    role: row.role,
    status: 'active',
    version: 1,
    recordings: 0,
    smsConversations: 0,
    campaigns: [],
    personalIntegrations: [],
  };
  await ctx.tx.insertMembers([member]);
  // The number chosen in the invitation moves to the new member if it is still on the account
  // and still rings where it rang when the inviter confirmed the move (unassigned, or the holder
  // they were shown); a number given to someone else since stays where it is.
  if (row.phoneNumber) {
    const [number] = await ctx.tx.phoneNumbersIn([row.phoneNumber]);
    if (number && sameAssignee(number.assignee, row.numberFrom))
      await ctx.tx.setAssignee(number.number, { type: 'member', memberId: member.id });
  }
  await updateAccount(ctx, { paidSeats: state.paidSeats });
  const recorded = await recordCharge(ctx, member.id, charge, 'acceptance');
  return { member: await memberWithNumbers(ctx, member), charge: recorded };
}

// ---- members -----------------------------------------------------------------------------------

async function changeRole(ctx: ActorCtx, req: OperationRequest): Promise<Member> {
  const { role } = parse(StrictChangeRole, req.body);
  const { entry } = await changeOne(
    ctx,
    ITEM_CHANGES.changeRole,
    req.params.id,
    { role },
    req.ifMatch,
  );
  return entry as Member;
}

async function assignPhoneNumber(ctx: ActorCtx, req: OperationRequest): Promise<PhoneNumber> {
  const number = req.params.number ?? '';
  const { assignee } = parse(StrictAssignNumber, req.body);
  const target = assignee?.type === 'member' ? await ctx.tx.member(assignee.memberId) : null;
  authorize(ctx, 'assignPhoneNumber', target ? { target } : {});
  const [current] = await ctx.tx.phoneNumbersIn([number]);
  if (!current) throw new Refusal('not_found', `${number} is not a number on this account.`);
  if (current.assignee?.type === 'member' && ctx.actor.role !== 'owner') {
    const holder = await ctx.tx.member(current.assignee.memberId);
    if (holder?.role === 'owner' && !sameAssignee(current.assignee, assignee))
      throw new Refusal(
        'forbidden',
        `${number} rings ${holder.name}, the owner. Only the owner can move the owner's numbers.`,
      );
  }
  const refusal = assignee ? await checkAssignee(ctx, assignee, 'assignee') : null;
  if (refusal) throw refusal;
  await ctx.tx.setAssignee(number, assignee);
  return { number, assignee };
}

async function removeMember(ctx: ActorCtx, req: OperationRequest): Promise<RemovalResult> {
  const { reassignTo = null } = parse(RemoveBody, req.body ?? {});
  const { row, numbers = [] } = await changeOne(
    ctx,
    ITEM_CHANGES.remove,
    req.params.id,
    { reassignTo },
    req.ifMatch,
  );
  return {
    memberId: row.id,
    unassignedNumbers: numbers,
    reassignedTo: numbers.length ? reassignTo : null,
  };
}

async function memberStatus(
  ctx: ActorCtx,
  req: OperationRequest,
  change: 'deactivate' | 'reactivate',
): Promise<MemberChangeResult> {
  const { entry, charge } = await changeOne(
    ctx,
    ITEM_CHANGES[change],
    req.params.id,
    {},
    req.ifMatch,
  );
  return { member: entry as Member, charge };
}

// ---- many at once ------------------------------------------------------------------------------

const StrictBatch = z.strictObject(BatchInput.shape);

function batchChange(ctx: ActorCtx, input: BatchInput) {
  // Someone who may not do the action at all is refused the whole batch (403), as the single
  // action refuses them; the items' own reasons (the owner, themselves, a version) come after.
  authorize(ctx, BATCH_ACTION_PERMISSION[input.action]);
  const change = ITEM_CHANGES[input.action] as ItemChange<{ id: string; version: number }>;
  if (input.action === 'changeRole' && !input.role)
    throw invalid('role', 'required', 'role: changeRole needs the role to give.');
  return { change, input: { role: input.role, reassignTo: input.reassignTo ?? null } };
}

/**
 * Each item decided and applied on its own, in order, exactly as its single operation would:
 * one refused item is reported and the others go on. One transaction, one Idempotency-Key.
 */
async function batch(ctx: ActorCtx, req: OperationRequest): Promise<BatchResult> {
  const body = parse(StrictBatch, req.body);
  const { change, input } = batchChange(ctx, body);
  const results: BatchOutcome[] = [];
  for (const item of body.items) {
    try {
      const { entry, charge } = await changeOne(ctx, change, item.id, input, item.version);
      results.push({ id: item.id, outcome: 'done', entry, charge });
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      results.push({ id: item.id, outcome: 'refused', code: error.code, message: error.message });
    }
  }
  return { results };
}

/** What the members would come to, priced together. */
async function quoteMembers(
  ctx: ActorCtx,
  change: Extract<Change, { kind: 'members' }>,
  state: SeatState,
): Promise<{ quote: Quote; allowed: MemberRecord[] }> {
  const { decisions, adding, removing } = await decideEach(
    ctx,
    ITEM_CHANGES[change.action],
    change.memberIds.map((id) => ({ id, version: null })),
    {},
    state,
  );
  const items = decisions.map((d) => ({
    memberId: d.id,
    allowed: d.refusal === null,
    ...(d.refusal ? { refusal: { code: d.refusal.code, message: d.refusal.message } } : {}),
  }));
  const allowed = decisions.flatMap((d) => (d.refusal === null && d.row ? [d.row] : []));
  const first = decisions.find((d) => d.refusal)?.refusal;
  const quote =
    allowed.length === 0 && first
      ? refusedQuote(state, change, ctx.now, { code: first.code, message: first.message })
      : quoteSeats(state, change, ctx.now, { adding, removing });
  return { quote: { ...quote, items }, allowed };
}

async function combinedRemoval(
  ctx: ActorCtx,
  members: readonly MemberRecord[],
): Promise<CombinedRemoval> {
  const numbers = await ctx.tx.numbersOfMembers(members.map((m) => m.id));
  const union = (lists: string[][]) => [...new Set(lists.flat())];
  return {
    members: members.length,
    phoneNumbers: members.flatMap((m) => numbers.get(m.id) ?? []),
    recordings: members.reduce((n, m) => n + m.recordings, 0),
    smsConversations: members.reduce((n, m) => n + m.smsConversations, 0),
    campaigns: union(members.map((m) => m.campaigns)),
    personalIntegrations: union(members.map((m) => m.personalIntegrations)),
    teamIntegrations: [...ctx.account.teamIntegrations],
    seatDropsAt: ctx.account.cycleEnd.toISOString(),
    refund: 0,
  };
}

/** The batch's decisions, its price and (remove) its consequences, before anything happens. */
async function previewBatch(ctx: ActorCtx, req: OperationRequest): Promise<BatchPreview> {
  const body = parse(StrictBatch, req.body);
  const { change, input } = batchChange(ctx, body);
  const state = await seatState(ctx);
  const action = body.action;
  if (action === 'deactivate' || action === 'reactivate' || action === 'remove') {
    const ids = body.items.map((i) => i.id);
    const { quote, allowed } = await quoteMembers(
      ctx,
      { kind: 'members', action, memberIds: ids },
      state,
    );
    return {
      items: (quote.items ?? []).map(({ memberId, ...rest }) => ({ id: memberId, ...rest })),
      quote,
      removal: action === 'remove' ? await combinedRemoval(ctx, allowed) : null,
    };
  }
  const { decisions } = await decideEach(
    ctx,
    change,
    body.items.map((i) => ({ id: i.id, version: null })),
    input,
    state,
  );
  return {
    items: decisions.map((d) => ({
      id: d.id,
      allowed: d.refusal === null,
      ...(d.refusal ? { refusal: { code: d.refusal.code, message: d.refusal.message } } : {}),
    })),
    quote: null,
    removal: null,
  };
}

/** Checks the owner's password before the account is locked (see Operation.prepare). */
async function checkPassword(ctx: ActorCtx, req: OperationRequest): Promise<boolean> {
  const { password } = parse(StrictTransfer, req.body);
  return ctx.config.verifyPassword({
    accountId: ctx.account.id,
    memberId: ctx.actor.id,
    password,
    credential: ctx.account.credential,
  });
}

async function transferOwnership(
  ctx: ActorCtx,
  req: OperationRequest,
  passwordRight: unknown,
): Promise<TransferResult> {
  const { memberId } = parse(StrictTransfer, req.body);
  const target = await ctx.tx.member(memberId);
  authorize(ctx, 'transferOwnership', target ? { target } : {});
  // Decided again under the lock: a lockout that began while the password was being checked.
  const lockedUntil = ctx.account.transferLockedUntil;
  if (lockedUntil && lockedUntil.getTime() > ctx.now.getTime()) {
    const seconds = Math.ceil((lockedUntil.getTime() - ctx.now.getTime()) / 1000);
    const minutes = Math.ceil(seconds / 60);
    throw new Refusal(
      'locked_out',
      `Too many wrong passwords. Try again in ${minutes === 1 ? '1 minute' : `${minutes} minutes`}.`,
      { retryAfter: seconds },
    );
  }
  if (!target) throw new Refusal('not_found', 'That member does not exist.');
  const right = passwordRight === true;
  if (!right) {
    const failures = ctx.account.transferFailures + 1;
    if (failures >= LOCKOUT_FAILURES) {
      await updateAccount(ctx, {
        transferFailures: 0,
        transferLockedUntil: new Date(ctx.now.getTime() + LOCKOUT_MS),
      });
      throw new LockoutStarted();
    }
    await updateAccount(ctx, { transferFailures: failures });
    throw new WrongPassword(LOCKOUT_FAILURES - failures);
  }
  await updateAccount(ctx, { transferFailures: 0, transferLockedUntil: null });
  // Both roles change in one step: never zero or two owners.
  const previous = { ...ctx.actor, role: 'admin' as const, version: ctx.actor.version + 1 };
  const next = { ...target, role: 'owner' as const, version: target.version + 1 };
  await ctx.tx.updateMember(previous.id, { role: previous.role, version: previous.version });
  await ctx.tx.updateMember(next.id, { role: next.role, version: next.version });
  const numbers = await ctx.tx.numbersOfMembers([previous.id, next.id]);
  return {
    newOwner: memberView(next, numbers.get(next.id) ?? []),
    previousOwner: memberView(previous, numbers.get(previous.id) ?? []),
  };
}

/**
 * A wrong password is a refusal that must still be written (the failure counts toward the
 * lockout): the engine commits the transaction and then answers with the refusal.
 */
export class CommittedRefusal extends Refusal {}

class WrongPassword extends CommittedRefusal {
  constructor(left: number) {
    super(
      'wrong_password',
      `That password is not right. ${left === 1 ? '1 attempt is' : `${left} attempts are`} left before a 15-minute lock.`,
      {
        errors: [
          { field: 'password', code: 'wrong_password', message: 'The password is not right.' },
          { code: 'attempts_left', message: String(left) },
        ],
      },
    );
  }
}

class LockoutStarted extends CommittedRefusal {
  constructor() {
    super('locked_out', 'Too many wrong passwords. Try again in 15 minutes.', {
      retryAfter: LOCKOUT_MS / 1000,
    });
  }
}

// ---- the table ---------------------------------------------------------------------------------

const read = (run: Operation['run']): Operation => ({ mode: 'read', run });
const write = (run: Operation['run']): Operation => ({ mode: 'write', run });

export const OPERATIONS: Record<OperationId, Operation> = {
  getViewer: read(getViewer),
  listTeam: read(listTeam),
  listPhoneNumbers: read(listPhoneNumbers),
  listRingGroups: read(listRingGroups),
  getBillingSummary: read(getBillingSummary),
  quote: read(quote),
  invite: write(invite),
  bulkInvite: write(bulkInvite),
  resendInvitation: write(resendInvitation),
  revokeInvitation: write(revokeInvitation),
  changeRole: write(changeRole),
  assignPhoneNumber: write(assignPhoneNumber),
  getRemovalImpact: read(getRemovalImpact),
  removeMember: write(removeMember),
  deactivateMember: write((ctx, req) => memberStatus(ctx, req, 'deactivate')),
  reactivateMember: write((ctx, req) => memberStatus(ctx, req, 'reactivate')),
  batch: write(batch),
  previewBatch: read(previewBatch),
  transferOwnership: { mode: 'write', prepare: checkPassword, run: transferOwnership },
};
