import type { BulkRow, BulkRowResult, CsvProblem, TeamSnapshot } from '../../rules/index.js';
import {
  CSV_MAX_BYTES,
  CSV_MAX_ROWS,
  createBulkValidator,
  readInviteCsv,
} from '../../rules/index.js';
import { csvSegments, headerRecord } from './csv-segments.js';

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
  /** Called between chunks with how many rows are checked so far (total is an estimate while reading). */
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

/** Below this many characters one `readInviteCsv` call is quick enough. */
const SMALL_TEXT = 1_000_000;
const RECORDS_PER_SEGMENT = 1_000;
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
 * so a 100,000-row file never freezes the page. Large texts are read a piece of whole records at
 * a time (the header repeated in front of each piece, row numbers shifted back).
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

  const validate = async (rows: readonly BulkRow[], total: number) => {
    for (let i = 0; i < rows.length; i += VALIDATE_CHUNK) {
      for (const result of validator.validate(rows.slice(i, i + VALIDATE_CHUNK))) {
        out.results.push(result);
        if (result.problems.length === 0) out.ready += 1;
        else out.problems += 1;
        const key = result.canonical;
        if (key !== null && !out.firstRowByEmail.has(key)) out.firstRowByEmail.set(key, result.row);
      }
      if (await slicer.tick()) onProgress?.(out.results.length, total);
    }
  };

  const text = decodeLarge(input);
  if (text === null) {
    const { rows, problems } = readInviteCsv(input);
    out.fileProblems = problems;
    await validate(rows, rows.length);
    onProgress?.(out.results.length, rows.length);
    return out;
  }

  // A large text: count its records first (in slices), then read and check piece by piece.
  const segments = [];
  let records = 0;
  for (const segment of csvSegments(text, RECORDS_PER_SEGMENT)) {
    segments.push(segment);
    records += segment.records;
    await slicer.tick();
  }
  if (records - 1 > CSV_MAX_ROWS) {
    const { problems } = readInviteCsv(text.slice(0, segments[0]?.end ?? 0));
    const fatal = problems.filter((p) => p.row === null);
    out.fileProblems =
      fatal.length > 0
        ? fatal
        : [{ row: null, code: 'too_many_rows', message: `More than ${CSV_MAX_ROWS} rows.` }];
    return out;
  }
  const header = headerRecord(text);
  const pieces: BulkRow[][] = [];
  for (const [index, segment] of segments.entries()) {
    const piece = text.slice(segment.start, segment.end);
    // Later pieces get the header in front: their record 2 is the file's row `firstRecord`.
    const shift = index === 0 ? 0 : segment.firstRecord - 2;
    const { rows, problems } = readInviteCsv(index === 0 ? piece : `${header}\r\n${piece}`);
    if (problems.length > 0) {
      // A malformed file: read it whole so rows and problems are exactly as the rules say.
      const whole = readInviteCsv(text);
      out.fileProblems = whole.problems;
      await validate(whole.rows, whole.rows.length);
      return out;
    }
    pieces.push(shift === 0 ? rows : rows.map((r) => ({ ...r, row: r.row + shift })));
    await slicer.tick();
  }
  for (const rows of pieces) {
    await validate(rows, records - 1);
    onProgress?.(out.results.length, records - 1);
  }
  return out;
}

/**
 * The text of a large input, without a BOM; null when the input is small or not clean UTF-8
 * text (then `readInviteCsv` reads it whole and says what is wrong with it).
 */
function decodeLarge(input: string | Uint8Array | ArrayBuffer): string | null {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size < SMALL_TEXT || size > CSV_MAX_BYTES) return null;
  let text: string;
  if (typeof input === 'string') text = input;
  else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(input);
    } catch {
      return null;
    }
  }
  if (text.includes('\u0000')) return null;
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
