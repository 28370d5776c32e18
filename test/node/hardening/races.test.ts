// Races and retries: requests in flight at the same time, answers lost on the way back, stale
// versions. Every request goes through the HTTP adapter to the mock backend.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { SeatkitAdapter } from '../../../src/api/index.js';
import { SeatkitError } from '../../../src/api/index.js';
import type { Invitation, Member } from '../../../src/schemas/index.js';
import type { MockBackend } from '../../../src/mock/backend.js';
import { fileServer, outcome, stateOf } from './support.js';

const { server, use } = fileServer();
let faults = 0;
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => {
  server.close();
  console.log(`[hardening:races] ${faults} faults injected`);
});

const PASSWORD = 'correct horse battery';
const member = (name: string, role: string, status = 'active') => ({
  name: `${name[0]?.toUpperCase()}${name.slice(1)}`,
  email: `${name}@example.com`,
  role,
  status,
});

/** Essentials (max 5): 3 active + 1 pending + 1 deactivated + 1 expired → exactly one free seat. */
const lastSeat = {
  plan: 'essentials',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: PASSWORD,
  members: [
    member('olivia', 'owner'),
    member('marcus', 'admin'),
    member('priya', 'agent'),
    member('jon', 'agent', 'deactivated'),
  ],
  invitations: [
    { email: 'lena@example.com', role: 'agent', sentAt: '2026-11-14T12:00:00Z' },
    { email: 'sam@example.com', role: 'agent', sentAt: '2026-11-02T08:00:00Z' },
  ],
  phoneNumbers: ['+14155550100', '+14155550101'],
  ringGroups: ['Support'],
};

async function team(adapter: SeatkitAdapter) {
  const { items } = await adapter.listTeam({ limit: 200 });
  return {
    members: items.filter((e): e is Member => e.kind === 'member'),
    invitations: items.filter((e): e is Invitation => e.kind === 'invitation'),
  };
}

async function find(adapter: SeatkitAdapter, email: string) {
  const { items } = await adapter.listTeam({ search: email, limit: 10 });
  const entry = items.find((e) => e.email === email);
  assert.ok(entry, `${email} is listed`);
  return entry;
}

function usedSeats(t: Awaited<ReturnType<typeof team>>): number {
  return (
    t.members.filter((m) => m.status === 'active').length +
    t.invitations.filter((i) => i.status === 'pending').length
  );
}

describe('races for the last free seat', () => {
  // Every contender is sent at once; the mock holds them all in flight for a moment first.
  const contenders: {
    name: string;
    send: (adapter: SeatkitAdapter, i: number) => Promise<unknown>;
  }[] = [
    {
      name: 'five invites',
      send: (a, i) => a.invite({ email: `new${i}@example.com`, role: 'agent' }),
    },
    {
      name: 'five one-row bulk invites',
      send: (a, i) => a.bulkInvite([{ email: `bulk${i}@example.com`, role: 'agent' }]),
    },
    {
      name: 'an invite, a bulk invite, a reactivation, a resend of an expired invitation, an invite',
      send: async (a, i) => {
        if (i === 0) return a.invite({ email: 'one@example.com', role: 'agent' });
        if (i === 1) return a.bulkInvite([{ email: 'two@example.com', role: 'agent' }]);
        if (i === 2) return a.reactivateMember('mem-jon-example-com', { version: 1 });
        if (i === 3) return a.resendInvitation('inv-sam-example-com', { version: 1 });
        return a.invite({ email: 'five@example.com', role: 'admin' });
      },
    },
  ];
  for (const c of contenders) {
    it(`${c.name}: exactly one wins, four are told capacity_exceeded`, async () => {
      const { backend, adapter } = use(lastSeat);
      backend.injectFault('*', { latencyMs: 20, times: 5 });
      faults += 5;
      const results = await Promise.all([0, 1, 2, 3, 4].map((i) => outcome(c.send(adapter, i))));
      assert.equal(results.filter((r) => r === 'ok').length, 1, results.join(', '));
      assert.equal(results.filter((r) => r === 'capacity_exceeded').length, 4, results.join(', '));
      assert.equal(usedSeats(await team(adapter)), 5, 'the plan maximum, not above');
    });
  }

  it('a bulk invite of two rows for one seat sends nothing', async () => {
    const { backend, adapter } = use(lastSeat);
    const state = await stateOf(backend);
    const result = await outcome(
      adapter.bulkInvite([
        { email: 'a@example.com', role: 'agent' },
        { email: 'b@example.com', role: 'agent' },
      ]),
    );
    assert.equal(result, 'capacity_exceeded');
    assert.equal(await stateOf(backend), state);
  });
});

describe('two ownership transfers at once', () => {
  for (const targets of [
    ['mem-marcus-example-com', 'mem-priya-example-com'],
    ['mem-marcus-example-com', 'mem-marcus-example-com'],
  ]) {
    it(`to ${targets.join(' and ')}: one wins, the other is refused, one owner`, async () => {
      const { backend, adapter } = use(lastSeat);
      backend.injectFault('transferOwnership', { latencyMs: 20, times: 2 });
      faults += 2;
      const results = await Promise.all(
        targets.map((id) => outcome(adapter.transferOwnership(id, PASSWORD))),
      );
      assert.deepEqual(
        [...results].sort(),
        ['forbidden', 'ok'],
        'the loser is no longer the owner',
      );
      const owners = (await team(adapter)).members.filter((m) => m.role === 'owner');
      assert.equal(owners.length, 1);
      assert.equal(owners[0]?.id, targets[results.indexOf('ok')]);
      const olivia = (await team(adapter)).members.find((m) => m.email === 'olivia@example.com');
      assert.equal(olivia?.role, 'admin');
    });
  }
});

interface Retry {
  name: string;
  /** The change; the same idempotency key is passed on every attempt. */
  send: (adapter: SeatkitAdapter, key: string) => Promise<unknown>;
  operation: Parameters<MockBackend['injectFault']>[0];
}

const RETRIES: Retry[] = [
  {
    name: 'invite',
    operation: 'invite',
    send: (a, key) =>
      a.invite({ email: 'new@example.com', role: 'agent' }, { idempotencyKey: key }),
  },
  {
    name: 'bulk invite',
    operation: 'bulkInvite',
    send: (a, key) =>
      a.bulkInvite([{ email: 'bulk@example.com', role: 'agent' }], { idempotencyKey: key }),
  },
  {
    name: 'resend',
    operation: 'resendInvitation',
    send: (a, key) =>
      a.resendInvitation('inv-lena-example-com', { version: 1, idempotencyKey: key }),
  },
  {
    name: 'revoke',
    operation: 'revokeInvitation',
    send: (a, key) =>
      a.revokeInvitation('inv-lena-example-com', { version: 1, idempotencyKey: key }),
  },
  {
    name: 'change role',
    operation: 'changeRole',
    send: (a, key) =>
      a.changeRole('mem-priya-example-com', 'admin', { version: 1, idempotencyKey: key }),
  },
  {
    name: 'assign number',
    operation: 'assignPhoneNumber',
    send: (a, key) =>
      a.assignPhoneNumber(
        '+14155550101',
        { type: 'member', memberId: 'mem-priya-example-com' },
        { idempotencyKey: key },
      ),
  },
  {
    name: 'remove',
    operation: 'removeMember',
    send: (a, key) => a.removeMember('mem-priya-example-com', { version: 1, idempotencyKey: key }),
  },
  {
    name: 'deactivate',
    operation: 'deactivateMember',
    send: (a, key) =>
      a.deactivateMember('mem-priya-example-com', { version: 1, idempotencyKey: key }),
  },
  {
    name: 'reactivate (charged once)',
    operation: 'reactivateMember',
    send: (a, key) =>
      a.reactivateMember('mem-jon-example-com', { version: 1, idempotencyKey: key }),
  },
  {
    name: 'transfer ownership',
    operation: 'transferOwnership',
    send: (a, key) =>
      a.transferOwnership('mem-marcus-example-com', PASSWORD, { idempotencyKey: key }),
  },
];

/** On Team (no maximum), with the lastSeat people, so every change above is allowed once. */
const roomy = { ...lastSeat, plan: 'team' };

describe('a retry with the same Idempotency-Key applies the change once', () => {
  for (const r of RETRIES) {
    for (const fault of [
      { network: true as const, what: 'the request never arrived' },
      { dropResponse: true as const, what: 'the answer was lost after the change' },
      { status: 503, what: 'a 503' },
    ]) {
      it(`${r.name}: ${fault.what}, then the retry`, async () => {
        // Once without faults on a twin backend: the state one successful change leads to.
        const twin = use(roomy);
        await r.send(twin.adapter, 'k-twin');
        const expected = await stateOf(twin.backend);

        const { backend, adapter } = use(roomy);
        const { what: _what, ...injected } = fault;
        backend.injectFault(r.operation, { ...injected, times: 1 });
        faults++;
        const first = await outcome(r.send(adapter, 'k-1'));
        assert.equal(first, fault.status ? 'server_error' : 'network_error');
        const retried = await r.send(adapter, 'k-1');
        assert.ok(retried);
        // Ids are derived from emails, so two backends that did the same thing look the same.
        assert.equal(await stateOf(backend), expected, 'one change, one charge');
        // And a third attempt (a double click after the retry) changes nothing more.
        await r.send(adapter, 'k-1');
        assert.equal(await stateOf(backend), expected);
      });
    }
  }

  it('a double click that sends the same key twice at once creates one invitation', async () => {
    const { backend, adapter } = use(roomy);
    backend.injectFault('invite', { latencyMs: 20, times: 2 });
    faults += 2;
    const send = () =>
      adapter.invite({ email: 'twice@example.com', role: 'agent' }, { idempotencyKey: 'same' });
    const [a, b] = await Promise.all([send(), send()]);
    assert.equal(a.id, b.id);
    const { invitations } = await team(adapter);
    assert.equal(invitations.filter((i) => i.email === 'twice@example.com').length, 1);
  });

  it('the same key with a different body is refused, not replayed', async () => {
    const { backend, adapter } = use(roomy);
    await adapter.invite({ email: 'a@example.com', role: 'agent' }, { idempotencyKey: 'k' });
    const state = await stateOf(backend);
    assert.equal(
      await outcome(
        adapter.invite({ email: 'b@example.com', role: 'agent' }, { idempotencyKey: 'k' }),
      ),
      'idempotency_conflict',
    );
    assert.equal(await stateOf(backend), state);
  });

  it("a key replays only for the actor who sent it: another member's key does not leak their answer", async () => {
    const { backend, adapter } = use(roomy);
    await adapter.invite({ email: 'a@example.com', role: 'agent' }, { idempotencyKey: 'k' });
    await backend.setActor('priya@example.com');
    assert.equal(
      await outcome(
        adapter.invite({ email: 'a@example.com', role: 'agent' }, { idempotencyKey: 'k' }),
      ),
      'forbidden',
    );
  });
});

describe('a change with a stale version is refused with 412 and changes nothing', () => {
  const STALE: { name: string; send: (a: SeatkitAdapter, version: number) => Promise<unknown> }[] =
    [
      {
        name: 'resend',
        send: (a, version) => a.resendInvitation('inv-lena-example-com', { version }),
      },
      {
        name: 'revoke',
        send: (a, version) => a.revokeInvitation('inv-lena-example-com', { version }),
      },
      {
        name: 'change role',
        send: (a, version) => a.changeRole('mem-priya-example-com', 'admin', { version }),
      },
      {
        name: 'remove',
        send: (a, version) => a.removeMember('mem-priya-example-com', { version }),
      },
      {
        name: 'deactivate',
        send: (a, version) => a.deactivateMember('mem-priya-example-com', { version }),
      },
      {
        name: 'reactivate',
        send: (a, version) => a.reactivateMember('mem-jon-example-com', { version }),
      },
    ];
  for (const s of STALE) {
    for (const version of [0, 2, 99]) {
      it(`${s.name} with version ${version} (current 1)`, async () => {
        const { backend, adapter } = use(roomy);
        const state = await stateOf(backend);
        const error = await s.send(adapter, version).then(
          () => assert.fail('accepted a stale version'),
          (e: unknown) => e,
        );
        assert.ok(error instanceof SeatkitError);
        assert.equal(error.code, 'version_conflict');
        assert.equal(error.status, 412);
        assert.equal(await stateOf(backend), state);
      });
    }
  }

  it('after someone else changed a member, the first change with the old version is refused', async () => {
    const { backend, adapter } = use(roomy);
    const priya = await find(adapter, 'priya@example.com');
    await adapter.changeRole(priya.id, 'admin', { version: priya.version });
    const state = await stateOf(backend);
    assert.equal(
      await outcome(adapter.deactivateMember(priya.id, { version: priya.version })),
      'version_conflict',
    );
    assert.equal(await stateOf(backend), state);
  });
});
