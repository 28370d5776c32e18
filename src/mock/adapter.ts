// createMockAdapter: a SeatkitAdapter on the mock backend, in this page or process: no service
// worker, no server, no HTTP. Requests go through the HTTP adapter into the backend's handler as
// Request objects, so every answer (validation, idempotency, problems) is the real contract's.
import { createHttpAdapter } from '../api/http-adapter.js';
import type { SeatkitAdapter } from '../api/adapter.js';
import { NetworkFault } from '../server/handler.js';
import { createMockBackend } from './backend.js';
import type { MockBackend } from './backend.js';

export interface MockAdapterOptions {
  /** Real milliseconds added to every answer, to see loading states (default 0). */
  latencyMs?: number;
}

export interface MockAdapter extends SeatkitAdapter {
  /** The backend behind it: its clock, the invitee accepting, signing in as someone else, … */
  readonly backend: MockBackend;
}

const ORIGIN = 'http://seatkit.mock';

function abortError(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * A `fetch` that answers from a backend in this process: a Request in, the backend's Response
 * out, with the signal honoured and an injected network fault failing like a lost connection.
 */
export function inProcessFetch(
  handle: (request: Request) => Promise<Response>,
  options: MockAdapterOptions = {},
): typeof fetch {
  const latency = options.latencyMs ?? 0;
  return async (input, init) => {
    const request = new Request(input, init);
    const signal = request.signal;
    if (signal.aborted) throw abortError(signal);
    const answer = (async () => {
      if (latency > 0) await new Promise((resolve) => setTimeout(resolve, latency));
      try {
        return await handle(request);
      } catch (error) {
        if (error instanceof NetworkFault) throw new TypeError('Failed to fetch');
        throw error;
      }
    })();
    return new Promise<Response>((resolve, reject) => {
      const onAbort = () => reject(abortError(signal));
      signal.addEventListener('abort', onAbort, { once: true });
      answer.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  };
}

/** An adapter on an in-process mock backend built from `scenario` (default: the demo's). */
export function createMockAdapter(
  scenario?: unknown,
  options: MockAdapterOptions = {},
): MockAdapter {
  const backend = createMockBackend(scenario);
  const adapter = createHttpAdapter({
    baseUrl: `${ORIGIN}${backend.basePath}`,
    fetch: inProcessFetch(backend.handle, options),
  });
  return Object.assign(adapter, { backend });
}
