/// <reference types="node" preserve="true" />
// What the PostgreSQL tests share: one PGlite database per test file (it takes seconds to start),
// and, when SEATKIT_TEST_POSTGRES_URL names a server, a schema of its own per test file on it.
// Without the variable the server tests are registered as skipped with SERVER_SKIP as the reason
// (scripts/test.mjs counts them by that reason and says how to turn them on).
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPGlite, fromPgPool } from '../../../src/server/postgres/client.js';
import type { PostgresClient } from '../../../src/server/postgres/client.js';
import { migrate } from '../../../src/server/postgres/migrate.js';

export const POSTGRES_URL = process.env.SEATKIT_TEST_POSTGRES_URL || null;

/** The skip reason of every test that needs a PostgreSQL server. */
export const SERVER_SKIP =
  'needs a PostgreSQL server: set SEATKIT_TEST_POSTGRES_URL, or run scripts/postgres-cluster.sh run -- npm test';

/** A PGlite database with the tables, and its client. */
export async function pglite(): Promise<{ db: PGlite; client: PostgresClient }> {
  const db = await PGlite.create();
  const client = fromPGlite(db);
  await migrate(client);
  return { db, client };
}

/**
 * A schema of its own on the server (dropped by `drop`): every pool from `pool()` works in it, so
 * test files and runs never meet. Migrations are not applied: call migrate().
 */
export async function serverSchema(): Promise<{
  schema: string;
  pool(max?: number): pg.Pool;
  client(max?: number): PostgresClient;
  drop(): Promise<void>;
}> {
  if (!POSTGRES_URL) throw new Error(SERVER_SKIP);
  const schema = `seatkit_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Pool({ connectionString: POSTGRES_URL, max: 1 });
  await admin.query(`CREATE SCHEMA ${schema}`);
  const pools: pg.Pool[] = [];
  const pool = (max = 10) => {
    const p = new pg.Pool({
      connectionString: POSTGRES_URL,
      max,
      options: `-c search_path=${schema}`,
    });
    pools.push(p);
    return p;
  };
  return {
    schema,
    pool,
    client: (max) => fromPgPool(pool(max)),
    async drop() {
      await Promise.all(pools.map((p) => p.end()));
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}
