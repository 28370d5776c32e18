// The conformance suite against the HTTP adapter + the mock backend, in Node.
import { after, before, describe, it } from 'node:test';
import { setupServer } from 'msw/node';
import { createHttpAdapter } from '../../../src/api/index.js';
import { runConformanceSuite } from '../../../src/testing/index.js';
import { createMockBackend } from '../../../mocks/backend.js';

const server = setupServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

runConformanceSuite({
  describe,
  it,
  makeHarness: async (scenario) => {
    const backend = createMockBackend(scenario);
    server.resetHandlers(...backend.handlers);
    return {
      adapter: createHttpAdapter({ baseUrl: 'http://seatkit.test/api' }),
      control: {
        acceptInvitation: (email) => backend.acceptInvitation(email),
        advanceDays: (days) => backend.clock.advanceDays(days),
        setActor: (email) => backend.setActor(email),
      },
      dispose: () => server.resetHandlers(),
    };
  },
});
