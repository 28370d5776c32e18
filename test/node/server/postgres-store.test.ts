/// <reference types="node" preserve="true" />
// The PostgreSQL store where the conformance suite does not reach: a failed transaction leaves
// nothing behind; Idempotency-Key claims; batches; the list order and keyset pages equal to the
// memory store's on random teams (PGlite). On a server (SEATKIT_TEST_POSTGRES_URL): a read never
// waits for a write, a claim never waits for a write, and two pools on one database write one
// account one transaction at a time.
import { after, before, describe, it, test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { memberNameKey } from '../../../src/rules/order.js';
import { ROLES } from '../../../src/schemas/constants.js';
import { memoryStore } from '../../../src/server/index.js';
import type {
  AccountTx,
  EntryQuery,
  InvitationRecord,
  MemberRecord,
  SeatkitStore,
} from '../../../src/server/index.js';
import { migrate, postgresStore } from '../../../src/server/postgres/index.js';
import type { PostgresClient, PostgresStore } from '../../../src/server/postgres/index.js';
import { POSTGRES_URL, SERVER_SKIP, pglite, serverSchema } from './postgres-setup.js';
import { NOW, accountRecord, invitationRecord, memberRecord } from '../../support/store-records.js';
import { listedPage, listedPages } from '../../support/list-pages.js';

const DAY = 86_400_000;
let accounts = 0;
const nextAccount = () => `pg-store-${process.pid}-${++accounts}`;

/** A member whose email is `<id>@example.com`. */
const member = (
  id: string,
  name: string,
  role: MemberRecord['role'] = 'agent',
  status: MemberRecord['status'] = 'active',
): MemberRecord => memberRecord(id, name, `${id}@example.com`, { role, status });

/** An invitation sent at `sentAt`, still open or already accepted or revoked (then, too). */
const invitation = (
  id: string,
  email: string,
  role: InvitationRecord['role'],
  sentAt: Date,
  closed: 'accepted' | 'revoked' | null = null,
): InvitationRecord =>
  invitationRecord(id, email, (NOW.getTime() - sentAt.getTime()) / DAY, {
    role,
    acceptedAt: closed === 'accepted' ? sentAt : null,
    revokedAt: closed === 'revoked' ? sentAt : null,
  });

async function seed(
  store: SeatkitStore,
  accountId: string,
  members: MemberRecord[],
  invitations: InvitationRecord[] = [],
): Promise<void> {
  await store.transaction(accountId, 'write', async (tx) => {
    await tx.createAccount(accountRecord(accountId));
    await tx.insertMembers(members);
    await tx.insertInvitations(invitations);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A write transaction that does `work` and stays open until `release()`; `inside`: it is. */
function heldWrite(
  store: SeatkitStore,
  accountId: string,
  work: (tx: AccountTx) => Promise<unknown> = (tx) => tx.account(),
) {
  let release!: () => void;
  let entered!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const inside = new Promise<void>((resolve) => (entered = resolve));
  const done = store.transaction(accountId, 'write', async (tx) => {
    await work(tx);
    entered();
    await held;
  });
  return { inside, release, done };
}

const LIMITS = { inFlightMs: 60_000, retainMs: 24 * 3600_000 };

/** The tests every PostgreSQL store passes, on PGlite and on a server. */
type Register = (name: string, fn: () => Promise<void>) => unknown;

function storeTests(open: () => PostgresStore, it: Register = test) {
  it('a failed transaction leaves nothing behind: rows, account fields, counters', async () => {
    const store = open();
    const id = nextAccount();
    await seed(store, id, [member('a', 'Ada'), member('b', 'Bo', 'admin')]);
    await assert.rejects(
      store.transaction(id, 'write', async (tx) => {
        await tx.insertMembers([member('c', 'Cy')]);
        await tx.updateMember('a', { status: 'deactivated', version: 2 });
        await tx.deleteMember('b');
        await tx.updateAccount({ paidSeats: 9, teamIntegrations: [] });
        await tx.insertInvitations([invitation('i1', 'x@example.com', 'agent', NOW)]);
        await tx.reserveIds(['mem-c']);
        throw new Error('refused halfway');
      }),
      /refused halfway/,
    );
    await store.transaction(id, 'read', async (tx) => {
      assert.deepEqual(
        (await tx.allMembers()).map((m) => [m.id, m.status]),
        [
          ['a', 'active'],
          ['b', 'active'],
        ],
      );
      assert.deepEqual(await tx.memberCounts(), { active: 2, deactivated: 0 });
      const account = await tx.account();
      assert.equal(account?.paidSeats, 2);
      assert.deepEqual(account?.teamIntegrations, ['Slack']);
      assert.deepEqual(await tx.allInvitations(), []);
      assert.deepEqual(await tx.reservedIds(), []);
      const page = await tx.listEntries(query({ limit: 10 }));
      assert.equal(page.total, 2);
    });
  });

  it('a statement the database refuses rolls back, and the store goes on', async () => {
    const store = open();
    const id = nextAccount();
    await seed(store, id, [member('a', 'Ada')]);
    await assert.rejects(
      store.transaction(id, 'write', async (tx) => {
        await tx.updateAccount({ paidSeats: 7 });
        await tx.insertMembers([member('a', 'Ada again')]); // the same id: a unique violation
      }),
    );
    const after = await store.transaction(id, 'read', async (tx) => ({
      account: await tx.account(),
      members: await tx.allMembers(),
    }));
    assert.equal(after.account?.paidSeats, 2);
    assert.equal(after.members.length, 1);
  });

  it('writes queued together commit together, and one refused is rolled back alone', async () => {
    const store = open();
    const id = nextAccount();
    await seed(store, id, [member('a', 'Ada')]);
    // While one write runs, three more queue: they run as one batch after it.
    const first = heldWrite(store, id);
    await first.inside;
    const b = store.transaction(id, 'write', async (tx) => {
      await tx.member('a'); // read before it changes: no stale copy may survive the update
      await tx.insertMembers([member('b', 'Bo')]);
      await tx.updateMember('a', { role: 'admin', version: 2 });
    });
    const c = store.transaction(id, 'write', async (tx) => {
      await tx.insertMembers([member('c', 'Cy')]);
      await tx.updateAccount({ paidSeats: 40 });
      await tx.completeIdempotency({ accountId: id, memberId: 'a' }, 'kc', 'f', {
        status: 201,
        body: {},
      });
      // Refused while a read of its own is still on its way: that answer must not outlive it.
      await Promise.all([
        tx.membersByCanonical(['c@example.com']),
        Promise.reject(new Error('c is refused')),
      ]);
    });
    const d = store.transaction(id, 'write', async (tx) => {
      const sawB = (await tx.member('b')) !== null;
      const sawC = (await tx.member('c')) !== null;
      const roleOfA = (await tx.member('a'))?.role;
      await tx.insertMembers([member('d', 'Di')]);
      await tx.updateAccount({ paidSeats: (await tx.account())!.paidSeats + 1 });
      return { sawB, sawC, roleOfA, counts: await tx.memberCounts() };
    });
    first.release();
    await first.done;
    await b;
    await assert.rejects(c, /c is refused/);
    assert.deepEqual(await d, {
      sawB: true,
      sawC: false,
      roleOfA: 'admin',
      counts: { active: 3, deactivated: 0 },
    });
    await store.transaction(id, 'read', async (tx) => {
      assert.deepEqual(
        (await tx.allMembers()).map((m) => m.id),
        ['a', 'b', 'd'],
      );
      assert.deepEqual(await tx.memberCounts(), { active: 3, deactivated: 0 });
      assert.equal((await tx.account())!.paidSeats, 3);
    });
    const claim = await store.claimIdempotency(
      { accountId: id, memberId: 'a' },
      'kc',
      'f',
      NOW,
      LIMITS,
    );
    assert.deepEqual(claim, { state: 'claimed' }, 'the refused write kept no response');
  });

  it('a batch whose COMMIT fails rejects every write in it', async () => {
    const base = open().client;
    let failCommit = false;
    // The same database, with a COMMIT that fails when asked to.
    const failing: PostgresClient = {
      ...base,
      async connect() {
        const session = await base.connect();
        return {
          ...session,
          query: (text, params) => {
            if (failCommit && text === 'COMMIT') {
              failCommit = false;
              return Promise.reject(new Error('the connection dropped at COMMIT'));
            }
            return session.query(text, params);
          },
          script: (sql) => session.script(sql),
          release: (error) => session.release(error),
        } as typeof session;
      },
    };
    const store = postgresStore(failing);
    const id = nextAccount();
    await seed(store, id, [member('a', 'Ada')]);
    const first = heldWrite(store, id);
    await first.inside;
    const writes = ['x', 'y'].map((m) =>
      store.transaction(id, 'write', (tx) => tx.insertMembers([member(m, m)])),
    );
    first.release();
    await first.done;
    failCommit = true;
    for (const w of writes) await assert.rejects(w, /dropped at COMMIT/);
    assert.deepEqual(
      await store.transaction(id, 'read', async (tx) => (await tx.allMembers()).map((m) => m.id)),
      ['a'],
    );
  });

  it('an account id with quotes, dollars and SQL in it is only an id', async () => {
    const store = open();
    for (const id of [`o'brien$id$; DROP TABLE seatkit_members; --`, `$$x$id$`, `plain'quote`]) {
      await seed(store, id, [member('a', 'Ada')]);
      await store.transaction(id, 'write', (tx) => tx.updateAccount({ paidSeats: 3 }));
      const account = await store.transaction(id, 'read', (tx) => tx.account());
      assert.equal(account?.id, id);
      assert.equal(account?.paidSeats, 3);
    }
  });

  it('a read transaction refuses to write; a missing account reads as null', async () => {
    const store = open();
    const id = nextAccount();
    await assert.rejects(
      store.transaction(id, 'read', (tx) => tx.updateAccount({ paidSeats: 1 })),
      /A read transaction cannot write/,
    );
    assert.equal(await store.transaction(id, 'write', (tx) => tx.account()), null);
  });

  it('counts from the counters and the expiry index', async () => {
    const store = open();
    const id = nextAccount();
    await seed(
      store,
      id,
      [member('a', 'A'), member('b', 'B', 'admin', 'deactivated'), member('c', 'C')],
      [
        invitation('p1', 'p1@example.com', 'agent', new Date(NOW.getTime() - DAY)),
        invitation('p2', 'p2@example.com', 'admin', NOW),
        invitation('e1', 'e1@example.com', 'agent', new Date(NOW.getTime() - 8 * DAY)),
        invitation('x1', 'x1@example.com', 'agent', NOW, 'accepted'),
      ],
    );
    await store.transaction(id, 'write', async (tx) => {
      await tx.updateMember('c', { status: 'deactivated', version: 2 });
      await tx.updateInvitation('p2', { revokedAt: NOW, version: 2 });
    });
    await store.transaction(id, 'read', async (tx) => {
      assert.deepEqual(await tx.memberCounts(), { active: 1, deactivated: 2 });
      assert.equal(await tx.countPendingInvitations(NOW), 1);
      assert.equal(await tx.countPendingInvitations(new Date(NOW.getTime() + 7 * DAY)), 0);
      const totals = async (q: Partial<EntryQuery>) => (await tx.listEntries(query(q))).total;
      assert.equal(await totals({}), 5, '3 members and 2 open invitations');
      assert.equal(await totals({ status: 'pending' }), 1);
      assert.equal(await totals({ status: 'expired' }), 1);
      assert.equal(await totals({ status: 'deactivated' }), 2);
      assert.equal(await totals({ role: 'agent' }), 4);
      assert.equal(await totals({ role: 'agent', invitations: false }), 2);
      assert.equal(await totals({ search: 'e1@' }), 1);
    });
  });

  it('batches: 25,000 invitations and their ids in one call each', async () => {
    const store = open();
    const id = nextAccount();
    await seed(store, id, [member('owner', 'Owner', 'owner')]);
    const many = Array.from({ length: 25_000 }, (_, i) =>
      invitation(`inv-${i}`, `bulk${i}@example.com`, 'agent', NOW),
    );
    await store.transaction(id, 'write', async (tx) => {
      const reserved = await tx.reserveIds([...many.map((i) => i.id), 'inv-0', 'extra']);
      assert.equal(reserved.size, 25_001, 'a repeated id is reserved once');
      assert.equal((await tx.reserveIds(['inv-1', 'extra', 'new'])).size, 1);
      await tx.insertInvitations(many);
    });
    await store.transaction(id, 'read', async (tx) => {
      assert.equal(await tx.countPendingInvitations(NOW), 25_000);
      const found = await tx.openInvitationsByCanonical(['bulk7@example.com', 'bulk3@example.com']);
      assert.deepEqual(
        found.map((i) => i.id),
        ['inv-7', 'inv-3'],
        'in the order asked',
      );
      assert.equal((await tx.reservedIds()).at(-1), 'new');
    });
  });

  it('Idempotency-Key claims: claimed, in flight, done, released, abandoned, expired', async () => {
    const store = open();
    const id = nextAccount();
    await seed(store, id, [member('a', 'Ada', 'owner')]);
    const scope = { accountId: id, memberId: 'a' };
    const claim = (key: string, at = NOW, fingerprint = 'POST /x {}') =>
      store.claimIdempotency(scope, key, fingerprint, at, LIMITS);
    assert.deepEqual(await claim('k1'), { state: 'claimed' });
    assert.deepEqual(await claim('k1'), { state: 'in_flight' });
    const response = { status: 201, body: { id: 'inv-1', nested: { b: 1, a: [2] } } };
    await store.transaction(id, 'write', (tx) =>
      tx.completeIdempotency(scope, 'k1', 'POST /x {}', response),
    );
    assert.deepEqual(await claim('k1', new Date(NOW.getTime() + 1000), 'other'), {
      state: 'done',
      fingerprint: 'POST /x {}',
      response,
    });
    // Another member's key of the same name is another key.
    assert.deepEqual(
      await store.claimIdempotency({ accountId: id, memberId: 'b' }, 'k1', 'f', NOW, LIMITS),
      { state: 'claimed' },
    );
    // Released (its request was refused): free again.
    assert.deepEqual(await claim('k2'), { state: 'claimed' });
    await store.releaseIdempotency(scope, 'k2');
    assert.deepEqual(await claim('k2'), { state: 'claimed' });
    // A claim never completed is abandoned after inFlightMs; a kept response after retainMs.
    assert.deepEqual(await claim('k2', new Date(NOW.getTime() + LIMITS.inFlightMs - 1)), {
      state: 'in_flight',
    });
    assert.deepEqual(await claim('k2', new Date(NOW.getTime() + LIMITS.inFlightMs)), {
      state: 'claimed',
    });
    const later = new Date(NOW.getTime() + LIMITS.retainMs);
    assert.deepEqual(await claim('k1', later, 'new request'), { state: 'claimed' });
    // No account: claimed, and nothing kept.
    const none = { accountId: nextAccount(), memberId: 'a' };
    assert.deepEqual(await store.claimIdempotency(none, 'k', 'f', NOW, LIMITS), {
      state: 'claimed',
    });
    assert.deepEqual(await store.claimIdempotency(none, 'k', 'f', NOW, LIMITS), {
      state: 'claimed',
    });
  });

  it('an expired key is swept by a later claim', async () => {
    const store = open();
    const id = nextAccount();
    await seed(store, id, [member('a', 'Ada', 'owner')]);
    const scope = { accountId: id, memberId: 'a' };
    for (const key of ['old1', 'old2']) await store.claimIdempotency(scope, key, 'f', NOW, LIMITS);
    await store.claimIdempotency(scope, 'new', 'f', new Date(NOW.getTime() + 2 * DAY), LIMITS);
    const { rows } = await store.client.query<{ key: string }>(
      'SELECT key FROM seatkit_idempotency_keys WHERE account_id = $1 ORDER BY key',
      [id],
    );
    assert.deepEqual(
      rows.map((r) => r.key),
      ['new'],
    );
  });
}

/** An EntryQuery with defaults. */
function query(q: Partial<EntryQuery>): EntryQuery {
  return {
    search: null,
    role: null,
    status: null,
    sort: 'name',
    direction: 'asc',
    after: null,
    limit: 50,
    now: NOW,
    invitations: true,
    ...q,
  };
}

// Names that meet in every way the order can tell apart: case, accents, a shared prefix, the
// same name twice (the id decides), and characters outside ASCII.
const NAME = fc
  .array(fc.constantFrom('a', 'b', 'A', 'é', 'É', 'z', ' ', '-', 'ß', 'ø', '中', 'Ω'), {
    minLength: 1,
    maxLength: 4,
  })
  .map((chars) => chars.join(''));

const TEAM = fc.record({
  members: fc.array(
    fc.record({
      name: NAME,
      role: fc.constantFrom(...ROLES),
      status: fc.constantFrom('active' as const, 'deactivated' as const),
    }),
    { maxLength: 30 },
  ),
  invitations: fc.array(
    fc.record({
      local: NAME,
      role: fc.constantFrom('admin' as const, 'supervisor' as const, 'agent' as const),
      /** Days before NOW it was sent: 7 or more is expired. */
      age: fc.integer({ min: 0, max: 10 }),
      closed: fc.constantFrom(null, null, null, 'accepted' as const, 'revoked' as const),
    }),
    { maxLength: 15 },
  ),
});

const QUERY = fc.record({
  sort: fc.constantFrom('name' as const, 'role' as const, 'status' as const),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
  role: fc.constantFrom(null, null, ...ROLES),
  status: fc.constantFrom(
    null,
    null,
    'active',
    'deactivated',
    'pending',
    'expired',
  ) as fc.Arbitrary<EntryQuery['status']>,
  search: fc.constantFrom(null, null, 'a', 'é', 'b@', 'ex', ' ', 'zz', '中'),
  limit: fc.integer({ min: 1, max: 12 }),
  invitations: fc.boolean(),
  /** Hours after NOW the list is read at: invitations expire between pages of time. */
  hours: fc.integer({ min: 0, max: 72 }),
});

/** A key between, before or after the entries: where a cursor may point. */
const CURSOR = fc.record({
  rank: fc.integer({ min: -1, max: 4 }),
  nameKey: fc.oneof(NAME.map(memberNameKey), fc.constant('')),
  id: fc.constantFrom('', 'm0', 'm5', 'i3', 'zz'),
});

describe('postgresStore on PGlite', () => {
  let client: PostgresClient;
  let close = async () => undefined as unknown;
  before(async () => {
    const opened = await pglite();
    client = opened.client;
    close = () => opened.db.close();
  });
  after(() => close());

  storeTests(() => postgresStore(client));

  it('lists in the memory store’s order, page by page, on random teams and queries', async () => {
    const pg = postgresStore(client);
    const memory = memoryStore();
    await fc.assert(
      fc.asyncProperty(
        TEAM,
        fc.array(QUERY, { minLength: 1, maxLength: 4 }),
        CURSOR,
        async (team, queries, cursor) => {
          const id = nextAccount();
          const members = team.members.map((m, i) => member(`m${i}`, m.name, m.role, m.status));
          const invitations = team.invitations.map((v, i) =>
            invitation(
              `i${i}`,
              `${v.local}${i % 3}@example.com`,
              v.role,
              new Date(NOW.getTime() - v.age * DAY),
              v.closed,
            ),
          );
          for (const store of [pg, memory]) await seed(store, id, members, invitations);
          for (const raw of queries) {
            const q = query({ ...raw, now: new Date(NOW.getTime() + raw.hours * 3600_000) });
            assert.deepEqual(
              await listedPages(pg, id, q),
              await listedPages(memory, id, q),
              JSON.stringify(raw),
            );
            // A page after any position, not only one the list handed out.
            const from = { ...q, after: cursor };
            assert.deepEqual(
              await listedPage(pg, id, from),
              await listedPage(memory, id, from),
              JSON.stringify(cursor),
            );
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('postgresStore on a PostgreSQL server', () => {
  // The timeout guards against a hang (a read that waits for a held write never finishes); it
  // is not a speed check.
  const serverIt = (name: string, fn: () => Promise<void>) =>
    it(name, POSTGRES_URL ? { timeout: 60_000 } : { skip: SERVER_SKIP }, fn);
  let schema: Awaited<ReturnType<typeof serverSchema>>;
  let shared: PostgresStore;
  if (POSTGRES_URL) {
    before(async () => {
      schema = await serverSchema();
      await migrate(schema.client(1));
      shared = postgresStore(schema.client());
    });
    after(() => schema.drop());
  }

  describe('the tests every store passes', () => {
    storeTests(() => shared, POSTGRES_URL ? it : (name, fn) => it(name, { skip: SERVER_SKIP }, fn));
  });

  serverIt('a read never waits for a write of its account, and sees its last commit', async () => {
    const id = nextAccount();
    await seed(shared, id, [member('a', 'Ada')]);
    const write = heldWrite(shared, id, (tx) => tx.insertMembers([member('b', 'Bo')]));
    await write.inside;
    // The write is released only after the read is answered: a read that waited would never be.
    const seen = await shared.transaction(id, 'read', async (tx) => ({
      members: (await tx.allMembers()).map((m) => m.id),
      counts: await tx.memberCounts(),
    }));
    assert.deepEqual(seen, { members: ['a'], counts: { active: 1, deactivated: 0 } });
    write.release();
    await write.done;
    assert.deepEqual(
      await shared.transaction(id, 'read', async (tx) => (await tx.allMembers()).map((m) => m.id)),
      ['a', 'b'],
    );
  });

  serverIt('a claim never waits for the write that answers its key: in flight', async () => {
    const id = nextAccount();
    await seed(shared, id, [member('a', 'Ada', 'owner')]);
    const scope = { accountId: id, memberId: 'a' };
    assert.deepEqual(await shared.claimIdempotency(scope, 'k', 'f', NOW, LIMITS), {
      state: 'claimed',
    });
    // The request with key k is inside its write transaction (holding the account's lock).
    const write = heldWrite(shared, id);
    await write.inside;
    // The write is released only after both claims are answered: a claim that waited never would be.
    const again = await shared.claimIdempotency(scope, 'k', 'f', NOW, LIMITS);
    const other = await shared.claimIdempotency(scope, 'k2', 'f', NOW, LIMITS);
    assert.deepEqual(again, { state: 'in_flight' });
    assert.deepEqual(other, { state: 'claimed' }, 'another key of the account is claimed');
    write.release();
    await write.done;
  });

  serverIt('two pools on one database: writes of one account run one at a time', async () => {
    const id = nextAccount();
    const other = nextAccount();
    const stores = [postgresStore(schema.client(4)), postgresStore(schema.client(4))];
    await seed(stores[0]!, id, []);
    await seed(stores[0]!, other, []);
    let inside = 0;
    let most = 0;
    // Read, wait, write back + 1: any two running together lose an update.
    const bump = (store: SeatkitStore) =>
      store.transaction(id, 'write', async (tx) => {
        most = Math.max(most, ++inside);
        const seats = (await tx.account())!.paidSeats;
        await sleep(3);
        await tx.updateAccount({ paidSeats: seats + 1 });
        inside--;
      });
    let finished = 0;
    const runs = Array.from({ length: 24 }, (_, i) => bump(stores[i % 2]!).then(() => finished++));
    // Meanwhile another account's write goes through, not queued behind them.
    await stores[1]!.transaction(other, 'write', (tx) => tx.updateAccount({ paidSeats: 5 }));
    const finishedBefore = finished;
    await Promise.all(runs);
    assert.equal(most, 1, 'never two at once');
    const seats = await stores[0]!.transaction(id, 'read', async (tx) => (await tx.account())!);
    assert.equal(seats.paidSeats, 2 + 24, 'no update lost');
    assert.ok(finishedBefore < 24, 'another account did not wait for them all');
    await Promise.all(stores.map((s) => s.close()));
  });
});
