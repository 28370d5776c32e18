// The last seats, fought over by several server processes on one database: N processes of the
// engine on one SQLite file (and one PostgreSQL database when one is configured), 200 concurrent
// invites, reactivations and bulk invites for the last 3 seats of an Essentials account, 20
// rounds. Exactly 3 seats are taken each round, nothing is charged twice, and a change retried
// with its key on another process answers with the one result. The same run on a store that
// splits its check from its write (test/support/split-store.ts) must fail.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSeatkitHandler } from '../../../src/server/index.js';
import type { SeatkitHandler } from '../../../src/server/index.js';
import { openStore } from '../../support/store-specs.js';
import type { OpenedStore } from '../../support/store-specs.js';

const PROCESSES = 4;
const ROUNDS = Number(process.env.SEATKIT_RACE_ROUNDS ?? 20);
const REQUESTS = 200;
const POSTGRES = process.env.SEATKIT_TEST_POSTGRES_URL;
const OWNER = 'mem-olivia-example-com';

/** Essentials (max 5): two active, twelve deactivated, no invitation: 3 seats left. */
function lastThreeSeats() {
  return {
    plan: 'essentials',
    billing: 'monthly',
    cycleStart: '2026-11-01',
    now: '2026-11-16T09:30:00Z',
    actor: 'olivia@example.com',
    password: 'correct horse battery',
    members: [
      { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
      { name: 'Marcus Lee', email: 'marcus@example.com', role: 'admin', status: 'active' },
      ...Array.from({ length: 12 }, (_, i) => ({
        name: `Sleeper ${i}`,
        email: `sleeper${i}@example.com`,
        role: 'agent',
        status: 'deactivated',
      })),
    ],
    invitations: [],
    phoneNumbers: [],
    ringGroups: [],
  };
}

interface Fleet {
  ports: number[];
  stop(): Promise<void>;
}

async function startFleet(spec: string, variant = ''): Promise<Fleet> {
  const children: ChildProcess[] = [];
  const ports = await Promise.all(
    Array.from({ length: PROCESSES }, () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'test/support/race-server.ts', spec, variant],
        { stdio: ['ignore', 'pipe', 'inherit'] },
      );
      children.push(child);
      return new Promise<number>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`a server exited early (${code})`)));
        child.stdout!.on('data', (chunk: Buffer) => {
          const match = /listening (\d+)/.exec(chunk.toString());
          if (match) resolve(Number(match[1]));
        });
      });
    }),
  );
  return {
    ports,
    stop: async () => {
      await Promise.all(
        children.map(
          (child) =>
            new Promise<void>((resolve) => {
              child.removeAllListeners('exit');
              child.once('exit', () => resolve());
              child.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

interface Shot {
  kind: 'invite' | 'reactivate' | 'bulk';
  seats: number;
  key: string;
  path: string;
  body: unknown;
  ifMatch?: string;
}

/** The 200 requests of a round: single invites, reactivations and bulk invites of two. */
function volley(round: number): Shot[] {
  const shots: Shot[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const key = `r${round}-${i}`;
    if (i % 4 === 0)
      shots.push({
        kind: 'reactivate',
        seats: 1,
        key,
        path: `/members/mem-sleeper${i % 12}-example-com/reactivate`,
        // A body like the others' (unread here), so no kind of request reaches the engine sooner.
        body: {},
        ifMatch: '"1"',
      });
    else if (i % 4 === 1)
      shots.push({
        kind: 'bulk',
        seats: 2,
        key,
        path: '/invitations/bulk',
        body: {
          invitations: [
            { email: `bulk${i}a@example.com`, role: 'agent' },
            { email: `bulk${i}b@example.com`, role: 'agent' },
          ],
        },
      });
    else
      shots.push({
        kind: 'invite',
        seats: 1,
        key,
        path: '/invitations',
        body: { email: `racer${i}@example.com`, role: 'agent' },
      });
  }
  return shots;
}

async function send(port: number, account: string, shot: Shot) {
  for (;;) {
    const response = await fetch(`http://127.0.0.1:${port}/api${shot.path}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        'Idempotency-Key': shot.key,
        'x-seatkit-test-account': account,
        'x-seatkit-test-member': OWNER,
        ...(shot.ifMatch ? { 'If-Match': shot.ifMatch } : {}),
      },
      ...(shot.body === undefined ? {} : { body: JSON.stringify(shot.body) }),
    });
    const json = (await response.json()) as { code?: string };
    // The same key still being answered on another process: wait for it, as a client would.
    if (
      response.status === 409 &&
      response.headers.get('Retry-After') &&
      json.code === 'conflict'
    ) {
      await new Promise((r) => setTimeout(r, 5));
      continue;
    }
    return { status: response.status, json, replayed: response.headers.has('Idempotent-Replayed') };
  }
}

/** A deterministic shuffle (a small LCG seeded by `seed`). */
function shuffle<T>(items: T[], seed: number): T[] {
  let state = seed * 2654435761;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

interface RoundResult {
  seatsWon: number;
  active: number;
  pending: number;
  charges: number;
  reactivationsWon: number;
  replays: number;
  winners: Map<string, number>;
  errors: string[];
}

async function round(
  fleet: Fleet,
  seeder: SeatkitHandler,
  account: string,
  n: number,
): Promise<RoundResult> {
  await seeder.controls!.seed(account, lastThreeSeats());
  // Shuffled by the round, so invites, bulk invites and reactivations each win some rounds.
  const shots = shuffle(volley(n), n + 1);
  // 20 of them are sent twice at once, to two processes, with the same key.
  const twice = shots.slice(0, 20);
  const sent = [
    ...shots.map((shot, i) => ({ shot, port: fleet.ports[i % PROCESSES]! })),
    ...twice.map((shot, i) => ({ shot, port: fleet.ports[(i + 1) % PROCESSES]!, again: true })),
  ];
  const answers = await Promise.all(sent.map(({ shot, port }) => send(port, account, shot)));
  const byKey = new Map<string, { status: number; json: unknown; replayed: boolean }[]>();
  answers.forEach((answer, i) => {
    const key = sent[i]!.shot.key;
    byKey.set(key, [...(byKey.get(key) ?? []), answer]);
  });
  const errors: string[] = [];
  let seatsWon = 0;
  let reactivationsWon = 0;
  const winners = new Map<string, number>();
  for (const shot of shots) {
    const [first, second] = byKey.get(shot.key)!;
    const answer = (a: typeof first) => JSON.stringify([a?.status, a?.json]);
    if (second && answer(second) !== answer(first))
      errors.push(`${shot.key}: two answers for one key: ${JSON.stringify([first, second])}`);
    if (first!.status >= 500)
      errors.push(`${shot.key}: ${first!.status} ${JSON.stringify(first!.json)}`);
    if (first!.status < 300) {
      seatsWon += shot.seats;
      winners.set(shot.kind, (winners.get(shot.kind) ?? 0) + shot.seats);
      if (shot.kind === 'reactivate') reactivationsWon++;
    }
  }
  const snapshot = await seeder.controls!.snapshot(account);
  const charges = await seeder.controls!.charges(account);
  return {
    seatsWon,
    active: snapshot.members.filter((m) => m.status === 'active').length,
    pending: snapshot.invitations.filter((i) => !i.acceptedAt && !i.revokedAt).length,
    charges: charges.length,
    reactivationsWon,
    replays: answers.filter((a) => a.replayed).length,
    winners,
    errors,
  };
}

function racesOn(label: string, spec: () => string, skip: string | false) {
  describe(`the last 3 seats across ${PROCESSES} processes: ${label}`, { skip }, () => {
    let fleet: Fleet;
    let opened: OpenedStore;
    let seeder: SeatkitHandler;
    before(async () => {
      opened = await openStore(spec());
      seeder = createSeatkitHandler({ store: opened.store, controls: true, identify: () => null });
      fleet = await startFleet(spec());
    });
    after(async () => {
      await fleet?.stop();
      await opened?.close();
    });

    it(`${ROUNDS} rounds of ${REQUESTS} requests: exactly 3 seats taken, each charge once, one answer per key`, async () => {
      const totals = { won: 0, charges: 0, replays: 0, kinds: new Map<string, number>() };
      for (let n = 0; n < ROUNDS; n++) {
        const r = await round(fleet, seeder, `race-${label}-${process.pid}-${n}`, n);
        assert.deepEqual(r.errors, [], `round ${n}: no server error, one answer per key`);
        assert.equal(r.seatsWon, 3, `round ${n}: seats taken by the requests that succeeded`);
        assert.equal(r.active + r.pending, 5, `round ${n}: the plan's 5 seats in use, no more`);
        assert.equal(r.charges, r.reactivationsWon, `round ${n}: one charge per reactivation`);
        totals.won += r.seatsWon;
        totals.charges += r.charges;
        totals.replays += r.replays;
        for (const [kind, seats] of r.winners)
          totals.kinds.set(kind, (totals.kinds.get(kind) ?? 0) + seats);
      }
      console.log(
        `[races:${label}] ${ROUNDS} rounds × ${REQUESTS + 20} requests on ${PROCESSES} processes: ` +
          `${totals.won} seats won (3 a round: ${[...totals.kinds].map(([k, n]) => `${n} by ${k}`).join(', ')}), ` +
          `${totals.charges} charges, ${totals.replays} replays of a key answered elsewhere`,
      );
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'seatkit-races-'));
after(() => rmSync(dir, { recursive: true, force: true }));

racesOn('SQLite', () => `sqlite:${join(dir, 'races.sqlite')}`, false);
racesOn(
  'PostgreSQL',
  () => `postgres:${POSTGRES}`,
  POSTGRES ? false : 'no PostgreSQL server (set SEATKIT_TEST_POSTGRES_URL, or run .ci/run)',
);

describe('the race test can fail: a store that checks, then writes in another transaction', () => {
  let fleet: Fleet;
  let opened: OpenedStore;
  let seeder: SeatkitHandler;
  const spec = () => `sqlite:${join(dir, 'split.sqlite')}`;
  before(async () => {
    opened = await openStore(spec());
    seeder = createSeatkitHandler({ store: opened.store, controls: true, identify: () => null });
    fleet = await startFleet(spec(), 'split');
  });
  after(async () => {
    await fleet?.stop();
    await opened?.close();
  });

  it('lets more than 3 seats go (the test above would fail on it)', async () => {
    const r = await round(fleet, seeder, `split-${process.pid}`, 0);
    console.log(
      `[races:split] one round on the split store: ${r.seatsWon} seats won, ${r.active + r.pending} of 5 in use`,
    );
    assert.ok(r.seatsWon > 3, `the split store let ${r.seatsWon} seats go`);
  });
});
