// The decision of each change, made in one place: the operation calls it before it writes, and a
// quote calls it to say whether the change would go through. A quote can never say "allowed" for
// a change its operation refuses.
import { decide } from '../rules/permissions.js';
import type { Action } from '../rules/permissions.js';
import { checkCapacity } from '../rules/seats.js';
import type { SeatState } from '../rules/seats.js';
import type { Change } from '../schemas/index.js';
import type { ActorCtx } from './context.js';
import { seatState } from './context.js';
import { Refusal } from './refusal.js';
import type { MemberRecord } from './store.js';

export type MemberChangeKind = 'remove' | 'deactivate' | 'reactivate';

const ACTION: Record<MemberChangeKind, Action> = {
  remove: 'removeMember',
  deactivate: 'deactivateMember',
  reactivate: 'reactivateMember',
};

/** Why the actor may not make this change to `target` now, or null when it would go through. */
export async function assessMemberChange(
  ctx: ActorCtx,
  kind: MemberChangeKind,
  target: MemberRecord,
  state?: SeatState,
): Promise<Refusal | null> {
  const decision = decide(ctx.actor, ACTION[kind], {
    target,
    plan: ctx.plan,
    plans: ctx.config.plans,
  });
  if (!decision.allowed) return new Refusal(decision.code, decision.reason);
  if (kind !== 'reactivate') return null;
  const refusal = checkCapacity(state ?? (await seatState(ctx)), 1);
  return refusal ? new Refusal('capacity_exceeded', refusal.message) : null;
}

/** Whether `count` invitations sent together could go through (who, how many, the seats). */
export async function assessInvites(
  ctx: ActorCtx,
  count: number,
  state?: SeatState,
): Promise<Refusal | null> {
  const decision = decide(ctx.actor, 'invite', { plan: ctx.plan, plans: ctx.config.plans });
  if (!decision.allowed) return new Refusal(decision.code, decision.reason);
  const refusal = checkCapacity(state ?? (await seatState(ctx)), count);
  return refusal ? new Refusal('capacity_exceeded', refusal.message) : null;
}

/** The decision for a quoted change (the member must exist: 404 otherwise, as the operation). */
export async function assessChange(
  ctx: ActorCtx,
  change: Exclude<Change, { kind: 'members' }>,
  target: MemberRecord | null,
  state: SeatState,
): Promise<Refusal | null> {
  switch (change.kind) {
    case 'invite':
      return assessInvites(ctx, 1, state);
    case 'bulkInvite':
      return assessInvites(ctx, change.count, state);
    default:
      if (!target) throw new Refusal('not_found', 'That member does not exist.');
      return assessMemberChange(ctx, change.kind, target, state);
  }
}
