// The store with changes that overlap (issue 13, items 10–12): each change takes back only its
// own edits, an unknown outcome is reconciled, a reload loads on the side and swaps, and every key
// comes from one generator. The adapter answers by hand (./hand-adapter.ts), so the order of the
// answers is the test's.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TeamStore } from '../../../src/state/store.js';
import type { TeamEntry } from '../../../src/schemas/index.js';
import { HandAdapter, flush, member, refusal, team } from './hand-adapter.js';

async function loaded(size = 6, pageSize = 200) {
  const hand = new HandAdapter(team(size));
  const store = new TeamStore(hand.adapter(), { pageSize });
  await store.load();
  while (!store.complete) await flush();
  return { hand, store };
}

/** Swallows the rejection the test caused on purpose (and checks it is the one expected). */
const failed = (promise: Promise<unknown>, code: string) =>
  promise.then(
    () => assert.fail('expected a failure'),
    (error: { code?: string }) => assert.equal(error.code, code),
  );

describe('TeamStore: one key generator, one idempotency scheme', () => {
  it('row actions work where crypto.randomUUID is missing (a plain-HTTP intranet)', async (t) => {
    const { hand, store } = await loaded();
    Object.defineProperty(globalThis.crypto, 'randomUUID', {
      value: undefined,
      configurable: true,
    });
    t.after(() => delete (globalThis.crypto as unknown as Record<string, unknown>).randomUUID);
    const deactivate = store.deactivateMember('m3');
    await flush();
    assert.match(
      hand.keys.at(-1) ?? '',
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    hand
      .call('deactivateMember')
      .resolve({ member: member(3, { status: 'deactivated', version: 2 }), charge: null });
    await deactivate;
  });

  it('an invite without a key: the store makes one, and a retry after a lost answer sends it again', async () => {
    const { hand, store } = await loaded();
    const input = { email: 'new@example.com', role: 'agent' as const };
    const first = store.invite(input);
    await flush();
    hand.call('invite').reject(refusal('network_error'));
    await failed(first, 'network_error');
    const second = store.invite(input);
    await flush();
    hand.call('invite').reject(refusal('validation_failed'));
    await failed(second, 'validation_failed');
    const third = store.invite(input);
    await flush();
    hand.call('invite').resolve({
      kind: 'invitation',
      id: 'i9',
      email: 'new@example.com',
      role: 'agent',
      phoneNumber: null,
      sentAt: '2026-11-16T09:30:00.000Z',
      expiresAt: '2026-11-23T09:30:00.000Z',
      status: 'pending',
      version: 1,
    } satisfies TeamEntry);
    await third;
    const [a, b, c] = hand.keys;
    assert.equal(a, b, 'the retry after an unknown outcome is the same request');
    assert.notEqual(b, c, 'after a refusal the next attempt is a new request');
  });
});
