import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { csvSegments } from '../../../src/elements/bulk-invite/csv-segments.js';

const total = (text: string, perSegment: number) =>
  [...csvSegments(text, perSegment)].reduce((sum, segment) => sum + segment.records, 0);

describe('csvSegments counts the records a large file is cut into', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => `p${i}@example.com,agent`);
  const cases: [string, string, number][] = [
    ['a trailing LF', `email,role\n${rows(5).join('\n')}\n`, 6],
    ['a trailing CRLF', `email,role\r\n${rows(5).join('\r\n')}\r\n`, 6],
    ['no trailing line break', `email,role\n${rows(5).join('\n')}`, 6],
    ['a quoted line break', 'email,role\n"a\nb@example.com",agent\n', 2],
    ['a quote never closed, ending with a line break', 'email,role\n"a@example.com,agent\n', 2],
  ];
  for (const [name, text, expected] of cases) {
    it(`with ${name}`, () => {
      for (const perSegment of [1, 2, 1000]) assert.equal(total(text, perSegment), expected);
    });
  }

  it('a file of exactly 100,000 rows ending with a line break is 100,001 records with its header', () => {
    const text = `email,role\n${rows(100_000).join('\n')}\n`;
    assert.equal(total(text, 1000), 100_001);
  });
});
