/// <reference types="node" preserve="true" />
// seatkit/server/sqlite: the server engine's store on SQLite (better-sqlite3 12.x, an optional
// peer dependency: install it and pass your Database). See docs/server.md, "SQLite".
export { sqliteStore } from './store.js';
export type { SqliteStore, SqliteStoreOptions } from './store.js';
export { migrate, schemaVersion, SCHEMA_VERSION } from './schema.js';
