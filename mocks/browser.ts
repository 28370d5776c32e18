// The mock backend in a browser (demo, stories, browser tests): MSW's service worker, which must
// be served at /mockServiceWorker.js.
import { setupWorker } from 'msw/browser';
import type { SetupWorker } from 'msw/browser';
import { createMockBackend } from './backend.js';
import type { MockBackend, MockBackendOptions } from './backend.js';

export interface BrowserMock {
  backend: MockBackend;
  worker: SetupWorker;
  stop(): void;
}

/** Starts the service worker with a backend built from `scenario`; resolves once it intercepts. */
export async function startBrowserMock(
  scenario: unknown,
  options: MockBackendOptions & { workerUrl?: string; quiet?: boolean } = {},
): Promise<BrowserMock> {
  const backend = createMockBackend(scenario, options);
  const worker = setupWorker(...backend.handlers);
  await worker.start({
    serviceWorker: { url: options.workerUrl ?? '/mockServiceWorker.js' },
    onUnhandledRequest: 'bypass',
    quiet: options.quiet ?? true,
  });
  return { backend, worker, stop: () => worker.stop() };
}

export { createMockBackend };
