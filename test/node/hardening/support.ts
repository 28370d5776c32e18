// Shared by the hardening tests: one backend per file, reset per run, raw HTTP
// helpers, and the billing arithmetic of docs/product-rules.md written out again independently (these tests
// must not trust src/rules/ to check src/rules/).
import assert from 'node:assert/strict';
import { createHttpAdapter, SeatkitError } from '../../../src/api/index.js';
import type { SeatkitAdapter } from '../../../src/api/index.js';
import { createMockBackend } from '../../../src/mock/backend.js';
import type { MockBackend } from '../../../src/mock/backend.js';
import { inProcessFetch as inProcessFetchOf } from '../../../src/mock/adapter.js';

export const BASE = 'http://seatkit.test/api';
export const DEEP = process.env.SEATKIT_DEEP === '1';

let current: MockBackend | null = null;

/**
 * Sends a request to the backend in use, as a Request object: the engine's whole HTTP path
 * (routing, JSON, headers, problems) without a socket. MSW's interception in Node costs about
 * 5 ms a request, which the model-based run cannot afford; the MSW wiring itself is proven by
 * the conformance suite (test/node/api/conformance.test.ts and the browser's).
 */
export const inProcessFetch = inProcessFetchOf((request) => {
  if (!current) throw new Error('No backend in use: call use(scenario) first.');
  return current.handle(request);
});

/** One backend at a time per test file; `use` swaps it. */
export function fileServer(): {
  server: { listen(options?: unknown): void; close(): void };
  use(scenario: unknown): { backend: MockBackend; adapter: SeatkitAdapter };
} {
  return {
    server: { listen: () => undefined, close: () => (current = null) },
    use(scenario) {
      current = createMockBackend(scenario);
      return {
        backend: current,
        adapter: createHttpAdapter({ baseUrl: BASE, fetch: inProcessFetch }),
      };
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
  const response = await inProcessFetch(`${BASE}${path}`, {
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
export async function stateOf(backend: MockBackend): Promise<string> {
  return JSON.stringify({
    snapshot: await backend.snapshot(),
    charges: await backend.charges(),
    invoices: await backend.invoices(),
  });
}

// ---- the product rules' billing, again, without src/rules ----------------------------------------

export interface PlanFacts {
  id: string;
  monthly: number;
  annual: number;
  minSeats: number;
  maxSeats: number | null;
  supervisor: boolean;
}

/** The demo catalogue, copied from the product rules' table (cents). */
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
