// Next.js (App Router), as app/api/seatkit/[...path]/route.ts: a route handler takes a Request
// and returns a Response, as the engine does. The Node runtime: the SQLite driver is native.
import { seatkit } from './seatkit.js';

export const runtime = 'nodejs';
export { seatkit as GET, seatkit as POST, seatkit as PUT };
