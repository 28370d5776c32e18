/**
 * Seats, proration and quotes.
 *
 * A seat is an active member. `paidSeats` (P) is set at renewal to max(minSeats, active) and only
 * grows during a cycle: an activation (accepted invitation or reactivation) that takes active
 * members above P is charged `prorate(price)` and P grows by one; otherwise it costs nothing.
 * Removal and deactivation never refund; P is recomputed at the next renewal.
 *
 * Decisions:
 * - Capacity (plans with a max) counts active members + pending invitations. An invitation's
 *   acceptance doesn't change capacity (pending becomes active), so activateSeat doesn't check it;
 *   reactivation does (quoteChange / checkCapacity).
 * - A quote for a remove/deactivate/reactivate without a target assumes the target is in the
 *   status the change needs (active, active, deactivated). Removing a deactivated member is allowed
 *   and changes no seat.
 * - Bulk quotes price each charged seat as its own prorated line (rounded per seat), so N charged
 *   seats cost exactly N × prorate(price).
 * - renewIfDue records one invoice per boundary passed, each dated at that boundary, for
 *   max(minSeats, active) seats at the time of the renewal.
 */
import type {
  BillingPeriod,
  Change,
  Invoice,
  MemberStatus,
  Plan,
  Quote,
  Refusal,
} from '../schemas/index.js';
import { cycleAt, cycleDays, remainingDays, type Cycle } from './cycles.js';
import { seatPrice } from './plans.js';

export interface SeatState {
  plan: Plan;
  period: BillingPeriod;
  cycle: Cycle;
  /** Active members (billed seats). */
  active: number;
  /** Pending (unexpired) invitations: count against capacity, not billed. */
  pending: number;
  /** Seats already paid this cycle. */
  paidSeats: number;
}

export function initialPaidSeats(plan: Plan, active: number): number {
  return Math.max(plan.minSeats, active);
}

/** round_half_up(perSeat × remainingDays / cycleDays), in integer arithmetic. */
export function prorate(perSeat: number, cycle: Cycle, now: Date): number {
  const days = cycleDays(cycle);
  if (days <= 0) return 0;
  const remaining = remainingDays(cycle, now);
  return Math.floor((2 * perSeat * remaining + days) / (2 * days));
}

export function capacityUsed(state: SeatState): number {
  return state.active + state.pending;
}

/** Seats that may still be added (active + pending against the plan's max); `null` = unlimited. */
export function capacityLeft(state: SeatState): number | null {
  if (state.plan.maxSeats === null) return null;
  return Math.max(0, state.plan.maxSeats - capacityUsed(state));
}

function seats(n: number): string {
  return n === 1 ? '1 seat' : `${n} seats`;
}

/** Why adding `adding` seats (invitations or reactivations) is refused, or null when it fits. */
export function checkCapacity(state: SeatState, adding: number): Refusal | null {
  const left = capacityLeft(state);
  if (left === null || adding <= left) return null;
  const free = left === 0 ? 'All of them are taken' : `${left === 1 ? '1 is' : `${left} are`} free`;
  return {
    code: 'capacity_exceeded',
    message: `${state.plan.name} allows up to ${seats(state.plan.maxSeats ?? 0)}. ${free} (active members and pending invitations count). Upgrade the plan or free a seat.`,
  };
}

/** One member becomes active (acceptance or reactivation). The caller adjusts `pending`. */
export function activateSeat(state: SeatState, now: Date): { charge: number; state: SeatState } {
  const active = state.active + 1;
  if (active <= state.paidSeats) return { charge: 0, state: { ...state, active } };
  const charge = prorate(seatPrice(state.plan, state.period), state.cycle, now);
  return { charge, state: { ...state, active, paidSeats: Math.max(state.paidSeats + 1, active) } };
}

function invoiceFor(plan: Plan, period: BillingPeriod, active: number, date: Date): Invoice {
  const count = Math.max(plan.minSeats, active);
  return { amount: count * seatPrice(plan, period), seats: count, date: date.toISOString() };
}

/** What the next renewal will bill: max(minSeats, active) seats at the cycle's end. */
export function nextInvoice(state: SeatState): Invoice {
  return invoiceFor(state.plan, state.period, state.active, state.cycle.end);
}

/** Rolls the state over every renewal boundary at or before `now`, recording one invoice per renewal. */
export function renewIfDue(
  state: SeatState,
  anchor: Date,
  now: Date,
): { state: SeatState; invoices: Invoice[] } {
  const invoices: Invoice[] = [];
  let current = state;
  while (now.getTime() >= current.cycle.end.getTime()) {
    const next = cycleAt(anchor, current.period, current.cycle.end);
    if (next.end.getTime() <= current.cycle.end.getTime()) break; // anchor inconsistent with the cycle
    invoices.push(nextInvoice(current));
    current = {
      ...current,
      cycle: next,
      paidSeats: initialPaidSeats(current.plan, current.active),
    };
  }
  return { state: current, invoices };
}

function added(change: Change): number {
  switch (change.kind) {
    case 'invite':
    case 'reactivate':
      return 1;
    case 'bulkInvite':
      return change.count;
    default:
      return 0;
  }
}

function quoteBase(state: SeatState, change: Change, now: Date) {
  const perSeat = seatPrice(state.plan, state.period);
  return {
    change,
    proration: {
      perSeat,
      remainingDays: remainingDays(state.cycle, now),
      cycleDays: cycleDays(state.cycle),
      amount: prorate(perSeat, state.cycle, now),
    },
    activeBefore: state.active,
    paidBefore: state.paidSeats,
  };
}

/** The quote of a change that would be refused: the reason, nothing due, nothing changed. */
export function refusedQuote(state: SeatState, change: Change, now: Date, refusal: Refusal): Quote {
  return {
    ...quoteBase(state, change, now),
    allowed: false,
    refusal,
    dueNow: 0,
    chargedSeats: 0,
    activeAfter: state.active,
    paidAfter: state.paidSeats,
    capacity: { used: capacityUsed(state), max: state.plan.maxSeats },
    nextInvoice: nextInvoice(state),
  };
}

/** What a change would cost and do, priced as if it happened (was accepted) at `now`. */
export function quoteChange(
  state: SeatState,
  change: Change,
  now: Date,
  target?: { status: MemberStatus },
): Quote {
  const refuse = (refusal: Refusal): Quote => refusedQuote(state, change, now, refusal);

  let adding = 0;
  let removing = 0;
  if (change.kind === 'invite' || change.kind === 'bulkInvite' || change.kind === 'reactivate') {
    if (change.kind === 'reactivate' && (target?.status ?? 'deactivated') !== 'deactivated')
      return refuse({ code: 'conflict', message: 'This member is already active.' });
    const refusal = checkCapacity(state, added(change));
    if (refusal) return refuse(refusal);
    // Priced as if accepted today: the invitations count as active (they use capacity either way).
    adding = added(change);
  } else if (change.kind !== 'members') {
    const status = target?.status ?? 'active';
    if (change.kind === 'deactivate' && status !== 'active')
      return refuse({ code: 'conflict', message: 'This member is already deactivated.' });
    if (status === 'active') removing = 1;
  }
  return quoteSeats(state, change, now, { adding, removing });
}

/**
 * Prices `adding` seats coming into use (acceptances, reactivations) and `removing` active
 * members leaving (deactivations, removals), as if it all happened at `now`: the added seats
 * beyond the ones already paid this cycle are charged, one prorated line each; nothing is
 * refunded. The caller has decided the change may go through.
 */
export function quoteSeats(
  state: SeatState,
  change: Change,
  now: Date,
  { adding, removing }: { adding: number; removing: number },
): Quote {
  const base = quoteBase(state, change, now);
  const activeAfter = state.active + adding - removing;
  const chargedSeats = Math.max(0, Math.min(adding, activeAfter - state.paidSeats));
  const paidAfter = state.paidSeats + chargedSeats;
  const after: SeatState = { ...state, active: activeAfter, paidSeats: paidAfter };
  return {
    ...base,
    allowed: true,
    dueNow: chargedSeats * base.proration.amount,
    chargedSeats,
    activeAfter,
    paidAfter,
    capacity: { used: capacityUsed(after), max: state.plan.maxSeats },
    nextInvoice: nextInvoice(after),
  };
}
