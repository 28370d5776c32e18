// Stores by a short spec, so a test can run the same thing on each and a child process can open
// the same database as its parent: `memory`, `sqlite:<file>`, `postgres:<connection string>`.
// The server bench (scripts/bench/server.ts) opens its stores here too.
import type { SeatkitStore } from '../../src/server/store.js';

export interface OpenedStore {
  store: SeatkitStore;
  close(): Promise<void>;
}

export interface StoreSpecOptions {
  /** PostgreSQL: connections in the pool (default 8). */
  poolMax?: number;
  /** SQLite: the store's `synchronous` option (default: the store's own, `'normal'`). */
  synchronous?: 'normal' | 'full';
}

export async function openStore(
  spec: string,
  options: StoreSpecOptions = {},
): Promise<OpenedStore> {
  if (spec === 'memory') {
    const { memoryStore } = await import('../../src/server/memory-store.js');
    return { store: memoryStore(), close: async () => undefined };
  }
  if (spec.startsWith('sqlite:')) {
    const { default: Database } = await import('better-sqlite3');
    const { sqliteStore } = await import('../../src/server/sqlite/index.js');
    const db = new Database(spec.slice('sqlite:'.length));
    const store = sqliteStore(db, options.synchronous ? { synchronous: options.synchronous } : {});
    return {
      store,
      close: async () => {
        await store.close();
        db.close();
      },
    };
  }
  if (spec.startsWith('postgres:')) {
    const { default: pg } = await import('pg');
    const { postgresStore, migrate } = await import('../../src/server/postgres/index.js');
    const pool = new pg.Pool({
      connectionString: spec.slice('postgres:'.length),
      max: options.poolMax ?? 8,
    });
    await migrate(pool);
    return { store: postgresStore(pool), close: () => pool.end() };
  }
  throw new Error(`Unknown store spec ${spec}`);
}
