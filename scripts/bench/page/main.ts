// The in-page half of `npm run bench`: one function per scenario, called by scripts/bench/run.mjs
// through Playwright on a fresh page. Times are performance.now() milliseconds; "painted" means
// the task that follows the first animation frame in which the awaited DOM was present, i.e. after
// that frame was produced.
import '../../../src/define.js';
import { createHttpAdapter, provideSeatkit } from '../../../src/index.js';
import type {
  BulkInvite,
  InviteDialog,
  SeatkitAdapter,
  TeamMembers,
  TeamStore,
} from '../../../src/index.js';
import { generateScenario } from '../../../mocks/scenarios.js';
import { createInPageBackend, nextTask, type InPageBackend } from './in-page-backend.js';
import { HOSTILE_CSV, inviteCsv, type HostileCsv } from './csv.js';

interface TaskStats {
  /** Longest task seen (ms); 0 when none passed the 50 ms long-task threshold. */
  longestTask: number;
  longTasks: number;
  /** When the longest task started, in ms after the measurement began. */
  longestTaskAt: number | null;
  /** The longest long-animation-frame, with its heaviest script, to say where the time went. */
  worstFrame: { duration: number; blocking: number; script: string } | null;
}

interface TaskWatch {
  stop(): Promise<TaskStats>;
}

interface LoafScript {
  duration: number;
  invoker?: string;
  sourceURL?: string;
  sourceFunctionName?: string;
  sourceCharPosition?: number;
}
interface LoafEntry extends PerformanceEntry {
  blockingDuration: number;
  scripts: LoafScript[];
}

/** Set by scripts/bench/profile.mjs: each measured window is also recorded as a CPU profile. */
const profiling = new URLSearchParams(location.search).has('profile');

/** Watches long tasks (and long animation frames, for attribution) from now until stop(). */
function watchTasks(): TaskWatch {
  if (profiling) console.profile('measure');
  const tasks: PerformanceEntry[] = [];
  const frames: LoafEntry[] = [];
  const since = performance.now();
  // Only tasks that started after the measurement began (not the one that started it).
  const taskObserver = new PerformanceObserver((list) =>
    tasks.push(...list.getEntries().filter((t) => t.startTime >= since)),
  );
  taskObserver.observe({ type: 'longtask' });
  let frameObserver: PerformanceObserver | null = null;
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    frameObserver = new PerformanceObserver((list) =>
      frames.push(...(list.getEntries() as LoafEntry[])),
    );
    frameObserver.observe({ type: 'long-animation-frame' });
  }
  return {
    async stop() {
      if (profiling) console.profileEnd('measure');
      // Entries are queued after the task ends: give them a turn to arrive.
      await nextTask();
      await new Promise((r) => setTimeout(r, 20));
      tasks.push(...taskObserver.takeRecords().filter((t) => t.startTime >= since));
      taskObserver.disconnect();
      if (frameObserver) {
        frames.push(...(frameObserver.takeRecords() as LoafEntry[]));
        frameObserver.disconnect();
      }
      const worst = frames.reduce<LoafEntry | null>(
        (a, b) => (!a || b.duration > a.duration ? b : a),
        null,
      );
      const script = worst?.scripts.reduce<LoafScript | null>(
        (a, b) => (!a || b.duration > a.duration ? b : a),
        null,
      );
      const longest = tasks.reduce<PerformanceEntry | null>(
        (a, b) => (!a || b.duration > a.duration ? b : a),
        null,
      );
      return {
        longestTask: longest?.duration ?? 0,
        longTasks: tasks.length,
        longestTaskAt: longest ? Math.round(longest.startTime - since) : null,
        worstFrame: worst
          ? {
              duration: Math.round(worst.duration),
              blocking: Math.round(worst.blockingDuration),
              script: script
                ? `${Math.round(script.duration)} ms in ${script.invoker ?? '?'} ${script.sourceFunctionName ?? ''}@${(script.sourceURL ?? '').split('/').pop()}:${script.sourceCharPosition ?? ''}`
                : '',
            }
          : null,
      };
    },
  };
}

/** Resolves (with performance.now()) once a frame showing `ready()` has been produced. */
function painted(ready: () => boolean, timeoutMs = 60_000): Promise<number> {
  const deadline = performance.now() + timeoutMs;
  return new Promise((resolve, reject) => {
    const frame = () => {
      if (ready()) {
        void nextTask().then(() => resolve(performance.now()));
        return;
      }
      if (performance.now() > deadline) reject(new Error(`not painted within ${timeoutMs} ms`));
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

const stage = (): HTMLElement => document.getElementById('stage')!;

let backend: InPageBackend | null = null;
let adapter: SeatkitAdapter | null = null;
let store: TeamStore | null = null;
let team: TeamMembers | null = null;
let dialog: InviteDialog | null = null;
let bulk: BulkInvite | null = null;
let pendingKey: Promise<number> | null = null;

/**
 * The page around a dialog, before anyone opens it: the billing summary, painted. A dialog is
 * opened from a page that already shows the team and its billing, so the browser's one-time work
 * for the first formatted number (ICU, about 12 ms here) is done before the clock starts, as it is
 * for a real user.
 */
async function pageShowsBilling(): Promise<void> {
  const preview = document.createElement('seat-billing-preview');
  stage().append(preview);
  await painted(() => preview.shadowRoot?.querySelector('[part~="next-invoice"]') != null);
}

async function prepare(members: number): Promise<number> {
  const t0 = performance.now();
  backend = await createInPageBackend(generateScenario(members));
  adapter = createHttpAdapter({ baseUrl: '/api', fetch: backend.fetch });
  // Building the backend's database of up to 100,000 members (a server's work, done here in the
  // page) leaves garbage; collect it now so its pause does not land in a measured window.
  (globalThis as { gc?: () => void }).gc?.();
  return performance.now() - t0;
}

/** A store already holding every page (the data is there; the element has not rendered yet). */
async function loadedStore(): Promise<TeamStore> {
  store = provideSeatkit(stage(), { adapter: adapter! });
  await store.load();
  while (!store.complete)
    await new Promise((r) => store!.addEventListener('change', r, { once: true }));
  return store;
}

const rowsIn = (el: Element | null) =>
  el?.shadowRoot?.querySelector('[part~="list"] [data-id]') ?? null;

/** The list shows the element's current result: its first visible entry is in the DOM. */
function listShowsResult(el: TeamMembers): boolean {
  const first = el.visibleEntries[0];
  const root = el.shadowRoot;
  if (!root) return false;
  if (!first) return root.querySelector('[part~="empty"]') !== null;
  return root.querySelector(`[part~="list"] [data-id="${CSS.escape(first.id)}"]`) !== null;
}

const bench = {
  ua: () => navigator.userAgent,

  /** Builds the mock database of `members` (not measured) and returns how long that took. */
  prepare,

  /** Data already in the store → <team-members> added → first rows painted. */
  async teamFromStore(): Promise<{ ms: number } & TaskStats> {
    await loadedStore();
    const watch = watchTasks();
    const t0 = performance.now();
    team = document.createElement('team-members');
    stage().append(team);
    const t1 = await painted(() => rowsIn(team) !== null);
    return { ms: t1 - t0, ...(await watch.stop()) };
  },

  /**
   * <team-members> given an adapter → first page's rows painted → every page loaded and the
   * complete count painted (or the time limit).
   */
  async teamThroughAdapter(limitMs: number): Promise<
    {
      firstRowsMs: number;
      allLoadedMs: number | null;
      loaded: number;
      requests: number;
    } & TaskStats
  > {
    const watch = watchTasks();
    const t0 = performance.now();
    team = document.createElement('team-members');
    team.adapter = adapter;
    stage().append(team);
    const t1 = await painted(() => rowsIn(team) !== null);
    const el = team;
    let t2: number | null = null;
    try {
      t2 = await painted(
        () =>
          el.store?.complete === true &&
          el.shadowRoot?.querySelector('[part~="list"]')?.getAttribute('aria-busy') === 'false',
        Math.max(1, limitMs - (t1 - t0)),
      );
    } catch {
      t2 = null;
    }
    const stats = await watch.stop();
    return {
      firstRowsMs: t1 - t0,
      allLoadedMs: t2 === null ? null : t2 - t0,
      loaded: el.store?.entries.length ?? 0,
      requests: backend?.requests ?? 0,
      ...stats,
    };
  },

  /** Arms the next keystroke into <team-members>' search box: resolves once its result is painted. */
  armSearchKey(): void {
    const el = team!;
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
    pendingKey = new Promise((resolve) => {
      input.addEventListener(
        'input',
        (event) => {
          const start = event.timeStamp;
          void el.updateComplete
            .then(() => painted(() => listShowsResult(el)))
            .then((end) => resolve(end - start));
        },
        { once: true, capture: true },
      );
    });
  },

  /** The armed keystroke's time (event timestamp → painted result) and what the list shows. */
  async keyResult(): Promise<{ ms: number; shown: number }> {
    const ms = await pendingKey!;
    pendingKey = null;
    return { ms, shown: team?.visibleEntries.length ?? -1 };
  },

  watch: null as TaskWatch | null,
  startWatch(): void {
    bench.watch = watchTasks();
  },
  async stopWatch(): Promise<TaskStats> {
    const stats = await bench.watch!.stop();
    bench.watch = null;
    return stats;
  },

  /**
   * <team-members> showing 10,000 loaded members: the select-all box clicked → the bar painted
   * ("N selected", Actions) → Actions clicked → its menu painted → Deactivate clicked → the
   * confirmation open, its title painted and Cancel focused. The figure is the three clicks'
   * times added up; "preview" is from the last click until the backend's answer for every
   * selected row is painted. `intent`: the pointer reached the box before the click (its
   * `pointerenter`), which starts downloading the bulk chunk, and the click comes once it is
   * there, as it does for a person; without it the first click waits for the download too.
   */
  async selectAllAndConfirm(intent: boolean): Promise<
    {
      selectMs: number;
      menuMs: number;
      openMs: number;
      totalMs: number;
      previewMs: number;
      selected: string;
      title: string;
      summary: string;
    } & TaskStats
  > {
    await loadedStore();
    await pageShowsBilling();
    team = document.createElement('team-members');
    stage().append(team);
    await painted(() => rowsIn(team) !== null);
    const root = team.shadowRoot!;
    const find = (selector: string) => root.querySelector<HTMLElement>(selector);
    const text = (selector: string) =>
      find(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
    if (intent) {
      find('[part~="select-all"]')!.parentElement!.dispatchEvent(new PointerEvent('pointerenter'));
      const el = team;
      await painted(() => Reflect.get(el, 'bulk') !== null);
    }
    const watch = watchTasks();
    const t0 = performance.now();
    find('[part~="select-all"]')!.click();
    const t1 = await painted(() => find('[part~="bulk-menu-button"]') !== null);
    const t2 = performance.now();
    find('[part~="bulk-menu-button"]')!.click();
    const t3 = await painted(() => find('#row-menu [data-bulk-action="deactivate"]') !== null);
    const t4 = performance.now();
    find('#row-menu [data-bulk-action="deactivate"]')!.click();
    const t5 = await painted(() => {
      const confirmation = root.querySelector<HTMLDialogElement>('dialog.bulk');
      return (
        confirmation?.open === true &&
        root.activeElement === confirmation.querySelector('[part~="cancel"]')
      );
    });
    const t6 = await painted(() => find('dialog.bulk [part~="bulk-summary"]') !== null);
    const stats = await watch.stop();
    return {
      selectMs: t1 - t0,
      menuMs: t3 - t2,
      openMs: t5 - t4,
      totalMs: t1 - t0 + (t3 - t2) + (t5 - t4),
      previewMs: t6 - t4,
      selected: text('[part~="bulk-count"]'),
      title: text('dialog.bulk h2'),
      summary: text('dialog.bulk [part~="bulk-summary"]'),
      ...stats,
    };
  },

  /** <invite-dialog> in a page region whose store is loaded: show() → email field focused, painted. */
  async inviteOpen(): Promise<{ interactiveMs: number; priceMs: number } & TaskStats> {
    await loadedStore();
    await pageShowsBilling();
    dialog = document.createElement('invite-dialog');
    stage().append(dialog);
    await dialog.updateComplete;
    const root = dialog.shadowRoot!;
    const watch = watchTasks();
    const t0 = performance.now();
    dialog.show();
    const t1 = await painted(() => {
      const email = root.querySelector<HTMLInputElement>('#email');
      return email !== null && !email.disabled && root.activeElement === email;
    });
    const t2 = await painted(
      () => root.querySelector('[part~="due-now"], [part~="refusal"]') !== null,
    );
    return { interactiveMs: t1 - t0, priceMs: t2 - t0, ...(await watch.stop()) };
  },

  /** Arms the next keystroke into the dialog's email field: resolves once it and the price are painted. */
  armInviteKey(): void {
    const el = dialog!;
    const root = el.shadowRoot!;
    const input = root.querySelector<HTMLInputElement>('#email')!;
    pendingKey = new Promise((resolve) => {
      input.addEventListener(
        'input',
        (event) => {
          const start = event.timeStamp;
          void el.updateComplete
            .then(() =>
              painted(
                () =>
                  root.querySelector('[part~="due-now"], [part~="refusal"]') !== null &&
                  input.value !== '',
              ),
            )
            .then((end) => resolve(end - start));
        },
        { once: true, capture: true },
      );
    });
  },

  /** <bulk-invite> open on a loaded store: a CSV file of `rows` → read, parsed, validated, preview painted. */
  async bulkCsv(
    rows: number,
  ): Promise<{ ms: number; priceMs: number; ready: number; summary: string } & TaskStats> {
    await loadedStore();
    await pageShowsBilling();
    bulk = document.createElement('bulk-invite');
    stage().append(bulk);
    bulk.show();
    await bulk.updateComplete;
    const root = bulk.shadowRoot!;
    const file = new File([inviteCsv(rows)], 'invites.csv', { type: 'text/csv' });
    await painted(() => root.querySelector('#file') !== null);
    const watch = watchTasks();
    const t0 = performance.now();
    const done = bulk.loadFile(file);
    const refused = () => root.querySelector('[part~="file-problems"]');
    const t1 = await painted(
      () =>
        refused() !== null ||
        (root.querySelector('[part~="summary"]') !== null &&
          root.querySelector('[part~="rows"] [data-row]') !== null),
    );
    await done;
    if (refused())
      throw new Error(
        `the file was refused: ${refused()?.textContent?.replace(/\s+/g, ' ').trim()}`,
      );
    const t2 = await painted(
      () =>
        root.querySelector('[part~="due-now"], [part~="refusal"], [part~="preview-error"]') !==
        null,
    );
    const stats = await watch.stop();
    return {
      ms: t1 - t0,
      priceMs: t2 - t0,
      ready: root.querySelectorAll('[part~="rows"] [data-row]').length,
      summary: root.querySelector('[part~="summary"]')?.textContent?.trim() ?? '',
      ...stats,
    };
  },

  /**
   * <bulk-invite> open on a loaded store: a hostile file (HOSTILE_CSV) → read and checked until
   * the dialog shows its verdict (rows or the file's problem). The figure is the longest task.
   */
  async bulkHostile(kind: HostileCsv): Promise<{ ms: number; verdict: string } & TaskStats> {
    await loadedStore();
    await pageShowsBilling();
    bulk = document.createElement('bulk-invite');
    stage().append(bulk);
    bulk.show();
    await bulk.updateComplete;
    const root = bulk.shadowRoot!;
    const file = new File([HOSTILE_CSV[kind]()], `${kind}.csv`, { type: 'text/csv' });
    await painted(() => root.querySelector('#file') !== null);
    (globalThis as { gc?: () => void }).gc?.();
    const watch = watchTasks();
    const t0 = performance.now();
    const done = bulk.loadFile(file);
    const verdict = () =>
      root.querySelector('[part~="file-problems"]') ?? root.querySelector('[part~="summary"]');
    const t1 = await painted(() => verdict() !== null);
    await done;
    const stats = await watch.stop();
    return {
      ms: t1 - t0,
      verdict: verdict()?.textContent?.replace(/\s+/g, ' ').trim().slice(0, 120) ?? '',
      ...stats,
    };
  },
};

declare global {
  interface Window {
    seatkitBench: typeof bench;
  }
}
window.seatkitBench = bench;
document.documentElement.dataset.ready = 'true';
