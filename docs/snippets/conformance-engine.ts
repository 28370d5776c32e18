// The conformance suite against the engine on a store of yours (here the memory store): every
// test gets a fresh account in its scenario's state, signed in as the scenario's actor, with the
// clock at the scenario's `now`. Run with: node --import tsx --test conformance-engine.ts
import { describe, it } from 'node:test';
import { createHttpAdapter } from 'seatkit/api';
import { createSeatkitHandler, memoryStore } from 'seatkit/server';
import { runConformanceSuite } from 'seatkit/testing';

const ACCOUNT = 'X-Test-Account'; // trusted in this test only
const handler = createSeatkitHandler({
  store: memoryStore(),
  basePath: '/api',
  controls: true, // the clock, acceptance and the actor come from the test controls
  identify: (request) => {
    const accountId = request.headers.get(ACCOUNT);
    return accountId ? { accountId } : null; // no memberId: the account's actor
  },
});
const controls = handler.controls!;
let accounts = 0;

runConformanceSuite({
  describe,
  it,
  makeHarness: async (scenario) => {
    const accountId = `test-${++accounts}`;
    await controls.seed(accountId, scenario); // its clock reads scenario.now, its actor is signed in
    return {
      adapter: createHttpAdapter({
        baseUrl: 'http://seatkit.test/api',
        headers: { [ACCOUNT]: accountId },
        fetch: async (input, init) => handler(new Request(input, init)),
      }),
      control: {
        acceptInvitation: (email) => controls.acceptInvitation(accountId, email),
        advanceDays: (days) => controls.advanceDays(accountId, days),
        setActor: (email) => controls.setActor(accountId, email),
      },
      dispose: () => undefined,
    };
  },
});
