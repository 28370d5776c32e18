// The SQLite store beyond what the conformance suite reaches: a failed transaction leaves
// nothing; a read never waits for a write; an Idempotency-Key in flight is answered while its
// write runs; writers in two processes on one file take turns; the counters follow every write
// (random sequences against the memory store); an account's rows are its own; the schema migrates.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { ROLES } from '../../../src/schemas/constants.js';
import type { Role } from '../../../src/schemas/index.js';
import { memoryStore } from '../../../src/server/index.js';
import type { AccountTx, IdempotencyClaim, SeatkitStore } from '../../../src/server/index.js';
import {
  SCHEMA_VERSION,
  migrate,
  schemaVersion,
  sqliteStore,
} from '../../../src/server/sqlite/index.js';
import type { SqliteStore } from '../../../src/server/sqlite/index.js';
import { NOW, accountRecord, invitationRecord, memberRecord } from '../../support/store-records.js';
import { keyInFlight } from '../../support/key-in-flight.js';

const dir = mkdtempSync(join(tmpdir(), 'seatkit-sqlite-store-'));
let files = 0;
const open: { store: SqliteStore; db: Database.Database }[] = [];

/** A store on a fresh file, closed when the tests end. */
function fresh(name = `store-${++files}.sqlite`): {
  store: SqliteStore;
  db: Database.Database;
  file: string;
} {
  const file = join(dir, name);
  const db = new Database(file);
  const store = sqliteStore(db);
  open.push({ store, db });
  return { store, db, file };
}

after(async () => {
  for (const { store, db } of open) {
    await store.close();
    db.close();
  }
  rmSync(dir, { recursive: true, force: true });
});

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Resolves with `promise`'s value, or rejects if it takes longer than `ms`. */
function within<T>(ms: number, promise: Promise<T>, what: string): Promise<T> {
  return Promise.race([
    promise,
    tick(ms).then(() => Promise.reject(new Error(`${what}: still waiting after ${ms} ms`))),
  ]);
}
/** A promise and the function that resolves it. */
function gate(): { wait: Promise<void>; open: () => void } {
  let open = () => undefined as void;
  const wait = new Promise<void>((resolve) => (open = resolve));
  return { wait, open };
}

/** Everything the store answers about an account. */
async function dump(store: SeatkitStore, accountId: string) {
  return store.transaction(accountId, 'read', async (tx) => {
    const members = await tx.allMembers();
    const invitations = await tx.allInvitations();
    const numbers = await tx.phoneNumbers();
    return {
      account: await tx.account(),
      members,
      counts: await tx.memberCounts(),
      invitations,
      pending: await tx.countPendingInvitations(NOW),
      byCanonical: await tx.membersByCanonical(members.map((m) => m.canonical)),
      openByCanonical: await tx.openInvitationsByCanonical(invitations.map((i) => i.canonical)),
      numbers,
      numbersOfMembers: [...(await tx.numbersOfMembers(members.map((m) => m.id)))],
      ringGroups: await tx.ringGroups(),
      ids: await tx.reservedIds(),
      charges: await tx.charges(),
      invoices: await tx.invoices(),
    };
  });
}

async function seedSmall(store: SeatkitStore, accountId: string): Promise<void> {
  await store.transaction(accountId, 'write', async (tx) => {
    await tx.createAccount(accountRecord(accountId));
    await tx.reserveIds(['mem-1', 'mem-2', 'inv-1', 'rg-1']);
    await tx.insertMembers([
      memberRecord('mem-1', 'Olivia Park', 'olivia@example.com', { role: 'owner' }),
      memberRecord('mem-2', 'Tom Becker', 'tom@example.com', { campaigns: ['Q4'] }),
    ]);
    await tx.insertInvitations([invitationRecord('inv-1', 'lena@example.com', 2)]);
    await tx.insertRingGroups([{ id: 'rg-1', name: 'Sales' }]);
    await tx.insertPhoneNumbers([
      { number: '+14155550100', assignee: { type: 'member', memberId: 'mem-1' } },
      { number: '+14155550101', assignee: null },
    ]);
  });
}

describe('a failed transaction leaves nothing', () => {
  it('every kind of write is undone when the work rejects', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    const before = await dump(store, 'acme');
    const failure = new Error('refused halfway');
    await assert.rejects(
      store.transaction('acme', 'write', async (tx) => {
        await tx.updateAccount({ paidSeats: 9, teamIntegrations: ['Zapier'], testNow: null });
        await tx.reserveIds(['mem-3', 'inv-2']);
        await tx.insertMembers([memberRecord('mem-3', 'Ana Souza', 'ana@example.com')]);
        await tx.updateMember('mem-2', { status: 'deactivated', role: 'admin', version: 2 });
        await tx.deleteMember('mem-1');
        await tx.insertInvitations([invitationRecord('inv-2', 'new@example.com', 0)]);
        await tx.updateInvitation('inv-1', { revokedAt: NOW, version: 2 });
        await tx.insertPhoneNumbers([{ number: '+14155550102', assignee: null }]);
        await tx.setAssignee('+14155550101', { type: 'ringGroup', ringGroupId: 'rg-1' });
        await tx.insertRingGroups([{ id: 'rg-2', name: 'Support' }]);
        await tx.insertCharge({
          id: 'ch-1',
          memberId: 'mem-3',
          amount: 1450,
          at: NOW.toISOString(),
          reason: 'acceptance',
        });
        await tx.insertInvoices([{ amount: 5800, seats: 2, date: NOW.toISOString() }]);
        await tx.completeIdempotency({ accountId: 'acme', memberId: 'mem-1' }, 'k', 'fp', {
          status: 201,
          body: { ok: true },
        });
        throw failure;
      }),
      (error) => error === failure,
    );
    assert.deepEqual(await dump(store, 'acme'), before);
  });

  it('a statement SQLite refuses halfway through a batch undoes the rows before it', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    const before = await dump(store, 'acme');
    await assert.rejects(
      store.transaction('acme', 'write', (tx) =>
        tx.insertMembers([
          memberRecord('mem-3', 'Ana Souza', 'ana@example.com'),
          memberRecord('mem-4', 'Tom Again', 'TOM@example.com'),
        ]),
      ),
      /UNIQUE/,
    );
    assert.deepEqual(await dump(store, 'acme'), before);
  });

  it('deleting and seeding an account again is undone as a whole', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    const before = await dump(store, 'acme');
    await assert.rejects(
      store.transaction('acme', 'write', async (tx) => {
        await tx.deleteAccount();
        await tx.createAccount(accountRecord('acme', { planId: 'pro' }));
        throw new Error('the new scenario was not valid');
      }),
    );
    assert.deepEqual(await dump(store, 'acme'), before);
  });
});

describe('transactions', () => {
  it('a read never waits for a write: it sees the last committed state at once', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    const hold = gate();
    const started = gate();
    const writing = store.transaction('acme', 'write', async (tx) => {
      await tx.updateAccount({ teamInbox: 5 });
      started.open();
      await hold.wait;
    });
    await started.wait;
    const seen = await within(
      500,
      store.transaction('acme', 'read', async (tx) => (await tx.account())!.teamInbox),
      'a read during a write',
    );
    assert.equal(seen, 0, 'not the uncommitted 5');
    hold.open();
    await writing;
    assert.equal(
      await store.transaction('acme', 'read', async (tx) => (await tx.account())!.teamInbox),
      5,
    );
  });

  it('writes of one process take turns: the second starts when the first committed', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    const order: string[] = [];
    const hold = gate();
    const first = store.transaction('acme', 'write', async (tx) => {
      order.push('first begins');
      const a = await tx.account();
      await hold.wait;
      await tx.updateAccount({ teamInbox: a!.teamInbox + 1 });
      order.push('first ends');
    });
    const second = store.transaction('acme', 'write', async (tx) => {
      order.push('second begins');
      const a = await tx.account();
      await tx.updateAccount({ teamInbox: a!.teamInbox + 1 });
    });
    await tick(20);
    hold.open();
    await Promise.all([first, second]);
    assert.deepEqual(order, ['first begins', 'first ends', 'second begins']);
    assert.equal((await dump(store, 'acme')).account!.teamInbox, 2);
  });

  it('writers in two processes on one file take turns (BEGIN IMMEDIATE), none lost', async () => {
    const { store, file } = fresh();
    await seedSmall(store, 'acme');
    const times = 40;
    // Both start at one moment, whatever their start-up took.
    const startAt = String(Date.now() + 3000);
    const child = () =>
      new Promise<[number, number][]>((resolve, reject) => {
        const p = spawn(
          process.execPath,
          [
            '--import',
            'tsx',
            join(import.meta.dirname, '../../support/sqlite-writer.ts'),
            file,
            'acme',
            String(times),
            startAt,
          ],
          { stdio: ['ignore', 'pipe', 'inherit'] },
        );
        let out = '';
        p.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
        p.on('close', (code) =>
          code === 0
            ? resolve(JSON.parse(out) as [number, number][])
            : reject(new Error(`writer exited ${code}`)),
        );
      });
    const [a, b] = await Promise.all([child(), child()]);
    assert.equal((await dump(store, 'acme')).account!.teamInbox, 2 * times, 'no increment lost');
    // Both really ran at the same time (their transactions interleave), and no two overlapped.
    const spans = [...a, ...b].sort((x, y) => x[0] - y[0]);
    assert.ok(Math.min(a.at(-1)![1], b.at(-1)![1]) > Math.max(a[0]![0], b[0]![0]), 'interleaved');
    for (let i = 1; i < spans.length; i++)
      assert.ok(spans[i]![0] >= spans[i - 1]![1], `transaction ${i} began before ${i - 1} ended`);
  });

  it('a read transaction cannot write, and a transaction cannot be used after it ended', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    await assert.rejects(
      store.transaction('acme', 'read', (tx) => tx.updateAccount({ teamInbox: 1 })),
      /read transaction cannot write/,
    );
    let leaked: AccountTx | null = null;
    await store.transaction('acme', 'write', async (tx) => {
      leaked = tx;
    });
    await assert.rejects(leaked!.account(), /transaction is over/);
    await assert.rejects(leaked!.updateAccount({ teamInbox: 1 }), /transaction is over/);
  });
});

describe('idempotency', () => {
  const scope = { accountId: 'acme', memberId: 'mem-1' };
  const limits = { inFlightMs: 60_000, retainMs: 3_600_000 };
  const at = (ms: number) => new Date(NOW.getTime() + ms);

  it('a key in flight is answered at once while its write transaction runs', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    assert.deepEqual(await store.claimIdempotency(scope, 'k', 'fp', NOW, limits), {
      state: 'claimed',
    });
    const hold = gate();
    const started = gate();
    const request = store.transaction('acme', 'write', async (tx) => {
      started.open();
      await hold.wait;
      await tx.completeIdempotency(scope, 'k', 'fp', { status: 201, body: { id: 'inv-9' } });
    });
    await started.wait;
    assert.deepEqual(
      await within(500, store.claimIdempotency(scope, 'k', 'fp', at(10), limits), 'the claim'),
      { state: 'in_flight' },
    );
    hold.open();
    await request;
    assert.deepEqual(await store.claimIdempotency(scope, 'k', 'other', at(20), limits), {
      state: 'done',
      fingerprint: 'fp',
      response: { status: 201, body: { id: 'inv-9' } },
    });
  });

  it('the engine answers 409 to a second request with a key still being answered', async () => {
    const { store } = fresh();
    const flight = await keyInFlight(store);
    const second = await within(1000, flight.send(), 'the second request');
    assert.equal(second.status, 409);
    flight.release();
    assert.equal((await flight.first).status, 201);
    const third = await flight.send();
    assert.equal(third.status, 201);
    assert.equal(third.headers.get('Idempotent-Replayed'), 'true');
  });

  it('claims, completes, replays, expires and releases as the memory store does', async () => {
    type Step = (store: SeatkitStore) => Promise<unknown>;
    const claim =
      (
        key: string,
        fingerprint: string,
        ms: number,
        memberId = 'mem-1',
        accountId = 'acme',
      ): Step =>
      (store) =>
        store.claimIdempotency({ accountId, memberId }, key, fingerprint, at(ms), limits);
    const complete =
      (key: string, fingerprint: string, body: unknown): Step =>
      (store) =>
        store.transaction('acme', 'write', (tx) =>
          tx.completeIdempotency(scope, key, fingerprint, { status: 200, body }),
        );
    const release =
      (key: string): Step =>
      (store) =>
        store.releaseIdempotency(scope, key);
    const steps: Step[] = [
      claim('a', 'fp-a', 0),
      claim('a', 'fp-a', 1000),
      claim('a', 'fp-a', 59_999),
      claim('a', 'fp-a2', 60_000), // abandoned: claimed again
      complete('a', 'fp-a2', { n: 1 }),
      claim('a', 'fp-x', 61_000), // done: replayed with its fingerprint
      release('a'), // a done key is kept
      claim('a', 'fp-a2', 62_000),
      claim('a', 'fp-a3', 60_000 + 3_600_000), // past retention: claimed again
      claim('b', 'fp-b', 0),
      release('b'),
      claim('b', 'fp-b', 10), // released: claimed again
      claim('b', 'fp-b', 20, 'mem-2'), // another member's key
      claim('b', 'fp-b', 30, 'mem-2'),
      claim('c', 'fp-c', 0, 'mem-1', 'nobody'), // no such account: claimed, nothing kept
      claim('c', 'fp-c', 0, 'mem-1', 'nobody'),
      complete('d', 'fp-d', [1, 2]), // completed without a claim
      claim('d', 'fp-d', 0),
    ];
    const run = async (store: SeatkitStore) => {
      await seedSmall(store, 'acme');
      const answers: unknown[] = [];
      for (const step of steps) answers.push(await step(store));
      return answers;
    };
    const expected = await run(memoryStore());
    assert.deepEqual(await run(fresh().store), expected);
    assert.deepEqual((expected[5] as IdempotencyClaim).state, 'done');
  });

  it('old keys are swept as new ones are claimed', async () => {
    const { store, db } = fresh();
    await seedSmall(store, 'acme');
    for (let i = 0; i < 40; i++) await store.claimIdempotency(scope, `old-${i}`, 'fp', NOW, limits);
    const keys = () =>
      (db.prepare('SELECT count(*) AS n FROM seatkit_idempotency').get() as { n: number }).n;
    assert.equal(keys(), 40);
    await store.claimIdempotency(scope, 'new', 'fp', at(limits.retainMs), limits);
    assert.ok(keys() <= 40 - 32 + 1, `${keys()} keys left`);
  });
});

describe('counters and lookups follow every write (random sequences, against the memory store)', () => {
  const role = fc.constantFrom<Role>(...ROLES);
  const who = fc.integer({ min: 0, max: 5 });
  const command = fc.oneof(
    fc.record({ kind: fc.constant('add' as const), who, role, deactivated: fc.boolean() }),
    fc.record({ kind: fc.constant('update' as const), who, role, deactivated: fc.boolean() }),
    fc.record({ kind: fc.constant('rename' as const), who }),
    fc.record({ kind: fc.constant('delete' as const), who }),
    fc.record({
      kind: fc.constant('invite' as const),
      who,
      role,
      daysAgo: fc.constantFrom(0, 6, 7, 9),
    }),
    fc.record({
      kind: fc.constant('close' as const),
      who,
      how: fc.constantFrom('acceptedAt', 'revokedAt', 'resend'),
    }),
    fc.record({
      kind: fc.constant('assign' as const),
      who,
      number: fc.integer({ min: 0, max: 2 }),
    }),
    fc.record({ kind: fc.constant('reserve' as const), who }),
  );
  type Command = typeof command extends fc.Arbitrary<infer C> ? C : never;

  async function apply(tx: AccountTx, c: Command, step: number): Promise<void> {
    const memberId = `mem-${c.who}`;
    const email = `p${c.who}@example.com`;
    switch (c.kind) {
      case 'add':
        if (!(await tx.member(memberId)) && !(await tx.membersByCanonical([email])).length)
          await tx.insertMembers([
            memberRecord(memberId, `Person ${c.who}`, email, {
              role: c.role,
              status: c.deactivated ? 'deactivated' : 'active',
            }),
          ]);
        return;
      case 'update':
        if (await tx.member(memberId))
          await tx.updateMember(memberId, {
            role: c.role,
            status: c.deactivated ? 'deactivated' : 'active',
          });
        return;
      case 'rename':
        if (await tx.member(memberId))
          await tx.updateMember(memberId, { name: `Renamed ${step}`, nameKey: `renamed ${step}` });
        return;
      case 'delete':
        await tx.deleteMember(memberId);
        return;
      case 'invite':
        await tx.insertInvitations([
          invitationRecord(`inv-${step}`, email, c.daysAgo, { role: c.role }),
        ]);
        return;
      case 'close': {
        const [open] = await tx.openInvitationsByCanonical([email]);
        if (!open) return;
        await tx.updateInvitation(
          open.id,
          c.how === 'resend'
            ? { sentAt: NOW, expiresAt: new Date(NOW.getTime() + 7 * 86_400_000) }
            : { [c.how]: NOW },
        );
        return;
      }
      case 'assign':
        await tx.setAssignee(
          `+1415555010${c.number}`,
          (await tx.member(memberId)) ? { type: 'member', memberId } : null,
        );
        return;
      case 'reserve':
        await tx.reserveIds([`mem-${c.who}`, `x-${step}`, `x-${step}`]);
        return;
    }
  }

  it('the same answers after every step, and nothing of a failed step', async () => {
    const { store: sqlite } = fresh();
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({
            commands: fc.array(command, { minLength: 1, maxLength: 3 }),
            fails: fc.boolean(),
          }),
          {
            minLength: 1,
            maxLength: 12,
          },
        ),
        async (steps) => {
          const accountId = `seq-${++n}`;
          const memory = memoryStore();
          for (const store of [memory, sqlite])
            await store.transaction(accountId, 'write', async (tx) => {
              await tx.createAccount(accountRecord(accountId));
              await tx.insertPhoneNumbers(
                [0, 1, 2].map((i) => ({ number: `+1415555010${i}`, assignee: null })),
              );
            });
          let step = 0;
          for (const { commands, fails } of steps) {
            step++;
            for (const store of [memory, sqlite]) {
              const work = store.transaction(accountId, 'write', async (tx) => {
                for (const [i, c] of commands.entries()) await apply(tx, c, step * 10 + i);
                if (fails) throw new Error('refused');
              });
              if (fails) await assert.rejects(work, /refused/);
              else await work;
            }
            const [m, s] = [await dump(memory, accountId), await dump(sqlite, accountId)];
            // Where the order is the store's own, compare sets: the memory store moves an entry
            // to the end of its Map or Set when a change is undone (and an invitation when it is
            // resent); SQLite keeps rows where they were.
            const byId = <T extends { id: string }>(rows: T[]) =>
              [...rows].sort((a, b) => (a.id < b.id ? -1 : 1));
            const unordered = (d: typeof m) => ({
              ...d,
              members: byId(d.members),
              byCanonical: byId(d.byCanonical),
              openByCanonical: byId(d.openByCanonical),
            });
            assert.deepEqual(unordered(s), unordered(m));
          }
        },
      ),
      { numRuns: process.env.SEATKIT_DEEP === '1' ? 500 : 60 },
    );
  });

  it('reserves 100,000 ids in one call, and none of them twice', async () => {
    const { store } = fresh();
    await seedSmall(store, 'acme');
    const ids = Array.from({ length: 100_000 }, (_, i) => `inv-bulk-${i}`);
    const first = await store.transaction('acme', 'write', (tx) => tx.reserveIds(ids));
    assert.equal(first.size, 100_000);
    const again = await store.transaction('acme', 'write', (tx) =>
      tx.reserveIds(['inv-bulk-7', 'inv-new', 'inv-new', 'mem-1']),
    );
    assert.deepEqual([...again], ['inv-new']);
    const reserved = await store.transaction('acme', 'read', (tx) => tx.reservedIds());
    assert.deepEqual(reserved.slice(4, 6), ['inv-bulk-0', 'inv-bulk-1'], 'in the order reserved');
    assert.equal(reserved.at(-1), 'inv-new');
  });
});

describe('accounts', () => {
  it("every table is keyed by account, and an account's deletion leaves the others whole", async () => {
    const { store, db } = fresh();
    await seedSmall(store, 'acme');
    await seedSmall(store, 'globex');
    await store.claimIdempotency({ accountId: 'acme', memberId: 'mem-1' }, 'k', 'fp', NOW, {
      inFlightMs: 1,
      retainMs: 1,
    });
    await store.transaction('acme', 'write', async (tx) => {
      await tx.insertCharge({
        id: 'ch-1',
        memberId: 'mem-1',
        amount: 1,
        at: NOW.toISOString(),
        reason: 'acceptance',
      });
      await tx.insertInvoices([{ amount: 1, seats: 2, date: NOW.toISOString() }]);
    });
    const globex = await dump(store, 'globex');
    const tables = (
      db
        .prepare(
          `SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'seatkit\\_%' ESCAPE '\\'`,
        )
        .all() as { name: string }[]
    )
      .map((t) => t.name)
      .filter((name) => name !== 'seatkit_schema');
    assert.ok(tables.length >= 10, tables.join());
    const rowsOf = (accountId: string) =>
      Object.fromEntries(
        tables.map((table) => {
          const column = table === 'seatkit_accounts' ? 'id' : 'account_id';
          const { n } = db
            .prepare(`SELECT count(*) AS n FROM ${table} WHERE ${column} = ?`)
            .get(accountId) as {
            n: number;
          };
          return [table, n];
        }),
      );
    for (const [table, n] of Object.entries(rowsOf('acme')))
      assert.ok(n > 0, `acme has rows in ${table}`);
    await store.transaction('acme', 'write', (tx) => tx.deleteAccount());
    for (const [table, n] of Object.entries(rowsOf('acme')))
      assert.equal(n, 0, `acme left rows in ${table}`);
    assert.deepEqual(await dump(store, 'globex'), globex);
    assert.equal(await store.transaction('acme', 'read', (tx) => tx.account()), null);
  });
});

describe('schema', () => {
  it('migrates a new file once, in WAL mode, beside an application’s own tables', () => {
    const db = new Database(join(dir, 'app.sqlite'));
    db.exec('CREATE TABLE members (id INTEGER PRIMARY KEY, name TEXT)');
    assert.deepEqual(migrate(db), { from: 0, to: SCHEMA_VERSION });
    assert.deepEqual(migrate(db), { from: SCHEMA_VERSION, to: SCHEMA_VERSION });
    assert.equal(schemaVersion(db), SCHEMA_VERSION);
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    db.close();
  });

  it('refuses a file from a newer version, and a file not migrated when told not to migrate', () => {
    const newer = new Database(join(dir, 'newer.sqlite'));
    migrate(newer);
    newer.prepare('UPDATE seatkit_schema SET version = ?').run(SCHEMA_VERSION + 1);
    assert.throws(() => migrate(newer), /newer than this version of seatkit/);
    assert.throws(() => sqliteStore(newer), /newer than this version of seatkit/);
    newer.close();
    const empty = new Database(join(dir, 'empty.sqlite'));
    assert.throws(() => sqliteStore(empty, { migrate: false }), /Run migrate\(db\)/);
    empty.close();
  });
});
