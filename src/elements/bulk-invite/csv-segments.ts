/**
 * Cutting a large CSV text into pieces of whole records, so the rules' `readInviteCsv` can read
 * it a piece at a time between yields to the page (one call on 100,000 rows takes ~100 ms).
 * Records end at an unquoted CR, LF or CRLF, as in `readInviteCsv`; a quote opens a quoted field
 * only at the start of a field (RFC 4180), `""` inside one is an escaped quote.
 */
export interface Segment {
  /** Offsets into the text: `text.slice(start, end)` is the piece. */
  start: number;
  end: number;
  /** 1-based number of the piece's first record in the whole file (a spreadsheet row). */
  firstRecord: number;
  records: number;
}

const QUOTE = 0x22;
const COMMA = 0x2c;
const CR = 0x0d;
const LF = 0x0a;

/** Scans `text` from `from`, returning each piece of at most `perSegment` records. */
export function* csvSegments(text: string, perSegment: number): Generator<Segment> {
  let inQuotes = false;
  let fieldStart = true;
  let start = 0;
  let records = 0;
  let firstRecord = 1;
  const length = text.length;
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i);
    if (inQuotes) {
      if (c === QUOTE) {
        if (text.charCodeAt(i + 1) === QUOTE) i++;
        else inQuotes = false;
      }
      continue;
    }
    if (c === QUOTE && fieldStart) {
      inQuotes = true;
      fieldStart = false;
    } else if (c === CR || c === LF) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i++;
      records++;
      fieldStart = true;
      if (records === perSegment) {
        yield { start, end: i + 1, firstRecord, records };
        start = i + 1;
        firstRecord += records;
        records = 0;
      }
    } else {
      fieldStart = c === COMMA;
    }
  }
  // The last record counts only when the text does not end with its line break (a line break
  // inside a quoted field that never closes does not end it).
  if (start < length) {
    const last = text.charCodeAt(length - 1);
    const open = inQuotes || (last !== CR && last !== LF) ? 1 : 0;
    if (records + open > 0) yield { start, end: length, firstRecord, records: records + open };
  }
}

/** The first record with a non-empty cell (the header), as raw text. */
export function headerRecord(text: string): string {
  for (const segment of csvSegments(text.slice(0, 64 * 1024), 1)) {
    const record = text.slice(segment.start, segment.end);
    if (record.replace(/[\s,"]/g, '') !== '') return record.replace(/[\r\n]+$/, '');
  }
  return '';
}
