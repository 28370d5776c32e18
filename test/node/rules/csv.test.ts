import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CSV_MAX_BYTES,
  CSV_MAX_ROWS,
  CSV_TEMPLATE,
  createInviteCsvReader,
  findPlan,
  readInviteCsv,
  toProblemRowsCsv,
  validateBulkRows,
  type BulkRow,
  type CsvReadResult,
} from '../../../src/rules/index.js';

const utf8 = (s: string) => new TextEncoder().encode(s);
const r = (
  row: number,
  email: string,
  role: string,
  phoneNumber: string | null = null,
): BulkRow => ({ row, email, role, phoneNumber });
const problemCodes = (result: CsvReadResult) => result.problems.map((p) => [p.row, p.code]);

const SAMPLE = 'email,role\r\njörg@example.com,agent\r\n';
/** `text` as UTF-16 bytes, as a spreadsheet's "Unicode text" saves it. */
function utf16(text: string, order: 'le' | 'be', bom: boolean): Uint8Array {
  const units = [...(bom ? [0xfeff] : []), ...Array.from(text, (c) => c.charCodeAt(0))];
  return new Uint8Array(
    units.flatMap((u) => (order === 'le' ? [u & 0xff, u >> 8] : [u >> 8, u & 0xff])),
  );
}

describe('readInviteCsv: files that read', () => {
  const cases: [string, string | Uint8Array | ArrayBuffer, BulkRow[]][] = [
    ['the template', CSV_TEMPLATE, [r(2, 'alex@example.com', 'agent', '+14155550100')]],
    [
      'LF, no trailing newline',
      'email,role\na@x.com,agent\nb@x.com,admin',
      [r(2, 'a@x.com', 'agent'), r(3, 'b@x.com', 'admin')],
    ],
    [
      'CRLF',
      'email,role\r\na@x.com,agent\r\nb@x.com,admin\r\n',
      [r(2, 'a@x.com', 'agent'), r(3, 'b@x.com', 'admin')],
    ],
    [
      'mixed CR, LF and CRLF',
      'email,role\ra@x.com,agent\r\nb@x.com,admin\nc@x.com,agent',
      [r(2, 'a@x.com', 'agent'), r(3, 'b@x.com', 'admin'), r(4, 'c@x.com', 'agent')],
    ],
    ['UTF-8 BOM in bytes', utf8('\uFEFFemail,role\na@x.com,agent\n'), [r(2, 'a@x.com', 'agent')]],
    ['BOM in a string', '\uFEFFemail,role\na@x.com,agent\n', [r(2, 'a@x.com', 'agent')]],
    [
      'BOM before a quoted header',
      '\uFEFF"email","role"\na@x.com,agent\n',
      [r(2, 'a@x.com', 'agent')],
    ],
    [
      'BOM before a quoted header, in bytes',
      utf8('\uFEFF"email","role"\na@x.com,agent\n'),
      [r(2, 'a@x.com', 'agent')],
    ],
    [
      'an ArrayBuffer',
      utf8('email,role\na@x.com,agent\n').buffer as ArrayBuffer,
      [r(2, 'a@x.com', 'agent')],
    ],
    [
      'header in any order and case, with spaces',
      ' Phone Number ,ROLE, Email\n+14155550100,agent,a@x.com\n',
      [r(2, 'a@x.com', 'agent', '+14155550100')],
    ],
    [
      'phone alias',
      'email,role,phone\na@x.com,agent,+14155550100\n',
      [r(2, 'a@x.com', 'agent', '+14155550100')],
    ],
    [
      'phone optional: empty cell is null',
      'email,role,phone_number\na@x.com,agent,\n',
      [r(2, 'a@x.com', 'agent')],
    ],
    [
      'extra columns ignored',
      'name,email,role,notes\nAna,a@x.com,agent,"hi, there"\n',
      [r(2, 'a@x.com', 'agent')],
    ],
    [
      'RFC 4180 quotes, commas and doubled quotes',
      'email,role\n"a@x.com","ag""ent"\n"b,c@x.com",admin\n',
      [r(2, 'a@x.com', 'ag"ent'), r(3, 'b,c@x.com', 'admin')],
    ],
    [
      'embedded LF inside quotes in a CRLF file is one row',
      'email,role\r\n"line1\nline2",agent\r\nb@x.com,admin\r\n',
      [r(2, 'line1\nline2', 'agent'), r(3, 'b@x.com', 'admin')],
    ],
    [
      'embedded CRLF inside quotes',
      'email,role\r\n"x\r\ny",agent\r\nb@x.com,admin\r\n',
      [r(2, 'x\r\ny', 'agent'), r(3, 'b@x.com', 'admin')],
    ],
    [
      'blank lines are skipped but keep spreadsheet row numbers',
      '\nemail,role\n\na@x.com,agent\n\n\nb@x.com,admin\n\n',
      [r(4, 'a@x.com', 'agent'), r(7, 'b@x.com', 'admin')],
    ],
    [
      'rows of empty cells are blank; trailing empty cells are fine',
      'email,role\n,\na@x.com,agent,,\n',
      [r(3, 'a@x.com', 'agent')],
    ],
    [
      'an apostrophe we added against formulas is removed',
      "email,role,phone_number\na@x.com,agent,'+14155550100\n",
      [r(2, 'a@x.com', 'agent', '+14155550100')],
    ],
    [
      'unicode stays intact',
      utf8('email,role\njörg@münchen.de,agent\n'),
      [r(2, 'jörg@münchen.de', 'agent')],
    ],
  ];
  for (const [name, input, rows] of cases) {
    it(name, () => assert.deepEqual(readInviteCsv(input), { rows, problems: [] }));
  }
});

describe('readInviteCsv: files that do not', () => {
  const latin1 = new Uint8Array([
    ...utf8('email,role\nj'),
    0xf6,
    ...utf8('rg@example.com,agent\n'),
  ]);
  const binary = new Uint8Array(2000).map((_, i) => (i * 37) % 256);
  const zip = new Uint8Array([
    0x50,
    0x4b,
    0x03,
    0x04,
    0x14,
    0x00,
    0x06,
    0x00,
    ...utf8('[Content_Types].xml'),
  ]);
  const noNul = new Uint8Array(1000).map((_, i) => [0x01, 0x02, 0x1b, 0x41, 0x80, 0xff][i % 6]!);
  const cases: [string, string | Uint8Array, [number | null, string][], RegExp?][] = [
    ['empty bytes', new Uint8Array(0), [[null, 'empty_file']]],
    ['empty string', '', [[null, 'empty_file']]],
    ['only whitespace and a BOM', '\uFEFF \r\n\r\n', [[null, 'empty_file']]],
    ['header only', 'email,role,phone_number\r\n', [[null, 'empty_file']], /header but no rows/],
    ['Latin-1 bytes', latin1, [[null, 'not_utf8']], /UTF-8/],
    [
      'UTF-16 LE with a BOM (“Unicode text”)',
      utf16(SAMPLE, 'le', true),
      [[null, 'utf16']],
      /CSV UTF-8/,
    ],
    ['UTF-16 BE with a BOM', utf16(SAMPLE, 'be', true), [[null, 'utf16']], /CSV UTF-8/],
    ['UTF-16 LE without a BOM', utf16(SAMPLE, 'le', false), [[null, 'utf16']], /CSV UTF-8/],
    ['UTF-16 BE without a BOM', utf16(SAMPLE, 'be', false), [[null, 'utf16']], /CSV UTF-8/],
    ['random binary', binary, [[null, 'binary_file']]],
    ['an .xlsx (zip with NUL bytes)', zip, [[null, 'binary_file']]],
    ['control characters without NUL', noNul, [[null, 'binary_file']]],
    ['NUL in a string', 'email,role\na\0,agent', [[null, 'binary_file']]],
    [
      'no header (data in row 1)',
      'a@x.com,agent\nb@x.com,agent\n',
      [[1, 'missing_header']],
      /email,role,phone_number/,
    ],
    [
      'missing role column',
      'email,phone_number\na@x.com,\n',
      [[1, 'missing_column']],
      /no role column/,
    ],
    ['missing email column', 'role\nagent\n', [[1, 'missing_column']], /no email column/],
    [
      'unterminated quote',
      'email,role\na@x.com,agent\n"b@x.com,agent\nc@x.com,agent\n',
      [[3, 'malformed_row']],
      /Row 3 .*never closed/,
    ],
    [
      'text after a closing quote',
      'email,role\n"a@x.com"x,agent\n',
      [[2, 'malformed_row']],
      /Row 2/,
    ],
  ];
  for (const [name, input, problems, message] of cases) {
    it(name, () => {
      const result = readInviteCsv(input);
      assert.deepEqual(problemCodes(result), problems);
      if (message) assert.match(result.problems[0]!.message, message);
    });
  }

  it('wrong field count: the row is reported with its number and left out; the others read', () => {
    const result = readInviteCsv('email,role\na@x.com,agent,extra\nb@x.com\nc@x.com,admin\n');
    assert.deepEqual(result.rows, [r(4, 'c@x.com', 'admin')]);
    assert.deepEqual(problemCodes(result), [
      [2, 'malformed_row'],
      [3, 'malformed_row'],
    ]);
    assert.equal(
      result.problems[0]!.message,
      'Row 2 has 3 values but the header has 2 columns. Check for a missing or extra comma.',
    );
  });

  it('too large', () => {
    const big = new Uint8Array(CSV_MAX_BYTES + 1).fill(0x61);
    assert.deepEqual(problemCodes(readInviteCsv(big)), [[null, 'too_large']]);
    assert.deepEqual(problemCodes(readInviteCsv('a'.repeat(CSV_MAX_BYTES + 1))), [
      [null, 'too_large'],
    ]);
    // Multi-byte text: fewer characters than the limit, more bytes.
    assert.deepEqual(problemCodes(readInviteCsv('é'.repeat(CSV_MAX_BYTES / 2 + 1))), [
      [null, 'too_large'],
    ]);
  });

  it('more than 100,000 rows is refused', () => {
    const text = `email,role\n${'a@x.com,agent\n'.repeat(CSV_MAX_ROWS + 1)}`;
    const result = readInviteCsv(text);
    assert.deepEqual(problemCodes(result), [[null, 'too_many_rows']]);
    assert.deepEqual(result.rows, []);
  });
});

describe('readInviteCsv: 100,000 rows', () => {
  const lines = ['email,role,phone_number'];
  for (let i = 0; i < CSV_MAX_ROWS; i++)
    lines.push(
      i % 10 === 0
        ? `"user${i}@example.com","agent","+14155550100"`
        : `user${i}@example.com,agent,`,
    );
  const bytes = utf8(lines.join('\r\n'));

  // How fast is the bench's (npm run bench: bulk100k), not a test's.
  it('reads them all, numbered', () => {
    const result = readInviteCsv(bytes);
    assert.equal(result.problems.length, 0);
    assert.equal(result.rows.length, CSV_MAX_ROWS);
    assert.deepEqual(result.rows[0], r(2, 'user0@example.com', 'agent', '+14155550100'));
    assert.deepEqual(
      result.rows.at(-1),
      r(CSV_MAX_ROWS + 1, `user${CSV_MAX_ROWS - 1}@example.com`, 'agent'),
    );
  });
});

describe('toProblemRowsCsv', () => {
  const team = {
    plan: findPlan('team')!,
    members: [],
    invitations: [],
    phoneNumbers: ['+14155550100'],
    capacityLeft: null,
  };

  it('writes only the rows with problems, with the reasons, RFC 4180 quoted', () => {
    const results = validateBulkRows(
      [
        r(2, 'ok@example.com', 'agent'),
        r(3, 'bad, "quoted"', 'boss'),
        r(4, 'multi\nline', 'agent', '+14155550100'),
      ],
      team,
    );
    assert.equal(
      toProblemRowsCsv(results),
      'email,role,phone_number,problem\r\n' +
        '"bad, ""quoted""",boss,,"bad, ""quoted"" is missing an @.; ""boss"" isn\'t a role. Use admin, agent."\r\n' +
        '"multi\nline",agent,\'+14155550100,"multi\nline is missing an @."\r\n',
    );
  });

  it('neutralises cells a spreadsheet would run as a formula', () => {
    const raws = ['=HYPERLINK("x")', '+1', '-1', '@SUM(A1)', '\tx', '\rx', 'plain'];
    const results = raws.map((email, i) => ({
      row: i + 2,
      raw: r(i + 2, email, 'agent'),
      problems: [{ field: 'email' as const, code: 'invalid_email' as const, message: 'bad' }],
      invite: null,
    }));
    const lines = toProblemRowsCsv(results).split('\r\n');
    assert.deepEqual(lines.slice(1, -1), [
      `"'=HYPERLINK(""x"")",agent,,bad`,
      `'+1,agent,,bad`,
      `'-1,agent,,bad`,
      `'@SUM(A1),agent,,bad`,
      `'\tx,agent,,bad`,
      `"'\rx",agent,,bad`,
      `plain,agent,,bad`,
    ]);
  });

  it('round-trips: the downloaded file reads back to the same rows', () => {
    const rows = [
      r(2, '=cmd@example.com', 'boss', '+14155550100'),
      r(3, 'a, b@x.com', 'agent'),
      r(4, 'ok@x.com', 'owner'),
    ];
    const csv = toProblemRowsCsv(validateBulkRows(rows, team));
    const back = readInviteCsv(csv);
    assert.deepEqual(back.problems, []);
    assert.deepEqual(
      back.rows.map(({ email, role, phoneNumber }) => [email, role, phoneNumber]),
      rows.map(({ email, role, phoneNumber }) => [email, role, phoneNumber]),
    );
  });
});

describe('createInviteCsvReader: reading a slice at a time', () => {
  const sliced = (input: string | Uint8Array, budget: number) => {
    const reader = createInviteCsvReader(input);
    let calls = 1;
    while (!reader.read(budget)) calls++;
    return { result: reader.result(), calls };
  };

  it('stops inside a line of a million commas and inside a field of a million escaped quotes', () => {
    for (const text of [
      ','.repeat(1_000_000),
      `email,role\r\n"${'""'.repeat(500_000)}",agent\r\n`,
      `email,role\r\n${'a'.repeat(1_000_000)}@example.com,agent\r\n`,
    ]) {
      const { result, calls } = sliced(text, 10_000);
      assert.ok(calls > 100, `${calls} slices`);
      assert.deepEqual(result, readInviteCsv(text));
    }
  });

  it('decodes bytes a slice at a time too', () => {
    const bytes = utf8(`email,role\n${'jörg@münchen.de,agent\n'.repeat(50_000)}`);
    const { result, calls } = sliced(bytes, 10_000);
    assert.ok(calls > 10, `${calls} slices`);
    assert.equal(result.rows.length, 50_000);
    assert.deepEqual(result, readInviteCsv(bytes));
  });

  it('reads any text in slices of any size exactly as in one go (property)', () => {
    const piece = fc.constantFrom(
      'a',
      'b@x.com',
      ',',
      '"',
      '""',
      '\r',
      '\n',
      '\r\n',
      ' ',
      'é',
      'email',
      'role',
      '',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 60 }).map((parts) => parts.join('')),
        fc.integer({ min: 1, max: 64 }),
        (text, budget) => {
          assert.deepEqual(sliced(text, budget).result, readInviteCsv(text));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
