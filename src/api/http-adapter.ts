import type { Assignee, InviteInput, Role } from '../schemas/index.js';
import type {
  ReadOptions,
  SeatkitAdapter,
  TeamQuery,
  VersionedWriteOptions,
  WriteOptions,
} from './adapter.js';
import { SeatkitError } from './errors.js';
import type * as HttpContract from './http-contract.js';
import type { OperationId } from './routes.js';

type Contract = typeof HttpContract;

let contract: Promise<Contract> | null = null;

/** The route table and the response schemas (zod), loaded once, on first use, off the initial chunk. */
function loadContract(): Promise<Contract> {
  if (!contract) {
    contract = import('./http-contract.js');
    // A failed load is retried by the next request rather than cached.
    contract.catch(() => {
      contract = null;
    });
  }
  return contract;
}

type HeaderSource =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `/api` or `https://example.com/api`. In Node it must be absolute. */
  baseUrl: string;
  /** Defaults to the global `fetch`, looked up on every call (so test interceptors apply). */
  fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `Authorization`), or a function that returns them. */
  headers?: HeaderSource;
}

interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  options?: ReadOptions & Partial<VersionedWriteOptions>;
}

/**
 * An adapter for a backend that speaks the Seatkit HTTP contract (`docs/openapi.json`). Every
 * response is validated; every failure becomes a `SeatkitError`.
 */
export function createHttpAdapter(config: HttpAdapterOptions): SeatkitAdapter {
  const base = config.baseUrl.replace(/\/+$/, '');
  const doFetch: typeof fetch = config.fetch ?? ((input, init) => globalThis.fetch(input, init));
  // Start loading the contract now so the first request does not wait for it.
  void loadContract().catch(() => undefined);

  async function call<T>(
    operationId: OperationId,
    { params = {}, query, body, options = {} }: Call,
  ): Promise<T> {
    const { ROUTE_BY_ID, describeIssues, fillPath, parseResponse, versionTag, ...c } =
      await loadContract().catch((error: unknown) => {
        throw new SeatkitError('network_error', 'Could not load the Seatkit HTTP contract.', {
          cause: error,
        });
      });
    const route = ROUTE_BY_ID[operationId];
    let url = base + fillPath(route.path, params);
    if (query) {
      const search = new URLSearchParams();
      for (const [name, value] of Object.entries(query)) {
        if (value !== undefined && value !== '') search.set(name, String(value));
      }
      const text = search.toString();
      if (text) url += `?${text}`;
    }
    const extra =
      typeof config.headers === 'function' ? await config.headers() : (config.headers ?? {});
    const headers = new Headers(extra);
    headers.set('Accept', 'application/json, application/problem+json');
    if (route.body) headers.set('Content-Type', 'application/json');
    if (route.idempotent) headers.set('Idempotency-Key', options.idempotencyKey ?? newKey());
    if (route.versioned) {
      if (typeof options.version !== 'number') {
        throw new SeatkitError(
          'validation_failed',
          `${operationId} needs the version the caller last saw.`,
        );
      }
      headers.set('If-Match', versionTag(options.version));
    }
    const what = `${route.method} ${route.path}`;
    const signal = options.signal;
    if (signal?.aborted) throw abortError(signal);

    let response: Response;
    try {
      response = await doFetch(url, {
        method: route.method,
        headers,
        body: route.body ? JSON.stringify(body ?? {}) : null,
        signal: signal ?? null,
      });
    } catch (error) {
      throw fetchFailure(error, signal, what);
    }

    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      throw fetchFailure(error, signal, what);
    }

    if (!response.ok) throw problemError(response, text, what, c);

    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch (error) {
      throw new SeatkitError('malformed_response', `The response to ${what} is not JSON.`, {
        status: response.status,
        cause: error,
      });
    }
    const result = parseResponse(route.response, json);
    if (!result.success) {
      const problems = describeIssues(result.error.issues);
      throw new SeatkitError(
        'malformed_response',
        `The response to ${what} is malformed: ${problems.slice(0, 3).join('; ')}${
          problems.length > 3 ? ` (and ${problems.length - 3} more)` : ''
        }`,
        {
          status: response.status,
          details: result.error.issues.slice(0, 20).map((issue, i) => ({
            field: issue.path.map(String).join('.'),
            code: issue.code,
            message: problems[i] ?? issue.message,
          })),
          cause: result.error,
        },
      );
    }
    return result.data as T;
  }

  return {
    getViewer: (options) => call('getViewer', { options }),
    listTeam: (query: TeamQuery, options) =>
      call('listTeam', {
        query: {
          search: query.search,
          role: query.role,
          status: query.status,
          sort: query.sort,
          direction: query.direction,
          cursor: query.cursor,
          limit: query.limit,
        },
        options,
      }),
    listPhoneNumbers: async (options) =>
      (
        await call<{ phoneNumbers: Awaited<ReturnType<SeatkitAdapter['listPhoneNumbers']>> }>(
          'listPhoneNumbers',
          { options },
        )
      ).phoneNumbers,
    listRingGroups: async (options) =>
      (
        await call<{ ringGroups: Awaited<ReturnType<SeatkitAdapter['listRingGroups']>> }>(
          'listRingGroups',
          { options },
        )
      ).ringGroups,
    getBillingSummary: (options) => call('getBillingSummary', { options }),
    quote: (change, options) => call('quote', { body: change, options }),
    invite: (input: InviteInput, options?: WriteOptions) =>
      call('invite', { body: input, options }),
    bulkInvite: (invitations, options) => call('bulkInvite', { body: { invitations }, options }),
    resendInvitation: (id, options) => call('resendInvitation', { params: { id }, options }),
    revokeInvitation: (id, options) => call('revokeInvitation', { params: { id }, options }),
    changeRole: (id, role: Role, options) =>
      call('changeRole', { params: { id }, body: { role }, options }),
    assignPhoneNumber: (number, assignee: Assignee | null, options) =>
      call('assignPhoneNumber', { params: { number }, body: { assignee }, options }),
    getRemovalImpact: (id, options) => call('getRemovalImpact', { params: { id }, options }),
    removeMember: (id, options) =>
      call('removeMember', {
        params: { id },
        body: options.reassignTo === undefined ? {} : { reassignTo: options.reassignTo },
        options,
      }),
    deactivateMember: (id, options) => call('deactivateMember', { params: { id }, options }),
    reactivateMember: (id, options) => call('reactivateMember', { params: { id }, options }),
    batch: (input, options) => call('batch', { body: input, options }),
    previewBatch: (input, options) => call('previewBatch', { body: input, options }),
    transferOwnership: (memberId, password, options) =>
      call('transferOwnership', { body: { memberId, password }, options }),
  };
}

function newKey(): string {
  return globalThis.crypto.randomUUID();
}

function abortError(signal: AbortSignal): SeatkitError {
  const reason: unknown = signal.reason;
  if (reason instanceof Error && reason.name === 'TimeoutError') {
    return new SeatkitError('timeout', 'The request took too long.', { cause: reason });
  }
  return new SeatkitError('aborted', 'The request was cancelled.', { cause: reason });
}

function fetchFailure(error: unknown, signal: AbortSignal | undefined, what: string): SeatkitError {
  if (signal?.aborted) return abortError(signal);
  const name = error instanceof Error ? error.name : '';
  if (name === 'AbortError')
    return new SeatkitError('aborted', 'The request was cancelled.', { cause: error });
  if (name === 'TimeoutError')
    return new SeatkitError('timeout', 'The request took too long.', { cause: error });
  return new SeatkitError(
    'network_error',
    `Could not reach the server (${what}). Check the connection and try again.`,
    {
      cause: error,
    },
  );
}

/** Seconds from a `Retry-After` header: delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  // The only place a wall clock is right: the header is relative to the real now.
  return Math.max(0, Math.ceil((date - Date.now()) / 1000));
}

function problemError(
  response: Response,
  text: string,
  what: string,
  { codeForStatus, parseProblem }: Pick<Contract, 'codeForStatus' | 'parseProblem'>,
): SeatkitError {
  const retryAfter = parseRetryAfter(response.headers.get('Retry-After'));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const problem = parseProblem(json);
  if (problem) {
    return new SeatkitError(problem.code, problem.detail ?? problem.title, {
      status: response.status,
      details: problem.errors ?? [],
      retryAfter: retryAfter ?? problem.retryAfter,
    });
  }
  // Not one of our problems (an unknown code, a proxy's HTML page): fall back on the status.
  const loose = typeof json === 'object' && json !== null ? (json as Record<string, unknown>) : {};
  const message =
    (typeof loose.detail === 'string' && loose.detail) ||
    (typeof loose.title === 'string' && loose.title) ||
    `${what} failed with HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}.`;
  return new SeatkitError(codeForStatus(response.status), message, {
    status: response.status,
    retryAfter,
  });
}
