/// <reference types="node" preserve="true" />
// sqliteStore: the engine's storage interface on one SQLite file through better-sqlite3 (12.x),
// which the integrator installs and opens; only its types are imported here.
//
// Writes go through the given connection, one transaction at a time (a queue: the driver is
// synchronous, a transaction's work is not), each under BEGIN IMMEDIATE: SQLite's write lock,
// which also makes writers in other processes on the same file take turns. Reads and the
// idempotency check go through a second connection on the same file: in WAL mode they read the
// last committed state and never wait for a write.
import type { IdempotencyClaim, IdempotencyScope, SeatkitStore, StoredResponse } from '../store.js';
import { sqliteAccountTx } from './account-tx.js';
import { Connection } from './connection.js';
import type { Database } from './connection.js';
import { SCHEMA_VERSION, migrate, schemaVersion } from './schema.js';

export interface SqliteStoreOptions {
  /** Create or update Seatkit's tables first (`migrate(db)`). Default true. */
  migrate?: boolean;
  /** How long a statement waits for another process's write lock before failing (default 5000 ms). */
  busyTimeoutMs?: number;
  /**
   * `'normal'` (default: WAL's usual setting; a commit survives the process crashing, and the
   * last commits may be lost if the machine loses power) or `'full'` (every commit is synced to
   * disk first: durable, and as slow as the disk's sync).
   */
  synchronous?: 'normal' | 'full';
  /**
   * The connection for reads and idempotency checks. Default: a second connection the store
   * opens on the same file (and closes in `close()`). `false`: one connection for everything
   * (an in-memory database has no other), where a read waits for a running write.
   */
  reader?: Database | false;
}

export interface SqliteStore extends SeatkitStore {
  /** Closes the reader connection the store opened; the database you passed stays open. */
  close(): Promise<void>;
}

interface KeyRow {
  fingerprint: string;
  claimed_at: number;
  status: number | null;
  body: string | null;
}

type Limits = { inFlightMs: number; retainMs: number };

/** What a key found in the table answers, or null when it is past its time (free to claim). */
function answer(row: KeyRow, at: number, limits: Limits): IdempotencyClaim | null {
  if (row.status !== null) {
    if (at - row.claimed_at >= limits.retainMs) return null;
    const response: StoredResponse = { status: row.status, body: JSON.parse(row.body ?? 'null') };
    return { state: 'done', fingerprint: row.fingerprint, response };
  }
  return at - row.claimed_at < limits.inFlightMs ? { state: 'in_flight' } : null;
}

const KEY_SELECT =
  'SELECT fingerprint, claimed_at, status, body FROM seatkit_idempotency WHERE account_id = ? AND member_id = ? AND key = ?';

function configure(db: Database, options: SqliteStoreOptions): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? 5000))}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`);
}

/** A second connection on the file of `db`, made with the driver that made `db`. */
function openReader(db: Database): Database | null {
  if (db.memory || db.name === '') return null;
  const Driver = db.constructor as new (file: string, options?: object) => Database;
  return new Driver(db.name, { fileMustExist: true });
}

/**
 * A Seatkit store on a better-sqlite3 database: `sqliteStore(new Database('seatkit.sqlite'))`.
 * One file holds any number of accounts. Give the store a connection of its own (it sets
 * busy_timeout, foreign_keys and synchronous on it, and runs its own transactions).
 */
export function sqliteStore(db: Database, options: SqliteStoreOptions = {}): SqliteStore {
  configure(db, options);
  if (options.migrate !== false) migrate(db);
  const version = schemaVersion(db);
  if (version !== SCHEMA_VERSION)
    throw new Error(
      `The database has Seatkit schema version ${version}; this version of seatkit needs ${SCHEMA_VERSION}. Run migrate(db).`,
    );
  // WAL lets the reader read while a write is open (migrate sets it too; it stays with the file).
  if (!db.memory && db.name !== '') db.pragma('journal_mode = WAL');
  const writer = new Connection(db);
  const ownReader = options.reader === undefined ? openReader(db) : null;
  const readerDb = options.reader === undefined ? ownReader : options.reader || null;
  if (readerDb) {
    configure(readerDb, options);
    readerDb.pragma('query_only = ON');
  }
  const reader = readerDb ? new Connection(readerDb) : writer;

  return {
    transaction(accountId, mode, work) {
      const conn = mode === 'write' ? writer : reader;
      return conn.transaction(mode === 'write' ? 'BEGIN IMMEDIATE' : 'BEGIN', async () => {
        const state = { open: true };
        try {
          return await work(sqliteAccountTx(conn, accountId, mode, state));
        } finally {
          state.open = false;
        }
      });
    },

    async claimIdempotency(
      scope: IdempotencyScope,
      key: string,
      fingerprint: string,
      now: Date,
      limits: Limits,
    ): Promise<IdempotencyClaim> {
      const at = now.getTime();
      const params = [scope.accountId, scope.memberId, key];
      // A key in flight or done is answered from the reader: never behind a running write
      // (which may be the very request that holds the key).
      if (reader !== writer) {
        const found = await reader.exclusive(
          async () => reader.st(KEY_SELECT).get(...params) as KeyRow | undefined,
        );
        const claim = found ? answer(found, at, limits) : null;
        if (claim) return claim;
      }
      // A new (or abandoned) key is claimed in a short write of its own, committed before the
      // request's transaction starts, so a second request with it finds it from now on.
      return writer.transaction('BEGIN IMMEDIATE', async () => {
        const exists = writer
          .st('SELECT 1 FROM seatkit_accounts WHERE id = ?')
          .get(scope.accountId);
        if (!exists) return { state: 'claimed' } as const;
        const found = writer.st(KEY_SELECT).get(...params) as KeyRow | undefined;
        const claim = found ? answer(found, at, limits) : null;
        if (claim) return claim;
        // Keys past their time are dropped, a few at every claim.
        writer
          .st(
            `DELETE FROM seatkit_idempotency WHERE rowid IN (
               SELECT rowid FROM seatkit_idempotency INDEXED BY seatkit_idempotency_by_age
               WHERE account_id = ? AND claimed_at <= ? LIMIT 32)`,
          )
          .run(scope.accountId, at - Math.max(limits.retainMs, limits.inFlightMs));
        writer
          .st(
            `INSERT INTO seatkit_idempotency (account_id, member_id, key, fingerprint, claimed_at, status, body)
             VALUES (?, ?, ?, ?, ?, NULL, NULL)
             ON CONFLICT (account_id, member_id, key) DO UPDATE SET
               fingerprint = excluded.fingerprint, claimed_at = excluded.claimed_at, status = NULL, body = NULL`,
          )
          .run(...params, fingerprint, at);
        return { state: 'claimed' } as const;
      });
    },

    async releaseIdempotency(scope, key) {
      await writer.transaction('BEGIN IMMEDIATE', async () => {
        writer
          .st(
            'DELETE FROM seatkit_idempotency WHERE account_id = ? AND member_id = ? AND key = ? AND status IS NULL',
          )
          .run(scope.accountId, scope.memberId, key);
      });
    },

    async close() {
      await reader.exclusive(async () => ownReader?.close());
    },
  };
}
