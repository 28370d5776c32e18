// Who may do what, straight over HTTP (no adapter, no UI): every operation × every role, one row
// per cell, as the roles table of docs/product-rules.md says; and requests that try to set what they may not.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROUTES } from '../../../src/api/index.js';
import type { OperationId } from '../../../src/api/index.js';
import type { MockBackend } from '../../../src/mock/backend.js';
import { fileServer, raw, stateOf } from './support.js';
import type { RawAnswer } from './support.js';

const { server, use } = fileServer();
let cells = 0;
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => {
  server.close();
  console.log(`[hardening:authorization] ${cells} operation × role cells checked over HTTP`);
});

const PASSWORD = 'correct horse battery';
const person = (name: string, role: string, status = 'active') => ({
  name: `${name[0]?.toUpperCase()}${name.slice(1)}`,
  email: `${name}@example.com`,
  role,
  status,
});

/** Pro (every role exists), one person per role, plus targets the actors act on. */
const everyRole = {
  plan: 'pro',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: PASSWORD,
  members: [
    person('olivia', 'owner'),
    person('marcus', 'admin'),
    person('grace', 'supervisor'),
    person('priya', 'agent'),
    person('dee', 'agent', 'deactivated'),
    { ...person('tom', 'agent'), phoneNumbers: ['+14155550101'] },
    person('jon', 'agent', 'deactivated'),
  ],
  invitations: [{ email: 'lena@example.com', role: 'agent', sentAt: '2026-11-14T12:00:00Z' }],
  phoneNumbers: ['+14155550100', '+14155550101'],
  ringGroups: ['Support'],
};

type Actor = 'owner' | 'admin' | 'supervisor' | 'agent' | 'deactivated';
const ACTOR_EMAIL: Record<Actor, string> = {
  owner: 'olivia@example.com',
  admin: 'marcus@example.com',
  supervisor: 'grace@example.com',
  agent: 'priya@example.com',
  deactivated: 'dee@example.com',
};
const ACTORS = Object.keys(ACTOR_EMAIL) as Actor[];

const ALL: Actor[] = ['owner', 'admin', 'supervisor', 'agent'];
const MANAGERS: Actor[] = ['owner', 'admin'];
const OWNER: Actor[] = ['owner'];

/** One request per operation, aimed at a target every allowed actor may act on. */
const OPERATIONS: Record<
  OperationId,
  { allowed: Actor[]; send: () => Promise<RawAnswer>; writes: boolean }
> = {
  getViewer: { allowed: ALL, writes: false, send: () => raw('GET', '/viewer') },
  listTeam: { allowed: ALL, writes: false, send: () => raw('GET', '/team') },
  listPhoneNumbers: { allowed: MANAGERS, writes: false, send: () => raw('GET', '/phone-numbers') },
  listRingGroups: { allowed: ALL, writes: false, send: () => raw('GET', '/ring-groups') },
  getBillingSummary: { allowed: MANAGERS, writes: false, send: () => raw('GET', '/billing') },
  quote: {
    allowed: MANAGERS,
    writes: false,
    send: () => raw('POST', '/billing/quote', { body: { kind: 'invite' } }),
  },
  getRemovalImpact: {
    allowed: MANAGERS,
    writes: false,
    send: () => raw('GET', '/members/mem-tom-example-com/removal-impact'),
  },
  invite: {
    allowed: MANAGERS,
    writes: true,
    send: () => raw('POST', '/invitations', { body: { email: 'new@example.com', role: 'agent' } }),
  },
  bulkInvite: {
    allowed: MANAGERS,
    writes: true,
    send: () =>
      raw('POST', '/invitations/bulk', {
        body: { invitations: [{ email: 'new@example.com', role: 'agent' }] },
      }),
  },
  resendInvitation: {
    allowed: MANAGERS,
    writes: true,
    send: () => raw('POST', '/invitations/inv-lena-example-com/resend', { ifMatch: '"1"' }),
  },
  revokeInvitation: {
    allowed: MANAGERS,
    writes: true,
    send: () => raw('POST', '/invitations/inv-lena-example-com/revoke', { ifMatch: '"1"' }),
  },
  changeRole: {
    allowed: MANAGERS,
    writes: true,
    send: () =>
      raw('PUT', '/members/mem-tom-example-com/role', { body: { role: 'admin' }, ifMatch: '"1"' }),
  },
  assignPhoneNumber: {
    allowed: MANAGERS,
    writes: true,
    send: () =>
      raw('PUT', `/phone-numbers/${encodeURIComponent('+14155550100')}/assignee`, {
        body: { assignee: { type: 'member', memberId: 'mem-tom-example-com' } },
      }),
  },
  removeMember: {
    allowed: MANAGERS,
    writes: true,
    send: () => raw('POST', '/members/mem-tom-example-com/remove', { body: {}, ifMatch: '"1"' }),
  },
  deactivateMember: {
    allowed: MANAGERS,
    writes: true,
    send: () => raw('POST', '/members/mem-tom-example-com/deactivate', { ifMatch: '"1"' }),
  },
  reactivateMember: {
    allowed: MANAGERS,
    writes: true,
    send: () => raw('POST', '/members/mem-jon-example-com/reactivate', { ifMatch: '"1"' }),
  },
  batch: {
    allowed: MANAGERS,
    writes: true,
    send: () =>
      raw('POST', '/team/batch', {
        body: { action: 'deactivate', items: [{ id: 'mem-tom-example-com', version: 1 }] },
      }),
  },
  previewBatch: {
    allowed: MANAGERS,
    writes: false,
    send: () =>
      raw('POST', '/team/batch/preview', {
        body: { action: 'remove', items: [{ id: 'mem-tom-example-com', version: 1 }] },
      }),
  },
  transferOwnership: {
    allowed: OWNER,
    writes: true,
    send: () =>
      raw('POST', '/ownership/transfer', {
        body: { memberId: 'mem-tom-example-com', password: PASSWORD },
      }),
  },
};

async function signIn(backend: MockBackend, actor: Actor): Promise<void> {
  await backend.setActor(ACTOR_EMAIL[actor], { stillSignedIn: true });
}

describe('authorization matrix over HTTP: every operation × every role', () => {
  it('covers every route', () => {
    assert.deepEqual(Object.keys(OPERATIONS).sort(), ROUTES.map((r) => r.operationId).sort());
  });

  for (const [operationId, op] of Object.entries(OPERATIONS)) {
    for (const actor of ACTORS) {
      const allowed = op.allowed.includes(actor);
      // A deactivated member may do nothing: 403 forbidden with the reason, for every operation.
      const expected = allowed ? '2xx' : '403';
      it(`${operationId} by ${actor} → ${expected}`, async () => {
        cells++;
        const { backend } = use(everyRole);
        await signIn(backend, actor);
        const state = await stateOf(backend);
        const answer = await op.send();
        if (allowed) {
          assert.ok(answer.status >= 200 && answer.status < 300, `${answer.status} ${answer.text}`);
          if (op.writes) assert.notEqual(await stateOf(backend), state, 'the change happened');
        } else {
          assert.equal(answer.status, Number(expected), answer.text);
          const problem = answer.json as { code: string; detail: string };
          assert.equal(problem.code, 'forbidden');
          if (actor === 'deactivated') assert.match(problem.detail, /deactivated/);
          assert.ok(problem.detail.length > 10, 'with the reason');
          assert.equal(await stateOf(backend), state, 'nothing changed');
        }
      });
    }
  }
});

describe('requests that try to set what they may not are refused and change nothing', () => {
  const ATTEMPTS: {
    name: string;
    actor?: Actor;
    send: () => Promise<RawAnswer>;
    status: number;
    code: string;
  }[] = [
    {
      name: 'an invitation with role owner',
      send: () => raw('POST', '/invitations', { body: { email: 'x@example.com', role: 'owner' } }),
      status: 422,
      code: 'validation_failed',
    },
    {
      name: 'an invitation with role OWNER (case, spaces)',
      send: () =>
        raw('POST', '/invitations', { body: { email: 'x@example.com', role: ' OWNER ' } }),
      status: 422,
      code: 'validation_failed',
    },
    {
      name: 'a bulk row with role owner',
      send: () =>
        raw('POST', '/invitations/bulk', {
          body: {
            invitations: [
              { email: 'x@example.com', role: 'agent' },
              { email: 'y@example.com', role: 'owner' },
            ],
          },
        }),
      status: 422,
      code: 'validation_failed',
    },
    {
      name: 'changeRole to owner',
      send: () =>
        raw('PUT', '/members/mem-tom-example-com/role', {
          body: { role: 'owner' },
          ifMatch: '"1"',
        }),
      status: 403,
      code: 'forbidden',
    },
    {
      name: 'changeRole of the owner by an admin',
      actor: 'admin',
      send: () =>
        raw('PUT', '/members/mem-olivia-example-com/role', {
          body: { role: 'agent' },
          ifMatch: '"1"',
        }),
      status: 409,
      code: 'owner_protected',
    },
    {
      name: 'an admin promoting themselves',
      actor: 'admin',
      send: () =>
        raw('PUT', '/members/mem-marcus-example-com/role', {
          body: { role: 'owner' },
          ifMatch: '"1"',
        }),
      status: 403,
      code: 'forbidden',
    },
    {
      name: 'removing the owner',
      actor: 'admin',
      send: () =>
        raw('POST', '/members/mem-olivia-example-com/remove', { body: {}, ifMatch: '"1"' }),
      status: 409,
      code: 'owner_protected',
    },
    {
      name: 'deactivating the owner',
      actor: 'admin',
      send: () => raw('POST', '/members/mem-olivia-example-com/deactivate', { ifMatch: '"1"' }),
      status: 409,
      code: 'owner_protected',
    },
    {
      name: 'an admin transferring ownership to themselves',
      actor: 'admin',
      send: () =>
        raw('POST', '/ownership/transfer', {
          body: { memberId: 'mem-marcus-example-com', password: PASSWORD },
        }),
      status: 403,
      code: 'forbidden',
    },
    {
      name: 'transfer to a deactivated member',
      send: () =>
        raw('POST', '/ownership/transfer', {
          body: { memberId: 'mem-jon-example-com', password: PASSWORD },
        }),
      status: 409,
      code: 'conflict',
    },
    ...[
      'mem-of-another-account',
      'mem-tom-example-com-2',
      '__proto__',
      'constructor',
      '../owner',
    ].flatMap((id) => [
      {
        name: `changeRole of member id ${JSON.stringify(id)}`,
        send: () =>
          raw('PUT', `/members/${encodeURIComponent(id)}/role`, {
            body: { role: 'admin' },
            ifMatch: '"1"',
          }),
        status: 404,
        code: 'not_found',
      },
      {
        name: `remove of member id ${JSON.stringify(id)}`,
        send: () =>
          raw('POST', `/members/${encodeURIComponent(id)}/remove`, { body: {}, ifMatch: '"1"' }),
        status: 404,
        code: 'not_found',
      },
      {
        name: `transfer to member id ${JSON.stringify(id)}`,
        send: () =>
          raw('POST', '/ownership/transfer', { body: { memberId: id, password: PASSWORD } }),
        status: 404,
        code: 'not_found',
      },
      {
        name: `revoke of invitation id ${JSON.stringify(id)}`,
        send: () =>
          raw('POST', `/invitations/${encodeURIComponent(id)}/revoke`, { ifMatch: '"1"' }),
        status: 404,
        code: 'not_found',
      },
    ]),
    {
      name: 'assigning a number to a member of another account',
      send: () =>
        raw('PUT', `/phone-numbers/${encodeURIComponent('+14155550100')}/assignee`, {
          body: { assignee: { type: 'member', memberId: 'mem-of-another-account' } },
        }),
      status: 422,
      code: 'validation_failed',
    },
    {
      name: 'assigning a number the account does not have',
      send: () =>
        raw('PUT', `/phone-numbers/${encodeURIComponent('+19995550000')}/assignee`, {
          body: { assignee: null },
        }),
      status: 404,
      code: 'not_found',
    },
    {
      name: 'removing with the numbers reassigned to a ring group of another account',
      send: () =>
        raw('POST', '/members/mem-tom-example-com/remove', {
          body: { reassignTo: { type: 'ringGroup', ringGroupId: 'rg-elsewhere' } },
          ifMatch: '"1"',
        }),
      status: 422,
      code: 'validation_failed',
    },
    ...(
      [
        ['an invitation', 'POST', '/invitations', { email: 'x@example.com', role: 'agent' }],
        [
          'a bulk invitation',
          'POST',
          '/invitations/bulk',
          { invitations: [{ email: 'x@example.com', role: 'agent' }] },
        ],
        ['a role change', 'PUT', '/members/mem-tom-example-com/role', { role: 'admin' }],
        [
          'a transfer',
          'POST',
          '/ownership/transfer',
          { memberId: 'mem-tom-example-com', password: PASSWORD },
        ],
      ] as const
    ).flatMap(([what, method, path, body]) =>
      (
        [
          ['amount', 0],
          ['paidSeats', 99],
          ['price', 1],
          ['status', 'active'],
          ['version', 42],
        ] as const
      ).map(([field, value]) => ({
        name: `${what} carrying ${field}: ${JSON.stringify(value)}`,
        send: () =>
          raw(method, path, {
            body: { ...body, [field]: value },
            ...(method === 'PUT' ? { ifMatch: '"1"' } : {}),
          }),
        status: 422,
        code: 'validation_failed',
      })),
    ),
    {
      name: 'a bulk row carrying status: active (skip the invitee’s acceptance)',
      send: () =>
        raw('POST', '/invitations/bulk', {
          body: { invitations: [{ email: 'x@example.com', role: 'agent', status: 'active' }] },
        }),
      status: 422,
      code: 'validation_failed',
    },
  ];
  for (const a of ATTEMPTS) {
    it(`${a.name} → ${a.status} ${a.code}`, async () => {
      const { backend } = use(everyRole);
      if (a.actor) await signIn(backend, a.actor);
      const state = await stateOf(backend);
      const answer = await a.send();
      assert.equal(answer.status, a.status, answer.text);
      assert.equal((answer.json as { code: string }).code, a.code);
      assert.equal(await stateOf(backend), state, 'nothing changed');
    });
  }
});
