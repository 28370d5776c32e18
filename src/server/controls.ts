// Test and demo controls: the parts of the world outside the elements (the clock, the invitee
// accepting, who is signed in, the plan, loading and saving a whole state, transport faults).
// They exist only on an engine created with `controls: true`, as methods (handler.controls) and
// as HTTP endpoints under `<basePath>/_control/`.
import * as z from 'zod/mini';
import { canonicalEmail } from '../rules/emails.js';
import { cycleAt } from '../rules/cycles.js';
import { findPlan } from '../rules/plans.js';
import { initialPaidSeats } from '../rules/seats.js';
import { BillingPeriod } from '../schemas/index.js';
import type { Charge, Invoice, Member } from '../schemas/index.js';
import type { Scenario } from '../schemas/scenario.js';
import type { OperationId } from '../api/routes.js';
import { memberWithNumbers, openAccount, updateAccount } from './context.js';
import type { Ctx, EngineConfig } from './context.js';
import { acceptInvitation } from './operations.js';
import { parse } from './parse.js';
import { Refusal } from './refusal.js';
import { seedAccount, snapshotAccount } from './scenario.js';
import type { SeatkitStore } from './store.js';

const DAY_MS = 86_400_000;

export interface Fault {
  /** Added before the answer, in real milliseconds. */
  latencyMs?: number;
  /** Answer with this HTTP status (a problem with the code the status means). */
  status?: number;
  /** Fail as a network error (no response at all), before the backend sees the request. */
  network?: true;
  /** The backend applies the request, then the answer is lost (the case Idempotency-Key is for). */
  dropResponse?: true;
  /** Seconds sent in `Retry-After` with a 429/503 `status` (default 1). */
  retryAfter?: number;
  /** How many requests it affects; every one when omitted. */
  times?: number;
}

export interface EngineControls {
  /** Creates the account, or replaces it, with the state a scenario describes. */
  seed(
    accountId: string,
    scenario: unknown,
    options?: { hashPassword?: boolean },
  ): Promise<Scenario>;
  /** Seeds the account again with the scenario this engine last seeded it with. */
  reset(accountId: string): Promise<Scenario>;
  /** The account as a scenario. The password is left out unless asked for (a snapshot is shared). */
  snapshot(accountId: string, options?: { includePassword?: boolean }): Promise<Scenario>;
  now(accountId: string): Promise<Date>;
  /** Sets the account's clock. It never goes back before the latest thing that happened. */
  setClock(accountId: string, date: Date | string): Promise<Date>;
  advanceDays(accountId: string, days: number): Promise<Date>;
  /** The invitee accepts (by invitation id or email): joins and is charged. */
  acceptInvitation(
    accountId: string,
    idOrEmail: string,
  ): Promise<{ member: Member; charge: Charge }>;
  /**
   * Signs in as another member (requests whose identity names no member act as them).
   * `stillSignedIn` allows a deactivated member: every request then answers as it would for them.
   */
  setActor(
    accountId: string,
    email: string,
    options?: { stillSignedIn?: boolean },
  ): Promise<Member>;
  /** A plan change made outside these elements (billing settings). */
  setPlan(accountId: string, planId: string, period?: BillingPeriod): Promise<void>;
  charges(accountId: string): Promise<Charge[]>;
  invoices(accountId: string): Promise<Invoice[]>;
  injectFault(operationId: OperationId | '*', fault: Fault): void;
  clearFaults(): void;
}

/** The faults in force and which request takes one next. */
export class FaultTable {
  private readonly faults = new Map<string, Fault & { left: number }>();

  set(operationId: string, fault: Fault): void {
    this.faults.set(operationId, { ...fault, left: fault.times ?? Number.POSITIVE_INFINITY });
  }

  clear(): void {
    this.faults.clear();
  }

  take(operationId: string): Fault | null {
    for (const key of [operationId, '*']) {
      const fault = this.faults.get(key);
      if (!fault) continue;
      fault.left--;
      if (fault.left <= 0) this.faults.delete(key);
      return fault;
    }
    return null;
  }
}

/** The latest moment the account's history holds: its clock never goes back past it. */
async function latestEvent(ctx: Ctx): Promise<number> {
  let latest = ctx.account.cycleStart.getTime();
  for (const inv of await ctx.tx.allInvitations()) {
    for (const d of [inv.sentAt, inv.acceptedAt, inv.revokedAt])
      if (d && d.getTime() > latest) latest = d.getTime();
  }
  for (const c of await ctx.tx.charges()) latest = Math.max(latest, Date.parse(c.at));
  for (const i of await ctx.tx.invoices()) latest = Math.max(latest, Date.parse(i.date));
  return latest;
}

export function createControls(
  store: SeatkitStore,
  config: EngineConfig,
  faults: FaultTable,
  seedDefaults: { hashPassword?: boolean } = {},
): EngineControls {
  const write = <T>(accountId: string, work: (ctx: Ctx) => Promise<T>): Promise<T> =>
    store.transaction(accountId, 'write', async (tx) =>
      work(await openAccount(tx, config, 'write')),
    );

  async function setClock(accountId: string, next: Date): Promise<Date> {
    if (Number.isNaN(next.getTime())) throw new Refusal('validation_failed', 'now: not a date.');
    return write(accountId, async (ctx) => {
      const latest = await latestEvent(ctx);
      if (next.getTime() < latest) {
        throw new Refusal(
          'validation_failed',
          `The clock can't go back before ${new Date(latest).toISOString()}: the account already has history at that time. Reset to start over.`,
        );
      }
      await updateAccount(ctx, { testNow: next });
      // Renewals the new time passes are applied now, so reads see them.
      await openAccount(ctx.tx, { ...config, now: () => next }, 'write');
      return next;
    });
  }

  /** The scenario each account was last seeded with here (what `reset` goes back to). */
  const seeded = new Map<string, { scenario: unknown; hashPassword?: boolean }>();
  const seed: EngineControls['seed'] = async (accountId, scenario, given = {}) => {
    const options = { ...seedDefaults, ...given };
    const loaded = await store.transaction(accountId, 'write', (tx) =>
      seedAccount(tx, scenario, { plans: config.plans, ...options }),
    );
    seeded.set(accountId, { scenario, ...given });
    return loaded;
  };

  return {
    seed,
    reset: (accountId) => {
      const last = seeded.get(accountId);
      if (!last)
        throw new Refusal(
          'validation_failed',
          'No scenario was loaded into this account here: send one ({ "scenario": … }).',
        );
      return seed(accountId, last.scenario, last);
    },
    snapshot: (accountId, options) =>
      write(accountId, (ctx) => snapshotAccount(ctx.tx, ctx.account, ctx.now, options)),
    now: (accountId) =>
      store.transaction(
        accountId,
        'read',
        async (tx) => (await openAccount(tx, config, 'read')).now,
      ),
    setClock: (accountId, date) => setClock(accountId, new Date(date)),
    advanceDays: async (accountId, days) => {
      const now = await store.transaction(
        accountId,
        'read',
        async (tx) => (await openAccount(tx, config, 'read')).now,
      );
      return setClock(accountId, new Date(now.getTime() + days * DAY_MS));
    },
    acceptInvitation: (accountId, idOrEmail) =>
      write(accountId, (ctx) => acceptInvitation(ctx, idOrEmail)),
    setActor: (accountId, email, { stillSignedIn = false } = {}) =>
      write(accountId, async (ctx) => {
        const [member] = await ctx.tx.membersByCanonical([canonicalEmail(email)]);
        if (!member) throw new Refusal('not_found', `${email} is not a member.`);
        if (member.status !== 'active' && !stillSignedIn)
          throw new Refusal('conflict', `${email} is deactivated.`);
        await updateAccount(ctx, { actorId: member.id });
        return memberWithNumbers(ctx, member);
      }),
    setPlan: (accountId, planId, period) =>
      write(accountId, async (ctx) => {
        const plan = findPlan(planId, config.plans);
        if (!plan) throw new Refusal('validation_failed', `Unknown plan ${planId}.`);
        const nextPeriod = period ?? ctx.account.period;
        const cycle =
          nextPeriod === ctx.account.period
            ? { start: ctx.account.cycleStart, end: ctx.account.cycleEnd }
            : cycleAt(ctx.account.anchor, nextPeriod, ctx.now);
        const { active } = await ctx.tx.memberCounts();
        await updateAccount(ctx, {
          planId: plan.id,
          period: nextPeriod,
          cycleStart: cycle.start,
          cycleEnd: cycle.end,
          paidSeats: Math.max(ctx.account.paidSeats, initialPaidSeats(plan, active)),
        });
      }),
    charges: (accountId) => store.transaction(accountId, 'read', (tx) => tx.charges()),
    invoices: (accountId) => write(accountId, (ctx) => ctx.tx.invoices()),
    injectFault: (operationId, fault) => faults.set(operationId, fault),
    clearFaults: () => faults.clear(),
  };
}

// ---- over HTTP ---------------------------------------------------------------------------------

const ClockBody = z.strictObject({
  now: z.optional(z.string()),
  advanceDays: z.optional(z.number()),
});
const AcceptBody = z.strictObject({ invitation: z.string() });
const ActorBody = z.strictObject({ email: z.string(), stillSignedIn: z.optional(z.boolean()) });
const PlanBody = z.strictObject({ plan: z.string(), billing: z.optional(BillingPeriod) });
const FaultBody = z.strictObject({
  operationId: z.string(),
  latencyMs: z.optional(z.number().check(z.nonnegative(), z.maximum(60_000))),
  status: z.optional(z.int().check(z.minimum(400), z.maximum(599))),
  network: z.optional(z.literal(true)),
  dropResponse: z.optional(z.literal(true)),
  retryAfter: z.optional(z.int()),
  times: z.optional(z.int().check(z.positive())),
});
const ResetBody = z.strictObject({ scenario: z.optional(z.unknown()) });

/** The control a request under `_control/` asks for, or null when there is none by that name. */
export function controlEndpoint(
  controls: EngineControls,
  operationIds: readonly string[],
  method: string,
  name: string,
): ((accountId: string, body: unknown, query: URLSearchParams) => Promise<unknown>) | null {
  const key = `${method} ${name}`;
  switch (key) {
    case 'GET clock':
      return async (a) => ({ now: (await controls.now(a)).toISOString() });
    case 'POST clock':
      return async (a, body) => {
        const { now, advanceDays } = parse(ClockBody, body ?? {});
        let at = await controls.now(a);
        if (now !== undefined) at = await controls.setClock(a, now);
        if (advanceDays !== undefined) at = await controls.advanceDays(a, advanceDays);
        return { now: at.toISOString() };
      };
    case 'POST accept':
      return (a, body) => controls.acceptInvitation(a, parse(AcceptBody, body).invitation);
    case 'POST actor':
      return async (a, body) => {
        const { email, stillSignedIn } = parse(ActorBody, body);
        return {
          member: await controls.setActor(a, email, { stillSignedIn: stillSignedIn ?? false }),
        };
      };
    case 'POST plan':
      return async (a, body) => {
        const { plan, billing } = parse(PlanBody, body);
        await controls.setPlan(a, plan, billing);
        return { ok: true };
      };
    case 'POST reset':
      return async (a, body) => {
        const { scenario } = parse(ResetBody, body ?? {});
        // As the mock's reset(): the state and the faults go back to none.
        controls.clearFaults();
        await (scenario === undefined ? controls.reset(a) : controls.seed(a, scenario));
        return { ok: true };
      };
    case 'GET snapshot':
      return (a, _body, query) =>
        controls.snapshot(a, { includePassword: query.get('includePassword') === 'true' });
    case 'GET charges':
      return async (a) => ({ charges: await controls.charges(a) });
    case 'GET invoices':
      return async (a) => ({ invoices: await controls.invoices(a) });
    case 'POST faults':
      return async (_a, body) => {
        const { operationId, ...fault } = parse(FaultBody, body);
        if (operationId !== '*' && !operationIds.includes(operationId))
          throw new Refusal('validation_failed', `Unknown operation ${operationId}.`);
        controls.injectFault(operationId as OperationId | '*', fault);
        return { ok: true };
      };
    case 'DELETE faults':
      return async () => {
        controls.clearFaults();
        return { ok: true };
      };
    default:
      return null;
  }
}
