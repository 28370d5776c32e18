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
 * - Parser: a small RFC 4180 scanner rather than udsv. udsv 0.7 (checked) silently returns no
 *   rows after an unterminated quote, drops rows with too few fields, merges extra fields into the
 *   last one, skips blank lines without telling which row is which, and needs quoted line breaks
 *   to match the row separator; all of which would lose rows or misnumber them here.
 */
import type { BulkRow, BulkRowResult } from './invite-validation.js';

export interface CsvProblem {
  /** The spreadsheet row number, or null for the whole file. */
  row: number | null;
  code:
    | 'empty_file'
    | 'not_utf8'
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
const NOT_A_CSV =
  'This doesn’t look like a CSV file. Export your spreadsheet as “CSV UTF-8” and upload that.';
const HEADER_HINT =
  'The first row must name the columns: email,role,phone_number (phone_number is optional).';

function fileProblem(code: CsvProblem['code'], message: string): CsvReadResult {
  return { rows: [], problems: [{ row: null, code, message }] };
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

function decode(input: string | Uint8Array | ArrayBuffer): string | CsvReadResult {
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
    return input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  }
  const bytes = input instanceof Uint8Array ? input : new Uint8Array(input);
  if (bytes.length > CSV_MAX_BYTES)
    return fileProblem('too_large', 'The file is larger than 10 MB. Split it into smaller files.');
  if (bytes.includes(0) || controlRatio(bytes) > 0.05) return fileProblem('binary_file', NOT_A_CSV);
  try {
    // Strips a UTF-8 BOM by default.
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fileProblem('not_utf8', SAVE_AS_UTF8);
  }
}

type OnRecord = (fields: string[], row: number) => boolean;

/** RFC 4180 records with their row numbers; returns the row of an unterminated quote or bad text after one. */
function scan(text: string, onRecord: OnRecord): CsvProblem | null {
  const n = text.length;
  let i = 0;
  let row = 0;
  while (i < n) {
    row++;
    const fields: string[] = [];
    for (;;) {
      if (text.charCodeAt(i) === QUOTE) {
        let value = '';
        let from = i + 1;
        for (;;) {
          const q = text.indexOf('"', from);
          if (q === -1)
            return {
              row,
              code: 'malformed_row',
              message: `Row ${row} has a quote (") that is never closed.`,
            };
          value += text.slice(from, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            value += '"';
            from = q + 2;
          } else {
            i = q + 1;
            break;
          }
        }
        fields.push(value);
        const c = text.charCodeAt(i);
        if (i < n && c !== COMMA && c !== CR && c !== LF)
          return {
            row,
            code: 'malformed_row',
            message: `Row ${row} has text after a closing quote ("). Put the whole value in quotes and double any quote inside it.`,
          };
      } else {
        let j = i;
        while (j < n) {
          const c = text.charCodeAt(j);
          if (c === COMMA || c === CR || c === LF) break;
          j++;
        }
        fields.push(text.slice(i, j));
        i = j;
      }
      if (i >= n) break;
      const c = text.charCodeAt(i);
      i++;
      if (c === COMMA) continue;
      if (c === CR && text.charCodeAt(i) === LF) i++;
      break;
    }
    if (!onRecord(fields, row)) return null;
  }
  return null;
}

function columnKey(name: string): string {
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

/** Parses an uploaded invite CSV. Never throws: everything wrong is a problem. */
export function readInviteCsv(input: string | Uint8Array | ArrayBuffer): CsvReadResult {
  const text = decode(input);
  if (typeof text !== 'string') return text;
  if (text.trim() === '')
    return fileProblem(
      'empty_file',
      'The file is empty. Use the template: email,role,phone_number.',
    );

  const rows: BulkRow[] = [];
  const problems: CsvProblem[] = [];
  let header: string[] | null = null;
  let emailAt = -1;
  let roleAt = -1;
  let phoneAt = -1;
  let tooMany = false;

  const failure = scan(text, (fields, row) => {
    let blank = true;
    for (const f of fields) if (f.trim() !== '') blank = false;
    if (blank) return true;
    if (header === null) {
      header = fields.map(columnKey);
      emailAt = header.indexOf('email');
      roleAt = header.indexOf('role');
      phoneAt = header.indexOf('phone_number');
      if (emailAt === -1 && roleAt === -1) {
        problems.push({
          row,
          code: 'missing_header',
          message: `Row ${row} isn’t a header. ${HEADER_HINT}`,
        });
        return false;
      }
      for (const [name, at] of [
        ['email', emailAt],
        ['role', roleAt],
      ] as const)
        if (at === -1)
          problems.push({
            row,
            code: 'missing_column',
            message: `The file has no ${name} column. ${HEADER_HINT}`,
          });
      return problems.length === 0;
    }
    const width = header.length;
    if (fields.length < width || fields.slice(width).some((f) => f.trim() !== '')) {
      problems.push({
        row,
        code: 'malformed_row',
        message: `Row ${row} has ${fields.length} values but the header has ${width} columns. Check for a missing or extra comma.`,
      });
      return true;
    }
    if (rows.length === CSV_MAX_ROWS) {
      tooMany = true;
      return false;
    }
    const phone = phoneAt === -1 ? '' : cell(fields[phoneAt]);
    rows.push({
      row,
      email: cell(fields[emailAt]),
      role: cell(fields[roleAt]),
      phoneNumber: phone.trim() === '' ? null : phone,
    });
    return true;
  });

  if (failure) problems.push(failure);
  if (tooMany)
    return fileProblem(
      'too_many_rows',
      `The file has more than ${CSV_MAX_ROWS.toLocaleString('en-US')} rows. Split it into smaller files.`,
    );
  if (header === null)
    return fileProblem(
      'empty_file',
      'The file is empty. Use the template: email,role,phone_number.',
    );
  if (rows.length === 0 && problems.length === 0)
    problems.push({
      row: null,
      code: 'empty_file',
      message: 'The file has a header but no rows to invite.',
    });
  return { rows, problems };
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
