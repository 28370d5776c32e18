/**
 * The demo plan catalogue (a real backend supplies its own) and questions about a plan.
 * Prices are integer cents per seat for one whole cycle (a month or a year).
 */
import type { BillingPeriod, Plan, Role } from '../schemas/index.js';

const BASE_ROLES: Role[] = ['owner', 'admin', 'agent'];
const ALL_ROLES: Role[] = ['owner', 'admin', 'supervisor', 'agent'];

/** Cheapest first: `lowestPlanWithRole` relies on this order. */
export const PLANS: readonly Plan[] = Object.freeze([
  {
    id: 'essentials',
    name: 'Essentials',
    prices: { monthly: 1900, annual: 18000 },
    minSeats: 2,
    maxSeats: 5,
    roles: BASE_ROLES,
  },
  {
    id: 'team',
    name: 'Team',
    prices: { monthly: 2900, annual: 28800 },
    minSeats: 2,
    maxSeats: null,
    roles: BASE_ROLES,
  },
  {
    id: 'pro',
    name: 'Pro',
    prices: { monthly: 4900, annual: 46800 },
    minSeats: 2,
    maxSeats: null,
    roles: ALL_ROLES,
  },
  {
    id: 'enterprise',
    name: 'Enterprise',
    prices: { monthly: 7900, annual: 76800 },
    minSeats: 2,
    maxSeats: null,
    roles: ALL_ROLES,
  },
] satisfies Plan[]).map((plan) =>
  Object.freeze({
    ...plan,
    prices: Object.freeze({ ...plan.prices }),
    roles: Object.freeze([...plan.roles]) as Role[],
  }),
);

export function findPlan(id: string, plans: readonly Plan[] = PLANS): Plan | undefined {
  return plans.find((plan) => plan.id === id);
}

/** Cents per seat for one whole cycle of `period`. */
export function seatPrice(plan: Plan, period: BillingPeriod): number {
  return plan.prices[period];
}

export function planAllowsRole(plan: Plan, role: Role): boolean {
  return plan.roles.includes(role);
}

/** The cheapest plan (by monthly seat price) that offers `role`, for "Supervisor needs the Pro plan or above". */
export function lowestPlanWithRole(role: Role, plans: readonly Plan[] = PLANS): Plan | undefined {
  let best: Plan | undefined;
  for (const plan of plans) {
    if (
      planAllowsRole(plan, role) &&
      (best === undefined || plan.prices.monthly < best.prices.monthly)
    )
      best = plan;
  }
  return best;
}
