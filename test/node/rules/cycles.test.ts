import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addPeriods,
  cycleAt,
  cycleDays,
  remainingDays,
  startOfUtcDay,
} from '../../../src/rules/index.js';

const d = (iso: string) => new Date(iso);
const iso = (date: Date) => date.toISOString().slice(0, 10);

describe('cycles', () => {
  it('startOfUtcDay drops the time of day in UTC', () => {
    assert.equal(
      startOfUtcDay(d('2026-11-16T23:59:59.999Z')).toISOString(),
      '2026-11-16T00:00:00.000Z',
    );
    assert.equal(
      startOfUtcDay(d('2026-11-16T00:00:00+05:00')).toISOString(),
      '2026-11-15T00:00:00.000Z',
    );
  });

  const monthly: [string, number, string][] = [
    ['2026-01-31', 1, '2026-02-28'],
    ['2026-01-31', 2, '2026-03-31'],
    ['2026-01-31', 3, '2026-04-30'],
    ['2026-01-31', 4, '2026-05-31'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-01-31', 12, '2027-01-31'],
    ['2026-01-31', -2, '2025-11-30'],
    ['2026-11-01', 1, '2026-12-01'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-01-30', 1, '2026-02-28'],
  ];
  for (const [anchor, n, expected] of monthly) {
    it(`monthly: ${anchor} + ${n} = ${expected} (keeps the anchor's day)`, () => {
      assert.equal(iso(addPeriods(d(`${anchor}T00:00:00Z`), 'monthly', n)), expected);
    });
  }

  const annual: [string, number, string][] = [
    ['2028-02-29', 1, '2029-02-28'],
    ['2028-02-29', 4, '2032-02-29'],
    ['2026-11-01', 1, '2027-11-01'],
  ];
  for (const [anchor, n, expected] of annual) {
    it(`annual: ${anchor} + ${n} = ${expected}`, () => {
      assert.equal(iso(addPeriods(d(`${anchor}T00:00:00Z`), 'annual', n)), expected);
    });
  }

  it('keeps the anchor time of day', () => {
    assert.equal(
      addPeriods(d('2026-01-31T09:30:00Z'), 'monthly', 1).toISOString(),
      '2026-02-28T09:30:00.000Z',
    );
  });

  it('cycleAt finds the cycle containing now; before the anchor, the first cycle', () => {
    const anchor = d('2026-01-31T00:00:00Z');
    const cases: [string, string, string][] = [
      ['2026-01-31T00:00:00Z', '2026-01-31', '2026-02-28'],
      ['2026-02-27T23:59:59Z', '2026-01-31', '2026-02-28'],
      ['2026-02-28T00:00:00Z', '2026-02-28', '2026-03-31'],
      ['2026-03-30T12:00:00Z', '2026-02-28', '2026-03-31'],
      ['2026-04-15T00:00:00Z', '2026-03-31', '2026-04-30'],
      ['2027-01-31T00:00:00Z', '2027-01-31', '2027-02-28'],
      ['2025-06-01T00:00:00Z', '2026-01-31', '2026-02-28'],
    ];
    for (const [now, start, end] of cases) {
      const cycle = cycleAt(anchor, 'monthly', d(now));
      assert.deepEqual([iso(cycle.start), iso(cycle.end)], [start, end], now);
    }
  });

  it('leap-year cycles: Feb 2028 has 29 days, a year from 2028-02-29 has 365', () => {
    const feb = cycleAt(d('2028-01-29T00:00:00Z'), 'monthly', d('2028-02-10T00:00:00Z'));
    assert.equal(
      cycleDays({ start: d('2028-02-01T00:00:00Z'), end: d('2028-03-01T00:00:00Z') }),
      29,
    );
    assert.deepEqual(
      [iso(feb.start), iso(feb.end), cycleDays(feb)],
      ['2028-01-29', '2028-02-29', 31],
    );
    const year = cycleAt(d('2028-02-29T00:00:00Z'), 'annual', d('2028-12-01T00:00:00Z'));
    assert.deepEqual(
      [iso(year.start), iso(year.end), cycleDays(year)],
      ['2028-02-29', '2029-02-28', 365],
    );
    const next = cycleAt(d('2028-02-29T00:00:00Z'), 'annual', d('2029-03-01T00:00:00Z'));
    assert.deepEqual(
      [iso(next.start), iso(next.end), cycleDays(next)],
      ['2029-02-28', '2030-02-28', 365],
    );
    const leap = cycleAt(d('2027-03-01T00:00:00Z'), 'annual', d('2027-06-01T00:00:00Z'));
    assert.equal(cycleDays(leap), 366);
  });

  it('cycleDays is whole UTC days for every month', () => {
    const lengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    lengths.forEach((len, m) => {
      const cycle = cycleAt(d('2027-01-01T00:00:00Z'), 'monthly', new Date(Date.UTC(2027, m, 10)));
      assert.equal(cycleDays(cycle), len, `month ${m + 1}`);
    });
  });

  it('remainingDays counts from the start of today (UTC) and never goes below 0', () => {
    const cycle = { start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') };
    assert.equal(remainingDays(cycle, d('2026-11-16T09:30:00Z')), 15);
    assert.equal(remainingDays(cycle, d('2026-11-16T00:00:00Z')), 15);
    assert.equal(remainingDays(cycle, d('2026-11-30T23:59:00Z')), 1);
    assert.equal(remainingDays(cycle, d('2026-11-01T00:00:00Z')), 30);
    assert.equal(remainingDays(cycle, d('2026-12-05T00:00:00Z')), 0);
    assert.equal(
      remainingDays(cycle, d('2026-10-01T00:00:00Z')),
      30,
      'before the cycle: the whole cycle',
    );
  });
});
