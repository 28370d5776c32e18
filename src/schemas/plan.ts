import * as z from 'zod/mini';
import { BillingPeriod, Cents, Count, Id, Role } from './common.js';

export const Plan = z.object({
  id: Id,
  name: z.string(),
  /** Price per seat for one whole cycle, in cents, for each billing period. */
  prices: z.object({ monthly: Cents, annual: Cents }),
  minSeats: Count,
  /** `null` when the plan has no seat limit. */
  maxSeats: z.nullable(Count),
  /** The roles that may be held on this plan (Supervisor only on Pro and above). */
  roles: z.array(Role),
});
export type Plan = z.infer<typeof Plan>;

export const BillingCycle = z.object({
  period: BillingPeriod,
  start: z.iso.datetime(),
  /** Exclusive end: the next renewal. */
  end: z.iso.datetime(),
});
export type BillingCycle = z.infer<typeof BillingCycle>;
