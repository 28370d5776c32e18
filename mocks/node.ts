// The mock backend in Node (tests, scripts): intercepts the global fetch with MSW's setupServer.
import { setupServer } from 'msw/node';
import type { SetupServer } from 'msw/node';
import { createMockBackend } from './backend.js';
import type { MockBackend, MockBackendOptions } from './backend.js';

export interface NodeMock {
  backend: MockBackend;
  server: SetupServer;
  /** Stops intercepting. */
  close(): void;
}

/** Starts intercepting `fetch` in this process with a backend built from `scenario`. */
export function startNodeMock(scenario: unknown, options: MockBackendOptions = {}): NodeMock {
  const backend = createMockBackend(scenario, options);
  const server = setupServer(...backend.handlers);
  server.listen({ onUnhandledRequest: 'bypass' });
  return { backend, server, close: () => server.close() };
}

export { createMockBackend };
