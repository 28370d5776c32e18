// Seatkit's engine behind your sign-in: every request acts in the signed-in member's account.
import { createServer } from 'node:http';
import { createSeatkitHandler } from 'seatkit/server';
import type { SeatkitStore } from 'seatkit/server';
import { nodeListener } from 'seatkit/server/node';

declare const store: SeatkitStore; // sqliteStore(db) or postgresStore(pool): see docs/server.md
declare function sessionOf(request: Request): Promise<{ teamId: string; userId: string } | null>;

const handler = createSeatkitHandler({
  store,
  basePath: '/api/seatkit',
  // Your sign-in decides who is asking; null answers 401. The engine never looks further.
  identify: async (request) => {
    const session = await sessionOf(request);
    return session ? { accountId: session.teamId, memberId: session.userId } : null;
  },
});

createServer(nodeListener(handler)).listen(8080);
