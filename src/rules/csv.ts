/**
 * Reading the bulk-invite CSV and writing the "rows to fix" CSV.
 *
 * Decisions:
 * - The header is the first non-blank record; names are trimmed and matched case-insensitively in
 *   any order, with `_`, `-` and spaces treated alike; `phone` and `phone number` are aliases of
 *   `phone_number`; other columns are ignored. email and role are required, phone optional.
 * - Row numbers are spreadsheet rows: record n of the file is row n (header = row 1), blank
 *   records count (a spreadsheet shows them) but produce no BulkRow; a quoted value spanning
 *   lines is still one row.
 * - Rows of only empty cells (`,,`) are blank. Trailing empty cells beyond the header are fine;
 *   more non-empty values than columns, or fewer values than columns, is `malformed_row` and the
 *   row is left out. An unterminated quote is `malformed_row` and stops reading.
 * - CR, LF and CRLF all end a row (mixed files happen when rows are pasted together).
 * - A cell that `toProblemRowsCsv` neutralised (`'` before = + - @ tab CR) has the apostrophe
 *   removed on the way back in, so a downloaded file can be fixed and re-uploaded as is.
 * - Files over CSV_MAX_ROWS data rows are refused (`too_many_rows`) with no rows.
 * - A UTF-16 file (a spreadsheet's "Unicode text", with or without a byte-order mark) is `utf16`:
 *   the advice is to save it as CSV UTF-8, not that it looks binary (its Latin letters come with
 *   NUL bytes).
 * - Parser: a small RFC 4180 scanner rather than udsv. udsv 0.7 (checked) silently returns no
 *   rows after an unterminated quote, drops rows with too few fields, merges extra fields into the
 *   last one, skips blank lines without telling which row is which, and needs quoted line breaks
 *   to match the row separator; all of which would lose rows or misnumber them here.
 * - The scanner stops and resumes anywhere, even inside a field (`createInviteCsvReader`), so the
 *   dialog reads a file in slices of about a millisecond whatever its shape: a file of one line of
 *   ten million commas, or one field of five million escaped quotes, froze the page for most of a
 *   second when a line or a field was read in one call. The CSV libraries that parse in chunks
 *   do not help there: PapaParse pauses only between rows (a hostile row is still one call), and
 *   csv-parse builds each record as an array (ten million fields) before handing it over.
 *   `readInviteCsv` is the same reader run to the end, so the dialog and the rules agree on every
 *   row and on the row limit.
 */
import type { BulkRow, BulkRowResult } from './invite-validation.js';

export interface CsvProblem {
  /** The spreadsheet row number, or null for the whole file. */
  row: number | null;
  code:
    | 'empty_file'
    | 'not_utf8'
    | 'utf16'
    | 'binary_file'
    | 'too_large'
    | 'missing_header'
    | 'missing_column'
    | 'malformed_row'
    | 'too_many_rows';
  message: string;
}

export interface CsvReadResult {
  rows: BulkRow[];
  problems: CsvProblem[];
}

export const CSV_MAX_BYTES = 10 * 1024 * 1024;
export const CSV_MAX_ROWS = 100_000;
export const CSV_COLUMNS = ['email', 'role', 'phone_number'] as const;

export const CSV_TEMPLATE: string =
  'email,role,phone_number\r\nalex@example.com,agent,+14155550100\r\n';

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

const SAVE_AS_UTF8 =
  'This file isn’t saved as UTF-8. In your spreadsheet app choose “Save as” › “CSV UTF-8”, then upload it again.';
const SAVED_AS_UTF16 =
  'This file is saved as UTF-16 (“Unicode text”), not UTF-8. In your spreadsheet app choose “Save as” › “CSV UTF-8”, then upload it again.';
const NOT_A_CSV =
  'This doesn’t look like a CSV file. Export your spreadsheet as “CSV UTF-8” and upload that.';
const HEADER_HINT =
  'The first row must name the columns: email,role,phone_number (phone_number is optional).';

function fileProblem(code: CsvProblem['code'], message: string): CsvReadResult {
  return { rows: [], problems: [{ row: null, code, message }] };
}

/**
 * Whether the bytes are UTF-16 (or UTF-32) text, as a spreadsheet's "Unicode text" saves it: a
 * byte-order mark, or (without one) text whose every other byte is zero, as Latin letters are in
 * UTF-16. Such a file has NUL bytes, so without this it would be called binary.
 */
function isUtf16(bytes: Uint8Array): boolean {
  const [a, b] = bytes;
  if ((a === 0xff && b === 0xfe) || (a === 0xfe && b === 0xff)) return true;
  if (bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 0xfe && bytes[3] === 0xff) return true;
  const n = Math.min(bytes.length, 8192) & ~1;
  if (n < 4) return false;
  let zeroEven = 0;
  let zeroOdd = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) zeroEven++;
    if (bytes[i + 1] === 0) zeroOdd++;
  }
  const pairs = n / 2;
  return (
    (zeroOdd > pairs * 0.9 && zeroEven < pairs * 0.1) ||
    (zeroEven > pairs * 0.9 && zeroOdd < pairs * 0.1)
  );
}

/** Share of control characters (other than tab, LF, FF, CR) among the first 8 KB. */
function controlRatio(bytes: Uint8Array): number {
  const n = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i] as number;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) control++;
  }
  return n === 0 ? 0 : control / n;
}

/**
 * What can be told about an input before its text is read: a file problem, the text of a string
 * (without a BOM), or bytes to decode as UTF-8. Native scans only (the size, a NUL byte), so this
 * takes a few milliseconds however large the file.
 */
function inspect(
  input: string | Uint8Array | ArrayBuffer,
): CsvReadResult | { text: string } | { bytes: Uint8Array } {
  if (typeof input === 'string') {
    if (
      input.length > CSV_MAX_BYTES ||
      (input.length > CSV_MAX_BYTES / 3 && new TextEncoder().encode(input).length > CSV_MAX_BYTES)
    )
      return fileProblem(
        'too_large',
        'The file is larger than 10 MB. Split it into smaller files.',
      );
    if (input.includes('\0')) return fileProblem('binary_file', NOT_A_CSV);
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input };
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length > CSV_MAX_BYTES)
    return fileProblem('too_large', 'The file is larger than 10 MB. Split it into smaller files.');
  if (isUtf16(bytes)) return fileProblem('utf16', SAVED_AS_UTF16);
  if (bytes.includes(0) || controlRatio(bytes) > 0.05) return fileProblem('binary_file', NOT_A_CSV);
  return { bytes };
}

/** Longer than any column name: not looked at (a hostile header cell can be megabytes). */
const MAX_NAME = 100;

function columnKey(name: string): string {
  if (name.length > MAX_NAME) return '';
  const key = name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '_');
  if (key === 'e_mail' || key === 'email_address') return 'email';
  if (key === 'phone' || key === 'phonenumber') return 'phone_number';
  return key;
}

const NEUTRALISED = /^'[=+\-@\t\r]/;

function cell(value: string | undefined): string {
  if (value === undefined) return '';
  return NEUTRALISED.test(value) ? value.slice(1) : value;
}

/**
 * Reads the invite CSV a slice at a time: `read(budget)` does about `budget` units of work (a
 * character, a field, a row each cost some) and returns, so a caller can give the page a turn
 * between slices however the file is shaped: ten million empty fields on one line, one field of
 * millions of escaped quotes, 100,000 rows. `readInviteCsv` is the same reader run to the end, so
 * the dialog and the rules agree on every row (what a row is, its number, the 100,000-row limit).
 *
 * Fields are not kept in arrays: each is looked at as it ends (the header's column names, a row's
 * email, role and phone number, whether the rest are empty), so a line of ten million empty
 * fields costs no memory. A quoted field's parts are unescaped slice by slice.
 */
export interface InviteCsvReader {
  /** Reads on for about `budget` units of work; true once the whole file is read. */
  read(budget: number): boolean;
  /** The rows and problems (or the file's problem); complete once `read` returned true. */
  result(): CsvReadResult;
}

/** Work units of the reader: what a character, a field, an escaped quote and a row cost. */
const FIELD_COST = 4;
const PAIR_COST = 8;
const RECORD_COST = 32;
/** Bytes decoded per unit of work, and per step (native decoding is fast, but 10 MB is 10 MB). */
const BYTES_PER_UNIT = 16;
const DECODE_STEP = 256 * 1024;

type State = 'decode' | 'field' | 'unquoted' | 'quoted' | 'afterQuote' | 'done';

class Reader implements InviteCsvReader {
  private i = 0;
  private state: State = 'field';
  /** 1-based number of the record being read (its spreadsheet row). */
  private record = 0;
  /** A record is open: a field follows even at the end of the text (after a comma). */
  private open = false;
  private fieldFrom = 0;
  private parts: string[] = [];
  private escapes = false;
  // The record being read.
  private fields = 0;
  private blank = true;
  private extra = false;
  private email = '';
  private role = '';
  private phone = '';
  private candidate = { email: -1, role: -1, phone: -1 };
  // The file.
  private header: { width: number; email: number; role: number; phone: number } | null = null;
  private readonly rows: BulkRow[] = [];
  private readonly problems: CsvProblem[] = [];
  private fatal: CsvReadResult | null = null;
  /** Records ended since the reader last counted its work. */
  private ended = 0;

  private text = '';
  /** Bytes still to decode, with the decoder and what it has decoded so far. */
  private bytes: { data: Uint8Array; at: number; decoder: TextDecoder; text: string[] } | null =
    null;

  constructor(input: string | Uint8Array | ArrayBuffer) {
    const found = inspect(input);
    if ('text' in found) this.text = found.text;
    else if ('bytes' in found) {
      // Strips a UTF-8 BOM (the decoder's default); `fatal`: text that is not UTF-8 is refused.
      this.bytes = {
        data: found.bytes,
        at: 0,
        decoder: new TextDecoder('utf-8', { fatal: true }),
        text: [],
      };
      this.state = 'decode';
    } else {
      this.fatal = found;
      this.state = 'done';
    }
  }

  read(budget: number): boolean {
    let work = 0;
    while (this.state === 'decode' && work < budget) work += this.decodeStep();
    const text = this.text;
    const n = text.length;
    while (work < budget) {
      switch (this.state) {
        case 'decode':
        case 'done':
          return this.state === 'done';
        case 'field': {
          if (this.i >= n) {
            if (this.open) {
              this.endField('');
              this.endRecord();
            }
            this.state = 'done';
            break;
          }
          if (!this.open) {
            this.open = true;
            this.record++;
          }
          if (text.charCodeAt(this.i) === QUOTE) {
            this.i++;
            this.fieldFrom = this.i;
            this.parts = [];
            this.escapes = false;
            this.state = 'quoted';
          } else {
            this.fieldFrom = this.i;
            this.state = 'unquoted';
          }
          work += FIELD_COST;
          break;
        }
        case 'unquoted': {
          const stop = Math.min(n, this.i + (budget - work));
          let j = this.i;
          while (j < stop) {
            const c = text.charCodeAt(j);
            if (c === COMMA || c === CR || c === LF) break;
            j++;
          }
          work += j - this.i + 1;
          this.i = j;
          if (j === stop && j < n) break; // out of budget inside the field
          this.endField(text.slice(this.fieldFrom, j));
          this.delimiter();
          break;
        }
        case 'quoted': {
          const q = text.indexOf('"', this.i);
          if (q === -1) {
            this.stop({
              row: this.record,
              code: 'malformed_row',
              message: `Row ${this.record} has a quote (") that is never closed.`,
            });
            break;
          }
          work += q - this.i + PAIR_COST;
          if (text.charCodeAt(q + 1) === QUOTE) {
            this.i = q + 2;
            this.escapes = true;
            // Unescape what is read so far now and then, so no single step unescapes megabytes.
            if (work >= budget) this.takePart(this.i);
            break;
          }
          this.takePart(q);
          this.i = q + 1;
          const value = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
          this.parts = [];
          this.endField(value);
          this.state = 'afterQuote';
          break;
        }
        case 'afterQuote': {
          const c = text.charCodeAt(this.i);
          if (this.i < n && c !== COMMA && c !== CR && c !== LF) {
            this.stop({
              row: this.record,
              code: 'malformed_row',
              message: `Row ${this.record} has text after a closing quote ("). Put the whole value in quotes and double any quote inside it.`,
            });
            break;
          }
          this.delimiter();
          work += 1;
          break;
        }
      }
      work += this.ended * RECORD_COST;
      this.ended = 0;
    }
    return this.state === 'done';
  }

  result(): CsvReadResult {
    if (this.fatal) return this.fatal;
    if (this.header === null)
      return fileProblem(
        'empty_file',
        'The file is empty. Use the template: email,role,phone_number.',
      );
    const problems = [...this.problems];
    if (this.rows.length === 0 && problems.length === 0)
      problems.push({
        row: null,
        code: 'empty_file',
        message: 'The file has a header but no rows to invite.',
      });
    return { rows: this.rows, problems };
  }

  /** Decodes the next bytes; the text is read once all of it is decoded. Returns the work done. */
  private decodeStep(): number {
    const bytes = this.bytes!;
    const to = Math.min(bytes.data.length, bytes.at + DECODE_STEP);
    try {
      const last = to === bytes.data.length;
      bytes.text.push(bytes.decoder.decode(bytes.data.subarray(bytes.at, to), { stream: !last }));
      bytes.at = to;
      if (last) {
        this.text = bytes.text.join('');
        this.bytes = null;
        this.state = 'field';
      }
    } catch {
      this.fatal = fileProblem('not_utf8', SAVE_AS_UTF8);
      this.bytes = null;
      this.state = 'done';
    }
    return DECODE_STEP / BYTES_PER_UNIT;
  }

  /** The quoted field's text from where the last part ended to `to`, unescaped. */
  private takePart(to: number): void {
    const part = this.text.slice(this.fieldFrom, to);
    // split/join rather than replaceAll: its result is a flat string, where replaceAll's is a
    // rope of one piece per quote that costs as much again to flatten later, all in one task.
    this.parts.push(this.escapes ? part.split('""').join('"') : part);
    this.fieldFrom = to;
    this.escapes = false;
  }

  /** After a field, at `i`: a comma (another field), a line break or the end (the record ends). */
  private delimiter(): void {
    const text = this.text;
    const c = text.charCodeAt(this.i);
    this.state = 'field';
    if (this.i >= text.length) {
      this.endRecord();
      return;
    }
    this.i++;
    if (c === COMMA) return;
    if (c === CR && text.charCodeAt(this.i) === LF) this.i++;
    this.endRecord();
  }

  private endField(value: string): void {
    const index = this.fields++;
    const filled = value.trim() !== '';
    if (filled) this.blank = false;
    const header = this.header;
    if (header === null) {
      if (!filled) return;
      const key = columnKey(value);
      const c = this.candidate;
      if (key === 'email' && c.email === -1) c.email = index;
      else if (key === 'role' && c.role === -1) c.role = index;
      else if (key === 'phone_number' && c.phone === -1) c.phone = index;
      return;
    }
    if (index === header.email) this.email = value;
    else if (index === header.role) this.role = value;
    else if (index === header.phone) this.phone = value;
    else if (index >= header.width && filled) this.extra = true;
  }

  private endRecord(): void {
    this.ended++;
    const row = this.record;
    const { fields, blank, extra, email, role, phone, candidate } = this;
    this.open = false;
    this.fields = 0;
    this.blank = true;
    this.extra = false;
    this.email = this.role = this.phone = '';
    this.candidate = { email: -1, role: -1, phone: -1 };
    // A row of only empty cells is blank: it has a number (a spreadsheet shows it) but no row.
    if (blank) return;
    if (this.header === null) {
      this.header = { width: fields, ...candidate };
      if (candidate.email === -1 && candidate.role === -1) {
        this.stop({
          row,
          code: 'missing_header',
          message: `Row ${row} isn’t a header. ${HEADER_HINT}`,
        });
        return;
      }
      for (const [name, at] of [
        ['email', candidate.email],
        ['role', candidate.role],
      ] as const)
        if (at === -1)
          this.problems.push({
            row,
            code: 'missing_column',
            message: `The file has no ${name} column. ${HEADER_HINT}`,
          });
      if (this.problems.length > 0) this.state = 'done';
      return;
    }
    const width = this.header.width;
    if (fields < width || extra) {
      this.problems.push({
        row,
        code: 'malformed_row',
        message: `Row ${row} has ${fields} values but the header has ${width} columns. Check for a missing or extra comma.`,
      });
      return;
    }
    if (this.rows.length === CSV_MAX_ROWS) {
      this.fatal = fileProblem(
        'too_many_rows',
        `The file has more than ${CSV_MAX_ROWS.toLocaleString('en-US')} rows. Split it into smaller files.`,
      );
      this.state = 'done';
      return;
    }
    const phoneNumber = this.header.phone === -1 ? '' : cell(phone);
    this.rows.push({
      row,
      email: cell(email),
      role: cell(role),
      phoneNumber: phoneNumber.trim() === '' ? null : phoneNumber,
    });
  }

  /** A problem that ends the reading (the rows read so far are kept). */
  private stop(problem: CsvProblem): void {
    this.problems.push(problem);
    this.state = 'done';
  }
}

/** A reader of an uploaded invite CSV that works a slice at a time (see InviteCsvReader). */
export function createInviteCsvReader(input: string | Uint8Array | ArrayBuffer): InviteCsvReader {
  return new Reader(input);
}

/** Parses an uploaded invite CSV. Never throws: everything wrong is a problem. */
export function readInviteCsv(input: string | Uint8Array | ArrayBuffer): CsvReadResult {
  const reader = new Reader(input);
  while (!reader.read(Number.POSITIVE_INFINITY));
  return reader.result();
}

/** Spreadsheet apps run cells starting with these as formulas (CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The rows with problems, as a CSV to fix and upload again: email,role,phone_number,problem. */
export function toProblemRowsCsv(
  results: readonly Pick<BulkRowResult, 'raw' | 'problems'>[],
): string {
  let out = 'email,role,phone_number,problem\r\n';
  for (const result of results) {
    if (result.problems.length === 0) continue;
    const { email, role, phoneNumber } = result.raw;
    const problem = result.problems.map((p) => p.message).join('; ');
    out += `${[email, role, phoneNumber ?? '', problem].map(csvCell).join(',')}\r\n`;
  }
  return out;
}
