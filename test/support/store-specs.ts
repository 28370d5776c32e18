// Stores by a short spec, so a test can run the same thing on each and a child process can open
// the same database as its parent: `memory`, `sqlite:<file>`, `postgres:<connection string>`.
import type { SeatkitStore } from '../../src/server/store.js';

export interface OpenedStore {
  store: SeatkitStore;
  close(): Promise<void>;
}

export async function openStore(spec: string): Promise<OpenedStore> {
  if (spec === 'memory') {
    const { memoryStore } = await import('../../src/server/memory-store.js');
    return { store: memoryStore(), close: async () => undefined };
  }
  if (spec.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const { sqliteStore } = await import('../../src/server/sqlite/index.js');
    const db = new Database(spec.slice('sqlite:'.length));
    return { store: sqliteStore(db), close: async () => void db.close() };
  }
  if (spec.startsWith('postgres:')) {
    const { default: pg } = await import('pg');
    const { postgresStore, migrate } = await import('../../src/server/postgres/index.js');
    const pool = new pg.Pool({ connectionString: spec.slice('postgres:'.length), max: 8 });
    await migrate(pool);
    return { store: postgresStore(pool), close: () => pool.end() };
  }
  throw new Error(`Unknown store spec ${spec}`);
}
