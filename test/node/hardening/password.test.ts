// The owner's password for ownership transfer: wrong ones refused, five lock the transfer for 15
// minutes of mock-clock time (then allowed again), and the password (right or wrong) never comes
// back in any response, error message, snapshot or log.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SeatkitError } from '../../../src/api/index.js';
import type { SeatkitAdapter } from '../../../src/api/index.js';
import type { MockBackend } from '../../../src/mock/backend.js';
import { BASE, fileServer, inProcessFetch, raw } from './support.js';

const { server, use } = fileServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const PASSWORD = 'Sup3r-Secret-Owner-Passw0rd';
const WRONG = 'Wr0ng-Guess-Passw0rd';
const MINUTE = 60_000;
const scenario = {
  plan: 'team',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: PASSWORD,
  members: [
    { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
    { name: 'Marcus Lee', email: 'marcus@example.com', role: 'admin', status: 'active' },
    { name: 'Tom Becker', email: 'tom@example.com', role: 'agent', status: 'active' },
  ],
  invitations: [],
  phoneNumbers: [],
  ringGroups: [],
};
const MARCUS = 'mem-marcus-example-com';

async function code(adapter: SeatkitAdapter, password: string): Promise<string> {
  try {
    await adapter.transferOwnership(MARCUS, password);
    return 'ok';
  } catch (error) {
    assert.ok(error instanceof SeatkitError);
    return error.code;
  }
}

async function later(backend: MockBackend, ms: number): Promise<void> {
  await backend.clock.set(new Date((await backend.clock.now()).getTime() + ms));
}

describe('password confirmation for ownership transfer', () => {
  it('a wrong password is refused with the attempts left, and changes no role', async () => {
    const { adapter } = use(scenario);
    const error = await adapter.transferOwnership(MARCUS, WRONG).catch((e: unknown) => e);
    assert.ok(error instanceof SeatkitError);
    assert.equal(error.code, 'wrong_password');
    assert.equal(error.status, 403);
    assert.match(error.message, /4 attempt/);
    assert.equal(error.details[0]?.field, 'password');
    const { items } = await adapter.listTeam({});
    assert.equal(items.find((e) => e.id === MARCUS)?.role, 'admin');
  });

  it('five wrong passwords lock it for exactly 15 minutes of mock time, even with the right one', async () => {
    const { backend, adapter } = use(scenario);
    const codes = [];
    for (let i = 0; i < 5; i++) codes.push(await code(adapter, `${WRONG}${i}`));
    assert.deepEqual(codes, [
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'wrong_password',
      'locked_out',
    ]);
    await later(backend, 15 * MINUTE - 1000);
    const locked = await adapter.transferOwnership(MARCUS, PASSWORD).catch((e: unknown) => e);
    assert.ok(locked instanceof SeatkitError);
    assert.equal(locked.code, 'locked_out');
    assert.equal(locked.retryAfter, 1, 'Retry-After counts down in mock time');
    await later(backend, 1000);
    assert.equal(await code(adapter, PASSWORD), 'ok');
  });

  it('after a lock ends, one more wrong password does not lock again at once', async () => {
    const { backend, adapter } = use(scenario);
    for (let i = 0; i < 5; i++) await code(adapter, WRONG);
    await later(backend, 15 * MINUTE);
    assert.equal(await code(adapter, WRONG), 'wrong_password');
    assert.equal(await code(adapter, PASSWORD), 'ok');
  });

  it('one Idempotency-Key checks one password: its retries replay the answer, guesses need new keys', async () => {
    const { adapter } = use(scenario);
    const attempt = (password: string, idempotencyKey: string) =>
      adapter.transferOwnership(MARCUS, password, { idempotencyKey }).then(
        () => 'ok',
        (e: SeatkitError) =>
          `${e.code}${e.details.find((d) => d.code === 'attempts_left')?.message ?? ''}`,
      );
    assert.equal(await attempt(WRONG, 'same'), 'wrong_password4', 'counted: 4 attempts left');
    for (let i = 0; i < 6; i++)
      assert.equal(
        await attempt(i % 2 ? WRONG : `${WRONG} ${i}`, 'same'),
        'wrong_password4',
        'the same key answers again, and checks no password',
      );
    assert.equal(await attempt(PASSWORD, 'same'), 'wrong_password4', 'not even the right one');
    for (let i = 3; i >= 0; i--)
      assert.equal(
        await attempt(`${WRONG} ${i}`, `guess-${i}`),
        i ? `wrong_password${i}` : 'locked_out',
      );
    assert.equal(
      await attempt(PASSWORD, 'new'),
      'locked_out',
      'each guess counted toward the lock',
    );
  });

  it('an admin guessing gets 403 forbidden, and their guesses do not lock the owner out', async () => {
    const { backend, adapter } = use(scenario);
    await backend.setActor('marcus@example.com');
    for (let i = 0; i < 6; i++) {
      const answer = await raw('POST', '/ownership/transfer', {
        body: { memberId: 'mem-tom-example-com', password: WRONG },
      });
      assert.equal(answer.status, 403);
      assert.equal((answer.json as { code: string }).code, 'forbidden');
    }
    await backend.setActor('olivia@example.com');
    assert.equal(await code(adapter, PASSWORD), 'ok');
  });
});

describe('the password never comes back', () => {
  it('not in any response body or header, error message, snapshot, control endpoint or log', async () => {
    const { backend, adapter } = use(scenario);
    const seen: string[] = [];
    const logged: string[] = [];
    const originals = {
      log: console.log,
      warn: console.warn,
      error: console.error,
      info: console.info,
    };
    for (const level of ['log', 'warn', 'error', 'info'] as const) {
      console[level] = (...args: unknown[]) => {
        logged.push(
          args
            .map((a) =>
              a instanceof Error ? `${a.stack} ${JSON.stringify(a)}` : JSON.stringify(a),
            )
            .join(' '),
        );
      };
    }
    const capture = (answer: { text: string; headers: Headers }) => {
      seen.push(answer.text, JSON.stringify([...answer.headers]));
    };
    try {
      // Wrong, right, locked, malformed and replayed attempts, over HTTP and through the adapter.
      for (const password of [WRONG, `${PASSWORD} `, PASSWORD.toLowerCase()]) {
        capture(await raw('POST', '/ownership/transfer', { body: { memberId: MARCUS, password } }));
      }
      capture(
        await raw('POST', '/ownership/transfer', {
          body: { memberId: MARCUS, password: PASSWORD, extra: PASSWORD },
        }),
      );
      capture(
        await raw('POST', '/ownership/transfer', {
          rawBody: `{"memberId": "${MARCUS}", "password": "${PASSWORD}"`,
        }),
      );
      capture(
        await raw('POST', '/ownership/transfer', {
          body: { memberId: 'mem-nobody', password: PASSWORD },
        }),
      );
      for (let i = 0; i < 3; i++) {
        const error = await adapter.transferOwnership(MARCUS, WRONG).catch((e: unknown) => e);
        assert.ok(error instanceof SeatkitError);
        seen.push(error.message, JSON.stringify(error.details), String(error.cause ?? ''));
      }
      const locked = await adapter.transferOwnership(MARCUS, PASSWORD).catch((e: unknown) => e);
      assert.ok(locked instanceof SeatkitError);
      seen.push(locked.message, JSON.stringify(locked.details));
      await later(backend, 15 * MINUTE);
      const ok = await raw('POST', '/ownership/transfer', {
        body: { memberId: MARCUS, password: PASSWORD },
        key: 'k',
      });
      assert.equal(ok.status, 200);
      capture(ok);
      capture(
        await raw('POST', '/ownership/transfer', {
          body: { memberId: MARCUS, password: PASSWORD },
          key: 'k',
        }),
      );
      backend.injectFault('transferOwnership', { status: 500, times: 1 });
      capture(
        await raw('POST', '/ownership/transfer', {
          body: { memberId: MARCUS, password: PASSWORD },
        }),
      );
      // Everything a demo or a test can read back.
      for (const path of [
        '/_control/snapshot',
        '/_control/charges',
        '/_control/invoices',
        '/_control/clock',
      ]) {
        const response = await inProcessFetch(`${BASE}${path}`);
        seen.push(await response.text());
      }
      seen.push(JSON.stringify(await backend.snapshot()));
      for (const read of [
        () => adapter.getViewer(),
        () => adapter.listTeam({ limit: 200 }),
        () => adapter.getBillingSummary(),
      ])
        seen.push(JSON.stringify(await read()));
    } finally {
      Object.assign(console, originals);
    }
    const haystack = [...seen, ...logged].join('\n');
    for (const secret of [PASSWORD, WRONG, PASSWORD.toLowerCase()]) {
      assert.ok(
        !haystack.includes(secret),
        `found ${secret} in: ${haystack.slice(Math.max(0, haystack.indexOf(secret) - 200), haystack.indexOf(secret) + 50)}`,
      );
    }
  });
});
