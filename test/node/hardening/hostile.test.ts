// Hostile input in Node: markup and script payloads through the API as inert text, CSV files
// nobody should send (and random bytes) through the reader and the validator, formula cells in
// the problem-rows download, and email edge cases through the mock's invite endpoint.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  CSV_MAX_BYTES,
  PLANS,
  createBulkValidator,
  readInviteCsv,
  toProblemRowsCsv,
} from '../../../src/rules/index.js';
import type { BulkRowResult, TeamSnapshot } from '../../../src/rules/index.js';
import { DEEP, fileServer, outcome, raw, stateOf } from './support.js';

const { server, use } = fileServer();
const tried = { payloads: 0, csvFiles: 0, fuzzedFiles: 0, problemCsvs: 0, emails: 0 };
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => {
  server.close();
  const total = Object.values(tried).reduce((a, b) => a + b, 0);
  console.log(
    `[hardening:hostile] ${total} hostile inputs: ${tried.payloads} markup payloads through the API, ` +
      `${tried.csvFiles} crafted CSV files, ${tried.fuzzedFiles} fuzzed CSV files, ` +
      `${tried.problemCsvs} problem-row CSVs, ${tried.emails} email edge cases`,
  );
});

/** Markup, script, template, spreadsheet and text-direction payloads. */
export const PAYLOADS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)>",
  '</textarea><script>alert(1)</script>',
  'javascript:alert(1)',
  '{{constructor.constructor("alert(1)")()}}',
  '${alert(1)}',
  '<!-- x --><b>bold</b>',
  '&lt;b&gt;escaped&lt;/b&gt;',
  "Robert'); DROP TABLE members;--",
  '=HYPERLINK("https://evil.example","click")',
  'Ali\u202Eevil.exe\u202C',
  'Zero\u200Bwidth',
  '__proto__',
  '😀 Ünïcödé 中文 עברית',
  `${'A'.repeat(5000)}<script>`,
];

const PASSWORD = 'correct horse battery';
function hostileScenario() {
  return {
    plan: 'team',
    billing: 'monthly',
    cycleStart: '2026-11-01',
    now: '2026-11-16T09:30:00Z',
    actor: 'olivia@example.com',
    password: PASSWORD,
    members: [
      { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
      ...PAYLOADS.map((name, i) => ({
        name,
        email: `p${i}@example.com`,
        role: 'agent',
        status: 'active',
        campaigns: [name],
        personalIntegrations: [name],
      })),
    ],
    invitations: [],
    phoneNumbers: ['+14155550100'],
    ringGroups: PAYLOADS.map((name, i) => `${name} #${i}`),
    teamIntegrations: PAYLOADS.slice(0, 3),
  };
}

describe('markup and scripts travel through the API as inert text', () => {
  it('member names, ring-group names, campaigns and integrations round-trip exactly', async () => {
    const { adapter } = use(hostileScenario());
    tried.payloads += PAYLOADS.length * 4;
    const { items } = await adapter.listTeam({ limit: 200 });
    const groups = await adapter.listRingGroups();
    PAYLOADS.forEach((payload, i) => {
      assert.equal(
        items.find((e) => e.email === `p${i}@example.com`)?.kind === 'member' &&
          (items.find((e) => e.email === `p${i}@example.com`) as { name: string }).name,
        payload,
      );
      assert.ok(
        groups.some((g) => g.name === `${payload} #${i}`),
        `ring group ${i}`,
      );
    });
    for (const [i, payload] of PAYLOADS.entries()) {
      const impact = await adapter.getRemovalImpact(`mem-p${i}-example-com`);
      assert.deepEqual(impact.campaigns, [payload]);
      assert.deepEqual(impact.personalIntegrations, [payload]);
    }
  });

  it('searching for a payload finds it, and only as text', async () => {
    const { adapter } = use(hostileScenario());
    for (const payload of PAYLOADS.slice(0, 6)) {
      tried.payloads++;
      const { items } = await adapter.listTeam({ search: payload.slice(0, 200) });
      assert.ok(
        items.some((e) => e.kind === 'member' && e.name === payload),
        payload,
      );
    }
  });

  it('every answer is JSON, never HTML, whatever the payload in the email', async () => {
    use(hostileScenario());
    for (const payload of PAYLOADS) {
      tried.payloads++;
      const answer = await raw('POST', '/invitations', {
        body: { email: `${payload}@example.com`, role: 'agent' },
      });
      assert.match(answer.headers.get('Content-Type') ?? '', /^application\/(problem\+)?json/);
      if (answer.status === 201) {
        assert.equal((answer.json as { email: string }).email, `${payload}@example.com`.trim());
      } else {
        assert.equal(answer.status, 422, answer.text);
        assert.equal((answer.json as { code: string }).code, 'validation_failed');
      }
    }
  });
});

// ---- CSV ---------------------------------------------------------------------------------------

const team: TeamSnapshot = {
  plan: PLANS[0] ?? assert.fail('no plans'),
  members: [{ email: 'olivia@example.com', status: 'active' }],
  invitations: [],
  phoneNumbers: ['+14155550100'],
  capacityLeft: 4,
};

const utf8 = (text: string) => new TextEncoder().encode(text);
const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...utf8(p)] : p)));

/** Reads a file and validates its rows, the way <bulk-invite> does; must never throw. */
function readAndValidate(input: string | Uint8Array) {
  const read = readInviteCsv(input);
  const results = createBulkValidator(team).validate(read.rows);
  for (const p of read.problems) assert.ok(p.message.length > 10, `clear: ${p.message}`);
  for (const r of results) {
    assert.ok(r.row >= 2, 'rows are spreadsheet rows (header = 1)');
    assert.equal(r.invite === null, r.problems.length > 0);
    for (const p of r.problems) assert.ok(p.message.length > 5, `clear: ${p.message}`);
  }
  return { read, results };
}

describe('CSV files nobody should send: a clear file or row problem, never an exception', () => {
  const FILES: {
    name: string;
    input: () => string | Uint8Array;
    file?: string;
    emails?: string[];
    rowProblems?: number;
  }[] = [
    {
      name: 'UTF-8 with a BOM (bytes)',
      input: () => bytes([0xef, 0xbb, 0xbf], 'email,role\r\na@example.com,agent\r\n'),
      emails: ['a@example.com'],
    },
    {
      name: 'a BOM in a string, header in capitals',
      input: () => '\uFEFFEMAIL,Role\na@example.com,agent',
      emails: ['a@example.com'],
    },
    {
      name: 'CRLF, LF and CR mixed',
      input: () => 'email,role\r\na@example.com,agent\nb@example.com,admin\rc@example.com,agent',
      emails: ['a@example.com', 'b@example.com', 'c@example.com'],
    },
    {
      name: 'quoted values with commas and doubled quotes',
      input: () =>
        'email,role,phone_number\r\n"a@example.com","agent",""\r\n"b""x@example.com",agent,\r\n',
      emails: ['a@example.com'],
      rowProblems: 1,
    },
    {
      name: 'a quoted value spanning lines',
      input: () => 'email,role\r\n"a@exa\r\nmple.com",agent\r\nb@example.com,agent\r\n',
      emails: ['b@example.com'],
      rowProblems: 1,
    },
    {
      name: 'an unterminated quote',
      input: () => 'email,role\r\na@example.com,agent\r\n"b@example.com,agent\r\n',
      file: 'malformed_row',
    },
    {
      name: 'Latin-1 bytes',
      input: () => bytes('email,role\r\n', [0x6a, 0xe9, 0x40], 'x.com,agent\r\n'),
      file: 'not_utf8',
    },
    {
      name: 'a PNG',
      input: () =>
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48]),
      file: 'binary_file',
    },
    {
      name: 'a zip (xlsx)',
      input: () => bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 6, 0], 'xl/workbook.xml'),
      file: 'binary_file',
    },
    {
      name: 'UTF-16 (Excel "Unicode text")',
      input: () =>
        new Uint8Array([0xff, 0xfe, ...[...'email,role'].flatMap((c) => [c.charCodeAt(0), 0])]),
      file: 'binary_file',
    },
    { name: 'an empty file', input: () => new Uint8Array(0), file: 'empty_file' },
    { name: 'only blank lines and spaces', input: () => ' \r\n\r\n  \n', file: 'empty_file' },
    { name: 'only a header', input: () => 'email,role,phone_number\r\n', file: 'empty_file' },
    { name: 'no header', input: () => 'a@example.com,agent\r\n', file: 'missing_header' },
    {
      name: 'a header without role',
      input: () => 'email,phone\r\na@example.com,\r\n',
      file: 'missing_column',
    },
    {
      name: 'just over 10 MB',
      input: () => new Uint8Array(CSV_MAX_BYTES + 1).fill(0x61),
      file: 'too_large',
    },
    {
      name: '10 MB of rows as a string',
      input: () =>
        `email,role\r\n${'a@example.com,agent\r\n'.repeat(Math.ceil(CSV_MAX_BYTES / 20))}`,
      file: 'too_large',
    },
    {
      name: 'formula cells and markup in cells',
      input: () =>
        "email,role,phone_number\r\n=cmd|'/c calc'!A0,agent,\r\n<script>@example.com,<b>agent</b>,+1<img>\r\n",
      emails: [],
      rowProblems: 2,
    },
  ];
  for (const f of FILES) {
    it(f.name, () => {
      tried.csvFiles++;
      const started = performance.now();
      const { read, results } = readAndValidate(f.input());
      assert.ok(performance.now() - started < 5000, 'fast enough');
      if (f.file)
        assert.ok(
          read.problems.some((p) => p.code === f.file),
          JSON.stringify(read.problems),
        );
      if (f.emails)
        assert.deepEqual(
          results.filter((r) => r.invite).map((r) => r.invite?.email),
          f.emails,
        );
      if (f.rowProblems !== undefined)
        assert.equal(
          results.filter((r) => r.problems.length > 0).length +
            read.problems.filter((p) => p.row !== null).length,
          f.rowProblems,
        );
    });
  }

  it('random bytes: never an exception (fuzz)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2000 }), (input) => {
        tried.fuzzedFiles++;
        readAndValidate(input);
      }),
      { numRuns: DEEP ? 20_000 : 400 },
    );
  });

  it('random CSV-shaped text: never an exception, rows numbered in order (fuzz)', () => {
    const char = fc.constantFrom(
      ',',
      '"',
      '\r',
      '\n',
      '\r\n',
      'a',
      'b',
      '@',
      '.',
      'com',
      ' ',
      '\t',
      'é',
      '\uFEFF',
      '\u0000',
      'email',
      'role',
      'agent',
      'admin',
      'owner',
      '+14155550100',
      '=',
      "'",
      '<',
      '>',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.array(char, { maxLength: 300 }).map((parts) => parts.join('')),
        (withHeader, asBytes, body) => {
          tried.fuzzedFiles++;
          const text = withHeader ? `email,role,phone_number\r\n${body}` : body;
          const { read } = readAndValidate(asBytes ? utf8(text) : text);
          const rows = read.rows.map((r) => r.row);
          assert.deepEqual(
            rows,
            [...rows].sort((a, b) => a - b),
            'in file order',
          );
          assert.equal(new Set(rows).size, rows.length, 'each row once');
        },
      ),
      { numRuns: DEEP ? 20_000 : 400 },
    );
  });
});

// ---- the problem-rows download ----------------------------------------------------------------

/** A strict RFC 4180 reader for the test's side (independent of src/rules/csv.ts). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let i = 0;
  while (i < text.length) {
    const record: string[] = [];
    for (;;) {
      let value = '';
      if (text[i] === '"') {
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          assert.notEqual(q, -1, 'quotes are closed');
          value += text.slice(i, q);
          i = q + 1;
          if (text[i] === '"') {
            value += '"';
            i++;
          } else break;
        }
      } else {
        while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n')
          value += text[i++];
      }
      record.push(value);
      if (text[i] === ',') {
        i++;
        continue;
      }
      assert.equal(text.slice(i, i + 2), '\r\n', 'records end in CRLF');
      i += 2;
      break;
    }
    records.push(record);
  }
  return records;
}

const FORMULA = /^[=+\-@\t\r]/;

describe('the problem-rows CSV neutralises formula cells', () => {
  const cellText = fc.oneof(
    fc.string({ maxLength: 30 }),
    fc
      .tuple(
        fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', ' =', '"=', "'", '\uFEFF=', ''),
        fc.string({ maxLength: 20 }),
      )
      .map(([a, b]) => a + b),
    fc.constantFrom(
      '=1+1',
      "=cmd|'/c calc'!A0",
      '@SUM(A1:A2)',
      '+1',
      '-1',
      '=HYPERLINK("http://evil.example","x")',
      '\t=1',
      '\r=1',
    ),
  );
  it('every cell a spreadsheet could run starts with an apostrophe (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cellText, cellText, fc.option(cellText), cellText), {
          minLength: 1,
          maxLength: 8,
        }),
        (rows) => {
          tried.problemCsvs++;
          const results: Pick<BulkRowResult, 'raw' | 'problems'>[] = rows.map(
            ([email, role, phone, message], i) => ({
              row: i + 2,
              raw: { row: i + 2, email, role, phoneNumber: phone },
              problems: [{ field: 'email', code: 'invalid_email', message }],
              invite: null,
            }),
          );
          const records = parseCsv(toProblemRowsCsv(results));
          assert.deepEqual(records[0], ['email', 'role', 'phone_number', 'problem']);
          assert.equal(records.length, rows.length + 1, 'one record per row, whatever the text');
          for (const record of records.slice(1)) {
            assert.equal(record.length, 4);
            for (const cell of record) assert.doesNotMatch(cell, FORMULA, JSON.stringify(cell));
          }
          // And the file reads back to the same values (the apostrophe comes off again).
          const back = readInviteCsv(toProblemRowsCsv(results));
          rows.forEach(([email, role], i) => {
            if (/^'[=+\-@\t\r]/.test(email) || /^'[=+\-@\t\r]/.test(role)) return;
            // Record i + 2 of the file (a blank record reads as no row).
            const row = back.rows.find((r) => r.row === i + 2);
            if (!row) return;
            assert.equal(row.email, email);
            assert.equal(row.role, role);
          });
        },
      ),
      { numRuns: DEEP ? 20_000 : 300 },
    );
  });
});

// ---- emails through the mock's invite endpoint ------------------------------------------------

describe('email edge cases through the invite endpoint', () => {
  const local64 = 'a'.repeat(64);
  // 64 + 1 + (63 + 1 + 63 + 1 + n + 4): n = 57 gives 254 characters, 58 gives 255.
  const domain = (n: number) => `${'d'.repeat(63)}.${'d'.repeat(63)}.${'d'.repeat(n)}.com`;
  const at254 = `${local64}@${domain(57)}`;
  const at255 = `${local64}@${domain(58)}`;

  const CASES: {
    name: string;
    email: string;
    status: number;
    stored?: string;
    then?: [string, string];
  }[] = [
    {
      name: 'upper case, kept as typed; the lower-case twin is already invited',
      email: 'Upper.Case@Example.COM',
      status: 201,
      stored: 'Upper.Case@Example.COM',
      then: ['upper.case@example.com', 'already_invited'],
    },
    {
      name: 'surrounding spaces are trimmed',
      email: '  spaced@example.com \t',
      status: 201,
      stored: 'spaced@example.com',
      then: ['SPACED@EXAMPLE.COM', 'already_invited'],
    },
    {
      name: 'a member in other case',
      email: 'OLIVIA@example.com',
      status: 409,
    },
    { name: 'a 64-character local part', email: `${local64}@example.com`, status: 201 },
    { name: 'a 65-character local part', email: `a${local64}@example.com`, status: 422 },
    { name: 'a 254-character address', email: at254, status: 201 },
    { name: 'a 255-character address', email: at255, status: 422 },
    {
      name: 'an IDN domain, kept as typed; its upper-case twin is already invited',
      email: 'josé@bücher.example',
      status: 201,
      stored: 'josé@bücher.example',
      then: ['JOSÉ@BÜCHER.EXAMPLE', 'already_invited'],
    },
    { name: 'a punycode domain', email: 'x@xn--bcher-kva.example', status: 201 },
    { name: 'two @', email: 'a@b@example.com', status: 422 },
    { name: 'a space inside', email: 'a b@example.com', status: 422 },
    {
      name: 'a newline inside (header injection)',
      email: 'a@example.com\r\nBcc: x@evil.example',
      status: 422,
    },
    { name: 'a fullwidth @', email: 'a＠example.com', status: 422 },
    { name: 'an IP-literal domain', email: 'a@[127.0.0.1]', status: 422 },
    { name: 'a 1,001-character string', email: 'a'.repeat(1001), status: 422 },
  ];
  for (const c of CASES) {
    it(`${c.name} → ${c.status}`, async () => {
      tried.emails++;
      const { backend, adapter } = use(hostileScenario());
      const state = await stateOf(backend);
      const answer = await raw('POST', '/invitations', { body: { email: c.email, role: 'agent' } });
      assert.equal(answer.status, c.status, answer.text);
      if (c.status === 201) {
        assert.equal((answer.json as { email: string }).email, c.stored ?? c.email.trim());
        // The adapter reads it back too (ids stay within the contract's 200 characters).
        const again = await adapter.listTeam({ limit: 200 });
        assert.ok(again.items.some((e) => e.email === (c.stored ?? c.email.trim())));
      } else assert.equal(await stateOf(backend), state, 'nothing changed');
      if (c.then) {
        tried.emails++;
        assert.equal(await outcome(adapter.invite({ email: c.then[0], role: 'agent' })), c.then[1]);
      }
    });
  }
});
