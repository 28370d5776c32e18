// The store with changes that overlap (issue 13, items 10–12): each change takes back only its
// own edits, an unknown outcome is reconciled, a reload loads on the side and swaps, and every key
// comes from one generator. The adapter answers by hand (./hand-adapter.ts), so the order of the
// answers is the test's.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { TeamStore } from '../../../src/state/store.js';
import type { Member, TeamEntry } from '../../../src/schemas/index.js';
import { HandAdapter, flush, invitation, member, refusal, team } from './hand-adapter.js';

async function loaded(size = 6, pageSize = 200) {
  const hand = new HandAdapter(team(size));
  const store = new TeamStore(hand.adapter(), { pageSize });
  await store.load();
  // As the elements do when an action or a dialog is about to be used: the change code is here,
  // so a change shows before its call returns.
  await store.preloadChanges();
  while (!store.complete) await flush();
  return { hand, store };
}

const shown = (store: TeamStore, id: string) => store.entry(id) as Member | undefined;
/** Swallows the rejection the test caused on purpose (and checks it is the one expected). */
const failed = (promise: Promise<unknown>, code: string) =>
  promise.then(
    () => assert.fail('expected a failure'),
    (error: { code?: string }) => assert.equal(error.code, code),
  );

describe('TeamStore: overlapping optimistic changes', () => {
  it('a deactivate that fails while a remove of another member is in flight leaves that member removed', async () => {
    const { hand, store } = await loaded();
    const deactivate = store.deactivateMember('m3');
    const remove = store.removeMember('m4', null);
    assert.equal(shown(store, 'm3')?.status, 'deactivated');
    assert.equal(shown(store, 'm4'), undefined);
    hand.call('deactivateMember').reject(refusal('forbidden'));
    await failed(deactivate, 'forbidden');
    assert.equal(shown(store, 'm3')?.status, 'active', 'its own edit is taken back');
    assert.equal(shown(store, 'm4'), undefined, 'the removal in flight still shows');
    hand
      .call('removeMember')
      .resolve({ memberId: 'm4', unassignedNumbers: [], reassignedTo: null });
    await remove;
    assert.equal(shown(store, 'm4'), undefined);
  });

  it('a deactivate that fails while a remove of the same member is in flight leaves it removed', async () => {
    const { hand, store } = await loaded();
    const deactivate = store.deactivateMember('m3');
    const remove = store.removeMember('m3', null);
    hand.call('deactivateMember').reject(refusal('forbidden'));
    await failed(deactivate, 'forbidden');
    assert.equal(shown(store, 'm3'), undefined);
    hand
      .call('removeMember')
      .resolve({ memberId: 'm3', unassignedNumbers: [], reassignedTo: null });
    await remove;
    assert.equal(shown(store, 'm3'), undefined);
  });

  it('two changes to one member: the first fails after the second succeeded, the second’s value stays', async () => {
    const { hand, store } = await loaded();
    const role = store.changeRole('m3', 'admin');
    const deactivate = store.deactivateMember('m3');
    assert.deepEqual(
      [shown(store, 'm3')?.role, shown(store, 'm3')?.status],
      ['admin', 'deactivated'],
    );
    const answer = member(3, { status: 'deactivated', version: 2 });
    hand.call('deactivateMember').resolve({ member: answer, charge: null });
    await deactivate;
    hand.call('changeRole').reject(refusal('forbidden'));
    await failed(role, 'forbidden');
    assert.deepEqual(shown(store, 'm3'), answer);
  });

  it('two changes to one member: the first fails while the second is in flight, the second still shows', async () => {
    const { hand, store } = await loaded();
    const role = store.changeRole('m3', 'admin');
    const deactivate = store.deactivateMember('m3');
    hand.call('changeRole').reject(refusal('forbidden'));
    await failed(role, 'forbidden');
    assert.deepEqual(
      [shown(store, 'm3')?.role, shown(store, 'm3')?.status],
      ['agent', 'deactivated'],
    );
    hand.call('deactivateMember').reject(refusal('conflict'));
    await failed(deactivate, 'conflict');
    assert.deepEqual([shown(store, 'm3')?.role, shown(store, 'm3')?.status], ['agent', 'active']);
  });

  it('a failed number assignment does not take back another one that succeeded', async () => {
    const { hand, store } = await loaded();
    const first = store.assignPhoneNumber('+14155550100', { type: 'member', memberId: 'm1' });
    const second = store.assignPhoneNumber('+14155550101', { type: 'member', memberId: 'm2' });
    const firstCall = hand.call('assignPhoneNumber');
    const assigned = { number: '+14155550101', assignee: { type: 'member', memberId: 'm2' } };
    hand.numbers = [{ number: '+14155550100', assignee: null }, assigned] as typeof hand.numbers;
    hand.call('assignPhoneNumber').resolve(assigned);
    await second;
    firstCall.reject(refusal('validation_failed'));
    await failed(first, 'validation_failed');
    const numbers = Object.fromEntries(store.phoneNumbers.map((n) => [n.number, n.assignee]));
    assert.deepEqual(numbers, {
      '+14155550100': null,
      '+14155550101': { type: 'member', memberId: 'm2' },
    });
    assert.deepEqual(shown(store, 'm2')?.phoneNumbers, ['+14155550101']);
    assert.deepEqual(shown(store, 'm1')?.phoneNumbers, []);
  });
});

describe('TeamStore: an unknown outcome is reconciled with the backend', () => {
  for (const code of [
    'network_error',
    'timeout',
    'server_error',
    'aborted',
    'malformed_response',
  ] as const) {
    it(`${code}: the list is reloaded and shows what the backend holds`, async () => {
      const { hand, store } = await loaded();
      const reads = hand.listTeamCalls;
      const deactivate = store.deactivateMember('m3');
      // The backend applied it; the answer never arrived whole.
      hand.entries = hand.entries.map((e) =>
        e.id === 'm3' ? member(3, { status: 'deactivated', version: 2 }) : e,
      );
      hand.call('deactivateMember').reject(refusal(code));
      await failed(deactivate, code);
      for (let i = 0; i < 20 && hand.listTeamCalls === reads; i++) await flush();
      assert.ok(hand.listTeamCalls > reads, 'reloaded');
      for (let i = 0; i < 20 && shown(store, 'm3')?.status !== 'deactivated'; i++) await flush();
      assert.equal(shown(store, 'm3')?.status, 'deactivated');
    });
  }

  it('a refusal whose outcome is known (forbidden) is not reloaded', async () => {
    const { hand, store } = await loaded();
    const reads = hand.listTeamCalls;
    const deactivate = store.deactivateMember('m3');
    hand.call('deactivateMember').reject(refusal('forbidden'));
    await failed(deactivate, 'forbidden');
    for (let i = 0; i < 5; i++) await flush();
    assert.equal(hand.listTeamCalls, reads);
  });
});

describe('TeamStore: a reload loads on the side and swaps', () => {
  it('a 5,002-entry list never shows fewer entries, and stays complete until the new list is', async () => {
    const { hand, store } = await loaded(5_001, 200);
    assert.equal(store.entries.length, 5_002);
    const seen: { length: number; complete: boolean; total: number }[] = [];
    store.addEventListener('change', () =>
      seen.push({ length: store.entries.length, complete: store.complete, total: store.total }),
    );
    hand.entries = [...hand.entries, member(9_999)];
    hand.holdPages = true;
    const reload = store.refresh();
    await hand.releaseAll();
    await reload;
    assert.ok(seen.length > 0, 'the new list was shown');
    assert.deepEqual(
      seen.filter((s) => s.length < 5_002 || !s.complete || s.total < 5_002),
      [],
      'never fewer entries, never incomplete',
    );
    assert.equal(store.entries.length, 5_003);
    assert.equal(store.complete, true);
    assert.ok(store.entry('m9999'));
  });

  it('the entry array is the same object until the swap (a scrolled list keeps its place)', async () => {
    const { hand, store } = await loaded(1_000, 200);
    const before = store.entries;
    hand.holdPages = true;
    const reload = store.refresh();
    for (let i = 0; i < 3; i++) {
      await flush();
      hand.pages.shift()?.();
    }
    assert.equal(store.entries, before);
    await hand.releaseAll();
    await reload;
  });

  it('a remove in flight during a reload stays removed after the swap', async () => {
    const { hand, store } = await loaded(600, 200);
    hand.holdPages = true;
    const reload = store.refresh();
    const remove = store.removeMember('m3', null);
    await hand.releaseAll();
    await reload;
    assert.equal(shown(store, 'm3'), undefined, 'still removed while the removal is in flight');
    hand.entries = hand.entries.filter((e) => e.id !== 'm3');
    hand
      .call('removeMember')
      .resolve({ memberId: 'm3', unassignedNumbers: [], reassignedTo: null });
    await remove;
    assert.equal(shown(store, 'm3'), undefined);
  });

  it('a change confirmed during a reload is not undone by pages read before it', async () => {
    const { hand, store } = await loaded(600, 200);
    hand.holdPages = true;
    const reload = store.refresh();
    // The first pages are read with m3 active…
    for (let i = 0; i < 3; i++) {
      await flush();
      hand.pages.shift()?.();
    }
    // …then m3 is deactivated and removal of m4 confirmed.
    const deactivate = store.deactivateMember('m3');
    hand.call('deactivateMember').resolve({
      member: member(3, { status: 'deactivated', version: 2 }),
      charge: null,
    });
    await deactivate;
    const remove = store.removeMember('m4', null);
    hand
      .call('removeMember')
      .resolve({ memberId: 'm4', unassignedNumbers: [], reassignedTo: null });
    await remove;
    await hand.releaseAll();
    await reload;
    assert.equal(shown(store, 'm3')?.status, 'deactivated');
    assert.equal(shown(store, 'm4'), undefined);
  });
});

describe('TeamStore: a reload keeps what was sent meanwhile', () => {
  it('an invitation sent while the pages were read is still listed after the swap', async () => {
    const { hand, store } = await loaded(600, 200);
    hand.holdPages = true;
    const reload = store.refresh();
    for (let i = 0; i < 4; i++) {
      await flush();
      hand.pages.shift()?.();
    }
    const sent = invitation(77);
    const invite = store.invite({ email: sent.email, role: 'agent' });
    await flush();
    hand.call('invite').resolve(sent);
    await invite;
    await hand.releaseAll();
    await reload;
    assert.deepEqual(store.entry('i77'), sent);
  });
});

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

describe('TeamStore: the change code arrives with the first change', () => {
  it('a change made before it is downloaded shows once it is, and is sent once', async () => {
    const hand = new HandAdapter(team(6));
    const store = new TeamStore(hand.adapter());
    await store.load();
    const deactivate = store.deactivateMember('m3');
    assert.equal(shown(store, 'm3')?.status, 'active', 'nothing to show it with yet');
    await store.preloadChanges(); // the download the change waits for
    assert.equal(shown(store, 'm3')?.status, 'deactivated', 'shown once the code is here');
    assert.equal(hand.calls.filter((c) => c.method === 'deactivateMember').length, 1);
    hand
      .call('deactivateMember')
      .resolve({ member: { ...shown(store, 'm3')!, version: 2 }, charge: null });
    await deactivate;
    assert.equal(hand.calls.length, 0, 'sent once');
    assert.equal(shown(store, 'm3')?.status, 'deactivated');
  });
});

describe('TeamStore: a reload that interrupts the first load', () => {
  it('ends complete, with every entry', async () => {
    const hand = new HandAdapter(team(1_000));
    hand.holdPages = true;
    const store = new TeamStore(hand.adapter(), { pageSize: 200 });
    const first = store.load();
    for (let i = 0; i < 3; i++) {
      await flush();
      hand.pages.shift()?.();
    }
    await flush();
    assert.equal(store.status, 'ready');
    assert.equal(store.complete, false);
    const reload = store.refresh();
    await hand.releaseAll();
    await Promise.all([first, reload]);
    assert.equal(store.complete, true);
    assert.equal(store.entries.length, 1_001);
  });
});
