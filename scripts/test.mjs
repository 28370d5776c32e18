// `npm test`: every Node test, then every browser test in real Chromium, then the apps stage (the
// packed package installed into the consumer apps of examples/, built and driven in Chromium, and
// the demo started on an empty Vite cache), then one closing line.
// The apps stage is part of `npm test`, not only a CI step, so that what breaks the package for
// its users fails where every change is tested, on a developer's machine as in CI.
// Usage: node scripts/test.mjs [--node-only | --browser-only | --apps-only | --no-apps]
//        [extra web-test-runner args]
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from './chrome-path.mjs';

const args = process.argv.slice(2);
const nodeOnly = args.includes('--node-only');
const browserOnly = args.includes('--browser-only');
const appsOnly = args.includes('--apps-only');
const noApps = args.includes('--no-apps');
const passThrough = args.filter(
  (arg) => !['--node-only', '--browser-only', '--apps-only', '--no-apps'].includes(arg),
);

function filesUnder(dir, suffix) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(filesUnder(path, suffix));
    else if (name.endsWith(suffix)) out.push(path);
  }
  return out.sort();
}

function run(command, commandArgs, env = {}) {
  return new Promise((resolve) => {
    let output = '';
    const child = spawn(command, commandArgs, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (chunk) => {
      process.stdout.write(chunk);
      output += chunk.toString();
    });
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

let passed = 0;
let failed = 0;
let skipped = 0;
let exitCode = 0;
// Tests that need a PostgreSQL server skip with this reason when none is configured.
let serverPostgresSkipped = 0;

/** Runs node:test files and adds their counts. */
async function nodeTests(files, env = {}) {
  const result = await run(
    process.execPath,
    ['--import', 'tsx', '--test', '--test-reporter=spec', ...files],
    env,
  );
  const count = (label) => Number(result.output.match(new RegExp(`ℹ ${label} (\\d+)`))?.[1] ?? 0);
  passed += count('pass');
  failed += count('fail') + count('cancelled');
  skipped += count('skipped') + count('todo');
  serverPostgresSkipped = result.output.match(/# needs a PostgreSQL server/g)?.length ?? 0;
  if (result.code !== 0) {
    exitCode = 1;
    if (count('fail') + count('cancelled') === 0) failed += 1;
  }
}

if (!browserOnly && !appsOnly) await nodeTests(filesUnder('test/node', '.test.ts'));

if (!nodeOnly && !appsOnly) {
  try {
    findChrome();
  } catch (error) {
    console.error(`\n${error.message}\n`);
    console.log(`${passed} passed, ${failed + 1} failed`);
    process.exit(1);
  }
  const countsFile = join(tmpdir(), `seatkit-wtr-${process.pid}.json`);
  const result = await run(
    process.execPath,
    ['node_modules/@web/test-runner/dist/bin.js', ...passThrough],
    { SEATKIT_WTR_COUNTS: countsFile },
  );
  let counts = { passed: 0, failed: 0, skipped: 0 };
  try {
    counts = JSON.parse(readFileSync(countsFile, 'utf8'));
    rmSync(countsFile);
  } catch {
    counts.failed = 1;
  }
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
  if (result.code !== 0) {
    exitCode = 1;
    if (counts.failed === 0) failed += 1;
  }
}

if (appsOnly || (!nodeOnly && !browserOnly && !noApps)) {
  // One tarball for every app: `npm pack` runs prepack (the build) and packs what users get.
  const packDir = mkdtempSync(join(tmpdir(), 'seatkit-pack-'));
  const pack = spawnSync('npm', ['pack', '--json', '--pack-destination', packDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const filename =
    pack.status === 0 ? JSON.parse(pack.stdout.slice(pack.stdout.indexOf('[')))[0]?.filename : null;
  if (!filename) {
    console.error('\nnpm pack failed: the apps stage cannot run.');
    failed += 1;
    exitCode = 1;
  } else {
    await nodeTests(filesUnder('test/apps', '.test.ts'), {
      SEATKIT_TARBALL: join(packDir, filename),
    });
  }
  rmSync(packDir, { recursive: true, force: true });
}

if (failed > 0) exitCode = 1;
if (serverPostgresSkipped > 0)
  console.log(
    `\n${serverPostgresSkipped} server-PostgreSQL tests skipped: set SEATKIT_TEST_POSTGRES_URL=postgres://… or run scripts/postgres-cluster.sh run -- npm test (.ci/run does).`,
  );
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
