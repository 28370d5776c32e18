import * as z from 'zod/mini';
import { BILLING_PERIODS, ROLES } from './constants.js';

export const Role = z.enum(ROLES);
export type Role = z.infer<typeof Role>;

export const BillingPeriod = z.enum(BILLING_PERIODS);
export type BillingPeriod = z.infer<typeof BillingPeriod>;

/** An ISO 8601 date-time in UTC, e.g. `2026-11-16T09:30:00.000Z`. */
export const DateTime = z.iso.datetime({ offset: true });

/** Money is always an integer amount of minor units (cents). */
export const Cents = z.int().check(z.nonnegative());

/** A whole count (seats, days, rows). */
export const Count = z.int().check(z.nonnegative());

/** A phone number in E.164 form, e.g. `+14155550100`. */
export const E164 = z.string().check(z.regex(/^\+[1-9]\d{1,14}$/));

export const Id = z.string().check(z.minLength(1), z.maxLength(200));

/** Optimistic-concurrency version of a resource; sent back in `If-Match`. */
export const Version = z.int().check(z.nonnegative());
