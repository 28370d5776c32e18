import type { BulkRow, BulkRowResult, CsvProblem, TeamSnapshot } from '../../rules/index.js';
import { createBulkValidator, createInviteCsvReader } from '../../rules/index.js';

/** A CSV file read and every row checked against the team, as the dialog shows it. */
export interface CheckedFile {
  fileProblems: CsvProblem[];
  results: BulkRowResult[];
  ready: number;
  problems: number;
  /** Row number of the first occurrence of each email, for "already in this file (row 3)". */
  firstRowByEmail: Map<string, number>;
}

export interface CheckOptions {
  signal?: AbortSignal;
  /** Called between chunks of validation with how many rows are checked so far, of how many. */
  onProgress?: (done: number, total: number) => void;
  /**
   * Work between yields, in ms (default 20): a slice may run one chunk and a garbage collection
   * past it and must still stay under the 50 ms of a long task.
   */
  budgetMs?: number;
}

/** Gives the page a turn (input, paint) between chunks of work. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve));
}

/** Reader work per call (about a millisecond): the slicer looks at the clock between calls. */
const READ_UNITS = 65_536;
const VALIDATE_CHUNK = 250;

/** Work in slices, yielding to the page whenever a slice passes the budget. */
class Slicer {
  private start = performance.now();
  constructor(
    private readonly budgetMs: number,
    private readonly signal: AbortSignal | undefined,
  ) {}
  async tick(): Promise<boolean> {
    if (performance.now() - this.start < this.budgetMs) return false;
    await yieldToPage();
    this.signal?.throwIfAborted();
    this.start = performance.now();
    return true;
  }
}

/**
 * Reads the CSV and validates its rows a slice at a time, yielding to the page between slices,
 * so no file up to the size limit freezes the page, whatever its shape (100,000 rows, one line of
 * ten million commas, one field of millions of quotes). It reads with the rules' reader, so the
 * rows, their numbers and the file's problems are exactly `readInviteCsv`'s.
 * Rejects with the signal's reason when aborted (a newer file replaced this one).
 */
export async function checkCsv(
  input: string | Uint8Array | ArrayBuffer,
  team: TeamSnapshot,
  options: CheckOptions = {},
): Promise<CheckedFile> {
  const { signal, onProgress, budgetMs = 20 } = options;
  const slicer = new Slicer(budgetMs, signal);
  await yieldToPage();
  signal?.throwIfAborted();
  const validator = createBulkValidator(team);
  const out: CheckedFile = {
    fileProblems: [],
    results: [],
    ready: 0,
    problems: 0,
    firstRowByEmail: new Map(),
  };

  const reader = createInviteCsvReader(input);
  while (!reader.read(READ_UNITS)) await slicer.tick();
  const { rows, problems } = reader.result();
  out.fileProblems = problems;
  await validate(rows);
  onProgress?.(out.results.length, rows.length);
  return out;

  async function validate(all: readonly BulkRow[]): Promise<void> {
    for (let i = 0; i < all.length; i += VALIDATE_CHUNK) {
      for (const result of validator.validate(all.slice(i, i + VALIDATE_CHUNK))) {
        out.results.push(result);
        if (result.problems.length === 0) out.ready += 1;
        else out.problems += 1;
        const key = result.canonical;
        if (key !== null && !out.firstRowByEmail.has(key)) out.firstRowByEmail.set(key, result.row);
      }
      if (await slicer.tick()) onProgress?.(out.results.length, all.length);
    }
  }
}
