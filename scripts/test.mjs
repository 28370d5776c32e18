// `npm test`: every Node test, then every browser test in real Chromium, then one closing line.
// Usage: node scripts/test.mjs [--node-only | --browser-only] [extra web-test-runner args]
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findChrome } from './chrome-path.mjs';

const args = process.argv.slice(2);
const nodeOnly = args.includes('--node-only');
const browserOnly = args.includes('--browser-only');
const passThrough = args.filter(
  (arg) => !arg.startsWith('--node-only') && arg !== '--browser-only',
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

if (!browserOnly) {
  const files = filesUnder('test/node', '.test.ts');
  const result = await run(process.execPath, [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    ...files,
  ]);
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

if (!nodeOnly) {
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

if (failed > 0) exitCode = 1;
if (serverPostgresSkipped > 0)
  console.log(
    `\n${serverPostgresSkipped} server-PostgreSQL tests skipped: set SEATKIT_TEST_POSTGRES_URL=postgres://… or run scripts/postgres-cluster.sh run -- npm test (.ci/run does).`,
  );
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(exitCode);
