// `npm run bench`: Seatkit's performance figures against their budgets (docs/performance.md).
// A benchmark, not a test: it prints a table, writes bench-results/<timestamp>.json and
// bench-results/latest.json, shows the change from the previous latest.json, and exits 1 when a
// budget is broken. After the browser figures it runs the server bench (scripts/bench/server.ts,
// `npm run bench:server`), which prints its own table and writes bench-results/server-latest.json.
//
//   node scripts/bench/run.mjs [--runs 5] [--only size,team10k,team100k,select10k,bulk10k,bulk100k,bulkhostile,invite,server]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem, platform, release } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromeArgs, findChrome } from '../chrome-path.mjs';
import { buildPage, serve } from './page.mjs';
import { measureSizes } from './size.mjs';
import { compare, printTable } from './report.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const RESULTS = join(ROOT, 'bench-results');
const SCENARIOS = [
  'size',
  'team10k',
  'team100k',
  'select10k',
  'bulk10k',
  'bulk100k',
  'bulkhostile',
  'invite',
  'server',
];

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    'no-save': { type: 'boolean', default: false },
  },
});
const RUNS = Math.max(1, Number(args.runs));
const only = new Set(args.only ? args.only.split(',') : SCENARIOS);
for (const name of only) if (!SCENARIOS.includes(name)) throw new Error(`Unknown scenario ${name}`);

const started = Date.now();
const log = (text) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${text}`);

// ---- statistics ---------------------------------------------------------------------------------

const median = (xs) => {
  const s = xs.filter((x) => typeof x === 'number').sort((a, b) => a - b);
  if (s.length === 0) return null;
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => (xs.length ? Math.max(...xs) : null);
/** The longest frame any of the runs recorded, or null. */
const worstFrame = (runs) =>
  runs
    .map((r) => r.worstFrame)
    .filter(Boolean)
    .sort((a, b) => b.duration - a.duration)[0] ?? null;
const round = (x, d = 1) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** d) / 10 ** d;

// ---- scenarios ------------------------------------------------------------------------------------

/** Runs `body(page)` on a fresh page RUNS times; returns the per-run results. */
async function onFreshPages(browser, url, name, body) {
  const results = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    try {
      await page.goto(url);
      await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
      results.push(await body(page));
    } catch (error) {
      throw new Error(
        `${name} run ${i + 1}: ${error.message}${errors.length ? `\n  page errors: ${errors.join('\n  ')}` : ''}`,
      );
    } finally {
      await context.close();
    }
  }
  log(`${name}: ${RUNS} runs`);
  return results;
}

/** Types `text` into the focused field one key at a time; each key timed in the page. */
async function typeTimed(page, text, arm) {
  const times = [];
  for (const ch of text) {
    await page.evaluate(arm);
    await page.keyboard.press(ch === ' ' ? 'Space' : ch);
    times.push(await page.evaluate(() => window.seatkitBench.keyResult()));
  }
  return times;
}

const SEARCH = 'kofi';

async function team(browser, url, members) {
  const fromStore = await onFreshPages(browser, url, `team ${members} from store`, async (page) => {
    await page.evaluate((n) => window.seatkitBench.prepare(n), members);
    const first = await page.evaluate(() => window.seatkitBench.teamFromStore());
    await page.locator('team-members input[type="search"]').focus();
    await page.evaluate(() => window.seatkitBench.startWatch());
    const keys = await typeTimed(page, SEARCH, () => window.seatkitBench.armSearchKey());
    const keyTasks = await page.evaluate(() => window.seatkitBench.stopWatch());
    return { first, keys, keyTasks };
  });
  const viaAdapter = await onFreshPages(
    browser,
    url,
    `team ${members} through the adapter`,
    async (page) => {
      await page.evaluate((n) => window.seatkitBench.prepare(n), members);
      return page.evaluate(
        (limit) => window.seatkitBench.teamThroughAdapter(limit),
        members > 10_000 ? 40_000 : 20_000,
      );
    },
  );
  const keyMs = fromStore.flatMap((r) => r.keys.map((k) => k.ms));
  return {
    members,
    firstRowsFromStoreMs: round(median(fromStore.map((r) => r.first.ms))),
    firstRowsFromStoreLongestTaskMs: round(max(fromStore.map((r) => r.first.longestTask))),
    searchKeyMs: round(median(keyMs)),
    searchKeyMaxMs: round(max(keyMs)),
    searchLongestTaskMs: round(max(fromStore.map((r) => r.keyTasks.longestTask))),
    shownAfterSearch: fromStore[0]?.keys.at(-1)?.shown ?? null,
    firstRowsViaAdapterMs: round(median(viaAdapter.map((r) => r.firstRowsMs))),
    allLoadedViaAdapterMs: round(median(viaAdapter.map((r) => r.allLoadedMs))),
    allLoadedRuns: viaAdapter.filter((r) => r.allLoadedMs !== null).length,
    loadedViaAdapter: median(viaAdapter.map((r) => r.loaded)),
    requestsViaAdapter: median(viaAdapter.map((r) => r.requests)),
    loadLongestTaskMs: round(max(viaAdapter.map((r) => r.longestTask))),
    loadLongTasks: median(viaAdapter.map((r) => r.longTasks)),
    worstFrame: worstFrame([
      ...viaAdapter,
      ...fromStore.map((r) => r.first),
      ...fromStore.map((r) => r.keyTasks),
    ]),
    raw: { fromStore, viaAdapter },
  };
}

/**
 * <team-members> with 10,000 members: select all, open the bulk confirmation (Deactivate); with
 * the bulk chunk downloaded as the pointer reached the box (the figure), and on first use
 * without (printed).
 */
async function selectAll(browser, url) {
  const run = (intent) => async (page) => {
    await page.evaluate(() => window.seatkitBench.prepare(10_000));
    return page.evaluate((i) => window.seatkitBench.selectAllAndConfirm(i), intent);
  };
  const runs = await onFreshPages(browser, url, 'select all 10k and confirm', run(true));
  const cold = await onFreshPages(browser, url, 'select all 10k and confirm, cold', run(false));
  return {
    coldTotalMs: round(median(cold.map((r) => r.totalMs))),
    coldSelectMs: round(median(cold.map((r) => r.selectMs))),
    totalMs: round(median(runs.map((r) => r.totalMs))),
    totalMaxMs: round(max(runs.map((r) => r.totalMs))),
    selectMs: round(median(runs.map((r) => r.selectMs))),
    menuMs: round(median(runs.map((r) => r.menuMs))),
    openMs: round(median(runs.map((r) => r.openMs))),
    previewMs: round(median(runs.map((r) => r.previewMs))),
    longestTaskMs: round(max(runs.map((r) => r.longestTask))),
    longTasks: median(runs.map((r) => r.longTasks)),
    selected: runs[0]?.selected ?? '',
    title: runs[0]?.title ?? '',
    summary: runs[0]?.summary ?? '',
    worstFrame: worstFrame(runs),
    raw: { runs, cold },
  };
}

async function bulkInvite(browser, url, rows) {
  const runs = await onFreshPages(browser, url, `bulk ${rows} rows`, async (page) => {
    await page.evaluate(() => window.seatkitBench.prepare(10_000));
    return page.evaluate((n) => window.seatkitBench.bulkCsv(n), rows);
  });
  return {
    rows,
    previewMs: round(median(runs.map((r) => r.ms))),
    priceMs: round(median(runs.map((r) => r.priceMs))),
    longestTaskMs: round(max(runs.map((r) => r.longestTask))),
    longTasks: median(runs.map((r) => r.longTasks)),
    summary: runs[0]?.summary ?? '',
    worstFrame: worstFrame(runs),
    raw: runs,
  };
}

/** The hostile CSV files (page/csv.ts): the longest task while each is read and checked. */
async function bulkHostile(browser, url) {
  const out = {};
  for (const kind of ['commas', 'quotes']) {
    const runs = await onFreshPages(browser, url, `bulk hostile ${kind}`, async (page) => {
      await page.evaluate(() => window.seatkitBench.prepare(1_000));
      return page.evaluate((k) => window.seatkitBench.bulkHostile(k), kind);
    });
    out[kind] = {
      verdictMs: round(median(runs.map((r) => r.ms))),
      longestTaskMs: round(max(runs.map((r) => r.longestTask))),
      longTasks: median(runs.map((r) => r.longTasks)),
      verdict: runs[0]?.verdict ?? '',
      worstFrame: worstFrame(runs),
      raw: runs,
    };
  }
  return out;
}

async function invite(browser, url) {
  const runs = await onFreshPages(browser, url, 'invite dialog', async (page) => {
    await page.evaluate(() => window.seatkitBench.prepare(10_000));
    const open = await page.evaluate(() => window.seatkitBench.inviteOpen());
    await page.locator('invite-dialog #email').focus();
    await page.evaluate(() => window.seatkitBench.startWatch());
    const keys = await typeTimed(page, 'new.hire', () => window.seatkitBench.armInviteKey());
    const keyTasks = await page.evaluate(() => window.seatkitBench.stopWatch());
    return { open, keys, keyTasks };
  });
  const keyMs = runs.flatMap((r) => r.keys.map((k) => k.ms));
  return {
    openToInteractiveMs: round(median(runs.map((r) => r.open.interactiveMs))),
    openToPriceMs: round(median(runs.map((r) => r.open.priceMs))),
    keyToPriceMs: round(median(keyMs)),
    keyMaxMs: round(max(keyMs)),
    longestTaskMs: round(max(runs.flatMap((r) => [r.open.longestTask, r.keyTasks.longestTask]))),
    raw: runs,
  };
}

// ---- main -----------------------------------------------------------------------------------------

const results = {
  date: new Date().toISOString(),
  runs: RUNS,
  machine: {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: round(totalmem() / 2 ** 30),
    freeMemoryGiB: round(freemem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    /** 1-minute load average at the start; above the core count, other work competed with the bench. */
    loadAverage: round(loadavg()[0], 2),
    node: process.version,
  },
  browser: null,
  figures: {},
};

let server = null;
let browser = null;
let pageDir = null;
try {
  if (only.has('size')) {
    results.size = await measureSizes(ROOT);
    log('sizes measured');
  }
  const browserScenarios = [...only].filter((s) => s !== 'size' && s !== 'server');
  if (browserScenarios.length > 0) {
    pageDir = await buildPage();
    log('bench page built (vite, production)');
    const served = await serve(pageDir);
    server = served.server;
    browser = await chromium.launch({
      executablePath: findChrome(),
      // gc(): the page collects the setup's garbage before a clock starts (see prepare()).
      args: [...chromeArgs, '--js-flags=--expose-gc'],
      headless: true,
    });
    results.browser = `Chromium ${browser.version()}`;
    const url = served.url;
    const scenarios = {
      team10k: () => team(browser, url, 10_000),
      team100k: () => team(browser, url, 100_000),
      select10k: () => selectAll(browser, url),
      bulk10k: () => bulkInvite(browser, url, 10_000),
      bulk100k: () => bulkInvite(browser, url, 100_000),
      bulkhostile: () => bulkHostile(browser, url),
      invite: () => invite(browser, url),
    };
    for (const [name, run] of Object.entries(scenarios)) {
      if (!only.has(name)) continue;
      try {
        results[name] = await run();
      } catch (error) {
        // One broken scenario must not hide the others: its figures print as n/a and its budgets fail.
        log(`${name} FAILED: ${error.message.split('\n')[0]}`);
        results[name] = { error: error.message.split('\n')[0] };
      }
    }
  }
} finally {
  await browser?.close();
  server?.close();
  if (pageDir) rmSync(pageDir, { recursive: true, force: true });
}

let broken = 0;
if ([...only].some((s) => s !== 'server')) {
  results.seconds = round((Date.now() - started) / 1000);
  results.machine.loadAverageAtEnd = round(loadavg()[0], 2);
  const previousPath = join(RESULTS, 'latest.json');
  const previous = existsSync(previousPath) ? JSON.parse(readFileSync(previousPath, 'utf8')) : null;
  const rows = compare(results, previous);
  broken = printTable(results, rows, previous);

  if (!args['no-save']) {
    mkdirSync(RESULTS, { recursive: true });
    const text = `${JSON.stringify({ ...results, table: rows }, null, 2)}\n`;
    const file = join(RESULTS, `${results.date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, text);
    writeFileSync(previousPath, text);
    console.log(
      `\nWrote ${file.slice(ROOT.length + 1)} and bench-results/latest.json (${results.seconds} s).`,
    );
  }
}

// The server engine on each store (minutes: it seeds 1,000,000 members unless a seed is kept).
if (only.has('server')) {
  log('server: node --import tsx scripts/bench/server.ts (npm run bench:server)');
  const serverBench = spawnSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'scripts/bench/server.ts'),
      ...(args['no-save'] ? ['--no-save'] : []),
    ],
    { stdio: 'inherit' },
  );
  if (serverBench.status !== 0) broken++;
}
process.exitCode = broken > 0 ? 1 : 0;
