// The one Seatkit handler your server mounts: the engine on SQLite, behind your sign-in.
import Database from 'better-sqlite3';
import { createSeatkitHandler } from 'seatkit/server';
import { sqliteStore } from 'seatkit/server/sqlite';
import { sessionOf } from './auth.js';

export const seatkit = createSeatkitHandler({
  store: sqliteStore(new Database('seatkit.sqlite')), // creates its tables on first use
  basePath: '/api/seatkit',
  // Every request acts in the signed-in member's account; null answers 401.
  identify: async (request) => {
    const session = await sessionOf(request);
    return session ? { accountId: session.accountId, memberId: session.memberId } : null;
  },
});
