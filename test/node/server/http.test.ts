// The server engine over HTTP, beyond the conformance suite: scenario validation, clock and
// renewal, lockout, faults, the test controls (/_control/), snapshots, HTTP details, and size.
// Requests go to the engine as Request objects (the mock backend: the engine on the memory store).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpAdapter, SeatkitError } from '../../../src/api/index.js';
import { parseScenario } from '../../../src/schemas/scenario.js';
import { createMockBackend } from '../../../src/mock/backend.js';
import type { MockBackend } from '../../../src/mock/backend.js';
import { inProcessFetch } from '../../../src/mock/adapter.js';
import {
  demo,
  emptyTeam,
  essentialsAtLimit,
  generateScenario,
  pro,
  productExample,
  scenarios,
} from '../../../src/mock/scenarios.js';

const BASE = 'http://seatkit.test/api';
let current: MockBackend | null = null;

/** The engine's answer to a request, as `fetch` would give it. */
const fetch = inProcessFetch((request) => current!.handle(request));

function start(scenario: unknown = productExample): {
  backend: MockBackend;
  adapter: ReturnType<typeof createHttpAdapter>;
} {
  current = createMockBackend(scenario);
  return { backend: current, adapter: createHttpAdapter({ baseUrl: BASE, fetch }) };
}

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof SeatkitError);
    return error.code;
  }
  return 'resolved';
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
// A scenario as loose JSON, to break on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

describe('scenario validation', () => {
  const bad: { name: string; change: (s: Loose) => void; message: RegExp }[] = [
    {
      name: 'a bad email',
      change: (s) => (s.members[2].email = 'priya-at-example'),
      message: /members\[2\]\.email: expected an email address, got "priya-at-example"/,
    },
    { name: 'a missing field', change: (s) => delete s.password, message: /password: is required/ },
    {
      name: 'an unknown status',
      change: (s) => (s.members[1].status = 'away'),
      message: /members\[1\]\.status: expected "active" or "deactivated", got "away"/,
    },
    {
      name: 'a number not in E.164',
      change: (s) => (s.phoneNumbers[0] = '415-555-0100'),
      message: /phoneNumbers\[0\]: expected a phone number in E\.164 form/,
    },
    {
      name: 'a bad date',
      change: (s) => (s.now = 'yesterday'),
      message: /now: expected an ISO 8601 date-time/,
    },
    {
      name: 'two owners',
      change: (s) => (s.members[1].role = 'owner'),
      message: /members: expected exactly one owner, found 2/,
    },
    {
      name: 'an actor who is not a member',
      change: (s) => (s.actor = 'ghost@example.com'),
      message: /actor: ghost@example.com is not one of the members/,
    },
    {
      name: 'an invitation for a member',
      change: (s) => (s.invitations[0].email = 'TOM@example.com'),
      message: /invitations\[0\]\.email: TOM@example.com is already a member/,
    },
    {
      name: 'a member number not on the account',
      change: (s) => (s.members[0].phoneNumbers = ['+14155559999']),
      message: /members\[0\]\.phoneNumbers\[0\]: \+14155559999 is not one of phoneNumbers/,
    },
  ];
  for (const b of bad) {
    it(`says where the problem is: ${b.name}`, () => {
      const scenario = clone(productExample) as Loose;
      b.change(scenario);
      const result = parseScenario(scenario);
      assert.equal(result.ok, false);
      assert.match(result.ok ? '' : result.message, b.message);
      assert.throws(() => createMockBackend(scenario), b.message);
    });
  }

  it('lists every problem at once', () => {
    const result = parseScenario({ ...clone(productExample), plan: 7, billing: 'weekly' });
    assert.equal(result.ok, false);
    assert.equal(result.ok ? 0 : result.problems.length, 2);
  });

  it('refuses an unknown plan', () => {
    assert.throws(
      () => createMockBackend({ ...clone(productExample), plan: 'gold' }),
      /plan: unknown plan "gold"/,
    );
  });

  it('loads a role the plan no longer offers (a downgrade): a state, not a mistake', async () => {
    const s = clone(productExample) as Loose;
    s.members[3].role = 'supervisor';
    const { adapter } = start(s);
    const tom = (await adapter.listTeam({ search: 'tom@' })).items[0];
    assert.equal(tom?.role, 'supervisor');
  });

  it('accepts bare dates as midnight UTC', () => {
    const result = parseScenario({
      ...clone(productExample),
      cycleStart: '2026-11-01',
      now: '2026-11-16',
    });
    assert.ok(result.ok);
    assert.equal(result.ok && result.scenario.cycleStart, '2026-11-01T00:00:00.000Z');
  });

  it('accepts every named scenario', () => {
    for (const [name, scenario] of Object.entries(scenarios)) {
      assert.ok(parseScenario(scenario).ok, name);
      createMockBackend(scenario);
    }
  });
});

describe('clock, charges and renewal', () => {
  it('records the prorated charge on acceptance', async () => {
    const { backend, adapter } = start();
    await adapter.invite({ email: 'new@example.com', role: 'agent' });
    const { charge } = await backend.acceptInvitation('new@example.com');
    assert.equal(charge.amount, 1450);
    assert.deepEqual(
      (await backend.charges()).map((c) => [c.amount, c.reason]),
      [[1450, 'acceptance']],
    );
  });

  it('refuses to accept an expired invitation', async () => {
    const { backend } = start();
    await assert.rejects(backend.acceptInvitation('sam@example.com'), {
      code: 'invitation_expired',
    });
  });

  it('renews when the clock passes the cycle end: invoice recorded, paid seats recomputed', async () => {
    const { backend, adapter } = start(emptyTeam);
    await backend.clock.advanceDays(15);
    const [invoice] = await backend.invoices();
    assert.deepEqual(invoice, { amount: 5800, seats: 2, date: '2026-12-01T00:00:00.000Z' });
    const summary = await adapter.getBillingSummary();
    assert.equal(summary.cycle.start, '2026-12-01T00:00:00.000Z');
    assert.equal(summary.paidSeats, 2);
    await backend.clock.set('2027-03-05T00:00:00Z');
    assert.equal((await backend.invoices()).length, 4, 'one invoice per renewal passed');
  });

  it('annual plans renew yearly', async () => {
    const { backend } = start(pro);
    await backend.clock.advanceDays(110);
    assert.equal((await backend.invoices())[0]?.date, '2027-03-01T00:00:00.000Z');
    assert.equal((await backend.invoices())[0]?.amount, 5 * 46800);
  });
});

describe('transfer lockout', () => {
  it('locks for 15 minutes of mock time after 5 wrong passwords, with Retry-After', async () => {
    const { backend } = start();
    const attempt = (password: string) =>
      fetch(`${BASE}/ownership/transfer`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body: JSON.stringify({ memberId: 'mem-marcus-example-com', password }),
      });
    for (let i = 0; i < 4; i++) assert.equal((await attempt('nope')).status, 403);
    const locked = await attempt('nope');
    assert.equal(locked.status, 423);
    assert.equal(locked.headers.get('Retry-After'), '900');
    assert.equal(locked.headers.get('Content-Type'), 'application/problem+json');
    await backend.clock.set(new Date((await backend.clock.now()).getTime() + 10 * 60_000));
    const still = await attempt('correct horse battery');
    assert.equal(still.status, 423);
    assert.equal(still.headers.get('Retry-After'), '300');
    await backend.clock.set(new Date((await backend.clock.now()).getTime() + 5 * 60_000));
    assert.equal((await attempt('correct horse battery')).status, 200);
  });
});

describe('HTTP details', () => {
  it('replays an idempotent request and marks it', async () => {
    start();
    const send = () =>
      fetch(`${BASE}/invitations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'same' },
        body: JSON.stringify({ email: 'x@example.com', role: 'agent' }),
      });
    const first = await send();
    const second = await send();
    assert.equal(first.status, 201);
    assert.equal(second.status, 201);
    assert.equal(second.headers.get('Idempotent-Replayed'), 'true');
    assert.deepEqual(await second.json(), await first.json());
  });

  it('answers 412 to a stale If-Match and accepts weak tags', async () => {
    start();
    const deactivate = (tag: string) =>
      fetch(`${BASE}/members/mem-tom-example-com/deactivate`, {
        method: 'POST',
        headers: { 'If-Match': tag, 'Idempotency-Key': crypto.randomUUID() },
      });
    const stale = await deactivate('"9"');
    assert.equal(stale.status, 412);
    assert.equal(((await stale.json()) as { code: string }).code, 'version_conflict');
    const ok = await deactivate('W/"1"');
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('ETag'), null, 'the result wraps the member');
  });

  it('answers 422 with field details to an invalid body, and to one that is not JSON', async () => {
    start();
    const post = (body: string) =>
      fetch(`${BASE}/members/mem-tom-example-com/role`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
        body,
      });
    const invalid = await post(JSON.stringify({ role: 'boss' }));
    assert.equal(invalid.status, 422);
    const problem = (await invalid.json()) as { errors: { field: string }[] };
    assert.equal(problem.errors[0]?.field, 'role');
    const notJson = await post('{');
    assert.equal(notJson.status, 422);
    assert.equal(((await notJson.json()) as { code: string }).code, 'validation_failed');
  });

  it('refuses an agent with 403 and the reason', async () => {
    start({ ...clone(productExample), actor: 'priya@example.com' });
    const response = await fetch(`${BASE}/billing`);
    assert.equal(response.status, 403);
    assert.match(
      ((await response.json()) as { detail: string }).detail,
      /Only the owner or an admin/,
    );
  });
});

describe('faults', () => {
  it('injects a status a given number of times, then recovers', async () => {
    const { backend, adapter } = start();
    backend.injectFault('getViewer', { status: 503, times: 2 });
    assert.equal(await code(adapter.getViewer()), 'server_error');
    assert.equal(await code(adapter.getViewer()), 'server_error');
    assert.equal((await adapter.getViewer()).member.email, 'olivia@example.com');
  });

  it('injects network failures and latency, for one operation or all', async () => {
    const { backend, adapter } = start();
    backend.injectFault('*', { network: true });
    assert.equal(await code(adapter.listTeam({})), 'network_error');
    assert.equal(await code(adapter.getBillingSummary()), 'network_error');
    backend.clearFaults();
    backend.injectFault('listTeam', { latencyMs: 60 });
    const controller = new AbortController();
    const pending = adapter.listTeam({}, { signal: controller.signal });
    setTimeout(() => controller.abort(), 10);
    assert.equal(await code(pending), 'aborted');
  });
});

describe('the test controls over HTTP (/_control/)', () => {
  it('drive the clock, acceptance, faults and reset over HTTP', async () => {
    const { backend, adapter } = start();
    const post = (path: string, body: unknown) =>
      fetch(`${BASE}/_control/${path}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
    assert.deepEqual(await (await post('clock', { advanceDays: 1 })).json(), {
      now: '2026-11-17T09:30:00.000Z',
    });
    const accepted = (await (await post('accept', { invitation: 'lena@example.com' })).json()) as {
      charge: { amount: number };
    };
    assert.equal(accepted.charge.amount, 1353, 'prorated for 14 of 30 days: round(2900 × 14 / 30)');
    assert.equal(
      (await post('faults', { operationId: 'getViewer', status: 500, times: 1 })).status,
      200,
    );
    assert.equal(await code(adapter.getViewer()), 'server_error');
    assert.equal((await post('faults', { operationId: 'nope' })).status, 422);
    assert.equal((await post('reset', {})).status, 200);
    assert.equal((await backend.clock.now()).toISOString(), '2026-11-16T09:30:00.000Z');
    const snapshot = (await (await fetch(`${BASE}/_control/snapshot`)).json()) as {
      members: unknown[];
    };
    assert.equal(snapshot.members.length, 6);
    assert.equal((await post('actor', { email: 'ghost@example.com' })).status, 404);
  });
});

describe('snapshots', () => {
  it('a snapshot starts a backend in the same state', async () => {
    const { backend, adapter } = start(demo);
    await adapter.invite({ email: 'snap@example.com', role: 'agent', phoneNumber: '+14155550103' });
    const priya = (await adapter.listTeam({ search: 'priya' })).items[0];
    assert.ok(priya?.kind === 'member');
    await adapter.removeMember(priya.id, { version: priya.version });
    await backend.clock.advanceDays(2);
    const before = await adapter.listTeam({ limit: 100 });
    const again = start(await backend.snapshot());
    const afterwards = await again.adapter.listTeam({ limit: 100 });
    assert.deepEqual(afterwards, before);
    assert.equal(
      (await again.backend.clock.now()).toISOString(),
      (await backend.clock.now()).toISOString(),
    );
  });
});

describe('size', () => {
  it('serves 100,000 members, a page at a time, and searches them', async () => {
    const { adapter } = start(generateScenario(100_000));
    const first = await adapter.listTeam({ limit: 50 });
    const second = await adapter.listTeam({ limit: 50, cursor: first.nextCursor ?? '' });
    const searched = await adapter.listTeam({ search: 'ada baker', limit: 50 });
    assert.equal(first.total, 100_002);
    assert.equal(second.items.length, 50);
    assert.ok(
      !second.items.some((e) => first.items.some((f) => f.id === e.id)),
      'the second page follows the first',
    );
    assert.ok(searched.total > 0);
  });

  it('at the Essentials limit, the next invite is refused', async () => {
    const { adapter } = start(essentialsAtLimit);
    assert.equal(
      await code(adapter.invite({ email: 'x@example.com', role: 'agent' })),
      'capacity_exceeded',
    );
  });
});
