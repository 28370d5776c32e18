// Where the time goes: runs one bench scenario on an unminified build with the CPU profiler on
// during the measured window only, and prints the heaviest functions (self and total time) with
// the module each one comes from. For finding the cause of a missed budget, not for figures.
//
//   node scripts/bench/profile.mjs team10k | team100k | search10k | bulk10k | bulk100k |
//     bulkcommas | bulkquotes | invite | select10k
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../chrome-path.mjs';
import { buildPage, serve } from './page.mjs';

const SCENARIOS = {
  team10k: (b) => b.prepare(10_000).then(() => b.teamFromStore()),
  team100kstore: (b) => b.prepare(100_000).then(() => b.teamFromStore()),
  team100k: (b) => b.prepare(100_000).then(() => b.teamThroughAdapter(40_000)),
  bulk10k: (b) => b.prepare(10_000).then(() => b.bulkCsv(10_000)),
  bulk100k: (b) => b.prepare(10_000).then(() => b.bulkCsv(100_000)),
  bulkcommas: (b) => b.prepare(1_000).then(() => b.bulkHostile('commas')),
  bulkquotes: (b) => b.prepare(1_000).then(() => b.bulkHostile('quotes')),
  invite: (b) => b.prepare(10_000).then(() => b.inviteOpen()),
  select10k: (b) => b.prepare(10_000).then(() => b.selectAllAndConfirm(true)),
};
const name = process.argv[2];
if (!name || !(name in SCENARIOS || name === 'search10k')) {
  console.error(
    `Usage: node scripts/bench/profile.mjs ${[...Object.keys(SCENARIOS), 'search10k'].join('|')}`,
  );
  process.exit(2);
}

const dir = await buildPage({ minify: false });
const bundle = readFileSync(
  join(
    dir,
    'assets',
    (await import('node:fs')).readdirSync(join(dir, 'assets')).find((f) => f.endsWith('.js')),
  ),
  'utf8',
);
// Rolldown marks each module of an unminified bundle with `//#region <path>`.
const regions = [];
bundle.split('\n').forEach((line, i) => {
  const m = line.match(/^\/\/#region (.*)$/);
  if (m) regions.push([i, m[1]]);
});
const moduleAt = (line) => {
  let found = '?';
  for (const [start, path] of regions) {
    if (start > line) break;
    found = path;
  }
  return found.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '');
};

const { server, url } = await serve(dir);
const browser = await chromium.launch({
  executablePath: findChrome(),
  args: [...chromeArgs, '--js-flags=--expose-gc'],
  headless: true,
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
  const profiles = [];
  cdp.on('Profiler.consoleProfileFinished', (e) => profiles.push(e.profile));
  await page.goto(`${url}?profile`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
  let result;
  if (name === 'search10k') {
    await page.evaluate(() =>
      window.seatkitBench.prepare(10_000).then(() => window.seatkitBench.teamFromStore()),
    );
    await page.locator('team-members input[type="search"]').focus();
    await page.evaluate(() => window.seatkitBench.startWatch());
    result = [];
    for (const ch of 'kofi') {
      await page.evaluate(() => window.seatkitBench.armSearchKey());
      await page.keyboard.press(ch);
      result.push(await page.evaluate(() => window.seatkitBench.keyResult()));
    }
    await page.evaluate(() => window.seatkitBench.stopWatch());
  } else {
    result = await page.evaluate(`(${SCENARIOS[name]})(window.seatkitBench)`);
  }
  console.log(
    JSON.stringify(result, (k, v) => (typeof v === 'number' ? Math.round(v * 10) / 10 : v)),
  );
  const profile = profiles.at(-1);
  if (!profile) throw new Error('no profile recorded');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = new Map();
  profile.samples.forEach((id, i) =>
    dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas[i + 1] ?? 0)),
  );
  const key = (n) => {
    const f = n.callFrame;
    const where = f.url ? `${moduleAt(f.lineNumber)}` : '(native)';
    return `${f.functionName || '(anonymous)'}  [${where}]`;
  };
  // Total time: a function's own samples plus its callees', counted once per stack.
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const total = new Map();
  for (const [id, us] of dt) {
    const n = byId.get(id);
    self.set(key(n), (self.get(key(n)) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const k = key(byId.get(cur));
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + us);
    }
  }
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, us]) => `  ${(us / 1000).toFixed(1).padStart(8)} ms  ${k}`)
      .join('\n');
  const span = (profile.endTime - profile.startTime) / 1000;
  console.log(
    `\nProfile of the measured window: ${span.toFixed(0)} ms\nSelf time:\n${top(self, 25)}\nTotal time:\n${top(total, 40)}`,
  );
} finally {
  await browser.close();
  server.close();
  rmSync(dir, { recursive: true, force: true });
}
