// The conformance suite against the server engine on the SQLite store, over real HTTP (a Node
// server on a local port), on a fresh database file in a temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { sqliteStore } from '../../../src/server/sqlite/index.js';
import type { SqliteStore } from '../../../src/server/sqlite/index.js';
import { runConformanceSuite } from '../../../src/testing/index.js';
import { engineHarness } from '../../support/engine-harness.js';
import type { EngineHarness } from '../../support/engine-harness.js';

const dir = mkdtempSync(join(tmpdir(), 'seatkit-sqlite-conformance-'));
let db: Database.Database;
let store: SqliteStore;
let engine: EngineHarness;
before(async () => {
  db = new Database(join(dir, 'seatkit.sqlite'));
  store = sqliteStore(db);
  engine = await engineHarness(store, { http: true });
});
after(async () => {
  await engine.close();
  await store.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

runConformanceSuite({
  describe,
  it,
  name: 'Seatkit conformance: server engine, SQLite store, over HTTP',
  makeHarness: (scenario) => engine.makeHarness(scenario),
});
