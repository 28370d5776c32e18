import * as z from 'zod/mini';
import { Cents, Count, DateTime, Id } from './common.js';
import { BillingCycle, Plan } from './plan.js';
import { MAX_BATCH_ITEMS, MAX_BULK_INVITES } from './constants.js';

export const Invoice = z.object({
  amount: Cents,
  seats: Count,
  date: DateTime,
});
export type Invoice = z.infer<typeof Invoice>;

export const BillingSummary = z.object({
  plan: Plan,
  cycle: BillingCycle,
  /** ISO 4217 code of every amount, e.g. `USD`. */
  currency: z.string().check(z.length(3)),
  /** The backend's clock when it answered. */
  now: DateTime,
  activeSeats: Count,
  /** Seats already paid for this cycle (only grows until renewal). */
  paidSeats: Count,
  pendingInvitations: Count,
  deactivatedMembers: Count,
  nextInvoice: Invoice,
});
export type BillingSummary = z.infer<typeof BillingSummary>;

/** A planned change to price. */
export const Change = z.discriminatedUnion('kind', [
  /** One invitation, priced as if accepted today. */
  z.object({ kind: z.literal('invite') }),
  /** `count` invitations sent together, priced as if all accepted today. */
  z.object({
    kind: z.literal('bulkInvite'),
    count: Count.check(
      z.maximum(MAX_BULK_INVITES, {
        error: `at most ${MAX_BULK_INVITES} invitations go in one bulk invite`,
      }),
    ),
  }),
  z.object({ kind: z.literal('remove'), memberId: Id }),
  z.object({ kind: z.literal('deactivate'), memberId: Id }),
  z.object({ kind: z.literal('reactivate'), memberId: Id }),
  /**
   * One change for many members together (a bulk action on a selection): each member is decided
   * on its own, in order (a reactivation takes a seat the next one can no longer take), and the
   * ones that would go through are priced together.
   */
  z.object({
    kind: z.literal('members'),
    action: z.enum(['remove', 'deactivate', 'reactivate']),
    memberIds: z.array(Id).check(z.minLength(1), z.maxLength(MAX_BATCH_ITEMS)),
  }),
]);
export type Change = z.infer<typeof Change>;

export const Refusal = z.object({ code: z.string(), message: z.string() });
export type Refusal = z.infer<typeof Refusal>;

export const Quote = z.object({
  change: Change,
  allowed: z.boolean(),
  /** Why the change is refused; present when `allowed` is false. */
  refusal: z.optional(Refusal),
  /** Charged when the change happens (on acceptance for invitations). */
  dueNow: Cents,
  /** The prorated price of one new seat today, and how it was computed. */
  proration: z.object({
    perSeat: Cents,
    remainingDays: Count,
    cycleDays: Count,
    amount: Cents,
  }),
  /** How many of the added seats are charged (the others were already paid this cycle). */
  chargedSeats: Count,
  activeBefore: Count,
  activeAfter: Count,
  paidBefore: Count,
  paidAfter: Count,
  /** Active + pending against the plan limit, after the change. */
  capacity: z.object({ used: Count, max: z.nullable(Count) }),
  nextInvoice: Invoice,
  /** For a change of several members (`members`): each one's decision, in the order asked. */
  items: z.optional(
    z.array(z.object({ memberId: Id, allowed: z.boolean(), refusal: z.optional(Refusal) })),
  ),
});
export type Quote = z.infer<typeof Quote>;

/** A charge recorded by the backend (acceptance or reactivation). */
export const Charge = z.object({
  id: Id,
  memberId: Id,
  amount: Cents,
  at: DateTime,
  reason: z.enum(['acceptance', 'reactivation']),
});
export type Charge = z.infer<typeof Charge>;
