// The conformance suite against the HTTP adapter + the mock backend in Chromium, through MSW's
// service worker (served at /mockServiceWorker.js by web-test-runner). One worker for the file;
// each test resets the backend to its scenario.
import { setupWorker } from 'msw/browser';
import { createHttpAdapter } from '../../src/api/index.js';
import { runConformanceSuite } from '../../src/testing/index.js';
import { createMockBackend } from '../../mocks/backend.js';
import type { MockBackend } from '../../mocks/backend.js';
import { productExample } from '../../mocks/scenarios.js';

interface Mocha {
  describe: (name: string, fn: () => void) => void;
  it: (name: string, fn: () => Promise<void>) => void;
  before: (fn: () => Promise<void>) => void;
  after: (fn: () => void) => void;
}
const { describe, it, before, after } = globalThis as unknown as Mocha;

const backend: MockBackend = createMockBackend(productExample);
const worker = setupWorker(...backend.handlers);

before(async () => {
  await worker.start({ quiet: true, onUnhandledRequest: 'bypass' });
});
after(() => worker.stop());

runConformanceSuite({
  describe,
  it,
  name: 'Seatkit adapter conformance (HTTP adapter + service worker)',
  makeHarness: async (scenario) => {
    await backend.reset(scenario);
    return {
      // A relative base URL, as an app would use it: the worker matches it on any origin.
      adapter: createHttpAdapter({ baseUrl: '/api' }),
      control: {
        acceptInvitation: (email) => backend.acceptInvitation(email),
        advanceDays: (days) => backend.clock.advanceDays(days),
        setActor: (email) => backend.setActor(email),
      },
      dispose: () => undefined,
    };
  },
});
