// seatkit/server/postgres: the engine's store on PostgreSQL, through node-postgres (`pg.Pool`)
// or PGlite. Neither driver is imported here: pass yours. See docs/server.md, "PostgreSQL".
export { postgresStore } from './store.js';
export type { PostgresStore, PostgresStoreOptions } from './store.js';
export { migrate, ACCOUNT_LOCK_CLASS, MIGRATION_LOCK_CLASS } from './migrate.js';
export type { MigrateResult } from './migrate.js';
export { fromPGlite, fromPgPool } from './client.js';
export type {
  PGliteLike,
  PgPoolLike,
  PostgresClient,
  SqlConnection,
  SqlResult,
  SqlSession,
} from './client.js';
