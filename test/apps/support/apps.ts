// The consumer apps of examples/, each installed from the packed tarball into a folder of its own
// outside the repository (so nothing resolves through the repository's node_modules), built with
// its own tool and served as a user's server would serve the build output.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { NPM, ROOT, cacheDir } from './package.js';

export const APPS = ['html', 'vite-ts', 'react', 'vue'] as const;
export type App = (typeof APPS)[number];

/** Runs a command; rejects with its output when it fails. Resolves with the seconds it took. */
export function run(command: string, args: string[], cwd: string): Promise<number> {
  const started = performance.now();
  return new Promise((done, fail) => {
    let output = '';
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('close', (code) =>
      code === 0
        ? done((performance.now() - started) / 1000)
        : fail(new Error(`${command} ${args.join(' ')} in ${cwd} exited ${code}:\n${output}`)),
    );
  });
}

/**
 * Copies examples/<app> to its install folder (keeping an earlier run's node_modules, so the
 * registry packages are only downloaded once), points its `seatkit` dependency at the tarball and
 * runs `npm install`. Returns the folder.
 */
export async function install(app: App, tarball: string): Promise<string> {
  const dir = cacheDir(app);
  // The tarball may have the same path and name as last time: npm would keep the old copy.
  for (const stale of ['dist', 'dist-server', 'src', 'node_modules/seatkit', 'package-lock.json'])
    rmSync(join(dir, stale), { recursive: true, force: true });
  cpSync(join(ROOT, 'examples', app), dir, {
    recursive: true,
    filter: (path) =>
      !/[\\/](node_modules|dist|dist-server)([\\/]|$)/.test(path.slice(ROOT.length)),
  });
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
  };
  manifest.dependencies.seatkit = `file:${tarball}`;
  writeFileSync(join(dir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  await run(
    NPM,
    ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'],
    dir,
  );
  return dir;
}

/** `npm run build` in the app's folder; the seconds it took. */
export function build(dir: string): Promise<number> {
  return run(NPM, ['run', 'build'], dir);
}

/** What the app's server serves: the build output, or the page itself for the plain HTML app. */
export function servedRoot(app: App, dir: string): string {
  return app === 'html' ? dir : join(dir, 'dist');
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
};

/** A static file server on a free loopback port. */
export async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    let file = normalize(join(base, path));
    if (!file.startsWith(base)) return void response.writeHead(403).end();
    if (path.endsWith('/')) file = join(file, 'index.html');
    if (!existsSync(file)) return void response.writeHead(404).end();
    response.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
