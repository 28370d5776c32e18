// Shared by the hardening tests: one MSW server per file, a backend reset per run, raw HTTP
// helpers, and the billing arithmetic of PRODUCT.md written out again independently (these tests
// must not trust src/rules/ to check src/rules/).
import assert from 'node:assert/strict';
import { setupServer } from 'msw/node';
import { createHttpAdapter, SeatkitError } from '../../../src/api/index.js';
import type { SeatkitAdapter } from '../../../src/api/index.js';
import { createMockBackend } from '../../../mocks/backend.js';
import type { MockBackend } from '../../../mocks/backend.js';

export const BASE = 'http://seatkit.test/api';
export const DEEP = process.env.SEATKIT_DEEP === '1';

/** One server per test file; handlers are swapped per backend. */
export function fileServer(): {
  server: ReturnType<typeof setupServer>;
  use(scenario: unknown): { backend: MockBackend; adapter: SeatkitAdapter };
} {
  const server = setupServer();
  return {
    server,
    use(scenario) {
      const backend = createMockBackend(scenario);
      server.resetHandlers(...backend.handlers);
      return { backend, adapter: createHttpAdapter({ baseUrl: BASE }) };
    },
  };
}

/** The error code a promise rejects with, or `ok`. */
export async function outcome(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof SeatkitError, `not a SeatkitError: ${String(error)}`);
    return error.code;
  }
}

export interface RawAnswer {
  status: number;
  text: string;
  json: unknown;
  headers: Headers;
}

/** A request straight at the mock, without the adapter (for the authorization matrix). */
export async function raw(
  method: string,
  path: string,
  options: { body?: unknown; ifMatch?: string; key?: string; rawBody?: string } = {},
): Promise<RawAnswer> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined || options.rawBody !== undefined)
    headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['Idempotency-Key'] = options.key ?? crypto.randomUUID();
  if (options.ifMatch !== undefined) headers['If-Match'] = options.ifMatch;
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    body: options.rawBody ?? (options.body === undefined ? null : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json, headers: response.headers };
}

/** Everything observable about the backend's state, as comparable text. */
export function stateOf(backend: MockBackend): string {
  return JSON.stringify({
    snapshot: backend.snapshot(),
    charges: backend.charges(),
    invoices: backend.invoices(),
  });
}

// ---- PRODUCT.md's billing, again, without src/rules ----------------------------------------------

export interface PlanFacts {
  id: string;
  monthly: number;
  annual: number;
  minSeats: number;
  maxSeats: number | null;
  supervisor: boolean;
}

/** The demo catalogue, copied from the PRODUCT.md table (cents). */
export const CATALOGUE: Record<string, PlanFacts> = {
  essentials: {
    id: 'essentials',
    monthly: 1900,
    annual: 18000,
    minSeats: 2,
    maxSeats: 5,
    supervisor: false,
  },
  team: {
    id: 'team',
    monthly: 2900,
    annual: 28800,
    minSeats: 2,
    maxSeats: null,
    supervisor: false,
  },
  pro: { id: 'pro', monthly: 4900, annual: 46800, minSeats: 2, maxSeats: null, supervisor: true },
  enterprise: {
    id: 'enterprise',
    monthly: 7900,
    annual: 76800,
    minSeats: 2,
    maxSeats: null,
    supervisor: true,
  },
};

const DAY = 86_400_000;
const utcDay = (ms: number) => ms - (((ms % DAY) + DAY) % DAY);

/** The anchor moved by `months` calendar months, its day clamped to the month's length. */
export function shiftMonths(anchor: Date, months: number): number {
  const y = anchor.getUTCFullYear();
  const m = anchor.getUTCMonth() + months;
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const time = anchor.getTime() - utcDay(anchor.getTime());
  return Date.UTC(y, m, Math.min(anchor.getUTCDate(), last)) + time;
}

/** The cycle holding `now` (start inclusive, end exclusive), by walking from the anchor. */
export function cycleOf(
  anchor: Date,
  period: 'monthly' | 'annual',
  now: number,
): { start: number; end: number } {
  const step = period === 'monthly' ? 1 : 12;
  let k = 0;
  while (shiftMonths(anchor, (k + 1) * step) <= now) k++;
  return { start: shiftMonths(anchor, k * step), end: shiftMonths(anchor, (k + 1) * step) };
}

/** round_half_up(price × remainingDays / cycleDays) with exact integer arithmetic. */
export function expectedProration(
  price: number,
  cycle: { start: number; end: number },
  now: number,
): number {
  const cycleDays = Math.round((utcDay(cycle.end) - utcDay(cycle.start)) / DAY);
  const remaining = Math.round((utcDay(cycle.end) - utcDay(now)) / DAY);
  const numerator = BigInt(price) * BigInt(remaining);
  const days = BigInt(cycleDays);
  const whole = numerator / days;
  const rest = numerator % days;
  return Number(rest * 2n >= days ? whole + 1n : whole);
}
