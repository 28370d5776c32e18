// The scenario's own checks (src/schemas/scenario.ts): what parseScenario refuses, with the path.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseScenario, type ScenarioInput } from '../../../src/schemas/scenario.js';

const base = (): ScenarioInput => ({
  plan: 'team',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: 'pw',
  members: [
    { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
    { name: 'José Luis', email: 'jos\u00e9@example.com', role: 'agent', status: 'active' },
  ],
  invitations: [],
  phoneNumbers: [],
  ringGroups: [],
});

const problemsOf = (scenario: unknown) => {
  const result = parseScenario(scenario);
  return result.ok ? [] : result.problems;
};

describe('parseScenario: emails compare by their canonical form', () => {
  const nfd = 'JOSE\u0301@example.com';

  it('two spellings of one address (NFC and NFD, other case) are duplicate members', () => {
    const s = base();
    s.members.push({ name: 'José again', email: nfd, role: 'agent', status: 'active' });
    assert.deepEqual(problemsOf(s), [`members[2].email: ${nfd} is already members[1]`]);
  });

  it('an invitation for a member spelled decomposed is refused', () => {
    const s = base();
    s.invitations.push({ email: nfd, role: 'agent', sentAt: '2026-11-10' });
    assert.deepEqual(problemsOf(s), [`invitations[0].email: ${nfd} is already a member`]);
  });

  it('two invitations for one address in two spellings are refused', () => {
    const s = base();
    s.invitations.push(
      { email: 'ren\u00e9e@example.com', role: 'agent', sentAt: '2026-11-10' },
      { email: 'rene\u0301e@example.com', role: 'agent', sentAt: '2026-11-10' },
    );
    assert.deepEqual(problemsOf(s), [
      'invitations[1].email: rene\u0301e@example.com is already invitations[0]',
    ]);
  });

  it('the actor is found in any spelling', () => {
    const s = base();
    s.actor = nfd;
    assert.equal(parseScenario(s).ok, true);
  });
});

describe('parseScenario: dates that do not exist are refused, not rolled forward', () => {
  const refused: [string, string, RegExp][] = [
    [
      'cycleStart',
      '2026-02-30',
      /^cycleStart: 2026-02-30 is not a date \(February 2026 has 28 days\)$/,
    ],
    [
      'cycleStart',
      '2026-04-31',
      /^cycleStart: 2026-04-31 is not a date \(April 2026 has 30 days\)$/,
    ],
    [
      'cycleStart',
      '2026-02-29',
      /^cycleStart: 2026-02-29 is not a date \(February 2026 has 28 days\)$/,
    ],
    [
      'cycleStart',
      '2026-13-01',
      /^cycleStart: 2026-13-01 is not a date \(months run from 01 to 12\)$/,
    ],
    [
      'cycleStart',
      '2026-00-10',
      /^cycleStart: 2026-00-10 is not a date \(months run from 01 to 12\)$/,
    ],
    [
      'cycleStart',
      '2026-11-00',
      /^cycleStart: 2026-11-00 is not a date \(November 2026 has 30 days\)$/,
    ],
    [
      'now',
      '2026-11-16T24:00:00Z',
      /^now: 2026-11-16T24:00:00Z is not a time of day \(hours run from 00 to 23\)$/,
    ],
    [
      'now',
      '2026-11-16T09:60:00Z',
      /^now: 2026-11-16T09:60:00Z is not a time of day \(minutes run from 00 to 59\)$/,
    ],
    [
      'now',
      '2026-11-16T09:30:60Z',
      /^now: 2026-11-16T09:30:60Z is not a time of day \(seconds run from 00 to 59\)$/,
    ],
    [
      'now',
      '2026-11-31T09:30:00Z',
      /^now: 2026-11-31T09:30:00Z is not a date \(November 2026 has 30 days\)$/,
    ],
    [
      'now',
      '2026-11-16T09:30:00+24:00',
      /^now: 2026-11-16T09:30:00\+24:00 has no such time zone offset/,
    ],
  ];
  for (const [field, value, message] of refused) {
    it(`${field}: ${value}`, () => {
      const problems = problemsOf({ ...base(), [field]: value });
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.match(problems[0] ?? '', message);
    });
  }

  it('an invitation’s impossible sentAt names its path', () => {
    const s = base();
    s.invitations.push({ email: 'lena@example.com', role: 'agent', sentAt: '2026-02-30' });
    assert.deepEqual(problemsOf(s), [
      'invitations[0].sentAt: 2026-02-30 is not a date (February 2026 has 28 days)',
    ]);
  });

  const accepted: [string, string][] = [
    ['2024-02-29', '2024-02-29T00:00:00.000Z'],
    ['2000-02-29', '2000-02-29T00:00:00.000Z'],
    ['2026-04-30', '2026-04-30T00:00:00.000Z'],
    ['2026-12-31T23:59:59Z', '2026-12-31T23:59:59.000Z'],
    ['2026-11-16T09:30:00.5+01:00', '2026-11-16T08:30:00.500Z'],
    ['2026-11-16T09:30+0130', '2026-11-16T08:00:00.000Z'],
  ];
  for (const [value, normalised] of accepted) {
    it(`accepts ${value}`, () => {
      const result = parseScenario({ ...base(), cycleStart: value, now: '2026-12-31T23:59:59Z' });
      assert.ok(result.ok, result.ok ? '' : result.message);
      assert.equal(result.ok && result.scenario.cycleStart, normalised);
    });
  }

  it('1900-02-29 is refused (not a leap year)', () => {
    assert.match(
      problemsOf({ ...base(), cycleStart: '1900-02-29' })[0] ?? '',
      /February 1900 has 28 days/,
    );
  });
});

describe('parseScenario: dates are read field by field', () => {
  const cases: [string, string][] = [
    ['2023-03-01T00:30:00+01:00', '2023-02-28T23:30:00.000Z'],
    ['2024-03-01T00:30:00+01:00', '2024-02-29T23:30:00.000Z'],
    ['2026-12-31T23:30:00-01:00', '2027-01-01T00:30:00.000Z'],
    ['0004-02-29', '0004-02-29T00:00:00.000Z'],
    ['2026-11-16T09:30:00.123456789Z', '2026-11-16T09:30:00.123Z'],
  ];
  for (const [value, iso] of cases) {
    it(`${value} → ${iso}`, () => {
      const result = parseScenario({ ...base(), cycleStart: value, now: '2099-01-01' });
      assert.equal(result.ok && result.scenario.cycleStart, iso);
    });
  }
});
