/// <reference types="node" preserve="true" />
// The server engine on PostgreSQL at size: one account of 1,000,000 members, its list's first page
// and a page 500,000 entries deep through the engine's handler, invites at concurrency 50 on that
// account, and the memory of this process, which serves them (the seeding runs in a child process,
// so its garbage is not counted). Prints a table (and JSON with --json); exits 1 when a budget is
// broken. Without --url it starts a throwaway cluster (scripts/postgres-cluster.sh, durable:
// fsync on) and stops it at the end; with --url it works in a schema of its own and drops it,
// or in --schema NAME, which it keeps (seeded once, measured as often as you like).
//
//   node --import tsx scripts/bench/server-postgres.ts [--url postgres://…] [--schema NAME]
//     [--members 1000000] [--requests 200] [--invites 3000] [--concurrency 50] [--json]
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { memberNameKey } from '../../src/rules/order.js';
import { createSeatkitHandler } from '../../src/server/index.js';
import type { MemberRecord } from '../../src/server/index.js';
import { encodeCursor } from '../../src/server/list.js';
import { fromPgPool, migrate, postgresStore } from '../../src/server/postgres/index.js';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string' },
    members: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '200' },
    invites: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '50' },
    json: { type: 'boolean', default: false },
    /** A schema to work in and keep (seeded if it isn't yet). */
    schema: { type: 'string' },
    /** Internal: seed the schema and exit (the child process that seeds). */
    'seed-only': { type: 'boolean', default: false },
  },
});
const MEMBERS = Number(args.members);
const REQUESTS = Number(args.requests);
const INVITES = Number(args.invites);
const CONCURRENCY = Number(args.concurrency);
const DEPTH = Math.floor(MEMBERS / 2);
const ACCOUNT = 'bench';
const OWNER = 'mem-owner';
const BASE = 'http://bench.test/api';

const started = Date.now();
const loadAtStart = loadavg()[0]!;
const log = (text: string) =>
  console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${text}`);

// ---- the database -------------------------------------------------------------------------------

const CLUSTER = new URL('../postgres-cluster.sh', import.meta.url).pathname;
let clusterDir: string | null = null;
let url = args.url ?? process.env.SEATKIT_BENCH_POSTGRES_URL ?? null;
if (!url && args['seed-only']) throw new Error('--seed-only needs --url and --schema');
if (!url) {
  clusterDir = mkdtempSync(join(tmpdir(), 'seatkit-bench-pg.'));
  log(`starting a throwaway cluster in ${clusterDir}`);
  url = execFileSync(CLUSTER, ['start', '--dir', clusterDir], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
}
const stopCluster = () => {
  if (clusterDir) execFileSync(CLUSTER, ['stop', '--dir', clusterDir], { stdio: 'inherit' });
  clusterDir = null;
};
process.on('exit', stopCluster);
process.on('SIGINT', () => process.exit(130));

const schema = args.schema ?? `seatkit_bench_${process.pid}`;
if (!/^[a-z_][a-z0-9_]*$/.test(schema))
  throw new Error(`--schema ${schema}: a plain lower-case name`);
const admin = new pg.Pool({ connectionString: url, max: 1 });
await admin.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
// Enough connections for 50 concurrent requests' claims and reads beside the account's writer.
const pool = new pg.Pool({ connectionString: url, max: 20, options: `-c search_path=${schema}` });
const client = fromPgPool(pool);
await migrate(client);
const store = postgresStore(client);

// ---- CPU time: what a request costs whatever else runs on the machine --------------------------

/** PostgreSQL's processes, when the server runs here and its data directory can be read. */
async function serverPids(): Promise<(() => number[]) | null> {
  try {
    const { rows } = await admin.query<{ data_directory: string }>('SHOW data_directory');
    const postmaster = Number(
      readFileSync(join(rows[0]!.data_directory, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    return () =>
      readdirSync('/proc').flatMap((name) => {
        if (!/^\d+$/.test(name)) return [];
        try {
          const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          return Number(name) === postmaster || ppid === postmaster ? [Number(name)] : [];
        } catch {
          return [];
        }
      });
  } catch {
    return null;
  }
}
const pgPids = await serverPids();
const TICK_MS = 10; // USER_HZ is 100 on Linux

/** CPU milliseconds used so far by this process and by PostgreSQL (null: not measurable). */
function cpuNow(): { node: number; postgres: number | null } {
  const usage = process.cpuUsage();
  let postgres: number | null = null;
  if (pgPids) {
    postgres = 0;
    for (const pid of pgPids()) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        postgres += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
      } catch {
        // a backend that ended meanwhile
      }
    }
  }
  return { node: (usage.user + usage.system) / 1000, postgres };
}

/** CPU milliseconds per operation between two readings. */
function cpuPer(
  before: ReturnType<typeof cpuNow>,
  after: ReturnType<typeof cpuNow>,
  count: number,
): { node: number; postgres: number | null } {
  return {
    node: (after.node - before.node) / count,
    postgres:
      after.postgres === null || before.postgres === null
        ? null
        : (after.postgres - before.postgres) / count,
  };
}

// ---- seeding ------------------------------------------------------------------------------------

const FIRST = ['Ada', 'Ben', 'Chloé', 'Dmitri', 'Elif', 'Femi', 'Grace', 'Hiro', 'Ines', 'Jon'];
const LAST = ['Åberg', 'Baker', 'Chen', 'Diaz', 'Evans', 'Fischer', 'Garcia', 'Haddad', 'Ito'];

function benchMember(i: number): MemberRecord {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / 7) % LAST.length]} ${i}`;
  const email = `user${i}@example.com`;
  return {
    id: `mem-user${i}-example-com`,
    name,
    email,
    canonical: email,
    nameKey: memberNameKey(name),
    role: i % 50 === 0 ? 'admin' : i % 33 === 0 ? 'supervisor' : 'agent',
    status: i % 20 === 0 ? 'deactivated' : 'active',
    version: 1,
    recordings: 0,
    smsConversations: 0,
    campaigns: [],
    personalIntegrations: [],
  };
}

async function seed(): Promise<void> {
  const seeder = createSeatkitHandler({ store, identify: () => null, controls: true });
  await seeder.controls!.seed(ACCOUNT, {
    plan: 'team',
    billing: 'monthly',
    cycleStart: '2026-11-01T00:00:00Z',
    now: '2026-11-16T09:30:00Z',
    actor: 'owner@example.com',
    password: 'bench',
    members: [
      {
        id: OWNER,
        name: 'Olivia Owner',
        email: 'owner@example.com',
        role: 'owner',
        status: 'active',
      },
    ],
    invitations: [],
    phoneNumbers: [],
    ringGroups: [],
  });
  // Through the store's own batch path (multi-row INSERTs of 10,000), 100,000 per transaction.
  const PER_TX = 100_000;
  for (let from = 0; from < MEMBERS; from += PER_TX) {
    const batch = Array.from({ length: Math.min(PER_TX, MEMBERS - from) }, (_, k) =>
      benchMember(from + k),
    );
    await store.transaction(ACCOUNT, 'write', async (tx) => {
      await tx.reserveIds(batch.map((m) => m.id));
      await tx.insertMembers(batch);
    });
    log(`  ${(from + batch.length).toLocaleString('en')}`);
  }
  // After a bulk load, what autovacuum would do in a while: statistics and the visibility map.
  await pool.query('VACUUM (ANALYZE) seatkit_members, seatkit_reserved_ids, seatkit_accounts');
  // The load's dirty pages written out now, not by the first requests measured (needs superuser
  // or pg_checkpoint; skipped otherwise).
  await pool.query('CHECKPOINT').catch(() => log('CHECKPOINT not allowed: skipped'));
}

if (args['seed-only']) {
  await seed();
  await pool.end();
  await admin.end();
  process.exit(0);
}

/** Whether the schema already holds the account at this size (a kept --schema). */
async function seeded(): Promise<boolean> {
  const { rows } = await pool.query<{ n: number }>(
    `SELECT coalesce(sum((s.value ->> 'active')::int + coalesce((s.value ->> 'deactivated')::int, 0)), 0)::int AS n
     FROM seatkit_accounts, jsonb_each(member_counts) AS s WHERE id = $1`,
    [ACCOUNT],
  );
  return rows[0]?.n === MEMBERS + 1;
}

let seedSeconds: number | null = null;
if (await seeded()) log(`${schema} already holds ${MEMBERS.toLocaleString('en')} members`);
else {
  log(`seeding ${MEMBERS.toLocaleString('en')} members (in a child process)`);
  const seeding = performance.now();
  execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      new URL(import.meta.url).pathname,
      '--seed-only',
      '--url',
      url,
      '--schema',
      schema,
      '--members',
      String(MEMBERS),
    ],
    { stdio: 'inherit' },
  );
  seedSeconds = (performance.now() - seeding) / 1000;
  log(`seeded in ${seedSeconds.toFixed(0)} s`);
}

// ---- through the engine -------------------------------------------------------------------------

const handler = createSeatkitHandler({
  store,
  basePath: '/api',
  // The engine's clock stays on the scenario's day (the account's test clock is off here).
  clock: { now: () => new Date('2026-11-16T09:30:00Z') },
  identify: () => ({ accountId: ACCOUNT, memberId: OWNER }),
});

async function send(path: string, init?: RequestInit): Promise<Response> {
  const response = await handler(new Request(`${BASE}${path}`, init));
  if (response.status >= 400)
    throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response;
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;

async function timeRequests(path: string, count: number) {
  for (let i = 0; i < 20; i++) await (await send(path)).arrayBuffer(); // warm up
  const times: number[] = [];
  let total = 0;
  const cpuBefore = cpuNow();
  for (let i = 0; i < count; i++) {
    const t = performance.now();
    const body = (await (await send(path)).json()) as { items: unknown[]; total: number };
    times.push(performance.now() - t);
    total = body.total;
    if (body.items.length !== 200) throw new Error(`${path}: ${body.items.length} items`);
  }
  const cpu = cpuPer(cpuBefore, cpuNow(), count);
  times.sort((a, b) => a - b);
  return { p50: quantile(times, 0.5), p99: quantile(times, 0.99), total, cpu };
}

log('listTeam, first page');
const first = await timeRequests('/team?limit=200', REQUESTS);
const { rows: deep } = await pool.query<{ name_key: string; id: string }>(
  `SELECT name_key, id FROM seatkit_members WHERE account_id = $1
   ORDER BY name_key, id OFFSET $2 LIMIT 1`,
  [ACCOUNT, DEPTH - 1],
);
const cursor = encodeCursor('name', 'asc', {
  rank: 0,
  nameKey: deep[0]!.name_key,
  id: deep[0]!.id,
});
log(`listTeam, a page ${DEPTH.toLocaleString('en')} entries deep`);
const deepPage = await timeRequests(`/team?limit=200&cursor=${cursor}`, REQUESTS);

global.gc?.();
const rss = process.memoryUsage().rss;

log(`${INVITES.toLocaleString('en')} invites at concurrency ${CONCURRENCY}`);
const inviteTimes: number[] = [];
const run = Date.now().toString(36); // a kept schema is invited into again: new emails each run
let next = 0;
const inviting = performance.now();
const inviteCpuBefore = cpuNow();
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < INVITES) {
      const i = next++;
      const t = performance.now();
      await send('/invitations', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Idempotency-Key': `bench-${run}-${i}` },
        body: JSON.stringify({ email: `invitee${i}.${run}@example.org`, role: 'agent' }),
      });
      inviteTimes.push(performance.now() - t);
    }
  }),
);
const inviteSeconds = (performance.now() - inviting) / 1000;
const inviteCpu = cpuPer(inviteCpuBefore, cpuNow(), INVITES);
inviteTimes.sort((a, b) => a - b);
const invites = {
  perSecond: INVITES / inviteSeconds,
  p50: quantile(inviteTimes, 0.5),
  p99: quantile(inviteTimes, 0.99),
  cpu: inviteCpu,
};

await pool.end();
if (args.schema) log(`kept schema ${schema}`);
else await admin.query(`DROP SCHEMA ${schema} CASCADE`);
await admin.end();
stopCluster();

// ---- the table ----------------------------------------------------------------------------------

const ms = (x: number) => `${x.toFixed(1)} ms`;
const cpuText = (cpu: { node: number; postgres: number | null }) =>
  `${ms(cpu.node)} + ${cpu.postgres === null ? '?' : ms(cpu.postgres)}`;
const rows: { label: string; value: string; cpu: string; budget: string; ok: boolean }[] = [
  {
    label: `seed ${MEMBERS.toLocaleString('en')} members (store batches)`,
    value: seedSeconds === null ? 'seeded before' : `${seedSeconds.toFixed(0)} s`,
    cpu: '',
    budget: '',
    ok: true,
  },
  {
    label: 'listTeam first page (limit 200), p50 / p99',
    value: `${ms(first.p50)} / ${ms(first.p99)}`,
    cpu: cpuText(first.cpu),
    budget: 'p99 < 20 ms',
    ok: first.p99 < 20,
  },
  {
    label: `listTeam at depth ${DEPTH.toLocaleString('en')}, p50 / p99`,
    value: `${ms(deepPage.p50)} / ${ms(deepPage.p99)}`,
    cpu: cpuText(deepPage.cpu),
    budget: 'p99 < 20 ms',
    ok: deepPage.p99 < 20,
  },
  {
    label: `invites at concurrency ${CONCURRENCY}, one account`,
    value: `${invites.perSecond.toFixed(0)}/s, p50 ${ms(invites.p50)}, p99 ${ms(invites.p99)}`,
    cpu: cpuText(invites.cpu),
    budget: '≥ 300/s, p99 ≤ 150 ms',
    ok: invites.perSecond >= 300 && invites.p99 <= 150,
  },
  {
    label: `server process RSS at ${MEMBERS.toLocaleString('en')} members`,
    value: `${(rss / 1024 / 1024).toFixed(0)} MiB`,
    cpu: '',
    budget: '',
    ok: true,
  },
];
const widths = (['label', 'value', 'cpu'] as const).map((k) =>
  Math.max(
    k === 'cpu' ? 'CPU per request (node + postgres)'.length : 0,
    ...rows.map((r) => r[k].length),
  ),
);
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log(`\nSeatkit server on PostgreSQL (${first.total.toLocaleString('en')} entries)\n`);
console.log(line(['', '', 'CPU per request (node + postgres)', 'budget']));
for (const r of rows)
  console.log(
    line([
      r.label,
      r.value,
      r.cpu,
      r.budget ? `${r.budget}${r.ok ? '  ok' : '  OVER BUDGET'}` : '',
    ]).trimEnd(),
  );
const loadAtEnd = loadavg()[0]!;
console.log(
  `\n${cpus().length} cores; load average ${loadAtStart.toFixed(1)} at the start, ${loadAtEnd.toFixed(1)} at the end (the server, PostgreSQL and the load all run here).`,
);
if (args.json)
  console.log(
    JSON.stringify(
      {
        members: MEMBERS,
        seedSeconds,
        first,
        deep: deepPage,
        invites,
        rss,
        loadAtStart,
        loadAtEnd,
      },
      null,
      2,
    ),
  );
process.exit(rows.every((r) => r.ok) ? 0 : 1);
