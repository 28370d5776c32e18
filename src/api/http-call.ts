// What the HTTP adapter does for each request: the URL, the headers, fetch, and the answer read
// and validated (or turned into a SeatkitError). With the route table and the response schemas,
// it is loaded on first use, off the initial chunk (src/api/http-adapter.ts).
import type { ReadOptions, VersionedWriteOptions } from './adapter.js';
import { SeatkitError } from './errors.js';
import type { HeaderSource } from './http-adapter.js';
import {
  ROUTE_BY_ID,
  codeForStatus,
  describeIssues,
  fillPath,
  parseProblem,
  parseResponse,
  versionTag,
} from './http-contract.js';
import { newIdempotencyKey } from './idempotency-key.js';
import type { OperationId } from './routes.js';

/** One adapter's settings. */
export interface Client {
  /** `baseUrl` without its trailing slashes. */
  base: string;
  doFetch: typeof fetch;
  headers: HeaderSource | undefined;
}

export interface Call {
  params?: Record<string, string>;
  query?: Record<string, string | number | undefined>;
  body?: unknown;
  options?: ReadOptions & Partial<VersionedWriteOptions>;
}

export async function call<T>(
  { base, doFetch, headers: configHeaders }: Client,
  operationId: OperationId,
  { params = {}, query, body, options = {} }: Call,
): Promise<T> {
  const route = ROUTE_BY_ID[operationId];
  for (const [name, value] of Object.entries(params)) {
    if (!pathSafe(value))
      throw new SeatkitError(
        'validation_failed',
        `${operationId}: ${JSON.stringify(value)} can't be sent as the ${name} in a URL.`,
        {
          details: [{ field: name, code: 'invalid_path_parameter', message: 'not a usable id' }],
        },
      );
  }
  let url = base + fillPath(route.path, params);
  if (query) {
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') search.set(name, String(value));
    }
    const text = search.toString();
    if (text) url += `?${text}`;
  }
  const extra = typeof configHeaders === 'function' ? await configHeaders() : (configHeaders ?? {});
  const headers = new Headers(extra);
  headers.set('Accept', 'application/json, application/problem+json');
  if (route.body) headers.set('Content-Type', 'application/json');
  // A caller that keeps no key of its own (the store always passes one) still sends one.
  if (route.idempotent)
    headers.set('Idempotency-Key', options.idempotencyKey ?? newIdempotencyKey());
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

  if (!response.ok) throw problemError(response, text, what);

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

/**
 * Whether a path parameter stays one segment of the path it is put in. fillPath percent-encodes
 * every `/`, `?`, `#` and `%`; but a URL parser (fetch's) removes a `.` segment and resolves a
 * `..` one (`/members/../remove` is `/remove`), in any spelling, `%2E` included, so no encoding
 * can carry them: such an id (and an empty one) is refused before anything is sent.
 */
function pathSafe(value: string): boolean {
  return value !== '' && value !== '.' && value !== '..';
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

function problemError(response: Response, text: string, what: string): SeatkitError {
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
