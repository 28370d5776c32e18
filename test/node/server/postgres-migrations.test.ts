/// <reference types="node" preserve="true" />
// The PostgreSQL migrations: the embedded module is the .sql files, migrate() applies what a
// database lacks once, records it, and several processes migrating at once apply it once.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { fromPGlite } from '../../../src/server/postgres/client.js';
import { migrate } from '../../../src/server/postgres/migrate.js';
import { MIGRATIONS } from '../../../src/server/postgres/migrations.js';
import { POSTGRES_URL, SERVER_SKIP, serverSchema } from './postgres-setup.js';

const DIR = new URL('../../../src/server/postgres/migrations/', import.meta.url);

describe('postgres migrations', () => {
  it('the embedded migrations are the .sql files (node scripts/postgres-migrations.mjs)', () => {
    const files = readdirSync(DIR)
      .filter((f) => f.endsWith('.sql'))
      .sort();
    assert.deepEqual(
      MIGRATIONS.map((m) => `${String(m.version).padStart(4, '0')}_${m.name}.sql`),
      files,
    );
    for (const [i, file] of files.entries())
      assert.equal(MIGRATIONS[i]!.sql, readFileSync(new URL(file, DIR), 'utf8'), file);
  });

  describe('on PGlite', () => {
    let db: PGlite;
    before(async () => {
      db = await PGlite.create();
    });
    after(() => db.close());

    it('applies every migration once and records it', async () => {
      const client = fromPGlite(db);
      const first = await migrate(client);
      assert.deepEqual(first.applied, ['0001_initial']);
      assert.equal(first.version, MIGRATIONS.length);
      const again = await migrate(client);
      assert.deepEqual(again.applied, [], 'nothing left to apply');
      const { rows } = await client.query<{ version: number; name: string }>(
        'SELECT version, name FROM seatkit_schema_migrations ORDER BY version',
      );
      assert.deepEqual(
        rows.map((r) => [r.version, r.name]),
        MIGRATIONS.map((m) => [m.version, m.name]),
      );
    });

    it('refuses a database whose recorded migration is another one', async () => {
      const client = fromPGlite(db);
      await migrate(client);
      await client.query("UPDATE seatkit_schema_migrations SET name = 'other' WHERE version = 1");
      await assert.rejects(migrate(client), /records version 1 as "other"/);
      await client.query("UPDATE seatkit_schema_migrations SET name = 'initial' WHERE version = 1");
    });
  });

  describe('on a PostgreSQL server', () => {
    it(
      'four processes migrating at once: one applies, the others find it done',
      { skip: POSTGRES_URL ? false : SERVER_SKIP },
      async () => {
        const schema = await serverSchema();
        try {
          const clients = [1, 2, 3, 4].map(() => schema.client(1));
          const results = await Promise.all(clients.map((c) => migrate(c)));
          assert.deepEqual(
            results.map((r) => r.applied.length).sort(),
            [0, 0, 0, 1],
            'applied exactly once',
          );
          const { rows } = await clients[0]!.query<{ n: number }>(
            "SELECT count(*)::integer AS n FROM pg_tables WHERE schemaname = $1 AND tablename LIKE 'seatkit_%'",
            [schema.schema],
          );
          assert.equal(
            rows[0]?.n,
            10,
            'nine tables and the migrations table, in the schema of this run',
          );
        } finally {
          await schema.drop();
        }
      },
    );
  });
});
