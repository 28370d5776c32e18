// The conformance suite against your own backend over HTTP. Your backend needs test-only
// endpoints to load a scenario into a fresh account and to act for the world outside the elements.
import { describe, it } from 'node:test';
import { createHttpAdapter } from 'seatkit';
import { runConformanceSuite } from 'seatkit/testing';

const BASE = 'http://localhost:8080/api/seatkit';

async function testApi(path: string, body: unknown): Promise<void> {
  const response = await fetch(`http://localhost:8080/test/${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
}

runConformanceSuite({
  describe,
  it,
  makeHarness: async (scenario) => {
    // A fresh account in the scenario's state: its clock reads scenario.now (not the system
    // clock), and the session below is scenario.actor's.
    const account = crypto.randomUUID();
    await testApi('seed', { account, scenario });
    return {
      adapter: createHttpAdapter({ baseUrl: BASE, headers: { 'X-Test-Account': account } }),
      control: {
        acceptInvitation: (email) => testApi('accept', { account, email }),
        advanceDays: (days) => testApi('clock', { account, advanceDays: days }),
        setActor: (email) => testApi('actor', { account, email }),
      },
      dispose: () => testApi('drop', { account }),
    };
  },
});
