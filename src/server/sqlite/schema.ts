/// <reference types="node" preserve="true" />
// The SQLite schema of seatkit/server/sqlite, as SQL strings applied in order. Its version is kept
// in its own table (not PRAGMA user_version, which belongs to whoever owns the file), so the
// tables can live in an application's own database; every name starts with `seatkit_`.
//
// Every table holds `account_id`, and every index starts with it: one file holds any number of
// accounts and no query reads another account's rows. Dates of records are integers
// (milliseconds since the epoch); the wire values kept as they were sent (a charge's `at`, an
// invoice's `date`) are ISO text; arrays and stored responses are JSON text.
import type BetterSqlite3 from 'better-sqlite3';

/** Open: neither accepted nor revoked. The partial indexes below hold open invitations only. */
export const OPEN = 'accepted_at IS NULL AND revoked_at IS NULL';

const V1 = `
CREATE TABLE seatkit_accounts (
  id TEXT NOT NULL PRIMARY KEY,
  plan_id TEXT NOT NULL,
  period TEXT NOT NULL,
  anchor INTEGER NOT NULL,
  cycle_start INTEGER NOT NULL,
  cycle_end INTEGER NOT NULL,
  paid_seats INTEGER NOT NULL,
  credential TEXT NOT NULL,
  transfer_failures INTEGER NOT NULL,
  transfer_locked_until INTEGER,
  team_inbox INTEGER NOT NULL,
  kept_recordings INTEGER NOT NULL,
  team_integrations TEXT NOT NULL,
  charge_count INTEGER NOT NULL,
  test_now INTEGER,
  actor_id TEXT
);

-- Members by role and status, kept with every insert, update and delete of a member: the seat
-- counts and the list's totals read at most eight rows, never the members.
CREATE TABLE seatkit_member_counts (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  n INTEGER NOT NULL,
  PRIMARY KEY (account_id, role, status)
) WITHOUT ROWID;

-- A rowid table: rowid order is the order members were added (snapshots).
CREATE TABLE seatkit_members (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  email TEXT NOT NULL,
  canonical TEXT NOT NULL,
  name_key TEXT NOT NULL,
  role TEXT NOT NULL,
  status TEXT NOT NULL,
  version INTEGER NOT NULL,
  recordings INTEGER NOT NULL,
  sms_conversations INTEGER NOT NULL,
  campaigns TEXT NOT NULL,
  personal_integrations TEXT NOT NULL,
  PRIMARY KEY (account_id, id),
  UNIQUE (account_id, canonical)
);
-- The list's two member orders: by name, and by name within one role and status (the list by
-- role or status, and every filter, is a merge of a few of these ranges). Both hold the canonical
-- email too, so a search tests each entry in the index and reads only the rows that match.
CREATE INDEX seatkit_members_by_name
  ON seatkit_members (account_id, name_key, id, canonical);
CREATE INDEX seatkit_members_by_group
  ON seatkit_members (account_id, role, status, name_key, id, canonical);

CREATE TABLE seatkit_invitations (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  id TEXT NOT NULL,
  email TEXT NOT NULL,
  canonical TEXT NOT NULL,
  role TEXT NOT NULL,
  phone_number TEXT,
  number_from TEXT,
  sent_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  accepted_at INTEGER,
  revoked_at INTEGER,
  version INTEGER NOT NULL,
  PRIMARY KEY (account_id, id)
);
-- Open invitations in list order (an invitation's name key is its canonical email), and by
-- expiry (pending ones, expires_at > now, hold a seat). Each holds every column its queries
-- test, accepted_at and revoked_at included (always null here, but SQLite reads the row for a
-- column the index lacks), so a filter or a count never reads a row it does not return.
CREATE INDEX seatkit_invitations_open_by_name ON seatkit_invitations
  (account_id, canonical, id, expires_at, role, accepted_at, revoked_at) WHERE ${OPEN};
CREATE INDEX seatkit_invitations_open_by_role ON seatkit_invitations
  (account_id, role, canonical, id, expires_at, accepted_at, revoked_at) WHERE ${OPEN};
CREATE INDEX seatkit_invitations_open_by_expiry ON seatkit_invitations
  (account_id, expires_at, accepted_at, revoked_at) WHERE ${OPEN};
CREATE INDEX seatkit_invitations_open_by_role_expiry ON seatkit_invitations
  (account_id, role, expires_at, accepted_at, revoked_at) WHERE ${OPEN};

CREATE TABLE seatkit_phone_numbers (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  number TEXT NOT NULL,
  assignee_type TEXT,
  assignee_id TEXT,
  UNIQUE (account_id, number)
);
CREATE INDEX seatkit_phone_numbers_by_assignee
  ON seatkit_phone_numbers (account_id, assignee_id) WHERE assignee_type = 'member';

CREATE TABLE seatkit_ring_groups (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  UNIQUE (account_id, id)
);

-- Every id ever handed out in the account (a removed member's id stays retired).
CREATE TABLE seatkit_ids (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  id TEXT NOT NULL,
  UNIQUE (account_id, id)
);

CREATE TABLE seatkit_charges (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  id TEXT NOT NULL,
  member_id TEXT NOT NULL,
  amount INTEGER NOT NULL,
  at TEXT NOT NULL,
  reason TEXT NOT NULL
);
CREATE INDEX seatkit_charges_by_account ON seatkit_charges (account_id);

CREATE TABLE seatkit_invoices (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  amount INTEGER NOT NULL,
  seats INTEGER NOT NULL,
  date TEXT NOT NULL
);
CREATE INDEX seatkit_invoices_by_account ON seatkit_invoices (account_id);

-- Idempotency keys: claimed (status NULL) while their request runs, then the response kept.
CREATE TABLE seatkit_idempotency (
  account_id TEXT NOT NULL REFERENCES seatkit_accounts (id),
  member_id TEXT NOT NULL,
  key TEXT NOT NULL,
  fingerprint TEXT NOT NULL,
  claimed_at INTEGER NOT NULL,
  status INTEGER,
  body TEXT,
  UNIQUE (account_id, member_id, key)
);
CREATE INDEX seatkit_idempotency_by_age ON seatkit_idempotency (account_id, claimed_at);
`;

/** The schema's steps, in order; step n brings the schema from version n to n + 1. Never edit one. */
export const MIGRATIONS: readonly string[] = [V1];

/** The schema version this module writes and reads. */
export const SCHEMA_VERSION = MIGRATIONS.length;

type Database = BetterSqlite3.Database;

/** The schema version of the file (0 when Seatkit's tables are not there). */
export function schemaVersion(db: Database): number {
  const table = db
    .prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'seatkit_schema'`)
    .get();
  if (!table) return 0;
  const row = db.prepare('SELECT version FROM seatkit_schema WHERE id = 1').get() as
    { version: number } | undefined;
  return row?.version ?? 0;
}

/**
 * Creates Seatkit's tables, or brings them up to date, in one write transaction (two processes
 * migrating at once take turns; the second finds nothing to do). Puts a file database in WAL
 * mode, so reads never wait for a write. Returns the versions before and after.
 */
export function migrate(db: Database): { from: number; to: number } {
  if (!db.memory && db.name !== '') db.pragma('journal_mode = WAL');
  db.exec('BEGIN IMMEDIATE');
  try {
    db.exec(
      'CREATE TABLE IF NOT EXISTS seatkit_schema (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)',
    );
    const from = schemaVersion(db);
    if (from > SCHEMA_VERSION)
      throw new Error(
        `This database has Seatkit schema version ${from}, newer than this version of seatkit knows (${SCHEMA_VERSION}). Update seatkit.`,
      );
    for (let v = from; v < SCHEMA_VERSION; v++) db.exec(MIGRATIONS[v]!);
    db.prepare(
      'INSERT INTO seatkit_schema (id, version) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET version = excluded.version',
    ).run(SCHEMA_VERSION);
    db.exec('COMMIT');
    return { from, to: SCHEMA_VERSION };
  } catch (error) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw error;
  }
}
