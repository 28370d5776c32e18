// createSeatkitHandler as an integrator mounts it: identity, tenancy, idempotency, If-Match,
// problems, and controls that exist only when asked for. And the backend defects of the outside
// attack (issue 13 items 3, 6, 7, 8 and 17), each checked where it was found.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHttpAdapter } from '../../../src/api/index.js';
import { createSeatkitHandler, memoryStore } from '../../../src/server/index.js';
import type { Identity } from '../../../src/server/index.js';
import { createMockBackend } from '../../../src/mock/backend.js';
import { inProcessFetch } from '../../../src/mock/adapter.js';
import { downgradedSupervisor, productExample } from '../../../src/testing/fixtures.js';
import { keyInFlight } from '../../support/key-in-flight.js';

const BASE = 'http://seatkit.test/api';

/** An engine with two accounts seeded from the example, identified by headers (tests only). */
async function twoAccounts() {
  const handler = createSeatkitHandler({
    store: memoryStore(),
    basePath: '/api',
    controls: true,
    identify: (request): Identity | null => {
      const accountId = request.headers.get('X-Account');
      const memberId = request.headers.get('X-Member');
      return accountId && memberId ? { accountId, memberId } : null;
    },
  });
  await handler.controls!.seed('acme', productExample());
  await handler.controls!.seed('globex', productExample());
  const send = (
    path: string,
    init: RequestInit & { account?: string; member?: string } = {},
  ): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (init.account !== undefined) headers.set('X-Account', init.account);
    if (init.member !== undefined) headers.set('X-Member', init.member);
    return handler(new Request(`${BASE}${path}`, { ...init, headers }));
  };
  return { handler, send };
}

const json = async (response: Response) => (await response.json()) as Record<string, unknown>;

describe('identity and tenancy', () => {
  it('answers 401 when identify() finds nobody', async () => {
    const { send } = await twoAccounts();
    const response = await send('/team');
    assert.equal(response.status, 401);
    assert.equal((await json(response)).code, 'unauthenticated');
    assert.equal(response.headers.get('Content-Type'), 'application/problem+json');
  });

  it("acts in the caller's account only", async () => {
    const { send } = await twoAccounts();
    const invite = await send('/invitations', {
      method: 'POST',
      account: 'acme',
      member: 'mem-olivia-example-com',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'k1' },
      body: JSON.stringify({ email: 'only.acme@example.com', role: 'agent' }),
    });
    assert.equal(invite.status, 201);
    const search = (account: string) =>
      send('/team?search=only.acme', { account, member: 'mem-olivia-example-com' }).then(json);
    assert.equal((await search('acme')).total, 1);
    assert.equal((await search('globex')).total, 0, 'the other account does not see it');
    const unknown = await send('/team', { account: 'initech', member: 'mem-olivia-example-com' });
    assert.equal(unknown.status, 401, 'an account that does not exist');
  });

  it('a member named by identify() who is not in the account is not signed in', async () => {
    const { send } = await twoAccounts();
    const response = await send('/viewer', { account: 'acme', member: 'mem-nobody' });
    assert.equal(response.status, 401);
  });
});

describe('idempotency', () => {
  const invite = (
    send: Awaited<ReturnType<typeof twoAccounts>>['send'],
    member: string,
    key: string,
    email: string,
  ) =>
    send('/invitations', {
      method: 'POST',
      account: 'acme',
      member,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body: JSON.stringify({ email, role: 'agent' }),
    });

  it("is scoped to the member: another member's key does not replay", async () => {
    const { send } = await twoAccounts();
    const first = await invite(send, 'mem-olivia-example-com', 'shared-key', 'a@example.com');
    const other = await invite(send, 'mem-marcus-example-com', 'shared-key', 'b@example.com');
    assert.equal(first.status, 201);
    assert.equal(other.status, 201, 'a new change for marcus@, not a conflict or a replay');
    assert.equal(other.headers.get('Idempotent-Replayed'), null);
  });

  it('answers 409 to a request whose key is still in flight', async () => {
    const flight = await keyInFlight(memoryStore());
    const second = await flight.send();
    assert.equal(second.status, 409);
    assert.match(String((await json(second)).detail), /still being answered/);
    assert.equal(second.headers.get('Retry-After'), '1');
    flight.release();
    assert.equal((await flight.first).status, 201);
    const third = await flight.send();
    assert.equal(third.status, 201);
    assert.equal(third.headers.get('Idempotent-Replayed'), 'true', 'answered once, then replayed');
  });

  it('keeps a response for the documented time, then forgets it', async () => {
    let now = Date.parse('2026-11-16T09:30:00Z');
    const handler = createSeatkitHandler({
      store: memoryStore(),
      basePath: '/api',
      clock: { now: () => new Date(now) },
      identify: () => ({ accountId: 'acme', memberId: 'mem-olivia-example-com' }),
      controls: true,
      idempotency: { retainSeconds: 3600 },
    });
    await handler.controls!.seed('acme', productExample());
    const send = (email: string) =>
      handler(
        new Request(`${BASE}/invitations`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'kept' },
          body: JSON.stringify({ email, role: 'agent' }),
        }),
      );
    assert.equal((await send('one@example.com')).status, 201);
    now += 3599_000;
    assert.equal(
      (await send('two@example.com')).status,
      422,
      'the key still holds another request',
    );
    now += 2000;
    assert.equal(
      (await send('two@example.com')).status,
      201,
      'after an hour the key is free again',
    );
  });
});

describe('the request itself (issue 13, item 17)', () => {
  const tom = '/members/mem-tom-example-com/deactivate';
  const post = (headers: Record<string, string>, body?: string) =>
    createMockBackend(productExample()).handle(
      new Request(`${BASE}${tom}`, { method: 'POST', headers, ...(body ? { body } : {}) }),
    );

  const cases: { name: string; headers: Record<string, string>; field: string }[] = [
    {
      name: 'an unbalanced entity tag "1',
      headers: { 'If-Match': '"1', 'Idempotency-Key': 'a' },
      field: 'If-Match',
    },
    {
      name: 'an entity tag without quotes',
      headers: { 'If-Match': '1', 'Idempotency-Key': 'b' },
      field: 'If-Match',
    },
    {
      name: 'a list of entity tags',
      headers: { 'If-Match': '"1", "2"', 'Idempotency-Key': 'c' },
      field: 'If-Match',
    },
    {
      name: 'a change without an Idempotency-Key',
      headers: { 'If-Match': '"1"' },
      field: 'Idempotency-Key',
    },
    {
      name: 'a 10,000-character Idempotency-Key',
      headers: { 'If-Match': '"1"', 'Idempotency-Key': 'k'.repeat(10_000) },
      field: 'Idempotency-Key',
    },
    {
      name: 'an Idempotency-Key with a space',
      headers: { 'If-Match': '"1"', 'Idempotency-Key': 'two words' },
      field: 'Idempotency-Key',
    },
  ];
  for (const c of cases) {
    it(`refuses ${c.name} with 422 naming ${c.field}`, async () => {
      const response = await post(c.headers);
      assert.equal(response.status, 422);
      const problem = await json(response);
      assert.equal(problem.code, 'validation_failed');
      assert.equal((problem.errors as { field: string }[])[0]?.field, c.field);
    });
  }

  it('takes a 255-character key and If-Match: * (any existing version)', async () => {
    const response = await post({ 'If-Match': '*', 'Idempotency-Key': 'k'.repeat(255) });
    assert.equal(response.status, 200);
  });

  it('refuses a body that is not JSON with 422, not 400', async () => {
    const backend = createMockBackend(productExample());
    const response = await backend.handle(
      new Request(`${BASE}/invitations`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'x' },
        body: '{"email": ',
      }),
    );
    assert.equal(response.status, 422);
    assert.equal((await json(response)).code, 'validation_failed');
  });
});

describe('controls exist only when enabled', () => {
  it('answers 404 under /_control/ and has no handler.controls by default', async () => {
    const handler = createSeatkitHandler({
      store: memoryStore(),
      basePath: '/api',
      identify: () => ({ accountId: 'acme', memberId: 'mem-olivia-example-com' }),
    });
    assert.equal(handler.controls, undefined);
    const response = await handler(
      new Request(`${BASE}/_control/clock`, { method: 'POST', body: '{"advanceDays":30}' }),
    );
    assert.equal(response.status, 404);
  });

  it('without controls, the clock is the injected one, not a stored test clock', async () => {
    const store = memoryStore();
    const seeding = createSeatkitHandler({
      store,
      controls: true,
      identify: () => null,
    });
    await seeding.controls!.seed('acme', productExample());
    const handler = createSeatkitHandler({
      store,
      basePath: '/api',
      clock: { now: () => new Date('2026-11-20T12:00:00Z') },
      identify: () => ({ accountId: 'acme', memberId: 'mem-olivia-example-com' }),
    });
    const summary = await json(await handler(new Request(`${BASE}/billing`)));
    assert.equal(summary.now, '2026-11-20T12:00:00.000Z');
  });
});

describe('states a backend reaches are states it loads (issue 13, items 7 and 8)', () => {
  const adapterOf = (backend: ReturnType<typeof createMockBackend>) =>
    createHttpAdapter({ baseUrl: BASE, fetch: inProcessFetch(backend.handle) });

  it('a supervisor kept after a switch back to Team survives a reload', async () => {
    const backend = createMockBackend({ ...productExample(), plan: 'pro' });
    const adapter = adapterOf(backend);
    const tom = (await adapter.listTeam({ search: 'tom@' })).items[0]!;
    await adapter.changeRole(tom.id, 'supervisor', { version: tom.version });
    await backend.setPlan('team');
    const again = createMockBackend(await backend.snapshot({ includePassword: true }));
    const reloaded = (await adapterOf(again).listTeam({ search: 'tom@' })).items[0]!;
    assert.equal(reloaded.role, 'supervisor');
    assert.equal(reloaded.version, tom.version + 1, 'versions are kept');
  });

  it('a member who joined from _@example.com (no name to derive) survives a reload', async () => {
    const backend = createMockBackend(productExample());
    const adapter = adapterOf(backend);
    await adapter.invite({ email: '_@example.com', role: 'agent' });
    const { member } = await backend.acceptInvitation('_@example.com');
    assert.ok(member.name.length > 0, `a name: ${JSON.stringify(member.name)}`);
    createMockBackend(await backend.snapshot({ includePassword: true }));
  });

  it('the clock does not go back before what already happened', async () => {
    const backend = createMockBackend(productExample());
    await assert.rejects(
      backend.clock.set('2026-11-10T00:00:00Z'),
      /can't go back before 2026-11-14/,
    );
    await backend.clock.set('2026-11-15T00:00:00Z');
    createMockBackend(await backend.snapshot({ includePassword: true }));
  });

  it('over capacity after a downgrade: loads, refuses to add, allows to free a seat', async () => {
    const backend = createMockBackend({ ...productExample(), plan: 'essentials', invitations: [] });
    const adapter = adapterOf(backend);
    const summary = await adapter.getBillingSummary();
    assert.equal(summary.activeSeats, 5);
    await assert.rejects(adapter.invite({ email: 'six@example.com', role: 'agent' }), {
      code: 'capacity_exceeded',
    });
    const again = createMockBackend(await backend.snapshot({ includePassword: true }));
    assert.equal((await adapterOf(again).getBillingSummary()).activeSeats, 5);
  });

  it('a deactivated supervisor on Team loads and is refused reactivation with the reason', async () => {
    const backend = createMockBackend(downgradedSupervisor());
    const adapter = adapterOf(backend);
    const sue = (await adapter.listTeam({ search: 'sue@' })).items[0]!;
    await assert.rejects(adapter.reactivateMember(sue.id, { version: sue.version }), {
      code: 'role_not_on_plan',
      message: 'Supervisor needs the Pro plan or above. Change their role first.',
    });
  });

  it('a reload keeps the charges, the invoices and the versions', async () => {
    const backend = createMockBackend(productExample());
    const adapter = adapterOf(backend);
    await backend.acceptInvitation('lena@example.com');
    await backend.clock.advanceDays(16);
    const before = {
      charges: await backend.charges(),
      invoices: await backend.invoices(),
      team: await adapter.listTeam({ limit: 100 }),
    };
    const again = createMockBackend(await backend.snapshot({ includePassword: true }));
    const reloaded = adapterOf(again);
    assert.deepEqual(await again.charges(), before.charges);
    assert.deepEqual(await again.invoices(), before.invoices);
    assert.deepEqual((await reloaded.listTeam({ limit: 100 })).items, before.team.items);
  });

  it('the lockout is still in force after a reload', async () => {
    const backend = createMockBackend(productExample());
    const adapter = adapterOf(backend);
    const marcus = (await adapter.listTeam({ search: 'marcus' })).items[0]!;
    for (let i = 0; i < 5; i++)
      await assert.rejects(adapter.transferOwnership(marcus.id, `wrong ${i}`));
    const again = createMockBackend(await backend.snapshot({ includePassword: true }));
    await assert.rejects(adapterOf(again).transferOwnership(marcus.id, 'correct horse battery'), {
      code: 'locked_out',
    });
  });
});

describe('scenarios (issue 13, items 1 and 2)', () => {
  it('refuses an invisible character in a scenario email, with its path', () => {
    const scenario = productExample();
    scenario.members[3]!.email = 'tom\u200b@example.com';
    assert.throws(
      () => createMockBackend(scenario),
      /members\[3\]\.email: contains an invisible character \(U\+200B\)/,
    );
  });

  it('refuses one address listed twice in two spellings (NFD and NFC)', () => {
    const scenario = productExample();
    scenario.members.push(
      { name: 'José', email: 'jose\u0301@example.com', role: 'agent', status: 'active' },
      { name: 'José again', email: 'JOS\u00c9@example.com', role: 'agent', status: 'active' },
    );
    assert.throws(
      () => createMockBackend(scenario),
      /members\[7\]\.email: .* is already members\[6\]/,
    );
  });
});

describe('details the docs review found', () => {
  const adapterOf = (backend: ReturnType<typeof createMockBackend>) =>
    createHttpAdapter({ baseUrl: BASE, fetch: inProcessFetch(backend.handle) });

  it('refuses to resend an invitation for a role the plan no longer offers', async () => {
    const backend = createMockBackend({
      ...productExample(),
      plan: 'pro',
      invitations: [
        { email: 'sup@example.com', role: 'supervisor', sentAt: '2026-11-14T12:00:00Z' },
      ],
    });
    await backend.setPlan('team');
    const adapter = adapterOf(backend);
    const sup = (await adapter.listTeam({ search: 'sup@' })).items[0]!;
    await assert.rejects(adapter.resendInvitation(sup.id, { version: sup.version }), {
      code: 'role_not_on_plan',
    });
  });

  it('a bulk row may not carry moveNumber (a file cannot confirm a move)', async () => {
    const response = await createMockBackend(productExample()).handle(
      new Request(`${BASE}/invitations/bulk`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': 'b' },
        body: JSON.stringify({
          invitations: [{ email: 'x@example.com', role: 'agent', moveNumber: true }],
        }),
      }),
    );
    assert.equal(response.status, 422);
  });

  it('POST /_control/reset clears the injected faults, as reset() does', async () => {
    const backend = createMockBackend(productExample());
    backend.injectFault('getViewer', { status: 500 });
    const reset = await backend.handle(
      new Request(`${BASE}/_control/reset`, { method: 'POST', body: '{}' }),
    );
    assert.equal(reset.status, 200);
    assert.equal((await backend.handle(new Request(`${BASE}/viewer`))).status, 200);
  });
});
