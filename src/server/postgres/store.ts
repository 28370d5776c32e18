// postgresStore(): the engine's store on PostgreSQL. Semantics are the memory store's (see
// memory-store.ts); docs/server.md, "PostgreSQL", says how they are kept across processes.
//
// - A write transaction takes pg_advisory_xact_lock(ACCOUNT_LOCK_CLASS, hashtext(account id))
//   first, so every writer of one account, in any process, runs one at a time (and an account
//   that does not exist yet is locked too). Inside one process they also queue before taking a
//   connection: fifty writers of one account hold one connection, not the whole pool, and reads
//   and Idempotency-Key claims still find connections free.
// - Writes that queued together run in one database transaction, one after the other, each in
//   a savepoint of its own (a rejected one is rolled back to it alone), and commit once: the lock,
//   the account row and COMMIT are paid once per batch instead of once per write (group commit).
//   Each write's promise settles after that COMMIT, so none is answered before it is durable.
// - A read transaction is REPEATABLE READ, READ ONLY: one snapshot, never waiting on a writer.
// - A rejected `work` rolls back: nothing it wrote stays.
// - Counts come from counters in the account row that every write here keeps (written once, at
//   commit), or from partial indexes; the list reads by keyset (list.ts).
import { ROLES } from '../../schemas/constants.js';
import type { Assignee, Charge, Invoice, Role } from '../../schemas/index.js';
import type {
  AccountRecord,
  AccountTx,
  EntryPage,
  EntryQuery,
  EntryRecord,
  IdempotencyClaim,
  IdempotencyScope,
  InvitationRecord,
  MemberRecord,
  NumberRecord,
  RingGroupRecord,
  SeatkitStore,
  StoredResponse,
} from '../store.js';
import { asClient } from './client.js';
import type { PgPoolLike, PostgresClient, SqlSession } from './client.js';
import { countQuery, pageQuery } from './list.js';
import { ACCOUNT_LOCK_CLASS } from './migrate.js';
import {
  ACCOUNT_COLUMNS,
  ACCOUNT_FIELDS,
  INVITATION_COLUMNS,
  INVITATION_FIELDS,
  INVITATION_RECORDSET,
  MEMBER_COLUMNS,
  MEMBER_FIELDS,
  MEMBER_RECORDSET,
  accountFromRow,
  invitationFromRow,
  invitationToJson,
  iso,
  memberFromRow,
  memberToJson,
  param,
} from './rows.js';
import type { InvitationCounts, MemberCounts, Row } from './rows.js';

/** Rows per multi-row statement: a 100,000-row bulk invite is 10 statements, not 100,000. */
const CHUNK = 10_000;

/**
 * Writes of one account run in one database transaction, at most this many: each savepoint
 * that writes takes a subtransaction id, and PostgreSQL keeps 64 per backend before every
 * other session's snapshots slow down.
 */
const MAX_BATCH = 32;

/** Expired Idempotency-Keys each claim deletes, at most. */
const SWEEP = 32;

export interface PostgresStoreOptions {
  /** Whether `store.close()` also ends the pool or database (default: false, it is yours). */
  closeClient?: boolean;
}

export interface PostgresStore extends SeatkitStore {
  /** The client the store runs on. */
  readonly client: PostgresClient;
  close(): Promise<void>;
}

function asError(value: unknown): Error {
  return value instanceof Error ? value : new Error(String(value));
}

interface WriteJob {
  work: (tx: AccountTx) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

/**
 * BEGIN and the account's lock in one round trip: the id goes in as a dollar-quoted literal,
 * where nothing is an escape, when it holds no `$` (which could end the quote); otherwise as a
 * parameter, in a second round trip.
 */
async function beginWrite(session: SqlSession, accountId: string): Promise<void> {
  if (!accountId.includes('$')) {
    await session.script(
      `BEGIN; SELECT pg_advisory_xact_lock(${ACCOUNT_LOCK_CLASS}, hashtext($id$${accountId}$id$))`,
    );
    return;
  }
  await session.query('BEGIN');
  await session.query('SELECT pg_advisory_xact_lock($1::integer, hashtext($2::text))', [
    ACCOUNT_LOCK_CLASS,
    accountId,
  ]);
}

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/**
 * A SeatkitStore on PostgreSQL 13 or later (or PGlite). Pass a `pg.Pool`, or a client from
 * `fromPgPool` / `fromPGlite`. Run `migrate(client)` once before (at each start is fine).
 */
export function postgresStore(
  client: PostgresClient | PgPoolLike,
  options: PostgresStoreOptions = {},
): PostgresStore {
  const db = asClient(client);
  /** Writes waiting for their account's running batch, by account. */
  const queues = new Map<string, WriteJob[]>();

  async function read<T>(accountId: string, work: (tx: AccountTx) => Promise<T>): Promise<T> {
    const session = await db.connect();
    let broken: Error | undefined;
    try {
      await session.query('BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY');
    } catch (error) {
      session.release(asError(error));
      throw error;
    }
    const tx = new PgAccountTx(session, accountId, 'read', new AccountCache());
    try {
      const result = await work(tx);
      tx.end();
      await session.query('COMMIT');
      return result;
    } catch (error) {
      tx.end();
      await session.query('ROLLBACK').catch((rollback: unknown) => {
        broken = asError(rollback);
      });
      throw error;
    } finally {
      session.release(broken);
    }
  }

  function write<T>(accountId: string, work: (tx: AccountTx) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const job: WriteJob = { work, resolve: resolve as (value: unknown) => void, reject };
      const queue = queues.get(accountId);
      if (queue) {
        queue.push(job);
        return;
      }
      const started = [job];
      queues.set(accountId, started);
      void drain(accountId, started);
    });
  }

  async function drain(accountId: string, queue: WriteJob[]): Promise<void> {
    while (queue.length > 0) await writeBatch(accountId, queue.splice(0, MAX_BATCH));
    queues.delete(accountId);
  }

  async function writeBatch(accountId: string, jobs: WriteJob[]): Promise<void> {
    let session: SqlSession;
    try {
      session = await db.connect();
    } catch (error) {
      for (const job of jobs) job.reject(error);
      return;
    }
    const outcomes: ({ value: unknown } | { error: unknown })[] = [];
    let broken: Error | undefined;
    try {
      await beginWrite(session, accountId);
      const cache = new AccountCache();
      const savepoints = jobs.length > 1;
      for (const [i, job] of jobs.entries()) {
        if (savepoints)
          await session.script(
            i === 0 ? 'SAVEPOINT seatkit_write' : 'RELEASE seatkit_write; SAVEPOINT seatkit_write',
          );
        const saved = cache.save();
        const tx = new PgAccountTx(session, accountId, 'write', cache);
        try {
          const value = await job.work(tx);
          tx.end();
          outcomes.push({ value });
        } catch (error) {
          // Ended first: a statement of this write still answering must not refill the cache.
          tx.end();
          outcomes.push({ error });
          cache.restore(saved);
          if (savepoints) await session.script('ROLLBACK TO seatkit_write');
        }
      }
      if (outcomes.some((o) => 'value' in o)) {
        await flush(session, accountId, cache);
        await session.query('COMMIT');
      } else {
        await session.query('ROLLBACK');
      }
    } catch (error) {
      // BEGIN, a savepoint, the flush or COMMIT failed: nothing of the batch is written.
      await session.query('ROLLBACK').catch((rollback: unknown) => {
        broken = asError(rollback);
      });
      jobs.forEach((job, i) => {
        const outcome = outcomes[i];
        job.reject(outcome && 'error' in outcome ? outcome.error : error);
      });
      return;
    } finally {
      session.release(broken);
    }
    jobs.forEach((job, i) => {
      const outcome = outcomes[i]!;
      if ('value' in outcome) job.resolve(outcome.value);
      else job.reject(outcome.error);
    });
  }

  return {
    client: db,

    transaction<T>(accountId: string, mode: 'read' | 'write', work: (tx: AccountTx) => Promise<T>) {
      return mode === 'write' ? write(accountId, work) : read(accountId, work);
    },

    // One statement, outside the account's lock: a claim never waits for the account's running
    // write. It inserts the key, or takes over one whose time is past, and otherwise returns
    // the key as it was; the same statement sweeps a few expired keys of the account.
    async claimIdempotency(scope, key, fingerprint, now, limits): Promise<IdempotencyClaim> {
      const at = now.getTime();
      const { rows } = await db.query<{
        account: number;
        claimed: number;
        fingerprint: string | null;
        response: unknown;
      }>(
        `WITH account AS (
           SELECT 1 FROM seatkit_accounts WHERE id = $1
         ), claimed AS (
           INSERT INTO seatkit_idempotency_keys AS k
             (account_id, member_id, key, fingerprint, claimed_at)
           SELECT $1, $2, $3, $4, $5::timestamptz FROM account
           ON CONFLICT (account_id, member_id, key) DO UPDATE
             SET fingerprint = EXCLUDED.fingerprint, claimed_at = EXCLUDED.claimed_at,
                 response = NULL
             WHERE CASE WHEN k.response IS NULL THEN k.claimed_at <= $6::timestamptz
                        ELSE k.claimed_at <= $7::timestamptz END
           RETURNING 1
         ), swept AS (
           DELETE FROM seatkit_idempotency_keys AS d
           WHERE d.account_id = $1 AND d.claimed_at <= $8::timestamptz
             AND (d.member_id, d.key) IN (
               SELECT member_id, key FROM seatkit_idempotency_keys
               WHERE account_id = $1 AND claimed_at <= $8::timestamptz
                 AND NOT (member_id = $2 AND key = $3)
               LIMIT ${SWEEP})
         )
         SELECT (SELECT count(*) FROM account)::integer AS account,
                (SELECT count(*) FROM claimed)::integer AS claimed,
                k.fingerprint, k.response
         FROM (SELECT 1) AS one
         LEFT JOIN seatkit_idempotency_keys AS k
           ON k.account_id = $1 AND k.member_id = $2 AND k.key = $3`,
        [
          scope.accountId,
          scope.memberId,
          key,
          fingerprint,
          iso(now),
          new Date(at - limits.inFlightMs).toISOString(),
          new Date(at - limits.retainMs).toISOString(),
          new Date(at - Math.max(limits.inFlightMs, limits.retainMs)).toISOString(),
        ],
      );
      const row = rows[0]!;
      // No account: nothing is kept (the request is refused anyway), as in the memory store.
      if (row.account === 0 || row.claimed === 1) return { state: 'claimed' };
      // The statement's snapshot may predate a claim made while it waited: in flight.
      if (row.fingerprint === null) return { state: 'in_flight' };
      const response = (
        typeof row.response === 'string' ? JSON.parse(row.response) : row.response
      ) as StoredResponse | null;
      if (response === null) return { state: 'in_flight' };
      return { state: 'done', fingerprint: row.fingerprint, response };
    },

    async releaseIdempotency(scope, key) {
      await db.query(
        `DELETE FROM seatkit_idempotency_keys
         WHERE account_id = $1 AND member_id = $2 AND key = $3 AND response IS NULL`,
        [scope.accountId, scope.memberId, key],
      );
    },

    async close() {
      if (options.closeClient) await db.end?.();
    },
  };
}

interface AccountState {
  account: AccountRecord;
  members: MemberCounts;
  invitations: InvitationCounts;
}

type AccountField = keyof Omit<AccountRecord, 'id'>;

const copyAccount = (a: AccountRecord): AccountRecord => ({
  ...a,
  teamIntegrations: [...a.teamIntegrations],
});

const isOpen = (i: { acceptedAt: Date | null; revokedAt: Date | null }) =>
  !i.acceptedAt && !i.revokedAt;

function assigneeFromRow(row: Row): Assignee | null {
  if (row.member_id !== null && row.member_id !== undefined)
    return { type: 'member', memberId: String(row.member_id) };
  if (row.ring_group_id !== null && row.ring_group_id !== undefined)
    return { type: 'ringGroup', ringGroupId: String(row.ring_group_id) };
  return null;
}

const unique = <T>(items: readonly T[]): T[] => [...new Set(items)];

interface KeyWrite {
  memberId: string;
  key: string;
  fingerprint: string;
  response: StoredResponse;
}

/**
 * What a transaction knows of its account (the row, loaded once) and what it has yet to write:
 * account fields, counters and kept responses are written together before COMMIT. A write
 * batch shares one cache between its writes, saved before each and restored when one fails.
 */
class AccountCache {
  /** Undefined until loaded; null when there is no account. */
  loaded: AccountState | null | undefined = undefined;
  loading: Promise<AccountState | null> | null = null;
  dirty = new Set<AccountField>();
  countsDirty = false;
  keys = new Map<string, KeyWrite>();
  /**
   * Members and ring groups read so far (null: known not to exist), kept as this transaction
   * writes them: the writes of a batch mostly ask again for the same signed-in member.
   */
  members = new Map<string, MemberRecord | null>();
  ringGroups: RingGroupRecord[] | null = null;

  set(state: AccountState | null): void {
    this.loaded = state;
    this.loading = Promise.resolve(state);
    this.members.clear();
    this.ringGroups = state ? null : [];
  }

  // Records in the cache are replaced, never changed in place: shallow copies keep them.
  save() {
    return {
      loaded: this.loaded ? structuredClone(this.loaded) : this.loaded,
      dirty: new Set(this.dirty),
      countsDirty: this.countsDirty,
      keys: new Map(this.keys),
      members: new Map(this.members),
      ringGroups: this.ringGroups,
    };
  }

  restore(saved: ReturnType<AccountCache['save']>): void {
    this.loaded = saved.loaded;
    this.loading = saved.loaded === undefined ? null : Promise.resolve(saved.loaded);
    this.dirty = saved.dirty;
    this.countsDirty = saved.countsDirty;
    this.keys = saved.keys;
    this.members = saved.members;
    this.ringGroups = saved.ringGroups;
  }
}

const copyMember = (m: MemberRecord): MemberRecord => ({
  ...m,
  campaigns: [...m.campaigns],
  personalIntegrations: [...m.personalIntegrations],
});

/** Writes what `cache` holds back: the account's fields and counters, and kept responses. */
async function flush(session: SqlSession, accountId: string, cache: AccountCache): Promise<void> {
  const params: unknown[] = [accountId];
  let update = '';
  const state = cache.loaded;
  if (state && (cache.dirty.size > 0 || cache.countsDirty)) {
    const sets: string[] = [];
    for (const field of cache.dirty) {
      const [column, cast] = ACCOUNT_FIELDS[field];
      params.push(param(state.account[field], cast));
      sets.push(`${column} = $${params.length}${cast ? `::${cast}` : ''}`);
    }
    if (cache.countsDirty) {
      params.push(JSON.stringify(state.members), JSON.stringify(state.invitations));
      sets.push(
        `member_counts = $${params.length - 1}::jsonb`,
        `open_invitation_counts = $${params.length}::jsonb`,
      );
    }
    update = `UPDATE seatkit_accounts SET ${sets.join(', ')} WHERE id = $1`;
  }
  let keys = '';
  if (cache.keys.size > 0) {
    // A key claimed outside keeps its claim time; one never claimed counts from the epoch, as
    // in the memory store: kept, but free for the next claim.
    params.push(
      JSON.stringify(
        [...cache.keys.values()].map((k) => ({
          member_id: k.memberId,
          key: k.key,
          fingerprint: k.fingerprint,
          response: JSON.stringify(k.response),
        })),
      ),
    );
    keys = `INSERT INTO seatkit_idempotency_keys
        (account_id, member_id, key, fingerprint, claimed_at, response)
      SELECT $1, member_id, key, fingerprint, 'epoch', response::json
      FROM jsonb_to_recordset($${params.length}::jsonb)
        AS x (member_id text, key text, fingerprint text, response text)
      ON CONFLICT (account_id, member_id, key) DO UPDATE
        SET fingerprint = EXCLUDED.fingerprint, response = EXCLUDED.response`;
  }
  const text = update && keys ? `WITH keys AS (${keys}) ${update}` : update || keys;
  if (text) await session.query(text, params);
  cache.dirty.clear();
  cache.countsDirty = false;
  cache.keys.clear();
}

/** One account's transaction on one connection. */
class PgAccountTx implements AccountTx {
  private ended = false;

  constructor(
    private readonly session: SqlSession,
    readonly accountId: string,
    private readonly mode: 'read' | 'write',
    private readonly cache: AccountCache,
  ) {}

  end(): void {
    this.ended = true;
  }

  private async q<R = Row>(text: string, params: readonly unknown[] = []): Promise<R[]> {
    const over = () => new Error(`The transaction on account ${this.accountId} is over.`);
    if (this.ended) throw over();
    const { rows } = await this.session.query<R>(text, params);
    // An answer arriving after its write failed (the write rolled back meanwhile) is dropped.
    if (this.ended) throw over();
    return rows;
  }

  private writable(): void {
    if (this.mode !== 'write') throw new Error('A read transaction cannot write.');
  }

  private state(): Promise<AccountState | null> {
    const cache = this.cache;
    cache.loading ??= this.q(`SELECT ${ACCOUNT_COLUMNS} FROM seatkit_accounts WHERE id = $1`, [
      this.accountId,
    ]).then((rows) => {
      const loaded = rows[0] ? accountFromRow(rows[0]) : null;
      if (!this.ended) cache.loaded = loaded;
      return loaded;
    });
    return cache.loading;
  }

  private async existing(): Promise<AccountState> {
    const state = await this.state();
    if (!state) throw new Error(`No account ${this.accountId}.`);
    return state;
  }

  private countMember(
    state: AccountState,
    role: Role,
    status: 'active' | 'deactivated',
    by: number,
  ) {
    const counts = (state.members[role] ??= {});
    counts[status] = (counts[status] ?? 0) + by;
    this.cache.countsDirty = true;
  }

  private countInvitation(state: AccountState, role: Role, by: number) {
    state.invitations[role] = (state.invitations[role] ?? 0) + by;
    this.cache.countsDirty = true;
  }

  // ---- the account ------------------------------------------------------------------------------

  async account() {
    const state = await this.state();
    return state ? copyAccount(state.account) : null;
  }

  async updateAccount(patch: Partial<Omit<AccountRecord, 'id'>>) {
    this.writable();
    const state = await this.existing();
    for (const [field, value] of Object.entries(patch) as [AccountField, never][]) {
      if (!(field in ACCOUNT_FIELDS) || value === undefined) continue;
      state.account[field] = value;
      this.cache.dirty.add(field);
    }
  }

  async deleteAccount() {
    this.writable();
    await this.q(
      `WITH accounts AS (DELETE FROM seatkit_accounts WHERE id = $1),
         members AS (DELETE FROM seatkit_members WHERE account_id = $1),
         invitations AS (DELETE FROM seatkit_invitations WHERE account_id = $1),
         numbers AS (DELETE FROM seatkit_phone_numbers WHERE account_id = $1),
         groups AS (DELETE FROM seatkit_ring_groups WHERE account_id = $1),
         ids AS (DELETE FROM seatkit_reserved_ids WHERE account_id = $1),
         charges AS (DELETE FROM seatkit_charges WHERE account_id = $1),
         invoices AS (DELETE FROM seatkit_invoices WHERE account_id = $1),
         keys AS (DELETE FROM seatkit_idempotency_keys WHERE account_id = $1)
       SELECT 1`,
      [this.accountId],
    );
    this.cache.set(null);
    this.cache.dirty.clear();
    this.cache.countsDirty = false;
    this.cache.keys.clear();
  }

  async createAccount(account: AccountRecord) {
    this.writable();
    const record = copyAccount({ ...account, id: this.accountId });
    const fields = Object.keys(ACCOUNT_FIELDS) as AccountField[];
    const params: unknown[] = [this.accountId];
    const placeholders = fields.map((field) => {
      const [, cast] = ACCOUNT_FIELDS[field];
      params.push(param(record[field], cast));
      return `$${params.length}${cast ? `::${cast}` : ''}`;
    });
    await this.q(
      `INSERT INTO seatkit_accounts (id, ${fields.map((f) => ACCOUNT_FIELDS[f][0]).join(', ')})
       VALUES ($1, ${placeholders.join(', ')})`,
      params,
    );
    this.cache.set({ account: record, members: {}, invitations: {} });
    this.cache.ringGroups = [];
    this.cache.dirty.clear();
    this.cache.countsDirty = false;
  }

  // ---- members --------------------------------------------------------------------------------

  async member(id: string) {
    const cached = this.cache.members.get(id);
    if (cached !== undefined) return cached && copyMember(cached);
    const rows = await this.q(
      `SELECT ${MEMBER_COLUMNS} FROM seatkit_members WHERE account_id = $1 AND id = $2`,
      [this.accountId, id],
    );
    const found = rows[0] ? memberFromRow(rows[0]) : null;
    if (!this.ended) this.cache.members.set(id, found && copyMember(found));
    return found;
  }

  async membersByCanonical(canonicals: readonly string[]) {
    if (canonicals.length === 0) return [];
    const rows = await this.q(
      `SELECT ${MEMBER_COLUMNS} FROM seatkit_members AS m
       JOIN unnest($2::text[]) WITH ORDINALITY AS wanted (canonical, n) USING (canonical)
       WHERE m.account_id = $1 ORDER BY wanted.n`,
      [this.accountId, unique(canonicals)],
    );
    const found = rows.map(memberFromRow);
    if (!this.ended) for (const m of found) this.cache.members.set(m.id, copyMember(m));
    return found;
  }

  async memberCounts() {
    const state = await this.existing();
    let active = 0;
    let deactivated = 0;
    for (const counts of Object.values(state.members)) {
      active += counts.active ?? 0;
      deactivated += counts.deactivated ?? 0;
    }
    return { active, deactivated };
  }

  async insertMembers(members: readonly MemberRecord[]) {
    this.writable();
    if (members.length === 0) return;
    const state = await this.existing();
    for (const batch of chunks(members)) {
      await this.q(
        `INSERT INTO seatkit_members (account_id, ${MEMBER_COLUMNS})
         SELECT $1, ${MEMBER_COLUMNS} FROM jsonb_to_recordset($2::jsonb) AS x (${MEMBER_RECORDSET})`,
        [this.accountId, JSON.stringify(batch.map(memberToJson))],
      );
    }
    for (const m of members) {
      this.countMember(state, m.role, m.status, 1);
      this.cache.members.set(m.id, copyMember(m));
    }
  }

  async updateMember(id: string, patch: Partial<Omit<MemberRecord, 'id'>>) {
    this.writable();
    const state = await this.existing();
    const params: unknown[] = [this.accountId, id];
    const sets: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      const column = MEMBER_FIELDS[field as keyof typeof MEMBER_FIELDS];
      if (!column || value === undefined) continue;
      params.push(param(value, column[1]));
      sets.push(`${column[0]} = $${params.length}${column[1] ? `::${column[1]}` : ''}`);
    }
    const [row] = await this.q<{ old_role: Role; old_status: MemberRecord['status'] } & Row>(
      `WITH old AS (SELECT role, status FROM seatkit_members WHERE account_id = $1 AND id = $2)
       UPDATE seatkit_members AS m SET ${sets.join(', ') || 'version = m.version'} FROM old
       WHERE m.account_id = $1 AND m.id = $2
       RETURNING old.role AS old_role, old.status AS old_status, m.role, m.status`,
      params,
    );
    if (!row) throw new Error(`No member ${id}.`);
    this.cache.members.delete(id);
    if (row.old_role !== row.role || row.old_status !== row.status) {
      this.countMember(state, row.old_role, row.old_status, -1);
      this.countMember(state, row.role as Role, row.status as MemberRecord['status'], 1);
    }
  }

  async deleteMember(id: string) {
    this.writable();
    const state = await this.existing();
    const [row] = await this.q<{ role: Role; status: MemberRecord['status'] }>(
      'DELETE FROM seatkit_members WHERE account_id = $1 AND id = $2 RETURNING role, status',
      [this.accountId, id],
    );
    if (row) this.countMember(state, row.role, row.status, -1);
    this.cache.members.set(id, null);
  }

  async allMembers() {
    const rows = await this.q(
      `SELECT ${MEMBER_COLUMNS} FROM seatkit_members WHERE account_id = $1 ORDER BY seq`,
      [this.accountId],
    );
    return rows.map(memberFromRow);
  }

  // ---- invitations ----------------------------------------------------------------------------

  async invitation(id: string) {
    const rows = await this.q(
      `SELECT ${INVITATION_COLUMNS} FROM seatkit_invitations WHERE account_id = $1 AND id = $2`,
      [this.accountId, id],
    );
    return rows[0] ? invitationFromRow(rows[0]) : null;
  }

  async openInvitationsByCanonical(canonicals: readonly string[]) {
    if (canonicals.length === 0) return [];
    const rows = await this.q(
      `SELECT ${INVITATION_COLUMNS} FROM seatkit_invitations AS i
       JOIN unnest($2::text[]) WITH ORDINALITY AS wanted (canonical, n) USING (canonical)
       WHERE i.account_id = $1 AND i.accepted_at IS NULL AND i.revoked_at IS NULL
       ORDER BY wanted.n, i.seq`,
      [this.accountId, unique(canonicals)],
    );
    return rows.map(invitationFromRow);
  }

  async countPendingInvitations(now: Date) {
    const [row] = await this.q<{ n: number }>(
      `SELECT count(*)::integer AS n FROM seatkit_invitations
       WHERE account_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL
         AND expires_at > $2::timestamptz`,
      [this.accountId, iso(now)],
    );
    return row?.n ?? 0;
  }

  async insertInvitations(invitations: readonly InvitationRecord[]) {
    this.writable();
    if (invitations.length === 0) return;
    const state = await this.existing();
    for (const batch of chunks(invitations)) {
      await this.q(
        `INSERT INTO seatkit_invitations (account_id, ${INVITATION_COLUMNS})
         SELECT $1, ${INVITATION_COLUMNS}
         FROM jsonb_to_recordset($2::jsonb) AS x (${INVITATION_RECORDSET})`,
        [this.accountId, JSON.stringify(batch.map(invitationToJson))],
      );
    }
    for (const i of invitations) if (isOpen(i)) this.countInvitation(state, i.role, 1);
  }

  async updateInvitation(id: string, patch: Partial<Omit<InvitationRecord, 'id'>>) {
    this.writable();
    const state = await this.existing();
    const params: unknown[] = [this.accountId, id];
    const sets: string[] = [];
    for (const [field, value] of Object.entries(patch)) {
      const column = INVITATION_FIELDS[field as keyof typeof INVITATION_FIELDS];
      if (!column || value === undefined) continue;
      params.push(param(value, column[1]));
      sets.push(`${column[0]} = $${params.length}${column[1] ? `::${column[1]}` : ''}`);
    }
    const open = (t: string) => `(${t}.accepted_at IS NULL AND ${t}.revoked_at IS NULL)`;
    const [row] = await this.q<{ old_role: Role; old_open: boolean; role: Role; open: boolean }>(
      `WITH old AS (
         SELECT role, ${open('o')} AS open FROM seatkit_invitations AS o
         WHERE account_id = $1 AND id = $2)
       UPDATE seatkit_invitations AS i SET ${sets.join(', ') || 'version = i.version'} FROM old
       WHERE i.account_id = $1 AND i.id = $2
       RETURNING old.role AS old_role, old.open AS old_open, i.role, ${open('i')} AS open`,
      params,
    );
    if (!row) throw new Error(`No invitation ${id}.`);
    if (row.old_open) this.countInvitation(state, row.old_role, -1);
    if (row.open) this.countInvitation(state, row.role, 1);
  }

  async allInvitations() {
    const rows = await this.q(
      `SELECT ${INVITATION_COLUMNS} FROM seatkit_invitations WHERE account_id = $1 ORDER BY seq`,
      [this.accountId],
    );
    return rows.map(invitationFromRow);
  }

  // ---- the list -------------------------------------------------------------------------------

  async listEntries(query: EntryQuery): Promise<EntryPage> {
    const page = pageQuery(this.accountId, query);
    const rows = page ? await this.q(page.text, page.params) : [];
    const entries: EntryRecord[] = rows
      .slice(0, query.limit)
      .map((row) =>
        row.kind === 'member'
          ? { kind: 'member', member: memberFromRow(row) }
          : { kind: 'invitation', invitation: invitationFromRow(row) },
      );
    return { entries, more: rows.length > query.limit, total: await this.total(query) };
  }

  /** Entries matching the filters: counters where they can say, a count where they cannot. */
  private async total(q: EntryQuery): Promise<number> {
    const counted = async (only?: 'invitation') => {
      const count = countQuery(this.accountId, q, only);
      return count ? ((await this.q<{ n: number }>(count.text, count.params))[0]?.n ?? 0) : 0;
    };
    if (q.search !== null) return counted();
    const state = await this.state();
    if (!state) return 0;
    const roles = q.role ? [q.role] : ROLES;
    let total = 0;
    if (q.status === null || q.status === 'active' || q.status === 'deactivated') {
      const statuses = q.status ? [q.status] : (['active', 'deactivated'] as const);
      for (const role of roles)
        for (const status of statuses) total += state.members[role]?.[status] ?? 0;
    }
    if (q.invitations && q.status === null)
      for (const role of roles) total += state.invitations[role] ?? 0;
    if (q.invitations && (q.status === 'pending' || q.status === 'expired'))
      total += await counted('invitation');
    return total;
  }

  // ---- phone numbers and ring groups ----------------------------------------------------------

  async phoneNumbers() {
    const rows = await this.q(
      `SELECT number, member_id, ring_group_id FROM seatkit_phone_numbers
       WHERE account_id = $1 ORDER BY seq`,
      [this.accountId],
    );
    return rows.map((row): NumberRecord => ({
      number: String(row.number),
      assignee: assigneeFromRow(row),
    }));
  }

  async phoneNumbersIn(numbers: readonly string[]) {
    if (numbers.length === 0) return [];
    const rows = await this.q(
      `SELECT number, member_id, ring_group_id FROM seatkit_phone_numbers AS p
       JOIN unnest($2::text[]) WITH ORDINALITY AS wanted (number, n) USING (number)
       WHERE p.account_id = $1 ORDER BY wanted.n`,
      [this.accountId, unique(numbers)],
    );
    return rows.map((row): NumberRecord => ({
      number: String(row.number),
      assignee: assigneeFromRow(row),
    }));
  }

  async numbersOfMembers(memberIds: readonly string[]) {
    const out = new Map<string, string[]>();
    if (memberIds.length === 0) return out;
    const rows = await this.q<{ number: string; member_id: string }>(
      `SELECT number, member_id FROM seatkit_phone_numbers
       WHERE account_id = $1 AND member_id = ANY($2::text[]) ORDER BY seq`,
      [this.accountId, unique(memberIds)],
    );
    for (const row of rows) {
      const list = out.get(row.member_id);
      if (list) list.push(row.number);
      else out.set(row.member_id, [row.number]);
    }
    return out;
  }

  async insertPhoneNumbers(numbers: readonly NumberRecord[]) {
    this.writable();
    for (const batch of chunks(numbers)) {
      await this.q(
        `INSERT INTO seatkit_phone_numbers (account_id, number, member_id, ring_group_id)
         SELECT $1, number, member_id, ring_group_id
         FROM jsonb_to_recordset($2::jsonb) AS x (number text, member_id text, ring_group_id text)`,
        [
          this.accountId,
          JSON.stringify(
            batch.map((n) => ({
              number: n.number,
              member_id: n.assignee?.type === 'member' ? n.assignee.memberId : null,
              ring_group_id: n.assignee?.type === 'ringGroup' ? n.assignee.ringGroupId : null,
            })),
          ),
        ],
      );
    }
  }

  async setAssignee(number: string, assignee: Assignee | null) {
    this.writable();
    const rows = await this.q(
      `UPDATE seatkit_phone_numbers SET member_id = $3, ring_group_id = $4
       WHERE account_id = $1 AND number = $2 RETURNING number`,
      [
        this.accountId,
        number,
        assignee?.type === 'member' ? assignee.memberId : null,
        assignee?.type === 'ringGroup' ? assignee.ringGroupId : null,
      ],
    );
    if (rows.length === 0) throw new Error(`No number ${number}.`);
  }

  async ringGroups() {
    if (!this.cache.ringGroups) {
      const rows = await this.q<RingGroupRecord>(
        'SELECT id, name FROM seatkit_ring_groups WHERE account_id = $1 ORDER BY seq',
        [this.accountId],
      );
      const groups = rows.map((g) => ({ id: g.id, name: g.name }));
      if (!this.ended) this.cache.ringGroups = groups;
      return groups.map((g) => ({ ...g }));
    }
    return this.cache.ringGroups.map((g) => ({ ...g }));
  }

  async ringGroup(id: string) {
    const cached = this.cache.ringGroups?.find((g) => g.id === id);
    if (this.cache.ringGroups) return cached ? { ...cached } : null;
    const rows = await this.q<RingGroupRecord>(
      'SELECT id, name FROM seatkit_ring_groups WHERE account_id = $1 AND id = $2',
      [this.accountId, id],
    );
    return rows[0] ? { id: rows[0].id, name: rows[0].name } : null;
  }

  async insertRingGroups(groups: readonly RingGroupRecord[]) {
    this.writable();
    if (groups.length === 0) return;
    // As a Map: a repeated id keeps its first place and takes its last name.
    const byId = new Map<string, string>();
    for (const g of groups) byId.set(g.id, g.name);
    await this.q(
      `INSERT INTO seatkit_ring_groups (account_id, id, name)
       SELECT $1, id, name FROM jsonb_to_recordset($2::jsonb) AS x (id text, name text)
       ON CONFLICT (account_id, id) DO UPDATE SET name = EXCLUDED.name`,
      [this.accountId, JSON.stringify([...byId].map(([id, name]) => ({ id, name })))],
    );
    this.cache.ringGroups = null;
  }

  // ---- ids, charges, invoices, keys -------------------------------------------------------------

  async reserveIds(ids: readonly string[]) {
    this.writable();
    const reserved = new Set<string>();
    for (const batch of chunks(ids)) {
      // A repeated id in one batch conflicts with its first copy: reserved once.
      const rows = await this.q<{ id: string }>(
        `INSERT INTO seatkit_reserved_ids (account_id, id)
         SELECT $1, id FROM unnest($2::text[]) WITH ORDINALITY AS wanted (id, n) ORDER BY n
         ON CONFLICT DO NOTHING RETURNING id`,
        [this.accountId, batch],
      );
      for (const row of rows) reserved.add(row.id);
    }
    return reserved;
  }

  async reservedIds() {
    const rows = await this.q<{ id: string }>(
      'SELECT id FROM seatkit_reserved_ids WHERE account_id = $1 ORDER BY seq',
      [this.accountId],
    );
    return rows.map((r) => r.id);
  }

  async insertCharge(charge: Charge) {
    this.writable();
    await this.q(
      `INSERT INTO seatkit_charges (account_id, id, member_id, amount, at, reason)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [this.accountId, charge.id, charge.memberId, charge.amount, charge.at, charge.reason],
    );
  }

  async charges() {
    const rows = await this.q<Row>(
      `SELECT id, member_id, amount, at, reason FROM seatkit_charges
       WHERE account_id = $1 ORDER BY seq`,
      [this.accountId],
    );
    return rows.map((r): Charge => ({
      id: String(r.id),
      memberId: String(r.member_id),
      amount: Number(r.amount),
      at: String(r.at),
      reason: r.reason as Charge['reason'],
    }));
  }

  async insertInvoices(invoices: readonly Invoice[]) {
    this.writable();
    if (invoices.length === 0) return;
    await this.q(
      `INSERT INTO seatkit_invoices (account_id, amount, seats, date)
       SELECT $1, amount, seats, date
       FROM jsonb_to_recordset($2::jsonb) AS x (amount integer, seats integer, date text)`,
      [this.accountId, JSON.stringify(invoices)],
    );
  }

  async invoices() {
    const rows = await this.q<Row>(
      'SELECT amount, seats, date FROM seatkit_invoices WHERE account_id = $1 ORDER BY seq',
      [this.accountId],
    );
    return rows.map((r): Invoice => ({
      amount: Number(r.amount),
      seats: Number(r.seats),
      date: String(r.date),
    }));
  }

  async completeIdempotency(
    scope: IdempotencyScope,
    key: string,
    fingerprint: string,
    response: StoredResponse,
  ) {
    this.writable();
    // Written with the account's fields before COMMIT (see flush): one statement for both.
    this.cache.keys.set(`${scope.memberId}\u0000${key}`, {
      memberId: scope.memberId,
      key,
      fingerprint,
      response,
    });
  }
}
