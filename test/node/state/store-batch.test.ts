// The store's bulk actions on the real backend engine (in-process): each item done, refused or
// failed; a refused item's change taken back; a failed request retried with its key, so an item
// the backend did without telling us is not done twice; large selections split into requests.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TeamStore } from '../../../src/state/store.js';
import { createMockAdapter } from '../../../src/mock/index.js';
import type { Member } from '../../../src/schemas/index.js';
import { generateScenario, productExample } from '../../../src/mock/scenarios.js';

async function loaded(scenario: unknown = productExample) {
  const adapter = createMockAdapter(scenario);
  const store = new TeamStore(adapter);
  await store.load();
  // As the elements do when an action or a dialog is about to be used: the change code is here,
  // so a change shows before its call returns.
  await store.preloadChanges();
  while (!store.complete) await new Promise((r) => setTimeout(r, 0));
  return { adapter, store };
}

const idOf = (store: TeamStore, email: string) =>
  store.entries.find((e) => e.email === email)?.id ?? assert.fail(`${email} is not listed`);
const statusOf = (store: TeamStore, email: string) =>
  (store.entries.find((e) => e.email === email) as Member | undefined)?.status;

describe('TeamStore: bulk actions', () => {
  it('reports each item: done ones stay changed, refused ones are taken back', async () => {
    const { store } = await loaded();
    const ids = ['olivia', 'tom', 'ana'].map((n) => idOf(store, `${n}@example.com`));
    const pending = store.batch('deactivate', ids);
    assert.equal(statusOf(store, 'olivia@example.com'), 'deactivated', 'shown at once');
    const outcomes = await pending;
    assert.deepEqual(
      outcomes.map((o) => (o.outcome === 'done' ? 'done' : o.code)),
      ['owner_protected', 'done', 'done'],
    );
    assert.equal(statusOf(store, 'olivia@example.com'), 'active', 'the refused one is taken back');
    assert.equal(statusOf(store, 'tom@example.com'), 'deactivated');
    assert.equal(store.billing?.activeSeats, 3, 'billing follows');
  });

  it('a request that fails marks its items failed; the retry sends the same key, nothing twice', async () => {
    const { store, adapter } = await loaded();
    const jon = idOf(store, 'jon@example.com');
    // The backend applies the reactivation, and the answer is lost on the way back.
    adapter.backend.injectFault('batch', { dropResponse: true, times: 1 });
    const first = await store.batch('reactivate', [jon]);
    assert.deepEqual(
      first.map((o) => [o.outcome, o.outcome === 'failed' ? o.code : '']),
      [['failed', 'network_error']],
    );
    const retry = await store.batch('reactivate', [jon]);
    assert.equal(retry[0]?.outcome, 'done', 'the backend replays what it did');
    assert.equal((await adapter.backend.charges()).length, 1, 'one reactivation, one charge');
  });

  it('splits a selection larger than one request allows, and removes what was removed', async () => {
    const { store } = await loaded(generateScenario(2500));
    const agents = store.entries
      .filter((e) => e.kind === 'member' && e.role === 'agent' && e.status === 'active')
      .slice(0, 2100)
      .map((e) => e.id);
    const before = store.entries.length;
    const outcomes = await store.batch('remove', agents);
    assert.equal(outcomes.length, 2100);
    assert.ok(outcomes.every((o) => o.outcome === 'done'));
    assert.equal(store.entries.length, before - 2100);
  });
});
