/**
 * Billing cycles, all in UTC. A cycle runs from `anchor + k periods` to `anchor + (k+1) periods`
 * (end exclusive = the next renewal). Month arithmetic keeps the anchor's day of month and clamps
 * it to the month's length, so an anchor on Jan 31 renews Feb 28 (29), Mar 31, Apr 30, …; it never
 * drifts to the 28th. An annual anchor on Feb 29 renews on Feb 28 in common years.
 */
import type { BillingPeriod } from '../schemas/index.js';

export interface Cycle {
  start: Date;
  /** Exclusive: the next renewal. */
  end: Date;
}

const DAY_MS = 86_400_000;

export function startOfUtcDay(date: Date): Date {
  return new Date(Math.floor(date.getTime() / DAY_MS) * DAY_MS);
}

function daysInUtcMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
}

/** `anchor` moved by `n` whole periods (n may be negative), keeping the anchor's day and time of day. */
export function addPeriods(anchor: Date, period: BillingPeriod, n: number): Date {
  const months = period === 'monthly' ? n : n * 12;
  const total = anchor.getUTCFullYear() * 12 + anchor.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const day = Math.min(anchor.getUTCDate(), daysInUtcMonth(year, month));
  const timeOfDay = anchor.getTime() - startOfUtcDay(anchor).getTime();
  return new Date(Date.UTC(year, month, day) + timeOfDay);
}

/** The cycle containing `now`; before the anchor, the first cycle. */
export function cycleAt(anchor: Date, period: BillingPeriod, now: Date): Cycle {
  if (now.getTime() < anchor.getTime())
    return { start: anchor, end: addPeriods(anchor, period, 1) };
  const monthsPer = period === 'monthly' ? 1 : 12;
  const elapsedMonths =
    (now.getUTCFullYear() - anchor.getUTCFullYear()) * 12 +
    (now.getUTCMonth() - anchor.getUTCMonth());
  // A first guess from the calendar, corrected by at most a step either way.
  let k = Math.max(0, Math.floor(elapsedMonths / monthsPer));
  while (k > 0 && addPeriods(anchor, period, k).getTime() > now.getTime()) k--;
  while (addPeriods(anchor, period, k + 1).getTime() <= now.getTime()) k++;
  return { start: addPeriods(anchor, period, k), end: addPeriods(anchor, period, k + 1) };
}

/** Whole UTC days in the cycle (28–31 for a month, 365–366 for a year). */
export function cycleDays(cycle: Cycle): number {
  return Math.round(
    (startOfUtcDay(cycle.end).getTime() - startOfUtcDay(cycle.start).getTime()) / DAY_MS,
  );
}

/** Whole days from the start of `now`'s UTC day to the cycle's end, never negative. */
export function remainingDays(cycle: Cycle, now: Date): number {
  const days = Math.round(
    (startOfUtcDay(cycle.end).getTime() - startOfUtcDay(now).getTime()) / DAY_MS,
  );
  return Math.max(0, Math.min(days, cycleDays(cycle)));
}
