/// <reference types="node" preserve="true" />
// `npm run serve`: the reference Seatkit server. The engine (seatkit/server) on SQLite
// (seatkit/server/sqlite) in `.data/seatkit.sqlite`, serving the demo page over real HTTP: one Node
// http server sends /api/* to the engine and everything else to Vite (in middleware mode), which
// serves the demo with VITE_SEATKIT_BACKEND=server, so the page talks to this server instead of
// starting the mock in the browser. The demo account is seeded from the demo scenario (the
// owner's password hashed) when the file does not hold it yet; it then lives on between runs.
//
//   npm run serve                      http://localhost:5174
//   PORT=8080 HOST=0.0.0.0 npm run serve
//   SEATKIT_DB=/tmp/demo.sqlite npm run serve
//
// The engine's test controls are on (the demo toolbar drives the clock, the signed-in member,
// acceptance and faults through /api/_control/): this is a demo server, not a production one.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { createServer as createViteServer } from 'vite';
import type { InlineConfig } from 'vite';
import { demo } from '../src/mock/scenarios.js';
import { createSeatkitHandler } from '../src/server/index.js';
import type { SeatkitHandler } from '../src/server/index.js';
import { nodeListener } from '../src/server/node.js';
import { sqliteStore } from '../src/server/sqlite/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The demo page's one account; requests act as its demo actor (the toolbar switches it). */
export const DEMO_ACCOUNT = 'demo';
export const DEFAULT_PORT = 5174;
export const DEFAULT_FILE = '.data/seatkit.sqlite';

export interface ServeOptions {
  /** Default PORT, else 5174 (beside `npm start` on 5173). 0: any free port. */
  port?: number;
  /** Default HOST, else localhost. */
  host?: string;
  /** The SQLite file (default SEATKIT_DB, else .data/seatkit.sqlite under the repository). */
  file?: string;
  /** Vite's cache of pre-bundled dependencies (default node_modules/.vite). */
  cacheDir?: string;
  /** Vite's log level (default 'info'). */
  logLevel?: 'info' | 'warn' | 'error' | 'silent';
}

export interface Served {
  url: string;
  file: string;
  handler: SeatkitHandler;
  /** Whether this start seeded the demo account (the file did not hold it). */
  seeded: boolean;
  close(): Promise<void>;
}

/** Vite's settings for the demo page (vite.config.ts, plus what a server start needs). */
export function demoViteOptions(): InlineConfig {
  return {
    root: ROOT,
    appType: 'spa',
    // The demo page (and what it imports, lazily too) only: Vite would otherwise scan every
    // .html it finds, fail on docs/snippets (they import the published package by name) and skip
    // pre-bundling, then reload the page at each dependency it meets, losing the user's click.
    optimizeDeps: { entries: ['index.html'] },
  };
}

export async function serve(options: ServeOptions = {}): Promise<Served> {
  const file = resolve(ROOT, options.file ?? process.env.SEATKIT_DB ?? DEFAULT_FILE);
  const port = options.port ?? Number(process.env.PORT ?? DEFAULT_PORT);
  const host = options.host ?? process.env.HOST ?? 'localhost';
  mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file);
  const store = sqliteStore(db);
  const handler = createSeatkitHandler({
    store,
    basePath: '/api',
    controls: { hashPasswords: true },
    identify: () => ({ accountId: DEMO_ACCOUNT }),
  });
  const held = await store.transaction(DEMO_ACCOUNT, 'read', async (tx) =>
    Boolean(await tx.account()),
  );
  if (!held) await handler.controls!.seed(DEMO_ACCOUNT, demo);

  // Read by Vite (import.meta.env) when it loads its config: the page uses this server.
  process.env.VITE_SEATKIT_BACKEND = 'server';
  const server = createServer();
  const vite = await createViteServer({
    ...demoViteOptions(),
    logLevel: options.logLevel ?? 'info',
    // Vite's live-reload socket shares this server's port.
    server: { middlewareMode: true, ws: { server } },
    ...(options.cacheDir ? { cacheDir: options.cacheDir } : {}),
  });
  const api = nodeListener(handler);
  server.on('request', (req, res) => {
    if (req.url === '/api' || req.url?.startsWith('/api/')) api(req, res);
    else vite.middlewares(req, res);
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, done);
  });
  const address = server.address() as AddressInfo;
  const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shown.includes(':') ? `[${shown}]` : shown}:${address.port}`,
    file,
    handler,
    seeded: !held,
    async close() {
      await vite.close();
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      await store.close();
      db.close();
    },
  };
}

const main =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (main) {
  const served = await serve(
    process.env.SEATKIT_VITE_CACHE ? { cacheDir: process.env.SEATKIT_VITE_CACHE } : {},
  );
  const startedIn = Math.round(performance.now());
  const near = relative(process.cwd(), served.file);
  const where = near && !near.startsWith('..') ? near : served.file;
  console.log(
    `\n  Seatkit server (SQLite) on ${served.url}  ·  ${where}${served.seeded ? ', demo account seeded' : ''}  ·  ready in ${startedIn} ms\n`,
  );
  let closing = false;
  const stop = () => {
    if (closing) process.exit(1);
    closing = true;
    void served.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
