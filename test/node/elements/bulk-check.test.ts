// The dialog's check of a CSV (bulk-check.ts) reads with the rules' reader: it finds exactly the
// rows and problems readInviteCsv finds, for any file, while giving the page a turn between slices.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkCsv } from '../../../src/elements/bulk-invite/bulk-check.js';
import {
  CSV_MAX_ROWS,
  findPlan,
  readInviteCsv,
  type TeamSnapshot,
} from '../../../src/rules/index.js';

const team: TeamSnapshot = {
  plan: findPlan('team')!,
  members: [{ email: 'olivia@example.com', status: 'active' }],
  invitations: [],
  phoneNumbers: [],
  capacityLeft: null,
};

const rows = (n: number, end = '\r\n') =>
  `email,role${end}${Array.from({ length: n }, (_, i) => `p${i}@example.com,agent`).join(end)}${end}`;

/** What the dialog found, in the rules' terms. */
async function dialogReads(text: string) {
  const checked = await checkCsv(text, team);
  return {
    rows: checked.results.map((r) => r.raw),
    problems: checked.fileProblems.map((p) => [p.row, p.code]),
  };
}
const rulesRead = (text: string) => {
  const read = readInviteCsv(text);
  return { rows: read.rows, problems: read.problems.map((p) => [p.row, p.code]) };
};

describe('checkCsv and readInviteCsv agree on every row', () => {
  const files: [string, () => string][] = [
    ['100,000 rows and one blank line', () => `${rows(CSV_MAX_ROWS)}\r\n`],
    [
      '100,000 rows and blank lines between them',
      () => rows(CSV_MAX_ROWS).replace(/\r\n/g, '\r\n\r\n'),
    ],
    ['100,000 rows and rows of empty cells', () => `${rows(CSV_MAX_ROWS)},\r\n,,\r\n`],
    ['100,001 rows', () => rows(CSV_MAX_ROWS + 1)],
    ['a malformed row in a large file', () => `${rows(60_000)}a,b,c\r\n${rows(1).slice(12)}`],
    ['an unclosed quote in a large file', () => `${rows(60_000)}"open,agent\r\n`],
    ['quoted line breaks in a large file', () => `${rows(60_000)}"x\r\ny@example.com",agent\r\n`],
    ['a small file with blank lines', () => '\nemail,role\n\na@x.com,agent\n\n'],
  ];
  for (const [name, make] of files) {
    it(name, async () => {
      const text = make();
      assert.deepEqual(await dialogReads(text), rulesRead(text));
    });
  }

  it('100,000 rows and one blank line: all read, none refused', async () => {
    const read = await dialogReads(`${rows(CSV_MAX_ROWS)}\r\n`);
    assert.deepEqual(read.problems, []);
    assert.equal(read.rows.length, CSV_MAX_ROWS);
  });
});
