// The changes to one existing member or invitation (change role, resend, revoke, deactivate,
// reactivate, remove), each as a decision and an application. The single operations, the batch,
// the batch's preview and the quotes all go through these: one copy of each rule.
//
// `decide` reads and refuses; it never writes. `apply` writes and never refuses: every check is
// in `decide`, so a refused item leaves nothing half done (inside a batch too).
import { activateSeat, checkCapacity } from '../rules/seats.js';
import type { SeatState } from '../rules/seats.js';
import { invitationExpiresAt, invitationStatus } from '../rules/invitations.js';
import { decide as decideRule } from '../rules/permissions.js';
import type { Assignee, BatchAction, Charge, Role, TeamEntry } from '../schemas/index.js';
import { assessMemberChange } from './changes.js';
import {
  checkVersion,
  invitationView,
  memberWithNumbers,
  seatState,
  updateAccount,
} from './context.js';
import type { ActorCtx, Ctx } from './context.js';
import { Refusal } from './refusal.js';
import type { InvitationRecord, MemberRecord } from './store.js';

export interface ChangeInput {
  role?: Role | undefined;
  reassignTo?: Assignee | null | undefined;
}

export interface Applied {
  entry: TeamEntry | null;
  charge: Charge | null;
  /** removeMember: the numbers that rang the member. */
  numbers?: string[];
}

export interface ItemChange<Row extends { id: string; version: number }> {
  kind: 'member' | 'invitation';
  load(ctx: Ctx, id: string): Promise<Row | null>;
  /**
   * Why this change may not be made to `row` now, or null. `version` (the one the caller saw)
   * is checked where the single operation always checked it; null skips it (a preview).
   */
  decide(
    ctx: ActorCtx,
    row: Row,
    input: ChangeInput,
    state: SeatState,
    version: number | '*' | null,
  ): Promise<Refusal | null>;
  apply(ctx: ActorCtx, row: Row, input: ChangeInput, state: SeatState): Promise<Applied>;
  /** Seats of capacity the change takes (+1) or frees (-1) once applied, for the next item's checks. */
  seats(row: Row, now: Date): number;
}

const notFound = (kind: 'member' | 'invitation') =>
  new Refusal(
    'not_found',
    kind === 'member'
      ? 'That member does not exist (they may have been removed).'
      : 'That invitation does not exist.',
  );

function versionRefusal(row: { version: number }, version: number | '*' | null, what: string) {
  try {
    checkVersion(row, version, what);
    return null;
  } catch (error) {
    return error as Refusal;
  }
}

const loadMember = (ctx: Ctx, id: string) => ctx.tx.member(id);
const loadInvitation = (ctx: Ctx, id: string) => ctx.tx.invitation(id);
const membership = (row: MemberRecord) => `${row.name}'s membership`;

/** A member's status change (deactivate, reactivate) or removal. */
function memberChange(
  kind: 'deactivate' | 'reactivate' | 'remove',
  apply: ItemChange<MemberRecord>['apply'],
): ItemChange<MemberRecord> {
  return {
    kind: 'member',
    load: loadMember,
    async decide(ctx, row, _input, state, version) {
      return (
        (await assessMemberChange(ctx, kind, row, state)) ??
        versionRefusal(row, version, membership(row))
      );
    },
    apply,
    seats: (row) => (kind === 'reactivate' ? 1 : row.status === 'active' ? -1 : 0),
  };
}

const deactivate = memberChange('deactivate', async (ctx, row) => {
  const changed = { ...row, status: 'deactivated' as const, version: row.version + 1 };
  await ctx.tx.updateMember(row.id, { status: changed.status, version: changed.version });
  return { entry: await memberWithNumbers(ctx, changed), charge: null };
});

const reactivate = memberChange('reactivate', async (ctx, row, _input, state) => {
  const { charge, state: after } = activateSeat(state, ctx.now);
  const changed = { ...row, status: 'active' as const, version: row.version + 1 };
  await ctx.tx.updateMember(row.id, { status: changed.status, version: changed.version });
  await updateAccount(ctx, { paidSeats: after.paidSeats });
  const n = ctx.account.chargeCount + 1;
  const recorded: Charge = {
    id: `ch-${n}`,
    memberId: row.id,
    amount: charge,
    at: ctx.now.toISOString(),
    reason: 'reactivation',
  };
  await ctx.tx.insertCharge(recorded);
  await updateAccount(ctx, { chargeCount: n });
  return { entry: await memberWithNumbers(ctx, changed), charge: recorded };
});

const remove: ItemChange<MemberRecord> = {
  ...memberChange('remove', async (ctx, row, input) => {
    const reassignTo = input.reassignTo ?? null;
    const numbers = (await ctx.tx.numbersOfMembers([row.id])).get(row.id) ?? [];
    // Every consequence at once: numbers kept (reassigned or unassigned), recordings kept, SMS
    // to the team inbox, campaigns continue without the member, personal connections dropped.
    for (const n of numbers) await ctx.tx.setAssignee(n, reassignTo);
    await updateAccount(ctx, {
      keptRecordings: ctx.account.keptRecordings + row.recordings,
      teamInbox: ctx.account.teamInbox + row.smsConversations,
    });
    await ctx.tx.deleteMember(row.id);
    return { entry: null, charge: null, numbers };
  }),
  async decide(ctx, row, input, state, version) {
    const refusal =
      (await assessMemberChange(ctx, 'remove', row, state)) ??
      versionRefusal(row, version, membership(row));
    if (refusal || !input.reassignTo) return refusal;
    return checkAssignee(ctx, input.reassignTo, 'reassignTo', row.id);
  },
};

const changeRole: ItemChange<MemberRecord> = {
  kind: 'member',
  load: loadMember,
  async decide(ctx, row, input, _state, version) {
    if (!input.role) throw new Refusal('validation_failed', 'role: is required');
    const decision = decideRule(ctx.actor, 'changeRole', {
      target: row,
      newRole: input.role,
      plan: ctx.plan,
      plans: ctx.config.plans,
    });
    if (!decision.allowed) return new Refusal(decision.code, decision.reason);
    return versionRefusal(row, version, membership(row));
  },
  async apply(ctx, row, input) {
    const role = input.role ?? row.role;
    if (row.role === role) return { entry: await memberWithNumbers(ctx, row), charge: null };
    const changed = { ...row, role, version: row.version + 1 };
    await ctx.tx.updateMember(row.id, { role, version: changed.version });
    return { entry: await memberWithNumbers(ctx, changed), charge: null };
  },
  seats: () => 0,
};

/** Resend and revoke: only an open invitation, by the owner or an admin. */
function invitationChange(
  action: 'resendInvitation' | 'revokeInvitation',
  apply: ItemChange<InvitationRecord>['apply'],
): ItemChange<InvitationRecord> {
  return {
    kind: 'invitation',
    load: loadInvitation,
    async decide(ctx, row, _input, state, version) {
      const decision = decideRule(ctx.actor, action, { plan: ctx.plan, plans: ctx.config.plans });
      if (!decision.allowed) return new Refusal(decision.code, decision.reason);
      const stale = versionRefusal(row, version, 'The invitation');
      if (stale) return stale;
      const status = invitationStatus(row, ctx.now);
      if (status === 'accepted' || status === 'revoked')
        return new Refusal('invitation_closed', `This invitation was already ${status}.`);
      // An invitation for a role the plan stopped offering (a downgrade) could never be accepted.
      if (action === 'resendInvitation' && !ctx.plan.roles.includes(row.role))
        return new Refusal(
          'role_not_on_plan',
          `The ${ctx.plan.name} plan no longer offers the ${row.role} role: revoke this invitation and invite again with another role.`,
        );
      if (action === 'resendInvitation' && status === 'expired') {
        // An expired invitation holds no seat; sending it again takes one.
        const refusal = checkCapacity(state, 1);
        if (refusal) return new Refusal('capacity_exceeded', refusal.message);
      }
      return null;
    },
    apply,
    seats: (row, now) =>
      action === 'resendInvitation' && invitationStatus(row, now) === 'expired' ? 1 : 0,
  };
}

const resend = invitationChange('resendInvitation', async (ctx, row) => {
  const patch = {
    sentAt: ctx.now,
    expiresAt: invitationExpiresAt(ctx.now),
    version: row.version + 1,
  };
  await ctx.tx.updateInvitation(row.id, patch);
  return { entry: invitationView({ ...row, ...patch }, ctx.now), charge: null };
});

const revoke = invitationChange('revokeInvitation', async (ctx, row) => {
  const patch = { revokedAt: ctx.now, version: row.version + 1 };
  await ctx.tx.updateInvitation(row.id, patch);
  return { entry: invitationView({ ...row, ...patch }, ctx.now), charge: null };
});

export const ITEM_CHANGES: {
  [A in BatchAction]: ItemChange<A extends 'resend' | 'revoke' ? InvitationRecord : MemberRecord>;
} = {
  changeRole,
  resend,
  revoke,
  deactivate,
  reactivate,
  remove,
};

/** Where a removed member's numbers go, or a number is assigned: a member or a ring group. */
export async function checkAssignee(
  ctx: Ctx,
  assignee: Assignee,
  field: string,
  except?: string,
): Promise<Refusal | null> {
  if (assignee.type === 'member') {
    const target = await ctx.tx.member(assignee.memberId);
    if (!target || target.id === except) {
      return new Refusal('validation_failed', 'That member does not exist.', {
        errors: [
          { field, code: 'unknown_member', message: `${field}: no member ${assignee.memberId}` },
        ],
      });
    }
    if (target.status !== 'active') {
      return new Refusal(
        'conflict',
        `${target.name} is deactivated: reactivate them before assigning a number.`,
      );
    }
    return null;
  }
  if (await ctx.tx.ringGroup(assignee.ringGroupId)) return null;
  return new Refusal('validation_failed', 'That ring group does not exist.', {
    errors: [
      {
        field,
        code: 'unknown_ring_group',
        message: `${field}: no ring group ${assignee.ringGroupId}`,
      },
    ],
  });
}

/** One change to one item, as the single operations make it: refused with a throw. */
export async function changeOne<Row extends { id: string; version: number }>(
  ctx: ActorCtx,
  change: ItemChange<Row>,
  id: string | undefined,
  input: ChangeInput,
  version: number | '*' | null,
): Promise<Applied & { row: Row }> {
  const row = id ? await change.load(ctx, id) : null;
  if (!row) throw notFound(change.kind);
  const state = await seatState(ctx);
  const refusal = await change.decide(ctx, row, input, state, version);
  if (refusal) throw refusal;
  return { ...(await change.apply(ctx, row, input, state)), row };
}

export interface ItemDecision<Row> {
  id: string;
  row: Row | null;
  refusal: Refusal | null;
}

/**
 * Decides every item in order, as if the allowed ones before it had been applied (a reactivation
 * takes a seat the next one can no longer take). Returns the decisions and the seats they take.
 */
export async function decideEach<Row extends { id: string; version: number }>(
  ctx: ActorCtx,
  change: ItemChange<Row>,
  items: readonly { id: string; version: number | null }[],
  input: ChangeInput,
  state: SeatState,
): Promise<{ decisions: ItemDecision<Row>[]; adding: number; removing: number }> {
  const decisions: ItemDecision<Row>[] = [];
  let adding = 0;
  let removing = 0;
  for (const item of items) {
    const row = await change.load(ctx, item.id);
    if (!row) {
      decisions.push({ id: item.id, row: null, refusal: notFound(change.kind) });
      continue;
    }
    const now = { ...state, active: state.active + adding - removing };
    const refusal = await change.decide(ctx, row, input, now, item.version);
    if (!refusal) {
      const seats = change.seats(row, ctx.now);
      if (seats > 0) adding += seats;
      else removing -= seats;
    }
    decisions.push({ id: item.id, row, refusal });
  }
  return { decisions, adding, removing };
}
