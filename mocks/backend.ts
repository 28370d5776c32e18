// The mock backend as MSW handlers: every request under the base URL goes to the backend engine
// (seatkit/mock, which is the server engine on in-memory storage). No business rule lives here.
import { HttpResponse, http } from 'msw';
import type { RequestHandler } from 'msw';
import { createMockBackend as createEngineBackend } from '../src/mock/backend.js';
import type { MockBackend as EngineBackend } from '../src/mock/backend.js';
import { NetworkFault } from '../src/server/handler.js';

export type { Fault, MockClock } from '../src/mock/backend.js';

export interface MockBackend extends EngineBackend {
  /** MSW handlers: give them to `setupWorker` (browser) or `setupServer` (Node). */
  readonly handlers: RequestHandler[];
}

export interface MockBackendOptions {
  /** Where the API is served; `/api` (default) matches any origin (`* /api/...`). */
  baseUrl?: string;
}

/** A base URL as an MSW pattern prefix (relative bases match any origin) and its path. */
function patternOf(baseUrl: string): { pattern: string; basePath: string } {
  const trimmed = baseUrl.replace(/\/+$/, '');
  if (/^https?:\/\//.test(trimmed))
    return { pattern: trimmed, basePath: new URL(trimmed).pathname };
  const path = trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
  return { pattern: `*${path}`, basePath: path };
}

export function createMockBackend(
  scenario?: unknown,
  options: MockBackendOptions = {},
): MockBackend {
  const { pattern, basePath } = patternOf(options.baseUrl ?? '/api');
  const backend = createEngineBackend(scenario, { basePath });
  const handler = http.all(`${pattern}/*`, async ({ request }) => {
    // `*/api/*` also matches `/src/api/x.js` on any origin: only the API's own paths are ours.
    if (!new URL(request.url).pathname.startsWith(`${basePath}/`)) return undefined;
    try {
      return await backend.handle(request);
    } catch (error) {
      // An injected network fault: no response at all.
      if (error instanceof NetworkFault) return HttpResponse.error();
      throw error;
    }
  });
  return Object.assign(backend, { handlers: [handler] });
}
