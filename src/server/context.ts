// What every operation starts from: the account (renewed up to now), its plan, the clock and the
// signed-in member; and the small steps every operation shares (authorize, seats, views).
import { decide } from '../rules/permissions.js';
import type { Action, Target } from '../rules/permissions.js';
import { findPlan } from '../rules/plans.js';
import { renewIfDue } from '../rules/seats.js';
import type { SeatState } from '../rules/seats.js';
import { invitationStatus } from '../rules/invitations.js';
import type { Invitation, Member, Plan, Role } from '../schemas/index.js';
import { Refusal } from './refusal.js';
import type { AccountRecord, AccountTx, InvitationRecord, MemberRecord } from './store.js';

export interface Identity {
  accountId: string;
  /**
   * The signed-in member. Omitted: the account's demo actor, which the test controls set (only
   * when the engine's controls are on; otherwise the request is unauthenticated).
   */
  memberId?: string;
}

export interface EngineConfig {
  plans: readonly Plan[];
  now(): Date;
  controls: boolean;
  verifyPassword(input: {
    accountId: string;
    memberId: string;
    password: string;
    credential: string;
  }): Promise<boolean>;
}

export interface Ctx {
  tx: AccountTx;
  config: EngineConfig;
  account: AccountRecord;
  plan: Plan;
  now: Date;
}

export interface ActorCtx extends Ctx {
  actor: MemberRecord;
}

/** The engine's time for an account: the test clock when controls are on and it is set. */
export function nowFor(config: EngineConfig, account: AccountRecord): Date {
  return config.controls && account.testNow ? account.testNow : config.now();
}

export function planOf(config: EngineConfig, account: AccountRecord): Plan {
  const plan = findPlan(account.planId, config.plans);
  if (!plan)
    throw new Error(
      `Account ${account.id} is on plan ${account.planId}, which the catalogue lacks.`,
    );
  return plan;
}

/**
 * Opens the account. Every renewal the clock has passed is applied: written in a write
 * transaction, computed (the same result) in a read one, so a read never waits for a write.
 */
export async function openAccount(
  tx: AccountTx,
  config: EngineConfig,
  mode: 'read' | 'write',
): Promise<Ctx> {
  const stored = await tx.account();
  if (!stored) throw new Refusal('unauthenticated', 'This account does not exist.');
  const plan = planOf(config, stored);
  const now = nowFor(config, stored);
  let account = stored;
  if (now.getTime() >= account.cycleEnd.getTime()) {
    const counts = await tx.memberCounts();
    const { state, invoices } = renewIfDue(
      {
        plan,
        period: account.period,
        cycle: { start: account.cycleStart, end: account.cycleEnd },
        active: counts.active,
        pending: 0,
        paidSeats: account.paidSeats,
      },
      account.anchor,
      now,
    );
    const patch = {
      cycleStart: state.cycle.start,
      cycleEnd: state.cycle.end,
      paidSeats: state.paidSeats,
    };
    account = { ...account, ...patch };
    if (mode === 'write') {
      await tx.updateAccount(patch);
      await tx.insertInvoices(invoices);
    }
  }
  return { tx, config, account, plan, now };
}

/** The signed-in member: known and active, or the request is refused. */
export async function signIn(ctx: Ctx, identity: Identity): Promise<ActorCtx> {
  const memberId =
    identity.memberId ?? (ctx.config.controls ? (ctx.account.actorId ?? undefined) : undefined);
  const actor = memberId === undefined ? null : await ctx.tx.member(memberId);
  if (!actor) throw new Refusal('unauthenticated', 'Nobody is signed in.');
  // A deactivated member is known but may do nothing: 403 with the reason.
  if (actor.status !== 'active')
    throw new Refusal(
      'forbidden',
      'Your account is deactivated. Ask the owner or an admin to reactivate it.',
    );
  return { ...ctx, actor };
}

export function authorize(
  ctx: ActorCtx,
  action: Action,
  context: { target?: Target; newRole?: Role } = {},
): void {
  const decision = decide(ctx.actor, action, {
    ...context,
    plan: ctx.plan,
    plans: ctx.config.plans,
  });
  if (!decision.allowed) throw new Refusal(decision.code, decision.reason);
}

export function may(ctx: ActorCtx, action: Action): boolean {
  return decide(ctx.actor, action, { plan: ctx.plan, plans: ctx.config.plans }).allowed;
}

export async function seatState(ctx: Ctx): Promise<SeatState> {
  const counts = await ctx.tx.memberCounts();
  return {
    plan: ctx.plan,
    period: ctx.account.period,
    cycle: { start: ctx.account.cycleStart, end: ctx.account.cycleEnd },
    active: counts.active,
    pending: await ctx.tx.countPendingInvitations(ctx.now),
    paidSeats: ctx.account.paidSeats,
  };
}

/** Applies a patch to the account, here and in the store. */
export async function updateAccount(
  ctx: Ctx,
  patch: Partial<Omit<AccountRecord, 'id'>>,
): Promise<void> {
  await ctx.tx.updateAccount(patch);
  ctx.account = { ...ctx.account, ...patch };
}

export function memberView(row: MemberRecord, numbers: readonly string[]): Member {
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

export async function memberWithNumbers(ctx: Ctx, row: MemberRecord): Promise<Member> {
  const numbers = await ctx.tx.numbersOfMembers([row.id]);
  return memberView(row, numbers.get(row.id) ?? []);
}

export function invitationView(row: InvitationRecord, now: Date): Invitation {
  return {
    kind: 'invitation',
    id: row.id,
    email: row.email,
    role: row.role,
    phoneNumber: row.phoneNumber,
    sentAt: row.sentAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    status: invitationStatus(row, now),
    version: row.version,
  };
}

/** A version check: `If-Match: *` matches any version of an existing resource. */
export function checkVersion(
  row: { version: number },
  ifMatch: number | '*' | null,
  what: string,
): void {
  if (ifMatch !== null && ifMatch !== '*' && ifMatch !== row.version) {
    throw new Refusal(
      'version_conflict',
      `${what} changed since you loaded it (version ${ifMatch}, now ${row.version}). Reload and try again.`,
    );
  }
}
