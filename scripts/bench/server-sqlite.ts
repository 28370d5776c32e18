/// <reference types="node" preserve="true" />
// The server engine on SQLite with a 1,000,000-member account: list pages (first and half a
// million deep), invites at concurrency 50, and the server process's memory. A benchmark, not a
// test: it prints a table (and writes JSON with --json) and exits 1 when a budget is broken.
//
//   node --import tsx scripts/bench/server-sqlite.ts [--members 1000000] [--requests 200]
//        [--invites 2000] [--concurrency 50] [--file path.sqlite] [--json out.json]
//
// The account is seeded once through the store (batched inserts in a few transactions, not a
// million HTTP requests) into a file in a temporary folder (or --file, reused when it already
// holds the account). The measurements run in a fresh process, the "server", so its memory is
// what serving the file takes, not what seeding it took.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { memberNameKey } from '../../src/rules/order.js';
import { createSeatkitHandler } from '../../src/server/index.js';
import type { MemberRecord } from '../../src/server/index.js';
import { encodeCursor } from '../../src/server/list.js';
import { sqliteStore } from '../../src/server/sqlite/index.js';

const ACCOUNT = 'big';
const OWNER = 'mem-owner-example-com';
const BASE = 'http://seatkit.bench/api';
const BUDGET = { listP99Ms: 20, invitesPerSecond: 500 };

const { values: args } = parseArgs({
  options: {
    members: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '200' },
    invites: { type: 'string', default: '2000' },
    concurrency: { type: 'string', default: '50' },
    file: { type: 'string' },
    json: { type: 'string' },
    phase: { type: 'string', default: 'main' },
  },
});
const MEMBERS = Number(args.members);
const started = Date.now();
const log = (text: string) =>
  console.error(
    `[bench:sqlite ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${text}`,
  );

// ---- seeding ------------------------------------------------------------------------------------

const FIRST = [
  'Olivia',
  'Marcus',
  'Priya',
  'Tom',
  'Ana',
  'Jon',
  'Wei',
  'Fatima',
  'Liam',
  'Zoë',
  'Émile',
  'Sofia',
  'Noah',
  'Yuki',
  'Kwame',
  'Ines',
];
const LAST = [
  'Park',
  'Lee',
  'Shah',
  'Becker',
  'Souza',
  'Fry',
  'Chen',
  'Zahra',
  'O’Connor',
  'Müller',
  'García',
  'Okafor',
  'Nakamura',
  'Dubois',
  'Rossi',
  'Kowalski',
];

function member(i: number): MemberRecord {
  // Names repeat (as real ones do), so the id breaks many ties.
  const name = `${FIRST[i % 16]} ${LAST[(i >> 4) % 16]} ${(i >> 8) % 997}`;
  const email = `user${i}@example.com`;
  return {
    id: `mem-user${i}-example-com`,
    name,
    email,
    canonical: email,
    nameKey: memberNameKey(name),
    role: i % 50 === 0 ? 'admin' : i % 7 === 0 ? 'supervisor' : 'agent',
    status: i % 20 === 0 ? 'deactivated' : 'active',
    version: 1,
    recordings: i % 13,
    smsConversations: i % 5,
    campaigns: i % 3 === 0 ? ['Q4 renewals'] : [],
    personalIntegrations: [],
  };
}

async function seed(file: string): Promise<void> {
  const db = new Database(file);
  const store = sqliteStore(db);
  const handler = createSeatkitHandler({
    store,
    controls: true,
    identify: () => null,
  });
  await handler.controls!.seed(ACCOUNT, {
    plan: 'enterprise',
    billing: 'monthly',
    cycleStart: '2026-11-01',
    now: '2026-11-16T09:30:00Z',
    actor: 'owner@example.com',
    password: 'correct horse battery',
    members: [{ name: 'Owner', email: 'owner@example.com', role: 'owner', status: 'active' }],
    invitations: [],
    phoneNumbers: [],
    ringGroups: [],
  });
  const t0 = performance.now();
  const BATCH = 50_000;
  for (let from = 0; from < MEMBERS; from += BATCH) {
    const batch = Array.from({ length: Math.min(BATCH, MEMBERS - from) }, (_, k) =>
      member(from + k),
    );
    await store.transaction(ACCOUNT, 'write', async (tx) => {
      await tx.reserveIds(batch.map((m) => m.id));
      await tx.insertMembers(batch);
    });
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  log(
    `seeded ${MEMBERS.toLocaleString('en')} members in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  await store.close();
  db.close();
}

// ---- measuring (the server process) ------------------------------------------------------------

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

function stats(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted.at(-1)! };
}

interface Row {
  name: string;
  p50?: number;
  p99?: number;
  /** CPU time of the server process per request (what the machine's other load does not change). */
  cpu?: number;
  value?: number;
  unit: string;
  budget?: string;
  ok?: boolean;
}

async function measure(file: string): Promise<Row[]> {
  const db = new Database(file);
  const store = sqliteStore(db);
  const handler = createSeatkitHandler({
    store,
    basePath: '/api',
    controls: true,
    identify: () => ({ accountId: ACCOUNT, memberId: OWNER }),
  });
  const rows: Row[] = [];
  const get = async (path: string) => {
    const response = await handler(new Request(`${BASE}${path}`));
    if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return (await response.json()) as { items?: unknown[]; total?: number };
  };
  async function timeGets(
    name: string,
    path: string,
    { requests = Number(args.requests), budget = true } = {},
  ) {
    for (let i = 0; i < Math.min(10, requests); i++) await get(path); // warm the page cache
    const times: number[] = [];
    let items = 0;
    const cpu = process.cpuUsage();
    for (let i = 0; i < requests; i++) {
      const t = performance.now();
      const page = await get(path);
      times.push(performance.now() - t);
      items = page.items?.length ?? 0;
    }
    const used = process.cpuUsage(cpu);
    const s = stats(times);
    rows.push({
      name: items ? `${name} (${items} rows)` : name,
      p50: s.p50,
      p99: s.p99,
      cpu: (used.user + used.system) / 1000 / requests,
      unit: 'ms',
      ...(budget ? { budget: `p99 ≤ ${BUDGET.listP99Ms}`, ok: s.p99 <= BUDGET.listP99Ms } : {}),
    });
    log(`${name}: p50 ${s.p50.toFixed(2)} ms, p99 ${s.p99.toFixed(2)} ms`);
  }

  const total = (await get('/team?limit=1')).total ?? 0;
  log(`the account lists ${total.toLocaleString('en')} entries`);
  // The cursor after entry 500,000 of the name order, as a client paging there would hold it.
  const depth = Math.floor(total / 2);
  const at = db
    .prepare(
      'SELECT name_key, id FROM seatkit_members WHERE account_id = ? ORDER BY name_key, id LIMIT 1 OFFSET ?',
    )
    .get(ACCOUNT, depth - 1) as { name_key: string; id: string };
  const cursor = encodeURIComponent(
    encodeCursor('name', 'asc', { rank: 0, nameKey: at.name_key, id: at.id }),
  );
  const byStatus = db
    .prepare(
      `SELECT name_key, id FROM seatkit_members WHERE account_id = ? AND status = 'active' AND role = 'agent' ORDER BY name_key, id LIMIT 1 OFFSET ?`,
    )
    .get(ACCOUNT, Math.floor(depth / 2)) as { name_key: string; id: string };
  const statusCursor = encodeURIComponent(
    encodeCursor('status', 'desc', { rank: 0, nameKey: byStatus.name_key, id: byStatus.id }),
  );

  await timeGets('listTeam, first page', '/team?limit=200');
  await timeGets(
    `listTeam, page at depth ${depth.toLocaleString('en')}`,
    `/team?limit=200&cursor=${cursor}`,
  );
  await timeGets(
    'listTeam by status desc, deep page',
    `/team?limit=200&sort=status&direction=desc&cursor=${statusCursor}`,
  );
  await timeGets('listTeam role=admin, first page', '/team?limit=200&role=admin');
  await timeGets(
    'listTeam search "kowalski 99" (tests every entry)',
    `/team?limit=200&search=${encodeURIComponent('kowalski 99')}`,
    { requests: 10, budget: false },
  );

  // Invites at concurrency 50 on the one account, each with its own Idempotency-Key.
  const invites = Number(args.invites);
  const concurrency = Number(args.concurrency);
  let next = 0;
  const latencies: number[] = [];
  const cpu = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < invites) {
        const i = next++;
        const t = performance.now();
        const response = await handler(
          new Request(`${BASE}/invitations`, {
            method: 'POST',
            headers: {
              'Content-Type': 'application/json',
              'Idempotency-Key': `bench-${process.pid}-${i}`,
            },
            body: JSON.stringify({
              email: `bench${process.pid}-${i}@invited.example`,
              role: 'agent',
            }),
          }),
        );
        if (response.status !== 201)
          throw new Error(`invite ${i}: HTTP ${response.status} ${await response.text()}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const used = process.cpuUsage(cpu);
  const perSecond = invites / seconds;
  const s = stats(latencies);
  rows.push({
    name: `invites, ${invites} at concurrency ${concurrency}`,
    value: perSecond,
    unit: '/s',
    budget: `≥ ${BUDGET.invitesPerSecond}/s`,
    ok: perSecond >= BUDGET.invitesPerSecond,
  });
  rows.push({
    name: `invite latency at concurrency ${concurrency}`,
    p50: s.p50,
    p99: s.p99,
    cpu: (used.user + used.system) / 1000 / invites,
    unit: 'ms',
  });
  log(`invites: ${perSecond.toFixed(0)}/s, p50 ${s.p50.toFixed(1)} ms, p99 ${s.p99.toFixed(1)} ms`);

  await timeGets('listTeam, first page, after the invites', '/team?limit=200');
  await timeGets('billing summary', '/billing', { budget: false });

  globalThis.gc?.();
  const memory = process.memoryUsage();
  rows.push({
    name: `server RSS at ${MEMBERS.toLocaleString('en')} members`,
    value: memory.rss / 2 ** 20,
    unit: 'MiB',
  });
  rows.push({ name: 'server JS heap used', value: memory.heapUsed / 2 ** 20, unit: 'MiB' });
  await store.close();
  db.close();
  return rows;
}

// ---- main ---------------------------------------------------------------------------------------

function printTable(rows: Row[]): void {
  const fmt = (x: number | undefined, d = 2) => (x === undefined ? '' : x.toFixed(d));
  const lines = [
    ['measure', 'p50', 'p99', 'CPU/request', 'value', 'budget', ''],
    ...rows.map((r) => [
      r.name,
      r.p50 === undefined ? '' : `${fmt(r.p50)} ${r.unit}`,
      r.p99 === undefined ? '' : `${fmt(r.p99)} ${r.unit}`,
      r.cpu === undefined ? '' : `${fmt(r.cpu)} ms`,
      r.value === undefined ? '' : `${fmt(r.value, 0)} ${r.unit}`,
      r.budget ?? '',
      r.ok === undefined ? '' : r.ok ? 'ok' : 'OVER BUDGET',
    ]),
  ];
  const widths = lines[0]!.map((_, c) => Math.max(...lines.map((l) => l[c]!.length)));
  for (const [i, line] of lines.entries()) {
    console.log(
      line
        .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
        .join('  '),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
}

/** Whether the file holds the benchmark's account already (a run with --file reuses it). */
function holdsAccount(file: string): boolean {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE name = 'seatkit_accounts'`);
    return Boolean(
      tables.get() && db.prepare('SELECT 1 FROM seatkit_accounts WHERE id = ?').get(ACCOUNT),
    );
  } finally {
    db.close();
  }
}

if (args.phase === 'measure') {
  process.stdout.write(JSON.stringify(await measure(args.file!)));
} else {
  const temp = args.file ? null : mkdtempSync(join(tmpdir(), 'seatkit-bench-sqlite-'));
  const file = args.file ?? join(temp!, 'bench.sqlite');
  try {
    const seeded = existsSync(file) && holdsAccount(file);
    if (seeded) log(`reusing ${file}`);
    else await seed(file);
    const child = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '--expose-gc',
        fileURLToPath(import.meta.url),
        ...process.argv.slice(2),
        '--phase',
        'measure',
        '--file',
        file,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
    );
    if (child.status !== 0) throw new Error(`the server process failed (exit ${child.status})`);
    const rows = JSON.parse(child.stdout.toString()) as Row[];
    const load = loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
    console.log(
      `\nServer engine on SQLite, ${MEMBERS.toLocaleString('en')} members · ${cpus().length} cores, load average ${load} · Node ${process.versions.node}\n`,
    );
    printTable(rows);
    if (args.json)
      writeFileSync(
        args.json,
        `${JSON.stringify({ date: new Date().toISOString(), members: MEMBERS, loadavg: loadavg(), rows }, null, 2)}\n`,
      );
    process.exitCode = rows.some((r) => r.ok === false) ? 1 : 0;
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}
