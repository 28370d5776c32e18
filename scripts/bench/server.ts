/// <reference types="node" preserve="true" />
// `npm run bench:server`: the server engine at size on every store, each measured by the same
// code in the same run: one account of 1,000,000 members, its list's first page and a page
// 500,000 entries deep (keyset cursors), invites at concurrency 50 on that account, and the
// memory of the process that serves them. A benchmark, not a test: it prints one table with the
// stores side by side and their budgets, writes bench-results/server-latest.json, and exits 1
// when a budget is broken (after printing everything). docs/performance.md, "Server", explains it.
//
//   node --import tsx scripts/bench/server.ts [--store memory,sqlite,postgres] [--members 1000000]
//     [--requests 200] [--invites 3000] [--concurrency 50] [--data .data/bench] [--fresh]
//     [--postgres-url URL] [--no-save]
//
// Each store runs in processes of its own. SQLite and PostgreSQL are seeded by a child process
// (through the store's transactions, 100,000 members each) and measured by a fresh one, the
// "server", so its memory is what serving takes, not what seeding took. A seeded SQLite file
// (in --data) and a seeded PostgreSQL schema on SEATKIT_BENCH_POSTGRES_URL are kept and reused by
// the next run (--fresh seeds again). Without that URL, PostgreSQL is a throwaway cluster
// (scripts/postgres-cluster.sh, fsync on), seeded every run and stopped at the end. The memory
// store holds everything in its process by nature: it is seeded in the server process itself.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { compareEntryKeys, entryRank, memberNameKey } from '../../src/rules/order.js';
import { createSeatkitHandler } from '../../src/server/index.js';
import type { MemberRecord, SeatkitStore } from '../../src/server/index.js';
import { encodeCursor } from '../../src/server/list.js';
import { openStore } from '../../test/support/store-specs.js';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const SELF = fileURLToPath(import.meta.url);
const CLUSTER = join(ROOT, 'scripts/postgres-cluster.sh');

const STORES = ['memory', 'sqlite', 'postgres'] as const;
type StoreName = (typeof STORES)[number];

/** The budgets of issue 12; a store without an entry is printed, not judged. */
const BUDGETS = {
  listP99Ms: { sqlite: 20, postgres: 20 },
  invitesPerSecond: { sqlite: 500, postgres: 300 },
  inviteP99Ms: { postgres: 150 },
  /**
   * A server that does not load the team: Node with the engine and a driver takes about 100 MiB;
   * 1,000,000 members as JavaScript objects take several times this (the memory store's figure).
   */
  rssMiB: { sqlite: 256, postgres: 256 },
} satisfies Record<string, Partial<Record<StoreName, number>>>;

const ACCOUNT = 'bench';
const OWNER = 'mem-owner';
const BASE = 'http://seatkit.bench/api';
/** Requests run on the scenario's day: a fixed clock, the same for every store and run. */
const NOW = new Date('2026-11-16T09:30:00Z');
/** Members per seeding transaction. */
const SEED_BATCH = 100_000;

const { values: args } = parseArgs({
  options: {
    store: { type: 'string', default: STORES.join(',') },
    members: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '200' },
    invites: { type: 'string', default: '3000' },
    concurrency: { type: 'string', default: '50' },
    data: { type: 'string', default: join(ROOT, '.data/bench') },
    fresh: { type: 'boolean', default: false },
    'postgres-url': { type: 'string' },
    'no-save': { type: 'boolean', default: false },
    /** Internal: `prepare` (seed or reuse) or `serve` (measure), with the job in --job. */
    phase: { type: 'string', default: 'main' },
    job: { type: 'string' },
  },
});

// A child logs on its parent's clock.
const started = Number(process.env.SEATKIT_BENCH_STARTED ?? Date.now());
const log = (text: string) =>
  console.error(
    `[bench:server ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${text}`,
  );
const load1 = () => Math.round(loadavg()[0]! * 100) / 100;

// ---- the account -------------------------------------------------------------------------------

const FIRST = ['Olivia', 'Marcus', 'Priya', 'Tom', 'Ana', 'Jon', 'Wei', 'Fatima', 'Liam', 'Zoë'];
const LAST = ['Park', 'Lee', 'Shah', 'Becker', 'Souza', 'Fry', 'Chen', 'O’Connor', 'Müller'];

/** Member `i`: names repeat (as real ones do), so the id breaks many ties in the list order. */
function member(i: number): MemberRecord {
  const name = `${FIRST[i % FIRST.length]} ${LAST[Math.floor(i / 10) % LAST.length]} ${Math.floor(i / 90) % 997}`;
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

const OWNER_MEMBER = { id: OWNER, name: 'Olivia Owner', role: 'owner', status: 'active' } as const;

/** Seeds the account through the store: the owner by the engine's seed, then batches. */
async function seed(store: SeatkitStore, members: number): Promise<number> {
  const t0 = performance.now();
  const seeder = createSeatkitHandler({ store, identify: () => null, controls: true });
  await seeder.controls!.seed(ACCOUNT, {
    plan: 'enterprise',
    billing: 'monthly',
    cycleStart: '2026-11-01T00:00:00Z',
    now: NOW.toISOString(),
    actor: 'owner@example.com',
    password: 'correct horse battery',
    members: [{ ...OWNER_MEMBER, email: 'owner@example.com' }],
    invitations: [],
    phoneNumbers: [],
    ringGroups: [],
  });
  for (let from = 0; from < members; from += SEED_BATCH) {
    const batch = Array.from({ length: Math.min(SEED_BATCH, members - from) }, (_, k) =>
      member(from + k),
    );
    await store.transaction(ACCOUNT, 'write', async (tx) => {
      await tx.reserveIds(batch.map((m) => m.id));
      await tx.insertMembers(batch);
    });
    log(`  seeded ${(from + batch.length).toLocaleString('en')}`);
  }
  return (performance.now() - t0) / 1000;
}

/** Whether the store holds the account at this size already (a kept file or schema). */
async function holds(store: SeatkitStore, members: number): Promise<boolean> {
  return store.transaction(ACCOUNT, 'read', async (tx) => {
    if (!(await tx.account())) return false;
    const counts = await tx.memberCounts();
    return counts.active + counts.deactivated === members + 1;
  });
}

/**
 * Revokes the invitations earlier runs sent, so every run invites into the same account: the
 * pending invitations, which every invite counts for the seats, do not pile up run after run.
 */
async function closeEarlierInvitations(store: SeatkitStore): Promise<number> {
  return store.transaction(ACCOUNT, 'write', async (tx) => {
    const open = (await tx.allInvitations()).filter((i) => !i.acceptedAt && !i.revokedAt);
    for (const i of open)
      await tx.updateInvitation(i.id, { revokedAt: NOW, version: i.version + 1 });
    return open.length;
  });
}

// ---- where the list is measured -----------------------------------------------------------------

interface Position {
  /** The cursor after entry `depth` (1-based), as a client paging there would hold it. */
  cursor: string;
  /** The id of the entry the page must start with (checked: the page is where it says). */
  firstId: string;
}

interface Positions {
  total: number;
  depth: number;
  byName: Position;
  byStatusDesc: Position;
}

/**
 * The list's order computed from the seed (the rules' own comparison), outside the server
 * process: what a client that paged `depth` entries deep would hold as its cursor.
 */
function positions(members: number): Positions {
  const keys: { rank: number; nameKey: string; id: string; role: string; status: string }[] = [
    {
      rank: 0,
      nameKey: memberNameKey(OWNER_MEMBER.name),
      id: OWNER,
      role: 'owner',
      status: 'active',
    },
  ];
  for (let i = 0; i < members; i++) {
    const m = member(i);
    keys.push({ rank: 0, nameKey: m.nameKey, id: m.id, role: m.role, status: m.status });
  }
  const total = keys.length;
  const depth = Math.floor(total / 2);
  keys.sort(compareEntryKeys);
  const byName = {
    cursor: encodeCursor('name', 'asc', keys[depth - 1]!),
    firstId: keys[depth]!.id,
  };
  for (const k of keys) k.rank = entryRank('status', k.role as never, k.status as never);
  keys.sort(compareEntryKeys);
  // Descending is the ascending order reversed: entry d of it is entry total - 1 - d here.
  const at = (d: number) => keys[total - 1 - d]!;
  const byStatusDesc = {
    cursor: encodeCursor('status', 'desc', at(depth - 1)),
    firstId: at(depth).id,
  };
  return { total, depth, byName, byStatusDesc };
}

// ---- CPU time: what a request costs, whatever else the machine runs ------------------------------

const TICK_MS = 10; // USER_HZ is 100 on Linux

/** The CPU milliseconds PostgreSQL's processes have used, when its server runs on this machine. */
async function postgresCpu(url: string): Promise<(() => number) | null> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ data_directory: string }>('SHOW data_directory');
    const pidFile = join(rows[0]!.data_directory, 'postmaster.pid');
    const postmaster = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
    const stat = (pid: string) => {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    };
    return () => {
      let ms = 0;
      for (const pid of readdirSync('/proc')) {
        if (!/^\d+$/.test(pid)) continue;
        try {
          const fields = stat(pid);
          if (Number(pid) === postmaster || Number(fields[1]) === postmaster)
            ms += (Number(fields[11]) + Number(fields[12])) * TICK_MS;
        } catch {
          // a process that ended meanwhile
        }
      }
      return ms;
    };
  } catch {
    return null; // another machine, or a data directory this user can't read
  } finally {
    await client.end();
  }
}

interface Cpu {
  /** The server process, per request (ms). */
  server: number;
  /** PostgreSQL's processes, per request (ms); null when not measurable or not PostgreSQL. */
  database: number | null;
}

function cpuMeter(database: (() => number) | null) {
  const read = () => {
    const u = process.cpuUsage();
    return { server: (u.user + u.system) / 1000, database: database ? database() : null };
  };
  return () => {
    const before = read();
    return (count: number): Cpu => {
      const after = read();
      return {
        server: (after.server - before.server) / count,
        database:
          after.database === null || before.database === null
            ? null
            : (after.database - before.database) / count,
      };
    };
  };
}

// ---- the server process ---------------------------------------------------------------------------

interface Job {
  store: StoreName;
  spec: string;
  members: number;
  requests: number;
  invites: number;
  concurrency: number;
  positions: Positions;
  /** Distinguishes this run's invitation emails and keys from every earlier run's. */
  run: string;
  postgresUrl: string | null;
}

interface Timing {
  p50: number;
  p99: number;
  max: number;
  /** The first request of the series, before any warm-up (caches cold). */
  cold: number;
  cpu: Cpu;
  load: number;
}

interface Served {
  seedSeconds: number | null;
  total: number;
  listFirst: Timing;
  listDeep: Timing;
  listDeepByStatus: Timing;
  /** Seat counts: from counters, whatever the team's size. */
  billing: Timing;
  search: Timing & { requests: number };
  invites: {
    count: number;
    concurrency: number;
    perSecond: number;
    p50: number;
    p99: number;
    max: number;
    cpu: Cpu;
    load: number;
  };
  rssMiB: number;
  peakRssMiB: number;
  heapMiB: number;
  load: { start: number; end: number };
}

const quantile = (sorted: number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;

async function serve(job: Job): Promise<Served> {
  const loadAtStart = load1();
  const opened = await openStore(job.spec, { poolMax: 20 });
  const store = opened.store;
  let seedSeconds: number | null = null;
  if (job.store === 'memory') {
    log('memory: seeding in the server process (the memory store holds the team by nature)');
    seedSeconds = await seed(store, job.members);
  }
  globalThis.gc?.();
  const meter = cpuMeter(job.postgresUrl ? await postgresCpu(job.postgresUrl) : null);
  const handler = createSeatkitHandler({
    store,
    basePath: '/api',
    clock: { now: () => NOW },
    identify: () => ({ accountId: ACCOUNT, memberId: OWNER }),
  });

  async function send(path: string, init?: RequestInit): Promise<Response> {
    const response = await handler(new Request(`${BASE}${path}`, init));
    if (response.status >= 400)
      throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
    return response;
  }
  type Page = { items: { id: string }[]; total: number };

  /** `count` requests one after another (after `warm` unmeasured ones): p50, p99, CPU. */
  async function time(
    paths: (i: number) => string,
    count: number,
    check: (page: Page) => void,
    warm = 20,
  ): Promise<Timing> {
    let t = performance.now();
    check((await (await send(paths(-1))).json()) as Page);
    const cold = performance.now() - t;
    for (let i = 0; i < warm; i++) await (await send(paths(-1))).arrayBuffer();
    const times: number[] = [];
    const cpu = meter();
    for (let i = 0; i < count; i++) {
      t = performance.now();
      const page = (await (await send(paths(i))).json()) as Page;
      times.push(performance.now() - t);
      check(page);
    }
    const used = cpu(count);
    times.sort((a, b) => a - b);
    return {
      p50: quantile(times, 0.5),
      p99: quantile(times, 0.99),
      max: times.at(-1)!,
      cold,
      cpu: used,
      load: load1(),
    };
  }

  const { positions } = job;
  const fullPage = (first?: string) => (page: Page) => {
    if (page.items.length !== 200) throw new Error(`a page of ${page.items.length} entries`);
    if (page.total !== positions.total)
      throw new Error(`the list has ${page.total} entries, not ${positions.total}`);
    if (first && page.items[0]!.id !== first)
      throw new Error(`the page starts at ${page.items[0]!.id}, not at ${first}`);
  };

  log(`${job.store}: listTeam, first page`);
  const listFirst = await time(() => '/team?limit=200', job.requests, fullPage());
  log(`${job.store}: listTeam, ${positions.depth.toLocaleString('en')} entries deep`);
  const listDeep = await time(
    () => `/team?limit=200&cursor=${positions.byName.cursor}`,
    job.requests,
    fullPage(positions.byName.firstId),
  );
  log(`${job.store}: listTeam by status, descending, as deep`);
  const listDeepByStatus = await time(
    () => `/team?limit=200&sort=status&direction=desc&cursor=${positions.byStatusDesc.cursor}`,
    job.requests,
    fullPage(positions.byStatusDesc.firstId),
  );
  log(`${job.store}: billing summary`);
  // Every member but each 20th is active, and the owner.
  const active = job.members - Math.ceil(job.members / 20) + 1;
  const billing = await time(
    () => '/billing',
    job.requests,
    (summary) => {
      const seats = (summary as unknown as { activeSeats: number }).activeSeats;
      if (seats !== active) throw new Error(`${seats} active seats, not ${active}`);
    },
  );
  // Each search is new (a store that caches a query's result can't answer it from the cache).
  const searches = 5;
  log(`${job.store}: ${searches} searches`);
  const search = {
    ...(await time(
      (i) => `/team?limit=200&search=${encodeURIComponent(`müller ${i + 101}`)}`,
      searches,
      (page) => {
        if (page.items.length === 0) throw new Error('a search found nothing');
      },
      1,
    )),
    requests: searches,
  };

  log(
    `${job.store}: ${job.invites.toLocaleString('en')} invites at concurrency ${job.concurrency}`,
  );
  const latencies: number[] = [];
  let next = 0;
  const cpu = meter();
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: job.concurrency }, async () => {
      while (next < job.invites) {
        const i = next++;
        const t = performance.now();
        const response = await send('/invitations', {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Idempotency-Key': `bench-${job.run}-${i}`,
          },
          body: JSON.stringify({ email: `invitee${i}.${job.run}@example.org`, role: 'agent' }),
        });
        if (response.status !== 201) throw new Error(`invite ${i}: HTTP ${response.status}`);
        await response.arrayBuffer();
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  const inviteCpu = cpu(job.invites);
  latencies.sort((a, b) => a - b);
  const invites = {
    count: job.invites,
    concurrency: job.concurrency,
    perSecond: job.invites / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    max: latencies.at(-1)!,
    cpu: inviteCpu,
    load: load1(),
  };

  globalThis.gc?.();
  const memory = process.memoryUsage();
  const result: Served = {
    seedSeconds,
    total: positions.total,
    listFirst,
    listDeep,
    listDeepByStatus,
    billing,
    search,
    invites,
    rssMiB: memory.rss / 2 ** 20,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
    heapMiB: memory.heapUsed / 2 ** 20,
    load: { start: loadAtStart, end: load1() },
  };
  await opened.close();
  return result;
}

interface Prepared {
  /** Null: the account was there already. */
  seedSeconds: number | null;
  databaseMiB: number | null;
}

/** The seeding process: seeds the account unless it is there already; closes earlier invites. */
async function prepare(job: Job, fresh: boolean): Promise<Prepared> {
  const opened = await openStore(job.spec, { poolMax: 4 });
  let seedSeconds: number | null = null;
  try {
    if (!fresh && (await holds(opened.store, job.members))) {
      const closed = await closeEarlierInvitations(opened.store);
      log(`${job.store}: reusing the seeded account (${closed} earlier invitations revoked)`);
    } else {
      log(`${job.store}: seeding ${job.members.toLocaleString('en')} members`);
      seedSeconds = await seed(opened.store, job.members);
      await afterBulkLoad(job);
      log(`${job.store}: seeded in ${seedSeconds.toFixed(0)} s`);
    }
  } finally {
    await opened.close();
  }
  return { seedSeconds, databaseMiB: await databaseMiB(job) };
}

/** What the store's tables and indexes take on disk. */
async function databaseMiB(job: Job): Promise<number | null> {
  if (job.store === 'sqlite') {
    const file = job.spec.slice('sqlite:'.length);
    const files = [file, `${file}-wal`].filter((f) => existsSync(f));
    return files.reduce((sum, f) => sum + statSync(f).size, 0) / 2 ** 20;
  }
  if (job.store !== 'postgres') return null;
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: job.spec.slice('postgres:'.length) });
  await client.connect();
  try {
    const { rows } = await client.query<{ bytes: string }>(
      `SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0) AS bytes FROM pg_class AS c
       JOIN pg_namespace AS n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r'`,
    );
    return Number(rows[0]!.bytes) / 2 ** 20;
  } finally {
    await client.end();
  }
}

/** What a database wants after a bulk load, before it is measured. */
async function afterBulkLoad(job: Job): Promise<void> {
  if (job.store === 'sqlite') {
    const { default: Database } = await import('better-sqlite3');
    const db = new Database(job.spec.slice('sqlite:'.length));
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.exec('ANALYZE');
    db.close();
  }
  if (job.store === 'postgres') {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: job.spec.slice('postgres:'.length) });
    await client.connect();
    try {
      // What autovacuum would do in a while: statistics and the visibility map.
      await client.query(
        'VACUUM (ANALYZE) seatkit_members, seatkit_reserved_ids, seatkit_accounts',
      );
      // The load's dirty pages written now, not by the first requests measured (needs superuser
      // or pg_checkpoint).
      await client.query('CHECKPOINT').catch(() => log('CHECKPOINT not allowed: skipped'));
    } finally {
      await client.end();
    }
  }
}

// ---- the run: every store, then one table ---------------------------------------------------------

/** Runs this script as a child in `phase`, and returns what it wrote. */
function child<T>(phase: 'prepare' | 'serve', job: Job, extra: string[] = []): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'seatkit-bench-job-'));
  const jobFile = join(dir, 'job.json');
  const outFile = join(dir, 'out.json');
  writeFileSync(jobFile, JSON.stringify(job));
  return new Promise<T>((done, fail) => {
    const node = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        ...(phase === 'serve' ? ['--expose-gc'] : []),
        // The memory store holds the whole team in the JS heap.
        ...(job.store === 'memory' ? ['--max-old-space-size=8192'] : []),
        SELF,
        '--phase',
        phase,
        '--job',
        jobFile,
        ...extra,
      ],
      {
        stdio: ['ignore', 'inherit', 'inherit'],
        env: {
          ...process.env,
          SEATKIT_BENCH_OUT: outFile,
          SEATKIT_BENCH_STARTED: String(started),
        },
      },
    );
    node.on('error', fail);
    node.on('exit', (code, signal) => {
      try {
        if (code !== 0)
          throw new Error(`the ${phase} process failed (${signal ?? `exit ${code}`})`);
        done(JSON.parse(readFileSync(outFile, 'utf8')) as T);
      } catch (error) {
        fail(error);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

interface StoreResult {
  store: StoreName;
  /** How the store was set up, printed under the table. */
  setup: string;
  seedSeconds: number | null;
  reused: boolean;
  /** Tables and indexes on disk (SQLite, PostgreSQL). */
  databaseMiB: number | null;
  served: Served | null;
  error: string | null;
}

/** A throwaway PostgreSQL cluster (fsync on), or the server SEATKIT_BENCH_POSTGRES_URL names. */
class Postgres {
  private dir: string | null = null;
  url = '';
  kept = false;

  start(): void {
    const given = args['postgres-url'] ?? process.env.SEATKIT_BENCH_POSTGRES_URL;
    if (given) {
      this.url = given;
      this.kept = true;
      return;
    }
    this.dir = mkdtempSync(join(tmpdir(), 'seatkit-bench-pg.'));
    log(`postgres: starting a throwaway cluster (fsync on) in ${this.dir}`);
    this.url = execFileSync(CLUSTER, ['start', '--dir', this.dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }).trim();
  }

  stop(): void {
    if (this.dir) execFileSync(CLUSTER, ['stop', '--dir', this.dir], { stdio: 'inherit' });
    this.dir = null;
  }

  /** The schema's own URL (search_path), created if missing; and the server's durability. */
  async schema(name: string): Promise<{ url: string; settings: string }> {
    const { default: pg } = await import('pg');
    const client = new pg.Client({ connectionString: this.url });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
      const setting = async (s: string) =>
        ((await client.query<Record<string, string>>(`SHOW ${s}`)).rows[0] ?? {})[s];
      const settings = `PostgreSQL ${(await setting('server_version'))?.split(' ')[0]}, fsync ${await setting('fsync')}, synchronous_commit ${await setting('synchronous_commit')}`;
      const url = new URL(this.url);
      url.searchParams.set('options', `-c search_path=${name}`);
      return { url: url.toString(), settings };
    } finally {
      await client.end();
    }
  }
}

/** The cluster to stop however the run ends (Ctrl-C included). */
let running: Postgres | null = null;

async function runStore(name: StoreName, base: Omit<Job, 'store' | 'spec' | 'postgresUrl'>) {
  const result: StoreResult = {
    store: name,
    setup: '',
    seedSeconds: null,
    reused: false,
    databaseMiB: null,
    served: null,
    error: null,
  };
  const postgres = new Postgres();
  running = postgres;
  try {
    let job: Job;
    if (name === 'memory') {
      job = { ...base, store: name, spec: 'memory', postgresUrl: null };
      result.setup =
        'memory: seeded in the server process (the mock store, not a production one); its CPU is in the server figure';
    } else if (name === 'sqlite') {
      mkdirSync(args.data!, { recursive: true });
      const file = join(args.data!, `server-${base.members}.sqlite`);
      job = { ...base, store: name, spec: `sqlite:${file}`, postgresUrl: null };
      result.setup = `sqlite: ${file} (WAL, synchronous normal; kept for the next run); in the server process: its CPU is in the server figure`;
    } else {
      postgres.start();
      const schema = `seatkit_bench_${base.members}`;
      const { url, settings } = await postgres.schema(schema);
      job = { ...base, store: name, spec: `postgres:${url}`, postgresUrl: url };
      result.setup = postgres.kept
        ? `postgres: ${settings}; schema ${schema} on SEATKIT_BENCH_POSTGRES_URL, kept for the next run (DROP SCHEMA ${schema} CASCADE to remove it)`
        : `postgres: ${settings}; a throwaway cluster, seeded for this run and stopped after it`;
    }
    if (name !== 'memory') {
      const prepared = await child<Prepared>('prepare', job, args.fresh ? ['--fresh'] : []);
      result.seedSeconds = prepared.seedSeconds;
      result.reused = prepared.seedSeconds === null;
      result.databaseMiB = prepared.databaseMiB;
    }
    log(`${name}: measuring in a fresh server process`);
    result.served = await child<Served>('serve', job);
    if (name === 'memory') result.seedSeconds = result.served.seedSeconds;
  } catch (error) {
    // One store failing must not hide the others: its figures print as n/a, its budgets fail.
    result.error = error instanceof Error ? error.message : String(error);
    log(`${name} FAILED: ${result.error}`);
  } finally {
    postgres.stop();
    running = null;
  }
  return result;
}

// ---- the table --------------------------------------------------------------------------------------

interface Check {
  store: StoreName;
  figure: string;
  value: number | null;
  budget: string;
  ok: boolean;
}

function judge(results: StoreResult[]): Check[] {
  const checks: Check[] = [];
  for (const r of results) {
    const s = r.served;
    const add = (
      figure: string,
      value: number | null,
      limit: number | undefined,
      at: 'max' | 'min',
      unit: string,
    ) => {
      if (limit === undefined) return;
      const ok = value !== null && (at === 'max' ? value <= limit : value >= limit);
      checks.push({
        store: r.store,
        figure,
        value,
        budget: `${at === 'max' ? '≤' : '≥'} ${limit}${unit}`,
        ok,
      });
    };
    add(
      'list first page p99',
      s?.listFirst.p99 ?? null,
      BUDGETS.listP99Ms[r.store as 'sqlite'],
      'max',
      ' ms',
    );
    add(
      'list deep page p99',
      s?.listDeep.p99 ?? null,
      BUDGETS.listP99Ms[r.store as 'sqlite'],
      'max',
      ' ms',
    );
    add(
      'invites per second',
      s?.invites.perSecond ?? null,
      BUDGETS.invitesPerSecond[r.store as 'sqlite'],
      'min',
      '/s',
    );
    add(
      'invite p99',
      s?.invites.p99 ?? null,
      BUDGETS.inviteP99Ms[r.store as 'postgres'],
      'max',
      ' ms',
    );
    add('server RSS', s?.rssMiB ?? null, BUDGETS.rssMiB[r.store as 'sqlite'], 'max', ' MiB');
  }
  return checks;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const cpuText = (c: Cpu) =>
  c.database === null ? `${ms(c.server)} ms` : `${ms(c.server)} + ${ms(c.database)} ms`;

function printTable(results: StoreResult[], checks: Check[], header: string): void {
  const mark = (store: StoreName, figure: string) => {
    const c = checks.find((x) => x.store === store && x.figure === figure);
    return c ? (c.ok ? ' ok' : ' OVER') : '';
  };
  const budget = (limits: Partial<Record<StoreName, number>>, unit: string, at: '≤' | '≥') =>
    Object.entries(limits)
      .map(([store, limit]) => `${at} ${limit}${unit} ${store}`)
      .join(', ');
  type Cell = (r: StoreResult, s: Served) => string;
  const rows: [string, Cell, string][] = [
    [
      'seed (store transactions)',
      (r) => (r.seedSeconds === null ? 'reused' : `${r.seedSeconds.toFixed(0)} s`),
      '',
    ],
    [
      'list, first page (200): p50 / p99',
      (r, s) =>
        `${ms(s.listFirst.p50)} / ${ms(s.listFirst.p99)} ms${mark(r.store, 'list first page p99')}`,
      `p99 ${budget(BUDGETS.listP99Ms, ' ms', '≤')}`,
    ],
    ['  CPU per request (server + database)', (_, s) => cpuText(s.listFirst.cpu), ''],
    ['  cold (first request of the process)', (_, s) => `${ms(s.listFirst.cold)} ms`, ''],
    [
      `list at depth ${results[0]?.served?.total ? Math.floor(results[0].served.total / 2).toLocaleString('en') : '½'}: p50 / p99`,
      (r, s) =>
        `${ms(s.listDeep.p50)} / ${ms(s.listDeep.p99)} ms${mark(r.store, 'list deep page p99')}`,
      `p99 ${budget(BUDGETS.listP99Ms, ' ms', '≤')}`,
    ],
    ['  CPU per request', (_, s) => cpuText(s.listDeep.cpu), ''],
    [
      'list by status desc, as deep: p50 / p99',
      (_, s) => `${ms(s.listDeepByStatus.p50)} / ${ms(s.listDeepByStatus.p99)} ms`,
      '',
    ],
    ['  CPU per request', (_, s) => cpuText(s.listDeepByStatus.cpu), ''],
    [
      'billing summary (counters): p50 / p99',
      (_, s) => `${ms(s.billing.p50)} / ${ms(s.billing.p99)} ms`,
      '',
    ],
    ['  CPU per request', (_, s) => cpuText(s.billing.cpu), ''],
    [
      'search (scans the account): p50 / max',
      (_, s) => `${ms(s.search.p50)} / ${ms(s.search.max)} ms`,
      '',
    ],
    ['  CPU per request', (_, s) => cpuText(s.search.cpu), ''],
    [
      'invites, concurrency 50, one account',
      (r, s) => `${s.invites.perSecond.toFixed(0)}/s${mark(r.store, 'invites per second')}`,
      budget(BUDGETS.invitesPerSecond, '/s', '≥'),
    ],
    [
      '  latency p50 / p99',
      (r, s) => `${ms(s.invites.p50)} / ${ms(s.invites.p99)} ms${mark(r.store, 'invite p99')}`,
      `p99 ${budget(BUDGETS.inviteP99Ms, ' ms', '≤')}`,
    ],
    ['  CPU per invite (server + database)', (_, s) => cpuText(s.invites.cpu), ''],
    [
      'server RSS after the measurements',
      (r, s) => `${s.rssMiB.toFixed(0)} MiB${mark(r.store, 'server RSS')}`,
      budget(BUDGETS.rssMiB, ' MiB', '≤'),
    ],
    [
      '  peak RSS / JS heap used',
      (_, s) => `${s.peakRssMiB.toFixed(0)} / ${s.heapMiB.toFixed(0)} MiB`,
      '',
    ],
    [
      'database on disk (tables and indexes)',
      (r) => (r.databaseMiB === null ? 'in the RSS' : `${r.databaseMiB.toFixed(0)} MiB`),
      '',
    ],
    [
      'load average (1 min), start → end',
      (_, s) => `${s.load.start.toFixed(1)} → ${s.load.end.toFixed(1)}`,
      '',
    ],
  ];
  const table = [
    ['', ...results.map((r) => r.store), 'budget'],
    ...rows.map(([label, cell, b]) => [
      label,
      ...results.map((r) => (r.served ? cell(r, r.served) : 'n/a')),
      b,
    ]),
  ];
  const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
  console.log(`\n${header}\n`);
  for (const [i, row] of table.entries()) {
    console.log(
      row
        .map((cell, c) =>
          c === 0 || c === row.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!),
        )
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  console.log('');
  for (const r of results) console.log(`${r.error ? `${r.store}: FAILED: ${r.error}` : r.setup}`);
  // What the CPU figures allow on idle cores: arithmetic, not a measurement. One account's writes
  // take turns, and in PostgreSQL a turn's statements go one after another, the server waiting
  // for the database and the database for the server: one account's invites are bound by the sum
  // of the two CPU figures, whatever the cores; the cores bound several accounts' together.
  const cores = cpus().length;
  for (const r of results) {
    const s = r.served;
    if (!s) continue;
    const list = s.listDeep.cpu.server + (s.listDeep.cpu.database ?? 0);
    const invite = s.invites.cpu.server + (s.invites.cpu.database ?? 0);
    const oneAccount = 1000 / invite;
    const accounts = Math.min(1000 / s.invites.cpu.server, (cores * 1000) / invite);
    const invites =
      s.invites.cpu.database === null
        ? `invites ≤ ${oneAccount.toFixed(0)}/s (one thread)`
        : `invites of one account ≈ ${oneAccount.toFixed(0)}/s (its turns are serial), of several accounts ≤ ${accounts.toFixed(0)}/s`;
    console.log(
      `${r.store}, by CPU alone on ${cores} idle cores (arithmetic, not measured): a list page ≈ ${ms(list)} ms; ${invites}`,
    );
  }
  const broken = checks.filter((c) => !c.ok);
  console.log(
    broken.length
      ? `\nOVER BUDGET: ${broken.map((c) => `${c.store} ${c.figure} (${c.value === null ? 'n/a' : ms(c.value)}, budget ${c.budget})`).join('; ')}`
      : `\nEvery budget holds (${checks.length} checks).`,
  );
}

// ---- main ---------------------------------------------------------------------------------------------

async function main(): Promise<void> {
  const members = Number(args.members);
  const only = args.store!.split(',').map((s) => s.trim()) as StoreName[];
  for (const s of only)
    if (!STORES.includes(s)) throw new Error(`Unknown store ${s} (${STORES.join(', ')})`);
  const loadAtStart = load1();
  log(`the list order of ${members.toLocaleString('en')} members (where the deep pages start)`);
  const base = {
    members,
    requests: Number(args.requests),
    invites: Number(args.invites),
    concurrency: Number(args.concurrency),
    positions: positions(members),
    run: `${Date.now().toString(36)}${process.pid}`,
  };
  const results: StoreResult[] = [];
  for (const name of STORES) if (only.includes(name)) results.push(await runStore(name, base));

  const checks = judge(results);
  const date = new Date().toISOString();
  const machine = {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${platform()} ${release()}`,
    node: process.version,
    loadAverage: { start: loadAtStart, end: load1() },
  };
  printTable(
    results,
    checks,
    `Seatkit server engine, one account of ${members.toLocaleString('en')} members · ${machine.cores} cores (${machine.cpu}) · Node ${process.versions.node} · load average ${loadAtStart.toFixed(1)} at the start, ${machine.loadAverage.end.toFixed(1)} at the end · ${date}`,
  );
  const seconds = (Date.now() - started) / 1000;
  if (!args['no-save']) {
    const dir = join(ROOT, 'bench-results');
    mkdirSync(dir, { recursive: true });
    const { positions: _positions, ...options } = base;
    const text = `${JSON.stringify({ date, seconds, machine, options, budgets: BUDGETS, results, checks }, null, 2)}\n`;
    const file = join(dir, `server-${date.replace(/[:.]/g, '-')}.json`);
    writeFileSync(file, text);
    writeFileSync(join(dir, 'server-latest.json'), text);
    console.log(
      `Wrote ${file.slice(ROOT.length + 1)} and bench-results/server-latest.json (${seconds.toFixed(0)} s).`,
    );
  }
  process.exitCode = checks.some((c) => !c.ok) || results.some((r) => r.error) ? 1 : 0;
}

if (args.phase === 'main') {
  process.on('exit', () => running?.stop());
  process.on('SIGINT', () => process.exit(130));
  await main();
} else {
  const job = JSON.parse(readFileSync(args.job!, 'utf8')) as Job;
  const out = args.phase === 'prepare' ? await prepare(job, args.fresh === true) : await serve(job);
  writeFileSync(process.env.SEATKIT_BENCH_OUT!, JSON.stringify(out));
}
