// The package as its users get it: `npm pack` (whose prepack builds), once per `npm test` run.
// scripts/test.mjs packs before the stage and passes the tarball as SEATKIT_TARBALL; a file run on
// its own packs for itself.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../../..');
export const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** A folder of our own under the system's temp folder, kept between runs (installs are cached). */
export function cacheDir(name: string): string {
  const id = createHash('sha256').update(ROOT).digest('hex').slice(0, 10);
  const dir = join(tmpdir(), `seatkit-apps-${id}`, name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

let packed: string | undefined;

/** Packs the repository (build included) into a temp folder; returns the tarball's path. */
export function packTarball(): string {
  const dir = mkdtempSync(join(tmpdir(), 'seatkit-pack-'));
  const out = execFileSync(NPM, ['pack', '--json', '--pack-destination', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [result] = JSON.parse(out.slice(out.indexOf('['))) as Array<{ filename: string }>;
  if (!result) throw new Error(`npm pack printed no file name:\n${out}`);
  return join(dir, result.filename);
}

/** The tarball this run tests. */
export function tarball(): string {
  packed ??= process.env.SEATKIT_TARBALL || packTarball();
  return packed;
}
