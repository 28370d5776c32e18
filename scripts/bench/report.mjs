// The figures of `npm run bench`, their budgets, and the printed table.

const KIB = 1024;

/**
 * Every printed figure: where it is in the results, its unit, and its budget (a maximum) when it
 * has one. "worst" figures are the maximum over all runs; the others are medians.
 */
export const FIGURES = [
  {
    id: 'js.all.gzip',
    label: 'JS, all four elements + deps, initial (min+gzip -9)',
    unit: 'KiB',
    get: (r) => r.size?.all.gzip / KIB,
    budget: 35,
  },
  {
    id: 'js.all.brotli',
    label: 'JS, all four elements + deps, initial (min+brotli)',
    unit: 'KiB',
    get: (r) => r.size?.all.brotli / KIB,
  },
  {
    id: 'js.all.min',
    label: 'JS, all four elements + deps, initial (minified)',
    unit: 'KiB',
    get: (r) => r.size?.all.raw / KIB,
  },
  {
    id: 'js.all.withHttpAdapter',
    label: 'JS, initial + createHttpAdapter contract (gzip)',
    unit: 'KiB',
    get: (r) => r.size?.all.withHttpAdapter?.gzip / KIB,
    extra: () => 'a page using the built-in HTTP adapter',
  },
  {
    id: 'js.total.gzip',
    label: 'JS, every chunk incl. Seatkit lazy ones (gzip)',
    unit: 'KiB',
    get: (r) => r.size?.all.total.gzip / KIB,
    extra: (r) => (r.size ? `${r.size.all.chunks} chunk(s), ${r.size.all.lazyChunks} lazy` : ''),
  },
  {
    id: 'js.react.added',
    label: 'JS, seatkit/react added to a React page (gzip)',
    unit: 'KiB',
    get: (r) => r.size?.react?.gzip / KIB,
    extra: (r) =>
      r.size?.react ? `br ${(r.size.react.brotli / KIB).toFixed(1)}; React itself not counted` : '',
  },
  ...['team-members', 'invite-dialog', 'bulk-invite', 'seat-billing-preview'].map((tag) => ({
    id: `js.${tag}.gzip`,
    label: `JS, <${tag}> entry alone (gzip / brotli)`,
    unit: 'KiB',
    get: (r) => r.size?.elements[tag]?.gzip / KIB,
    extra: (r) => {
      const sizes = r.size?.elements[tag];
      if (!sizes) return '';
      const all = sizes.total?.gzip;
      return `br ${(sizes.brotli / KIB).toFixed(1)}${all && all !== sizes.gzip ? `; ${(all / KIB).toFixed(1)} with its lazy chunks` : ''}`;
    },
  })),
  {
    id: 'team10k.firstRows',
    label: '<team-members> 10k: data → first rows painted',
    unit: 'ms',
    get: (r) => r.team10k?.firstRowsFromStoreMs,
    budget: 50,
  },
  {
    id: 'team10k.searchKey',
    label: '<team-members> 10k: search key → rows painted',
    unit: 'ms',
    get: (r) => r.team10k?.searchKeyMs,
    budget: 20,
    extra: (r) => (r.team10k ? `max ${r.team10k.searchKeyMaxMs}` : ''),
  },
  {
    id: 'team10k.adapterFirstRows',
    label: '<team-members> 10k via adapter: first page painted',
    unit: 'ms',
    get: (r) => r.team10k?.firstRowsViaAdapterMs,
  },
  {
    id: 'team10k.adapterAll',
    label: '<team-members> 10k via adapter: all pages painted',
    unit: 'ms',
    get: (r) => r.team10k?.allLoadedViaAdapterMs,
    extra: (r) => (r.team10k ? `${r.team10k.requestsViaAdapter} requests` : ''),
  },
  {
    id: 'team10k.longestTask',
    label: '<team-members> 10k: longest task, loading (worst)',
    unit: 'ms',
    get: (r) => r.team10k?.loadLongestTaskMs,
    longTask: true,
  },
  {
    id: 'team100k.firstRows',
    label: '<team-members> 100k: data → first rows painted',
    unit: 'ms',
    get: (r) => r.team100k?.firstRowsFromStoreMs,
  },
  {
    id: 'team100k.searchKey',
    label: '<team-members> 100k: search key → rows painted',
    unit: 'ms',
    get: (r) => r.team100k?.searchKeyMs,
    extra: (r) => (r.team100k ? `max ${r.team100k.searchKeyMaxMs}` : ''),
  },
  {
    id: 'team100k.adapterFirstRows',
    label: '<team-members> 100k via adapter: first page painted',
    unit: 'ms',
    get: (r) => r.team100k?.firstRowsViaAdapterMs,
  },
  {
    id: 'team100k.adapterAll',
    label: '<team-members> 100k via adapter: all pages painted',
    unit: 'ms',
    get: (r) => r.team100k?.allLoadedViaAdapterMs,
    extra: (r) =>
      r.team100k
        ? `${r.team100k.allLoadedRuns}/${r.team100k.raw.viaAdapter.length} runs finished, ${r.team100k.requestsViaAdapter} requests`
        : '',
  },
  {
    id: 'team100k.longestTask',
    label: '<team-members> 100k: longest task, loading (worst)',
    unit: 'ms',
    get: (r) => r.team100k?.loadLongestTaskMs,
    budget: 50,
    longTask: true,
    extra: (r) => (r.team100k ? `${r.team100k.loadLongTasks} long tasks/run` : ''),
  },
  {
    id: 'team100k.searchLongestTask',
    label: '<team-members> 100k: longest task, typing (worst)',
    unit: 'ms',
    get: (r) => r.team100k?.searchLongestTaskMs,
    longTask: true,
  },
  {
    id: 'select10k.totalMs',
    label: '<team-members> 10k: select all → bulk confirmation open',
    unit: 'ms',
    get: (r) => r.select10k?.totalMs,
    budget: 100,
    extra: (r) =>
      r.select10k
        ? `select ${r.select10k.selectMs} + menu ${r.select10k.menuMs} + open ${r.select10k.openMs}; max ${r.select10k.totalMaxMs}; “${r.select10k.selected}”`
        : '',
  },
  {
    id: 'select10k.coldTotalMs',
    label: '<team-members> 10k: the same, bulk chunk not preloaded',
    unit: 'ms',
    get: (r) => r.select10k?.coldTotalMs,
    extra: (r) =>
      r.select10k ? `select ${r.select10k.coldSelectMs} (downloads the chunk) + menu + open` : '',
  },
  {
    id: 'select10k.previewMs',
    label: '<team-members> 10k: Deactivate → preview of all painted',
    unit: 'ms',
    get: (r) => r.select10k?.previewMs,
    extra: (r) => (r.select10k ? r.select10k.summary.slice(0, 60) : ''),
  },
  {
    id: 'select10k.longestTask',
    label: '<team-members> 10k: select all + confirm, longest task (worst)',
    unit: 'ms',
    get: (r) => r.select10k?.longestTaskMs,
    longTask: true,
  },
  {
    id: 'bulk10k.preview',
    label: '<bulk-invite> 10k rows: file → preview painted',
    unit: 'ms',
    get: (r) => r.bulk10k?.previewMs,
    budget: 100,
  },
  {
    id: 'bulk10k.price',
    label: '<bulk-invite> 10k rows: file → price painted',
    unit: 'ms',
    get: (r) => r.bulk10k?.priceMs,
  },
  {
    id: 'bulk10k.longestTask',
    label: '<bulk-invite> 10k rows: longest task (worst)',
    unit: 'ms',
    get: (r) => r.bulk10k?.longestTaskMs,
    longTask: true,
  },
  {
    id: 'bulk100k.preview',
    label: '<bulk-invite> 100k rows: file → preview painted',
    unit: 'ms',
    get: (r) => r.bulk100k?.previewMs,
  },
  {
    id: 'bulk100k.longestTask',
    label: '<bulk-invite> 100k rows: longest task (worst)',
    unit: 'ms',
    get: (r) => r.bulk100k?.longestTaskMs,
    budget: 50,
    longTask: true,
    extra: (r) => (r.bulk100k ? `${r.bulk100k.longTasks} long tasks/run` : ''),
  },
  ...[
    ['commas', 'one row of 9.9 million commas'],
    ['quotes', 'a field of 4.9 million "" pairs'],
  ].map(([kind, what]) => ({
    id: `bulkhostile.${kind}`,
    label: `<bulk-invite> hostile CSV, ${what}: longest task (worst)`,
    unit: 'ms',
    get: (r) => r.bulkhostile?.[kind]?.longestTaskMs,
    budget: 50,
    longTask: true,
    extra: (r) => {
      const x = r.bulkhostile?.[kind];
      return x ? `${x.longTasks} long tasks/run; verdict in ${x.verdictMs} ms: ${x.verdict}` : '';
    },
  })),
  {
    id: 'invite.open',
    label: '<invite-dialog>: open → email field interactive',
    unit: 'ms',
    get: (r) => r.invite?.openToInteractiveMs,
  },
  {
    id: 'invite.openPrice',
    label: '<invite-dialog>: open → price painted',
    unit: 'ms',
    get: (r) => r.invite?.openToPriceMs,
  },
  {
    id: 'invite.key',
    label: '<invite-dialog>: key → field + price painted',
    unit: 'ms',
    get: (r) => r.invite?.keyToPriceMs,
    extra: (r) => (r.invite ? `max ${r.invite.keyMaxMs}` : ''),
  },
  {
    id: 'invite.longestTask',
    label: '<invite-dialog>: longest task (worst)',
    unit: 'ms',
    get: (r) => r.invite?.longestTaskMs,
    longTask: true,
  },
];

const num = (x) => (typeof x === 'number' && Number.isFinite(x) ? x : null);

/** One row per measured figure, with its budget verdict and the change from `previous`. */
export function compare(results, previous) {
  const rows = [];
  for (const f of FIGURES) {
    let value;
    try {
      value = num(f.get(results));
    } catch {
      value = null;
    }
    const measured = value !== null || (f.longTask && f.get(results) === 0);
    if (value === null && !measured) {
      // A scenario that ran but could not produce the figure (e.g. loading never finished).
      const ran =
        results[f.id.split('.')[0]] !== undefined || (f.id.startsWith('js.') && results.size);
      if (!ran) continue;
    }
    let before = null;
    if (previous) {
      try {
        before = num(f.get(previous));
      } catch {
        before = null;
      }
    }
    rows.push({
      id: f.id,
      label: f.label,
      unit: f.unit,
      value: value === null ? null : Math.round(value * 10) / 10,
      budget: f.budget ?? null,
      ok: f.budget === undefined ? null : value !== null && value <= f.budget,
      previous: before,
      change: value !== null && before !== null ? Math.round((value - before) * 10) / 10 : null,
      extra: results[f.id.split('.')[0]]?.error
        ? `FAILED: ${results[f.id.split('.')[0]].error}`.slice(0, 140)
        : f.extra
          ? safe(() => f.extra(results))
          : '',
      longTask: Boolean(f.longTask),
    });
  }
  return rows;
}

function safe(fn) {
  try {
    return fn() ?? '';
  } catch {
    return '';
  }
}

const pad = (text, width) => String(text).padEnd(width);
const lpad = (text, width) => String(text).padStart(width);

/** Prints the machine, the table and what broke; returns how many budgets broke. */
export function printTable(results, rows, previous) {
  const m = results.machine;
  console.log(`\nSeatkit bench — ${results.date}`);
  console.log(
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM (${m.freeMemoryGiB} free), ${m.os}, Node ${m.node}`,
  );
  if (results.browser) console.log(`Browser: ${results.browser} (headless)`);
  const busy = Math.max(m.loadAverage ?? 0, m.loadAverageAtEnd ?? 0);
  console.log(
    `Load average: ${m.loadAverage} at the start, ${m.loadAverageAtEnd} at the end${busy > m.cores ? ` — above ${m.cores} cores: other processes competed, expect noisy figures` : ''}.`,
  );
  console.log(
    `Medians of ${results.runs} runs, each on a fresh page; "worst" = the maximum over all runs.`,
  );
  if (previous) console.log(`Change is against bench-results/latest.json of ${previous.date}.`);
  console.log('');
  const w = Math.max(...rows.map((r) => r.label.length));
  const header = `${pad('figure', w)}  ${lpad('value', 10)}  ${lpad('budget', 10)}  ${pad('', 6)}${previous ? `${lpad('change', 10)}  ` : ''}note`;
  console.log(header);
  console.log('-'.repeat(header.length + 20));
  let broken = 0;
  for (const r of rows) {
    const value =
      r.value === null
        ? 'n/a'
        : r.longTask && r.value === 0
          ? '< 50 ms'
          : `${r.value.toFixed(1)} ${r.unit}`;
    const budget = r.budget === null ? '' : `≤ ${r.budget} ${r.unit}`;
    const verdict = r.ok === null ? '' : r.ok ? 'ok' : 'OVER';
    if (r.ok === false) broken++;
    const change =
      r.change === null
        ? ''
        : `${r.change > 0 ? '+' : ''}${r.change.toFixed(1)}${r.previous ? ` (${r.change > 0 ? '+' : ''}${Math.round((r.change / r.previous) * 100)}%)` : ''}`;
    console.log(
      `${pad(r.label, w)}  ${lpad(value, 10)}  ${lpad(budget, 10)}  ${pad(verdict, 6)}${previous ? `${lpad(change, 10)}  ` : ''}${r.extra ?? ''}`,
    );
  }
  console.log('');
  if (results.size) {
    console.log('Where the shipped bytes come from (minified, before compression):');
    console.log(
      results.size.breakdown
        .slice(0, 12)
        .map((b) => `  ${pad(b.module, 36)} ${lpad((b.bytes / KIB).toFixed(1), 6)} KiB`)
        .join('\n'),
    );
    console.log('');
  }
  const budgets = rows.filter((r) => r.ok !== null);
  console.log(
    `${budgets.length - broken} of ${budgets.length} budgets hold${broken ? `; ${broken} broken` : ''}.`,
  );
  return broken;
}
