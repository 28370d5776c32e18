// The bench's backend: the real mock backend logic (mocks/db.ts + mocks/operations.ts, the same
// code MSW runs) called straight from a `fetch` function handed to the real HTTP adapter, so
// every page still goes through JSON and the adapter's response validation, but without MSW's
// service worker (whose cost is not the element's). Each answer arrives in its own task, like a
// network response would, so a store that walks 500 pages cannot do it inside one task.
import { ROUTES, type Route } from '../../../src/api/routes.js';
import { SeatkitError } from '../../../src/api/errors.js';
import { createDb, loadScenario, type Db } from '../../../mocks/db.js';
import { OPERATIONS, renew } from '../../../mocks/operations.js';

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

const COMPILED: CompiledRoute[] = ROUTES.map((route) => {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^${}()|[\]\\]/g, (ch) =>
    ch === '{' || ch === '}' ? ch : `\\${ch}`,
  );
  const pattern = new RegExp(
    `^${source.replace(/\{(\w+)\}/g, (_m, name: string) => {
      names.push(name);
      return '([^/]+)';
    })}$`,
  );
  return { route, pattern, names };
});

const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();

/** Resolves in a new task (no 4 ms clamping, unlike nested setTimeout). */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

function problem(error: SeatkitError): Response {
  const status = error.status || 500;
  return new Response(
    JSON.stringify({
      title: error.message,
      status,
      detail: error.message,
      code: error.code,
      ...(error.details.length ? { errors: error.details } : {}),
    }),
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  );
}

export interface InPageBackend {
  readonly db: Db;
  /** A `fetch` for `createHttpAdapter({ baseUrl: '/api', fetch })`. */
  fetch: typeof fetch;
  /** Requests answered so far. */
  requests: number;
}

/** Builds the mock database from a scenario (validated by the mock's own loader). */
export function createInPageBackend(scenario: unknown): InPageBackend {
  const db = createDb(loadScenario(scenario));
  // The mock sorts the whole team on a list query's first page and caches it; do that now, so
  // the measured main thread carries the element's work, not the stand-in backend's.
  OPERATIONS.listTeam(db, {
    params: {},
    query: new URLSearchParams({ limit: '1' }),
    body: undefined,
    ifMatch: null,
  });
  const backend: InPageBackend = {
    db,
    requests: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      const url = new URL(request.url);
      const path = url.pathname.replace(/^\/api/, '');
      const body = request.method === 'GET' ? undefined : await request.text();
      await nextTask();
      backend.requests++;
      for (const { route, pattern, names } of COMPILED) {
        if (route.method !== request.method) continue;
        const match = pattern.exec(path);
        if (!match) continue;
        const params = Object.fromEntries(
          names.map((n, i) => [n, decodeURIComponent(match[i + 1] ?? '')]),
        );
        const ifMatch = request.headers.get('If-Match');
        try {
          renew(db);
          const result = OPERATIONS[route.operationId](db, {
            params,
            query: url.searchParams,
            body: body ? JSON.parse(body) : undefined,
            ifMatch: ifMatch ? Number(ifMatch.replace(/\D/g, '')) : null,
          });
          const status =
            route.operationId === 'invite' || route.operationId === 'bulkInvite' ? 201 : 200;
          return json(status, result);
        } catch (error) {
          if (error instanceof SeatkitError) return problem(error);
          throw error;
        }
      }
      return problem(
        new SeatkitError('not_found', `No route for ${request.method} ${path}`, { status: 404 }),
      );
    },
  };
  return backend;
}
