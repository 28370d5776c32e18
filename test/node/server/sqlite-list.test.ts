// The SQLite store's list against the memory store's, which defines it: on random teams, every
// sort, direction, filter, search and page size, paged to the end through keyset cursors (and
// from arbitrary positions), both give the same entries, totals and `more`. Then: every list
// query SQLite plans runs on an index, in index order (no sort, no scan of the account).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { ENTRY_STATUSES, ROLES, SORT_KEYS } from '../../../src/schemas/constants.js';
import type { Role } from '../../../src/schemas/index.js';
import { memoryStore } from '../../../src/server/index.js';
import type {
  EntryQuery,
  InvitationRecord,
  MemberRecord,
  SeatkitStore,
} from '../../../src/server/index.js';
import { sqliteStore } from '../../../src/server/sqlite/index.js';
import type { SqliteStore } from '../../../src/server/sqlite/index.js';
import { NOW, accountRecord, invitationRecord, memberRecord } from '../../support/store-records.js';
import { listedPage, listedPages } from '../../support/list-pages.js';

const DEEP = process.env.SEATKIT_DEEP === '1';
const dir = mkdtempSync(join(tmpdir(), 'seatkit-sqlite-list-'));
let db: Database.Database;
let sqlite: SqliteStore;
before(() => {
  db = new Database(join(dir, 'list.sqlite'));
  sqlite = sqliteStore(db);
});
after(async () => {
  await sqlite.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

// ---- random teams ------------------------------------------------------------------------------

// Few letters, so names tie, prefix one another and a search finds several; accented and
// upper-case letters (name keys are lower-cased), a space and an apostrophe.
const letter = fc.constantFrom('a', 'b', 'c', 'A', 'é', 'É', 'z', ' ', '’', 'ß');
const word = fc.string({ unit: letter, minLength: 1, maxLength: 4 });
const local = fc.string({
  unit: fc.constantFrom('a', 'b', 'c', '.', 'z'),
  minLength: 1,
  maxLength: 4,
});
const role = fc.constantFrom<Role>(...ROLES);

interface Team {
  members: MemberRecord[];
  invitations: InvitationRecord[];
}

const teamArb: fc.Arbitrary<Team> = fc
  .record({
    members: fc.array(fc.record({ name: word, role, deactivated: fc.boolean(), local }), {
      maxLength: 14,
    }),
    invitations: fc.array(
      fc.record({
        local,
        role,
        // Expired from 7 days on; 7 exactly is the boundary (expires_at == now: expired).
        daysAgo: fc.constantFrom(0, 3, 6, 7, 8, 20),
        closed: fc.constantFrom(null, 'accepted', 'revoked'),
      }),
      { maxLength: 10 },
    ),
  })
  .map(({ members, invitations }) => {
    let n = 0;
    // Ids compare too (they break ties): some sort before others by more than a counter.
    const id = (prefix: string) => `${prefix}-${(n++ * 7919) % 101}-${n}`;
    const seen = new Set<string>();
    const team: Team = { members: [], invitations: [] };
    for (const m of members) {
      const email = `${m.local}${n}@example.com`;
      if (seen.has(email)) continue;
      seen.add(email);
      team.members.push(
        memberRecord(id('mem'), m.name, email, {
          role: m.role,
          status: m.deactivated ? 'deactivated' : 'active',
        }),
      );
    }
    for (const inv of invitations) {
      // Invitations may share an email with each other (an accepted one and a new one).
      const email = `${inv.local}@invited.test`;
      team.invitations.push(
        invitationRecord(id('inv'), email, inv.daysAgo, {
          role: inv.role,
          acceptedAt: inv.closed === 'accepted' ? NOW : null,
          revokedAt: inv.closed === 'revoked' ? NOW : null,
        }),
      );
    }
    return team;
  });

const queryArb = fc.record({
  search: fc.option(fc.constantFrom('a', 'b', 'é', 'ab', 'a.', '@inv', 'ß', 'z '), { nil: null }),
  role: fc.option(role, { nil: null }),
  status: fc.option(fc.constantFrom(...ENTRY_STATUSES), { nil: null }),
  sort: fc.constantFrom(...SORT_KEYS),
  direction: fc.constantFrom('asc' as const, 'desc' as const),
  limit: fc.integer({ min: 1, max: 6 }),
  invitations: fc.boolean(),
});

let accounts = 0;
async function load(store: SeatkitStore, accountId: string, team: Team): Promise<void> {
  await store.transaction(accountId, 'write', async (tx) => {
    await tx.createAccount(accountRecord(accountId));
    await tx.insertMembers(team.members);
    await tx.insertInvitations(team.invitations);
  });
}

describe('sqliteStore listEntries = memoryStore listEntries', () => {
  it('on random teams, for every query, page by page', async () => {
    await fc.assert(
      fc.asyncProperty(
        teamArb,
        fc.array(queryArb, { minLength: 1, maxLength: 6 }),
        async (team, queries) => {
          const accountId = `list-${++accounts}`;
          const memory = memoryStore();
          await load(memory, accountId, team);
          await load(sqlite, accountId, team);
          for (const q of queries) {
            const query = { ...q, now: NOW };
            assert.deepEqual(
              await listedPages(sqlite, accountId, query),
              await listedPages(memory, accountId, query),
              JSON.stringify(q),
            );
          }
        },
      ),
      { numRuns: DEEP ? 1000 : 120 },
    );
  });

  it('from any position, including ones no entry holds', async () => {
    const position = fc.record({
      rank: fc.integer({ min: -1, max: 4 }),
      nameKey: fc.oneof(
        word.map((w) => w.toLowerCase()),
        fc.constantFrom('', 'b@invited.test'),
      ),
      id: fc.constantFrom('', 'inv-5', 'mem-50-3', '~'),
    });
    await fc.assert(
      fc.asyncProperty(teamArb, queryArb, position, async (team, q, after) => {
        const accountId = `list-${++accounts}`;
        const memory = memoryStore();
        await load(memory, accountId, team);
        await load(sqlite, accountId, team);
        const query: EntryQuery = { ...q, now: NOW, after };
        assert.deepEqual(
          await listedPage(sqlite, accountId, query),
          await listedPage(memory, accountId, query),
          JSON.stringify(query),
        );
      }),
      { numRuns: DEEP ? 1000 : 120 },
    );
  });

  it('the same full records as the memory store', async () => {
    const accountId = `list-${++accounts}`;
    const team: Team = {
      members: [
        memberRecord('mem-1', 'Zoë Ünal', 'Zoe@Example.com', {
          role: 'supervisor',
          status: 'deactivated',
          version: 4,
          recordings: 7,
          smsConversations: 3,
          campaigns: ['Q4', 'Webinar'],
          personalIntegrations: ['HubSpot (zoe@example.com)'],
        }),
      ],
      invitations: [
        invitationRecord('inv-1', 'New@Example.com', 2, {
          role: 'admin',
          phoneNumber: '+14155550100',
          numberFrom: { type: 'member', memberId: 'mem-1' },
          version: 3,
        }),
      ],
    };
    const memory = memoryStore();
    await load(memory, accountId, team);
    await load(sqlite, accountId, team);
    const query: EntryQuery = {
      search: null,
      role: null,
      status: null,
      sort: 'name',
      direction: 'asc',
      after: null,
      limit: 10,
      now: NOW,
      invitations: true,
    };
    const list = (store: SeatkitStore) =>
      store.transaction(accountId, 'read', (tx) => tx.listEntries(query));
    assert.deepEqual(await list(sqlite), await list(memory));
  });
});

describe('list queries use indexes', () => {
  it('every list query reads index ranges in index order: no scan, no sort', async () => {
    // A store whose connections record the SQL they prepare.
    const file = join(dir, 'plans.sqlite');
    const seen = new Set<string>();
    const recording = (target: Database.Database) =>
      new Proxy(target, {
        get(t, name) {
          if (name === 'prepare')
            return (sql: string) => {
              seen.add(sql);
              return t.prepare(sql);
            };
          const value = Reflect.get(t, name, t) as unknown;
          return typeof value === 'function' ? value.bind(t) : value;
        },
      });
    const writer = new Database(file);
    const readerDb = new Database(file);
    const store = sqliteStore(recording(writer), { reader: recording(readerDb) });
    const team = fc.sample(teamArb, { numRuns: 1, seed: 7 })[0]!;
    await load(store, 'plans', team);
    for (const q of fc.sample(queryArb, { numRuns: 400, seed: 11 })) {
      await listedPages(store, 'plans', { ...q, now: NOW });
      await store.transaction('plans', 'read', (tx) =>
        tx.listEntries({ ...q, now: NOW, after: { rank: 1, nameKey: 'b', id: 'x' } }),
      );
    }
    await store.transaction('plans', 'read', async (tx) => {
      await tx.memberCounts();
      await tx.countPendingInvitations(NOW);
    });
    const selects = [...seen].filter(
      (sql) => /^\s*SELECT/.test(sql) && /seatkit_(members|invitations|member_counts)\b/.test(sql),
    );
    assert.ok(selects.length > 40, `${selects.length} list queries seen`);
    for (const sql of selects) {
      const nulls = Array.from(sql.matchAll(/\?/g), () => null);
      const plan = writer
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...nulls)
        .map((row) => (row as { detail: string }).detail)
        .join('; ');
      assert.doesNotMatch(plan, /TEMP B-TREE/, `sorts:\n${sql}\n${plan}`);
      // A search counts its matches by testing every entry, in an index that holds what it tests.
      if (/count\(\*\)/.test(sql) && /instr/.test(sql)) {
        assert.match(plan, /COVERING INDEX/, `reads rows to count:\n${sql}\n${plan}`);
        continue;
      }
      assert.doesNotMatch(plan, /\bSCAN seatkit_/, `scans:\n${sql}\n${plan}`);
      assert.match(plan, /SEARCH .*USING/, `no index:\n${sql}\n${plan}`);
      // A count reads the index alone.
      if (/count\(\*\)|sum\(n\)/.test(sql))
        assert.match(plan, /COVERING INDEX|PRIMARY KEY/, `reads rows to count:\n${sql}\n${plan}`);
    }
    await store.close();
    readerDb.close();
    writer.close();
  });
});
