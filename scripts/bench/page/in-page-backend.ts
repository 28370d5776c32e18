// The bench's backend: the mock backend (the server engine on the memory store, the same code MSW
// and createMockAdapter run) called straight from a `fetch` function handed to the real HTTP
// adapter, so every page still goes through JSON, the engine and the adapter's response
// validation, but without MSW's service worker (whose cost is not the element's). Each answer
// arrives in its own task, like a network response would, so a store that walks 500 pages cannot
// do it inside one task.
import { createMockBackend } from '../../../src/mock/backend.js';
import type { MockBackend } from '../../../src/mock/backend.js';

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

export interface InPageBackend {
  readonly backend: MockBackend;
  /** A `fetch` for `createHttpAdapter({ baseUrl: '/api', fetch })`. */
  fetch: typeof fetch;
  /** Requests answered so far. */
  requests: number;
}

/**
 * Builds the mock backend from a scenario. The memory store sorts the whole team on a list
 * query's first page and caches it; that happens here, so the measured main thread carries the
 * element's work, not the stand-in backend's.
 */
export async function createInPageBackend(scenario: unknown): Promise<InPageBackend> {
  const backend = createMockBackend(scenario);
  await backend.handle(new Request(`${location.origin}/api/team?limit=1`));
  const inPage: InPageBackend = {
    backend,
    requests: 0,
    fetch: async (input, init) => {
      const request = new Request(input, init);
      await nextTask();
      inPage.requests++;
      return backend.handle(request);
    },
  };
  return inPage;
}
