// The conformance suite against the server engine on the PostgreSQL store, over real HTTP: on
// PGlite always (in-process, no install), and on a PostgreSQL server when
// SEATKIT_TEST_POSTGRES_URL names one (otherwise every test shows as skipped).
import { after, before, describe, it } from 'node:test';
import { postgresStore, migrate } from '../../../src/server/postgres/index.js';
import type { PostgresStore } from '../../../src/server/postgres/index.js';
import { runConformanceSuite } from '../../../src/testing/index.js';
import { engineHarness } from '../../support/engine-harness.js';
import type { EngineHarness } from '../../support/engine-harness.js';
import { POSTGRES_URL, SERVER_SKIP, pglite, serverSchema } from './postgres-setup.js';

describe('on PGlite', () => {
  let engine: EngineHarness;
  let close = async () => undefined as unknown;
  before(async () => {
    const { db, client } = await pglite();
    engine = await engineHarness(postgresStore(client), { http: true });
    close = () => db.close();
  });
  after(async () => {
    await engine.close();
    await close();
  });
  runConformanceSuite({
    describe,
    it,
    name: 'Seatkit conformance: server engine, PostgreSQL store on PGlite, over HTTP',
    makeHarness: (scenario) => engine.makeHarness(scenario),
  });
});

describe('on a PostgreSQL server', () => {
  let engine: EngineHarness;
  let store: PostgresStore;
  let drop = async () => undefined as unknown;
  if (POSTGRES_URL) {
    before(async () => {
      const schema = await serverSchema();
      // A pg.Pool as it is: postgresStore and migrate wrap it themselves.
      const pool = schema.pool();
      await migrate(pool);
      store = postgresStore(pool);
      engine = await engineHarness(store, { http: true });
      drop = () => schema.drop();
    });
    after(async () => {
      await engine.close();
      await drop();
    });
  }
  const skipped = (name: string, fn: () => Promise<void>) => it(name, { skip: SERVER_SKIP }, fn);
  runConformanceSuite({
    describe,
    it: POSTGRES_URL ? it : Object.assign(skipped, { skip: skipped }),
    name: 'Seatkit conformance: server engine, PostgreSQL store on a server, over HTTP',
    makeHarness: (scenario) => engine.makeHarness(scenario),
  });
});
