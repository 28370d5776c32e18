// The conformance suite's harness on the server engine over any store: each test gets a fresh
// account seeded from its scenario (the store holds many accounts, as in production), an adapter
// that speaks to the engine, and the engine's test controls. `http: true` puts a real Node HTTP
// server between them (the server over real HTTP); otherwise Requests go to the handler directly.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpAdapter } from '../../src/api/index.js';
import { inProcessFetch } from '../../src/mock/adapter.js';
import { createSeatkitHandler } from '../../src/server/index.js';
import type { SeatkitHandler, SeatkitStore } from '../../src/server/index.js';
import { nodeListener } from '../../src/server/node.js';
import type { ConformanceHarness } from '../../src/testing/index.js';
import type { ScenarioInput } from '../../src/schemas/scenario.js';

/** Trusted only in tests: the account comes from a header. */
export const ACCOUNT_HEADER = 'X-Seatkit-Test-Account';

export interface EngineHarness {
  handler: SeatkitHandler;
  makeHarness(scenario: ScenarioInput): Promise<ConformanceHarness>;
  /** The base URL requests go to (a real port when `http` is on). */
  baseUrl(): string;
  close(): Promise<void>;
}

let accounts = 0;

export async function engineHarness(
  store: SeatkitStore,
  options: { http?: boolean; hashPasswords?: boolean } = {},
): Promise<EngineHarness> {
  const handler = createSeatkitHandler({
    store,
    basePath: '/api',
    controls: true,
    identify: (request) => {
      const accountId = request.headers.get(ACCOUNT_HEADER);
      return accountId ? { accountId } : null;
    },
  });
  const controls = handler.controls!;
  let base = 'http://seatkit.test/api';
  let close = async () => undefined;
  if (options.http) {
    const server = createServer(nodeListener(handler));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api`;
    close = () =>
      new Promise<undefined>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve(undefined));
      });
  }
  return {
    handler,
    baseUrl: () => base,
    close,
    async makeHarness(scenario) {
      const accountId = `acct-${process.pid}-${++accounts}`;
      await controls.seed(accountId, scenario, { hashPassword: options.hashPasswords ?? false });
      const adapter = createHttpAdapter({
        baseUrl: base,
        headers: { [ACCOUNT_HEADER]: accountId },
        ...(options.http ? {} : { fetch: inProcessFetch(handler) }),
      });
      return {
        adapter,
        control: {
          acceptInvitation: (email) => controls.acceptInvitation(accountId, email),
          advanceDays: (days) => controls.advanceDays(accountId, days),
          setActor: (email) => controls.setActor(accountId, email),
        },
        dispose: () => undefined,
      };
    },
  };
}
