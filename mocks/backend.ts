// createMockBackend: the Seatkit HTTP contract served by MSW handlers from an in-memory db.
import { HttpResponse, delay, http } from 'msw';
import type { RequestHandler } from 'msw';
import * as z from 'zod/mini';
import { ROUTES, codeForStatus, parseVersionTag, versionTag } from '../src/api/routes.js';
import type { OperationId, Route } from '../src/api/routes.js';
import { SeatkitError } from '../src/api/errors.js';
import { findPlan, initialPaidSeats, cycleAt, canonicalEmail } from '../src/rules/index.js';
import { BillingPeriod } from '../src/schemas/index.js';
import type {
  Charge,
  ErrorCode,
  Invoice,
  Member,
  Problem,
  ProblemDetail,
} from '../src/schemas/index.js';
import type { Scenario } from '../src/schemas/scenario.js';
import { countMembers, createDb, loadScenario, snapshotDb } from './db.js';
import type { Db } from './db.js';
import { OPERATIONS, Refusal, acceptInvitation, renew } from './operations.js';

export interface Fault {
  /** Added before the answer, in real milliseconds. */
  latencyMs?: number;
  /** Answer with this HTTP status (a problem with the code the status means). */
  status?: number;
  /** Fail as a network error (no response at all), before the backend sees the request. */
  network?: true;
  /**
   * The backend applies the request, then the answer is lost on the way back (a network error):
   * the case an Idempotency-Key exists for.
   */
  dropResponse?: true;
  /** Seconds sent in `Retry-After` with a 429/503 `status` (default 1). */
  retryAfter?: number;
  /** How many requests it affects; every one when omitted. */
  times?: number;
}

export interface MockClock {
  now(): Date;
  set(date: Date | string): void;
  advanceDays(days: number): void;
}

export interface MockBackend {
  /** MSW handlers: give them to `setupWorker` (browser) or `setupServer` (Node). */
  readonly handlers: RequestHandler[];
  readonly clock: MockClock;
  /** Simulates the invitee accepting (by invitation id or email): joins and is charged. */
  acceptInvitation(idOrEmail: string): { member: Member; charge: Charge };
  /**
   * Signs in as another active member. `stillSignedIn` keeps a deactivated member's session (a
   * member deactivated while signed in): every request then answers as it would for them.
   */
  setActor(email: string, options?: { stillSignedIn?: boolean }): void;
  setPlan(planId: string, period?: BillingPeriod): void;
  injectFault(operationId: OperationId | '*', fault: Fault): void;
  clearFaults(): void;
  /** Back to the scenario it was created with (or a new one), faults and idempotency keys cleared. */
  reset(scenario?: unknown): void;
  /**
   * The current state as a scenario (to persist it or share it as a link). The owner's password
   * is left out (`password: ''`: a backend loaded from it refuses every transfer) unless
   * `includePassword` asks for it, so it can't leak through a log, a test report or `/_mock/snapshot`.
   */
  snapshot(options?: { includePassword?: boolean }): Scenario;
  charges(): Charge[];
  invoices(): Invoice[];
}

export interface MockBackendOptions {
  /** Where the API is served; `/api` (default) matches any origin (`* /api/...`). */
  baseUrl?: string;
}

interface StoredResponse {
  fingerprint: string;
  status: number;
  body: unknown;
}

const DAY_MS = 86_400_000;

/** Turns a base URL into an MSW pattern prefix: relative bases match any origin. */
function patternBase(baseUrl: string): string {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^https?:\/\//.test(trimmed) || trimmed.startsWith('*')) return trimmed;
  return `*${trimmed.startsWith('/') ? '' : '/'}${trimmed}`;
}

function problemResponse(error: SeatkitError, instance?: string): Response {
  const status = error.status || 500;
  const problem: Problem = {
    type: `https://seatkit.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: error.message,
    status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.details.length ? { errors: [...error.details] as ProblemDetail[] } : {}),
    ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
  };
  const headers: Record<string, string> = { 'Content-Type': 'application/problem+json' };
  if (error.retryAfter !== undefined) headers['Retry-After'] = String(error.retryAfter);
  return new Response(JSON.stringify(problem), { status, headers });
}

function jsonResponse(status: number, body: unknown, extra: Record<string, string> = {}): Response {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...extra };
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { version?: unknown }).version === 'number'
  ) {
    headers.ETag = versionTag((body as { version: number }).version);
  }
  return new Response(JSON.stringify(body), { status, headers });
}

function fail(code: ErrorCode, message: string, details: ProblemDetail[] = []): never {
  throw new Refusal(code, message, { errors: details });
}

/** Stable text of a JSON value (object keys sorted), to compare two request bodies. */
function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function readJson(request: Request): Promise<unknown> {
  const text = await request.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new Refusal('validation_failed', 'The request body is not JSON.', { status: 400 });
  }
}

export function createMockBackend(
  scenario: unknown,
  options: MockBackendOptions = {},
): MockBackend {
  let initial = loadScenario(scenario);
  let db: Db = createDb(initial);
  let idempotency = new Map<string, StoredResponse>();
  const faults = new Map<OperationId | '*', Fault & { left: number }>();
  const base = patternBase(options.baseUrl ?? '/api');

  function takeFault(operationId: OperationId): Fault | null {
    for (const key of [operationId, '*'] as const) {
      const fault = faults.get(key);
      if (!fault) continue;
      fault.left--;
      if (fault.left <= 0) faults.delete(key);
      return fault;
    }
    return null;
  }

  function setNow(date: Date): void {
    if (Number.isNaN(date.getTime())) throw new Error('Not a date.');
    db.now = date;
    renew(db);
    db.revision++;
  }

  function handler(route: Route): RequestHandler {
    const method = route.method.toLowerCase() as 'get' | 'post' | 'put';
    const path = base + route.path.replace(/\{(\w+)\}/g, ':$1');
    return http[method](path, async ({ request, params }) => {
      const fault = takeFault(route.operationId);
      if (fault?.latencyMs) await delay(fault.latencyMs);
      if (fault?.network) return HttpResponse.error();
      if (fault?.status) {
        const code = codeForStatus(fault.status);
        return problemResponse(
          new SeatkitError(code, `Injected fault: HTTP ${fault.status}.`, {
            status: fault.status,
            ...(fault.status === 429 || fault.status === 503
              ? { retryAfter: fault.retryAfter ?? 1 }
              : {}),
          }),
        );
      }
      const answer = await respond(route, request, params);
      return fault?.dropResponse ? HttpResponse.error() : answer;
    });
  }

  async function respond(
    route: Route,
    request: Request,
    params: Record<string, string | readonly string[] | undefined>,
  ): Promise<Response> {
    let body: unknown;
    try {
      body = route.body ? await readJson(request) : undefined;
    } catch (error) {
      return problemResponse(error as SeatkitError);
    }
    // From here to the answer nothing awaits: checks and writes happen as one step.
    const url = new URL(request.url);
    const key = route.idempotent ? request.headers.get('Idempotency-Key') : null;
    const fingerprint = `${route.method} ${url.pathname} ${stableJson(body)}`;
    const scopedKey = key ? `${db.actorId} ${key}` : null;
    if (scopedKey) {
      const stored = idempotency.get(scopedKey);
      if (stored && stored.fingerprint === fingerprint) {
        return jsonResponse(stored.status, stored.body, { 'Idempotent-Replayed': 'true' });
      }
      if (stored) {
        return problemResponse(
          new Refusal(
            'idempotency_conflict',
            'This Idempotency-Key was already used for a different request. Use a new key for a new change.',
          ),
        );
      }
    }
    const ifMatch = request.headers.get('If-Match');
    const version = parseVersionTag(ifMatch);
    if (route.versioned && ifMatch !== null && version === null) {
      return problemResponse(
        new Refusal('validation_failed', 'If-Match must hold a version, like "3".', {
          status: 400,
        }),
      );
    }
    try {
      renew(db);
      const decoded: Record<string, string> = {};
      for (const [name, value] of Object.entries(params)) {
        const text = typeof value === 'string' ? value : (value ?? []).join('/');
        try {
          decoded[name] = decodeURIComponent(text);
        } catch {
          decoded[name] = text;
        }
      }
      const result = OPERATIONS[route.operationId](db, {
        params: decoded,
        query: url.searchParams,
        body,
        ifMatch: route.versioned ? version : null,
      });
      const status =
        route.operationId === 'invite' || route.operationId === 'bulkInvite' ? 201 : 200;
      if (scopedKey) idempotency.set(scopedKey, { fingerprint, status, body: result });
      return jsonResponse(status, result);
    } catch (error) {
      if (error instanceof SeatkitError) return problemResponse(error, url.pathname);
      console.error('[seatkit mock] unexpected error', error);
      return problemResponse(
        new SeatkitError('server_error', 'The mock backend failed.', { status: 500 }),
      );
    }
  }

  const backend: MockBackend = {
    handlers: [],
    clock: {
      now: () => new Date(db.now),
      set: (date) => setNow(new Date(date)),
      advanceDays: (days) => setNow(new Date(db.now.getTime() + days * DAY_MS)),
    },
    acceptInvitation: (idOrEmail) => {
      renew(db);
      return acceptInvitation(db, idOrEmail);
    },
    setActor: (email, { stillSignedIn = false } = {}) => {
      const id = db.memberIdByEmail.get(canonicalEmail(email));
      const member = id ? db.members.get(id) : undefined;
      if (!member) fail('not_found', `${email} is not a member.`);
      if (member.status !== 'active' && !stillSignedIn)
        fail('conflict', `${email} is deactivated.`);
      db.actorId = member.id;
      db.revision++;
    },
    setPlan: (planId, period) => {
      const plan = findPlan(planId);
      if (!plan) fail('validation_failed', `Unknown plan ${planId}.`);
      db.plan = plan;
      if (period && period !== db.period) {
        db.period = period;
        db.cycle = cycleAt(db.anchor, period, db.now);
      }
      db.paidSeats = Math.max(db.paidSeats, initialPaidSeats(plan, countMembers(db, 'active')));
      db.revision++;
    },
    injectFault: (operationId, fault) => {
      faults.set(operationId, { ...fault, left: fault.times ?? Number.POSITIVE_INFINITY });
    },
    clearFaults: () => faults.clear(),
    reset: (next) => {
      if (next !== undefined) initial = loadScenario(next);
      db = createDb(initial);
      idempotency = new Map();
      faults.clear();
    },
    snapshot: ({ includePassword = false } = {}) => {
      const scenario = snapshotDb(db);
      return includePassword ? scenario : { ...scenario, password: '' };
    },
    charges: () => db.charges.map((c) => ({ ...c })),
    invoices: () => db.invoices.map((i) => ({ ...i })),
  };

  const control = controlHandlers(base, backend);
  backend.handlers.push(...control, ...ROUTES.map(handler));
  return backend;
}

const ClockBody = z.object({
  now: z.optional(z.string()),
  advanceDays: z.optional(z.number()),
});
const AcceptBody = z.object({ invitation: z.string() });
const ActorBody = z.object({ email: z.string() });
const PlanBody = z.object({ plan: z.string(), billing: z.optional(BillingPeriod) });
const FaultBody = z.object({
  operationId: z.string(),
  latencyMs: z.optional(z.number()),
  status: z.optional(z.int()),
  network: z.optional(z.literal(true)),
  dropResponse: z.optional(z.literal(true)),
  retryAfter: z.optional(z.int()),
  times: z.optional(z.int()),
});
const ResetBody = z.optional(z.object({ scenario: z.optional(z.unknown()) }));

/** Mock-only endpoints under `<base>/_mock/` that drive the same controls over HTTP. */
function controlHandlers(base: string, backend: MockBackend): RequestHandler[] {
  const route = (
    method: 'get' | 'post' | 'delete',
    path: string,
    run: (body: unknown) => unknown,
  ): RequestHandler =>
    http[method](`${base}/_mock${path}`, async ({ request }) => {
      try {
        const body = method === 'post' ? await readJson(request) : undefined;
        return jsonResponse(200, run(body) ?? { ok: true });
      } catch (error) {
        if (error instanceof SeatkitError) return problemResponse(error);
        return problemResponse(
          new SeatkitError(
            'validation_failed',
            error instanceof Error ? error.message : String(error),
            {
              status: 422,
            },
          ),
        );
      }
    });
  const parse = <S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> => {
    const result = z.safeParse(schema, value);
    if (!result.success) fail('validation_failed', z.prettifyError(result.error));
    return result.data;
  };
  const clockState = () => ({ now: backend.clock.now().toISOString() });
  return [
    route('get', '/clock', clockState),
    route('post', '/clock', (body) => {
      const { now, advanceDays } = parse(ClockBody, body ?? {});
      if (now !== undefined) backend.clock.set(now);
      if (advanceDays !== undefined) backend.clock.advanceDays(advanceDays);
      return clockState();
    }),
    route('post', '/accept', (body) =>
      backend.acceptInvitation(parse(AcceptBody, body).invitation),
    ),
    route('post', '/actor', (body) => backend.setActor(parse(ActorBody, body).email)),
    route('post', '/plan', (body) => {
      const { plan, billing } = parse(PlanBody, body);
      backend.setPlan(plan, billing);
    }),
    route('post', '/faults', (body) => {
      const { operationId, ...fault } = parse(FaultBody, body);
      if (operationId !== '*' && !ROUTES.some((r) => r.operationId === operationId)) {
        fail('validation_failed', `Unknown operation ${operationId}.`);
      }
      backend.injectFault(operationId as OperationId | '*', fault);
    }),
    route('delete', '/faults', () => backend.clearFaults()),
    route('post', '/reset', (body) => backend.reset(parse(ResetBody, body)?.scenario)),
    route('get', '/snapshot', () => backend.snapshot()),
    route('get', '/charges', () => ({ charges: backend.charges() })),
    route('get', '/invoices', () => ({ invoices: backend.invoices() })),
  ];
}
