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
