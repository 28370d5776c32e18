// Reads from a replica: every GET only reads (the viewer, the team, numbers, ring groups, billing,
// a removal's impact), so GETs go to a handler whose store reads from the replica; every other
// request, each write and the reads that decide it, goes to the primary.
import pg from 'pg';
import { createSeatkitHandler } from 'seatkit/server';
import { postgresStore } from 'seatkit/server/postgres';
import { sessionOf } from '../server/auth.js';

const options = {
  basePath: '/api/seatkit',
  identify: async (request: Request) => {
    const session = await sessionOf(request);
    return session ? { accountId: session.accountId, memberId: session.memberId } : null;
  },
};
const primary = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const replica = new pg.Pool({ connectionString: process.env.REPLICA_URL, max: 20 });
const onPrimary = createSeatkitHandler({ ...options, store: postgresStore(primary) });
const onReplica = createSeatkitHandler({ ...options, store: postgresStore(replica) });

export const seatkit = (request: Request): Promise<Response> =>
  request.method === 'GET' ? onReplica(request) : onPrimary(request);
