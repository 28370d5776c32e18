// createSeatkitHandler: the whole Seatkit HTTP contract as one `(request) => Promise<Response>`
// function, for any server that speaks the Fetch API (Node 20+, Hono, Next.js route handlers,
// Deno, Bun, workers) or through a two-line adapter (Express, Fastify).
import { SeatkitError, isSeatkitError } from '../api/errors.js';
import { ROUTES, codeForStatus, versionTag } from '../api/routes.js';
import type { Route } from '../api/routes.js';
import { PLANS } from '../rules/plans.js';
import type { Plan, Problem, ProblemDetail } from '../schemas/index.js';
import { openAccount, signIn } from './context.js';
import type { EngineConfig, Identity } from './context.js';
import { FaultTable, controlEndpoint, createControls } from './controls.js';
import type { EngineControls, Fault } from './controls.js';
import { CommittedRefusal, OPERATIONS } from './operations.js';
import type { OperationRequest } from './operations.js';
import { verifyCredential } from './password.js';
import { Refusal, invalid } from './refusal.js';
import type { IdempotencyScope, SeatkitStore, StoredResponse } from './store.js';

export interface SeatkitHandlerOptions {
  store: SeatkitStore;
  /**
   * Who sent the request: your sign-in. Return the account and the member, or null to answer
   * 401. Every request acts in that account only.
   */
  identify(request: Request): Identity | null | Promise<Identity | null>;
  /** Where the routes are mounted, e.g. `/api` (default: the root). */
  basePath?: string;
  /** The engine's clock (default: the system clock). */
  clock?: { now(): Date };
  /** The plan catalogue (default: the demo catalogue). */
  plans?: readonly Plan[];
  /**
   * Checks the owner's password before a transfer of ownership. Default: the account's stored
   * credential (see `hashPassword`).
   */
  verifyPassword?(input: {
    accountId: string;
    memberId: string;
    password: string;
    credential: string;
  }): boolean | Promise<boolean>;
  idempotency?: {
    /** How long a change's response is kept for a retry with its key (default 24 hours). */
    retainSeconds?: number;
    /** After this long a key whose request never finished counts as abandoned (default 60 s). */
    inFlightSeconds?: number;
  };
  /** Largest request body read, in bytes (default 16 MiB: a 100,000-row bulk invite fits). */
  maxBodyBytes?: number;
  /**
   * Test and demo controls (clock, acceptance, actor, plan, reset, snapshot, faults), as
   * `handler.controls` and under `<basePath>/_control/`. Never turn them on in production.
   * `hashPasswords`: accounts the controls seed keep the owner's password hashed (a demo server)
   * rather than as given (the mock, whose snapshots give it back).
   */
  controls?: boolean | { hashPasswords?: boolean };
  /** Called with every unexpected error (answered as 500 `server_error`). Default: console.error. */
  onError?(error: unknown, request: Request): void;
}

export interface SeatkitHandler {
  (request: Request): Promise<Response>;
  /** Present when the handler was created with `controls: true`. */
  readonly controls: EngineControls | undefined;
}

/** Thrown by the handler for a fault that loses the connection: the server should drop it. */
export class NetworkFault extends TypeError {
  constructor() {
    super('Failed to fetch (an injected network fault).');
    this.name = 'NetworkFault';
  }
}

const DEFAULT_RETAIN_S = 24 * 60 * 60;
const DEFAULT_IN_FLIGHT_S = 60;
const DEFAULT_MAX_BODY = 16 * 1024 * 1024;
const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
}

function compile(route: Route): CompiledRoute {
  const source = route.path
    .split('/')
    .map((part) =>
      /^\{\w+\}$/.test(part) ? '([^/]+)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return { route, pattern: new RegExp(`^${source}$`) };
}

const COMPILED = ROUTES.map(compile);

function problemBody(error: SeatkitError, instance?: string): Problem {
  const status = error.status || 500;
  return {
    type: `https://seatkit.dev/problems/${error.code.replace(/_/g, '-')}`,
    title: error.message,
    status,
    detail: error.message,
    code: error.code,
    ...(instance ? { instance } : {}),
    ...(error.details.length ? { errors: [...error.details] as ProblemDetail[] } : {}),
    ...(error.retryAfter === undefined ? {} : { retryAfter: error.retryAfter }),
  };
}

export function problemResponse(error: SeatkitError, instance?: string): Response {
  const status = error.status || 500;
  const problem = problemBody(error, instance);
  const headers: Record<string, string> = {
    'Content-Type': 'application/problem+json',
    'Cache-Control': 'no-store',
  };
  if (error.retryAfter !== undefined) headers['Retry-After'] = String(error.retryAfter);
  return new Response(JSON.stringify(problem), { status, headers });
}

export function jsonResponse(
  status: number,
  body: unknown,
  extra: Record<string, string> = {},
): Response {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json',
    'Cache-Control': 'no-store',
    ...extra,
  };
  if (
    typeof body === 'object' &&
    body !== null &&
    typeof (body as { version?: unknown }).version === 'number'
  )
    headers.ETag = versionTag((body as { version: number }).version);
  return new Response(JSON.stringify(body), { status, headers });
}

/** A refusal as it is kept under an Idempotency-Key: its status and problem body. */
function refusalResponse(error: SeatkitError, instance: string): StoredResponse {
  return { status: error.status, body: problemBody(error, instance) };
}

/** A kept answer, sent again: a success as JSON, a refusal as the problem it was. */
function replay(stored: StoredResponse): Response {
  const headers = { 'Idempotent-Replayed': 'true' };
  if (stored.status < 400) return jsonResponse(stored.status, stored.body, headers);
  const retryAfter = (stored.body as { retryAfter?: unknown } | null)?.retryAfter;
  return new Response(JSON.stringify(stored.body), {
    status: stored.status,
    headers: {
      'Content-Type': 'application/problem+json',
      'Cache-Control': 'no-store',
      ...headers,
      ...(typeof retryAfter === 'number' ? { 'Retry-After': String(retryAfter) } : {}),
    },
  });
}

/**
 * A request body as its Idempotency-Key's fingerprint keeps it: without the owner's password,
 * which must never be stored. A retry under the same key with another password is then the same
 * request and gets the first answer again: no password is checked twice under one key, so a key
 * can't be used to guess (each guess needs a new key, and counts toward the lockout).
 */
function withoutSecrets(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body) || !('password' in body))
    return body;
  const { password: _password, ...rest } = body as Record<string, unknown>;
  return rest;
}

/** Stable text of a JSON value (object keys sorted), to compare two request bodies. */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const length = Number(request.headers.get('Content-Length') ?? '0');
  if (length > maxBytes) throw tooLarge(maxBytes);
  const text = await request.text();
  if (text.length > maxBytes) throw tooLarge(maxBytes);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw invalid('body', 'invalid_json', 'The request body is not JSON.');
  }
}

function tooLarge(maxBytes: number): Refusal {
  return new Refusal(
    'validation_failed',
    `The request body is larger than ${Math.floor(maxBytes / 1024 / 1024)} MiB.`,
    { status: 413, errors: [{ field: 'body', code: 'too_large', message: 'body: too large' }] },
  );
}

/**
 * `If-Match`: `*` (any existing version) or one strong or weak entity tag holding a version,
 * `"3"` / `W/"3"`. Anything else is a malformed request, never silently ignored.
 */
export function parseIfMatch(value: string | null): number | '*' | null {
  if (value === null) return null;
  const trimmed = value.trim();
  if (trimmed === '*') return '*';
  const match = /^(?:W\/)?"(\d{1,15})"$/.exec(trimmed);
  if (!match)
    throw invalid(
      'If-Match',
      'invalid_if_match',
      'If-Match must hold a version in quotes, like "3", or *.',
    );
  return Number(match[1]);
}

function idempotencyKey(request: Request): string {
  const key = request.headers.get('Idempotency-Key');
  if (key === null || key === '')
    throw invalid(
      'Idempotency-Key',
      'missing_idempotency_key',
      'A change needs an Idempotency-Key header (one per intended change; the same one when retrying it).',
    );
  if (!KEY_PATTERN.test(key))
    throw invalid(
      'Idempotency-Key',
      'invalid_idempotency_key',
      'Idempotency-Key must be 1 to 255 visible ASCII characters.',
    );
  return key;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Builds the request handler. */
export function createSeatkitHandler(options: SeatkitHandlerOptions): SeatkitHandler {
  const store = options.store;
  const clock = options.clock ?? { now: () => new Date() };
  const base = (options.basePath ?? '').replace(/\/+$/, '');
  const maxBody = options.maxBodyBytes ?? DEFAULT_MAX_BODY;
  const limits = {
    retainMs: (options.idempotency?.retainSeconds ?? DEFAULT_RETAIN_S) * 1000,
    inFlightMs: (options.idempotency?.inFlightSeconds ?? DEFAULT_IN_FLIGHT_S) * 1000,
  };
  const verify = options.verifyPassword;
  const config: EngineConfig = {
    plans: options.plans ?? PLANS,
    now: () => clock.now(),
    controls: options.controls !== undefined && options.controls !== false,
    verifyPassword: async (input) =>
      verify ? verify(input) : verifyCredential(input.credential, input.password),
  };
  const onError =
    options.onError ?? ((error: unknown) => console.error('[seatkit] unexpected error', error));
  const faults = new FaultTable();
  const hashPasswords =
    typeof options.controls === 'object' && options.controls.hashPasswords === true;
  const controls = config.controls
    ? createControls(store, config, faults, { hashPassword: hashPasswords })
    : undefined;
  const operationIds = ROUTES.map((r) => r.operationId);

  async function identity(request: Request): Promise<Identity> {
    const who = await options.identify(request);
    if (!who) throw new Refusal('unauthenticated', 'Sign in to manage the team.');
    return who;
  }

  /** The member an Idempotency-Key belongs to (the account's demo actor when none is named). */
  async function scopeOf(who: Identity): Promise<IdempotencyScope> {
    if (who.memberId !== undefined) return { accountId: who.accountId, memberId: who.memberId };
    const actorId = await store.transaction(
      who.accountId,
      'read',
      async (tx) => (await tx.account())?.actorId,
    );
    return { accountId: who.accountId, memberId: actorId ?? '' };
  }

  async function run(
    route: Route,
    request: Request,
    url: URL,
    params: Record<string, string>,
  ): Promise<Response> {
    const who = await identity(request);
    const body = route.body ? await readJson(request, maxBody) : undefined;
    const ifMatch = route.versioned ? parseIfMatch(request.headers.get('If-Match')) : null;
    const key = route.idempotent ? idempotencyKey(request) : null;
    const operation = OPERATIONS[route.operationId];
    const req: OperationRequest = { params, query: url.searchParams, body, ifMatch };
    const status = route.operationId === 'invite' || route.operationId === 'bulkInvite' ? 201 : 200;

    let scope: IdempotencyScope | null = null;
    const fingerprint = `${route.method} ${url.pathname} ${stableJson(withoutSecrets(body))}`;
    if (key) {
      scope = await scopeOf(who);
      const claim = await store.claimIdempotency(scope, key, fingerprint, clock.now(), limits);
      if (claim.state === 'done') {
        if (claim.fingerprint !== fingerprint)
          throw new Refusal(
            'idempotency_conflict',
            'This Idempotency-Key was already used for a different request. Use a new key for a new change.',
          );
        return replay(claim.response);
      }
      if (claim.state === 'in_flight')
        throw new Refusal(
          'conflict',
          'A request with this Idempotency-Key is still being answered. Wait for it, then retry.',
          { retryAfter: 1 },
        );
    }
    let outcome: { response: StoredResponse } | { refusal: CommittedRefusal };
    try {
      const prepare = operation.prepare;
      const prepared = prepare
        ? await store.transaction(who.accountId, 'read', async (tx) =>
            prepare(await signIn(await openAccount(tx, config, 'read'), who), req),
          )
        : undefined;
      outcome = await store.transaction(who.accountId, operation.mode, async (tx) => {
        const ctx = await signIn(await openAccount(tx, config, operation.mode), who);
        try {
          const response = { status, body: await operation.run(ctx, req, prepared) };
          if (key && scope) await tx.completeIdempotency(scope, key, fingerprint, response);
          return { response };
        } catch (error) {
          // A refusal whose cause must stay written (a wrong password counts): commit it with
          // its answer kept under the key, then answer.
          if (!(error instanceof CommittedRefusal)) throw error;
          if (key && scope)
            await tx.completeIdempotency(
              scope,
              key,
              fingerprint,
              refusalResponse(error, url.pathname),
            );
          return { refusal: error };
        }
      });
    } catch (error) {
      if (key && scope)
        await settleKey(who.accountId, scope, key, fingerprint, error, url.pathname);
      throw error;
    }
    if ('refusal' in outcome) throw outcome.refusal;
    return jsonResponse(outcome.response.status, outcome.response.body);
  }

  /**
   * A key whose request failed: a refusal (4xx, the backend's decision) is kept under the key
   * like a success, so the key has one answer wherever it is retried; anything else (a server
   * error) frees the key, so a retry runs again.
   */
  async function settleKey(
    accountId: string,
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    error: unknown,
    instance: string,
  ): Promise<void> {
    const refused = isSeatkitError(error) && error.status >= 400 && error.status < 500;
    try {
      if (refused)
        await store.transaction(accountId, 'write', (tx) =>
          tx.completeIdempotency(scope, key, fingerprint, refusalResponse(error, instance)),
        );
      else await store.releaseIdempotency(scope, key);
    } catch {
      await store.releaseIdempotency(scope, key).catch(() => undefined);
    }
  }

  async function control(request: Request, url: URL, name: string): Promise<Response> {
    const endpoint = controls && controlEndpoint(controls, operationIds, request.method, name);
    if (!endpoint) throw new Refusal('not_found', `No control ${request.method} ${name}.`);
    const who = await identity(request);
    const body = request.method === 'POST' ? await readJson(request, maxBody) : undefined;
    return jsonResponse(200, await endpoint(who.accountId, body, url.searchParams));
  }

  async function applyFault(fault: Fault | null): Promise<Response | null> {
    if (!fault) return null;
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.network) throw new NetworkFault();
    if (fault.status) {
      const status = fault.status;
      return problemResponse(
        new SeatkitError(codeForStatus(status), `Injected fault: HTTP ${status}.`, {
          status,
          ...(status === 429 || status === 503 ? { retryAfter: fault.retryAfter ?? 1 } : {}),
        }),
      );
    }
    return null;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const path = url.pathname.startsWith(`${base}/`) ? url.pathname.slice(base.length) : null;
    try {
      if (path === null) throw new Refusal('not_found', `No Seatkit route at ${url.pathname}.`);
      if (controls && path.startsWith('/_control/'))
        return await control(request, url, path.slice(10));
      const candidates = COMPILED.map((c) => ({ c, match: c.pattern.exec(path) })).filter(
        (m) => m.match,
      );
      const found = candidates.find((m) => m.c.route.method === request.method);
      if (!found) {
        if (candidates.length === 0)
          throw new Refusal('not_found', `No Seatkit route at ${url.pathname}.`);
        const allow = candidates.map((m) => m.c.route.method).join(', ');
        const refusal = new Refusal(
          'validation_failed',
          `${request.method} is not allowed here; use ${allow}.`,
          {
            status: 405,
          },
        );
        const response = problemResponse(refusal, url.pathname);
        response.headers.set('Allow', allow);
        return response;
      }
      const { route } = found.c;
      const params: Record<string, string> = {};
      for (const [i, name] of route.pathParams.entries()) {
        const raw = found.match![i + 1] ?? '';
        try {
          params[name] = decodeURIComponent(raw);
        } catch {
          throw new Refusal('not_found', `${raw} is not a valid ${name}.`);
        }
      }
      const fault = controls ? faults.take(route.operationId) : null;
      const injected = await applyFault(fault);
      if (injected) return injected;
      const response = await run(route, request, url, params);
      if (fault?.dropResponse) throw new NetworkFault();
      return response;
    } catch (error) {
      if (error instanceof NetworkFault) throw error;
      if (isSeatkitError(error)) return problemResponse(error, url.pathname);
      onError(error, request);
      return problemResponse(
        new SeatkitError('server_error', 'The server failed.', { status: 500 }),
        url.pathname,
      );
    }
  }

  return Object.assign(handle, { controls });
}
