// The server snippets of docs/server.md run as they are: each framework's file is started in a
// child process (tsx, with `seatkit/*` mapped to src/), on a real port and a real SQLite file
// seeded with the suite's example account, then signed in with the example token: the viewer is
// read, an invitation is sent (a body reaches the engine), and a request without a token is 401.
import { after, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { createSeatkitHandler } from '../../../src/server/index.js';
import { sqliteStore } from '../../../src/server/sqlite/index.js';
import { productExample } from '../../../src/testing/fixtures.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const SNIPPETS = join(ROOT, 'docs/snippets/server');
// Inside the repository, so the child resolves express, hono, … from its node_modules.
mkdirSync(join(ROOT, '.data'), { recursive: true });
const WORK = mkdtempSync(join(ROOT, '.data', 'server-snippets-'));
after(() => rmSync(WORK, { recursive: true, force: true }));

const ENTRIES = {
  'seatkit/server': 'src/server/index.ts',
  'seatkit/server/node': 'src/server/node.ts',
  'seatkit/server/sqlite': 'src/server/sqlite/index.ts',
};

function freePort(): Promise<number> {
  return new Promise((done) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}

/** A folder holding the snippets as an integrator's project would, with its database seeded. */
async function project(name: string): Promise<string> {
  const dir = join(WORK, name);
  mkdirSync(dir);
  for (const file of ['auth.ts', 'seatkit.ts', `${name}.ts`])
    copyFileSync(join(SNIPPETS, file), join(dir, file));
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: {
        module: 'ESNext',
        moduleResolution: 'Bundler',
        target: 'ES2022',
        experimentalDecorators: true,
        useDefineForClassFields: false,
        paths: Object.fromEntries(
          Object.entries(ENTRIES).map(([entry, file]) => [entry, [join(ROOT, file)]]),
        ),
      },
    }),
  );
  const db = new Database(join(dir, 'seatkit.sqlite'));
  const setup = createSeatkitHandler({
    store: sqliteStore(db),
    controls: true,
    identify: () => null,
  });
  await setup.controls!.seed('acme', productExample(), { hashPassword: true });
  db.close();
  return dir;
}

async function start(name: string) {
  const dir = await project(name);
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', `${name}.ts`], {
    cwd: dir,
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}/api/seatkit`;
  for (let i = 0; ; i++) {
    try {
      await fetch(`${base}/viewer`);
      break;
    } catch (error) {
      if (i > 200 || child.exitCode !== null)
        throw new Error(`${name}.ts did not start`, { cause: error });
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return { base, stop: () => void child.kill('SIGTERM') };
}

const signedIn = { Authorization: 'Bearer demo-token' };

for (const name of ['express', 'hono', 'fastify']) {
  describe(`docs/snippets/server/${name}.ts`, () => {
    it('serves the engine behind the example sign-in: viewer, an invitation, 401 without a token', async () => {
      const server = await start(name);
      try {
        const viewer = await fetch(`${server.base}/viewer`, { headers: signedIn });
        assert.equal(viewer.status, 200);
        assert.equal(
          ((await viewer.json()) as { member: { email: string } }).member.email,
          'olivia@example.com',
        );
        const invite = await fetch(`${server.base}/invitations`, {
          method: 'POST',
          headers: {
            ...signedIn,
            'Content-Type': 'application/json',
            'Idempotency-Key': `docs-${name}`,
          },
          body: JSON.stringify({ email: `from-${name}@example.com`, role: 'agent' }),
        });
        assert.equal(invite.status, 201, await invite.clone().text());
        assert.equal(
          ((await invite.json()) as { email: string }).email,
          `from-${name}@example.com`,
        );
        const anonymous = await fetch(`${server.base}/team`);
        assert.equal(anonymous.status, 401);
      } finally {
        server.stop();
      }
    });
  });
}
