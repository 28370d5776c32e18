// migrate(): brings the database to the tables this version of the store expects, applying the
// migrations not yet recorded in seatkit_schema_migrations, in order, in one transaction. Every
// process of a deployment may call it at start: an advisory lock makes the others wait, and they
// then find nothing left to do.
import { asClient } from './client.js';
import type { PgPoolLike, PostgresClient } from './client.js';
import { MIGRATIONS } from './migrations.js';
import type { Migration } from './migrations.js';

/**
 * Advisory-lock classes of the two-key form `pg_advisory_xact_lock(class, key)`: 'SEAM' for
 * migrations, 'SEAT' for accounts (key: hashtext(account id)). Two-key locks never meet one-key
 * (bigint) locks an application may take.
 */
export const MIGRATION_LOCK_CLASS = 0x5345414d;
export const ACCOUNT_LOCK_CLASS = 0x53454154;

export interface MigrateResult {
  /** Versions applied by this call, e.g. ['0001_initial']; empty when the schema was current. */
  applied: string[];
  /** The schema's version afterwards. */
  version: number;
}

const label = (m: Migration) => `${String(m.version).padStart(4, '0')}_${m.name}`;

/** Applies the migrations this database lacks (see docs/server.md, "PostgreSQL"). */
export async function migrate(client: PostgresClient | PgPoolLike): Promise<MigrateResult> {
  const session = await asClient(client).connect();
  let broken: Error | undefined;
  try {
    await session.query('BEGIN');
    try {
      await session.query('SELECT pg_advisory_xact_lock($1, 0)', [MIGRATION_LOCK_CLASS]);
      await session.query(
        `CREATE TABLE IF NOT EXISTS seatkit_schema_migrations (
           version integer PRIMARY KEY,
           name text NOT NULL,
           applied_at timestamptz NOT NULL DEFAULT now()
         )`,
      );
      const { rows } = await session.query<{ version: number; name: string }>(
        'SELECT version, name FROM seatkit_schema_migrations ORDER BY version',
      );
      const recorded = new Map(rows.map((r) => [r.version, r.name]));
      for (const m of MIGRATIONS) {
        const name = recorded.get(m.version);
        if (name !== undefined && name !== m.name)
          throw new Error(
            `seatkit_schema_migrations records version ${m.version} as "${name}", but this Seatkit's migration ${m.version} is "${m.name}".`,
          );
      }
      const applied: string[] = [];
      for (const m of MIGRATIONS) {
        if (recorded.has(m.version)) continue;
        await session.script(m.sql);
        await session.query(
          'INSERT INTO seatkit_schema_migrations (version, name) VALUES ($1, $2)',
          [m.version, m.name],
        );
        applied.push(label(m));
      }
      await session.query('COMMIT');
      const version = Math.max(0, ...recorded.keys(), ...MIGRATIONS.map((m) => m.version));
      return { applied, version };
    } catch (error) {
      await session.query('ROLLBACK').catch((rollback: unknown) => {
        broken = rollback instanceof Error ? rollback : new Error(String(rollback));
      });
      throw error;
    }
  } finally {
    session.release(broken);
  }
}
