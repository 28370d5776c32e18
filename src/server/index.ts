// seatkit/server: the backend of the Seatkit HTTP contract as one request handler, on a store of
// your choice. No DOM; runs on Node 20+ and any Fetch-API runtime. The SQLite and PostgreSQL
// stores are their own entries (seatkit/server/sqlite, seatkit/server/postgres) so that their
// drivers, optional peer dependencies, load only where they are used.
export { createSeatkitHandler, NetworkFault, problemResponse, jsonResponse } from './handler.js';
export type { SeatkitHandler, SeatkitHandlerOptions } from './handler.js';
export type { Identity } from './context.js';
export type { EngineControls, Fault } from './controls.js';
export { memoryStore } from './memory-store.js';
export type { MemoryStore } from './memory-store.js';
export { hashPassword, verifyCredential } from './password.js';
export { readScenario } from './scenario.js';
export type * from './store.js';
