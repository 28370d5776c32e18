// The scenarios the conformance suite runs on. A backend under test must be able to start from
// each of them (they follow the public scenario contract of docs/integrator-guide.md).
import type { ScenarioInput } from '../schemas/scenario.js';

type Member = ScenarioInput['members'][number];

/** The product rules' worked example: Team, monthly, 5 active + 1 deactivated, lena@ pending, sam@ expired. */
export function productExample(): ScenarioInput {
  return {
    plan: 'team',
    billing: 'monthly',
    cycleStart: '2026-11-01T00:00:00Z',
    now: '2026-11-16T09:30:00Z',
    actor: 'olivia@example.com',
    password: 'correct horse battery',
    members: [
      {
        name: 'Olivia Park',
        email: 'olivia@example.com',
        role: 'owner',
        status: 'active',
        phoneNumbers: ['+14155550100'],
      },
      { name: 'Marcus Lee', email: 'marcus@example.com', role: 'admin', status: 'active' },
      {
        name: 'Priya Shah',
        email: 'priya@example.com',
        role: 'agent',
        status: 'active',
        phoneNumbers: ['+14155550101'],
      },
      { name: 'Tom Becker', email: 'tom@example.com', role: 'agent', status: 'active' },
      { name: 'Ana Souza', email: 'ana@example.com', role: 'agent', status: 'active' },
      { name: 'Jon Fry', email: 'jon@example.com', role: 'agent', status: 'deactivated' },
    ],
    invitations: [
      { email: 'lena@example.com', role: 'agent', sentAt: '2026-11-14T12:00:00Z' },
      {
        email: 'sam@example.com',
        role: 'admin',
        phoneNumber: '+14155550102',
        sentAt: '2026-11-02T08:00:00Z',
      },
    ],
    phoneNumbers: ['+14155550100', '+14155550101', '+14155550102', '+14155550103'],
    ringGroups: ['Sales', 'Support'],
  };
}

/** The example, signed in as someone else (e.g. `priya@example.com`, an agent). */
export function asActor(email: string, base: ScenarioInput = productExample()): ScenarioInput {
  return { ...base, actor: email };
}

/** Essentials (max 5) with `used` seats taken by active members and one pending invitation. */
export function essentials(used: number): ScenarioInput {
  const base = productExample();
  const active = base.members.filter((m) => m.status === 'active').slice(0, Math.max(1, used - 1));
  return {
    ...base,
    plan: 'essentials',
    members: [
      ...active,
      { name: 'Jon Fry', email: 'jon@example.com', role: 'agent', status: 'deactivated' },
    ],
    invitations: [{ email: 'lena@example.com', role: 'agent', sentAt: '2026-11-14T12:00:00Z' }],
  };
}

/** The owner alone: billed for the 2-seat minimum. */
export function ownerOnly(): ScenarioInput {
  const base = productExample();
  return { ...base, members: base.members.slice(0, 1), invitations: [] };
}

/** Six active members on day 10 of a 30-day cycle, no invitations. */
export function sixActiveOnDay10(): ScenarioInput {
  const base = productExample();
  const members: Member[] = base.members.map((m) => ({ ...m, status: 'active' }));
  return { ...base, now: '2026-11-10T09:00:00Z', members, invitations: [] };
}

/** `count` members, for pagination (owner first, the rest agents named `Member 001`, ...). */
export function manyMembers(count: number): ScenarioInput {
  const base = productExample();
  const members: Member[] = [base.members[0] as Member];
  for (let i = 1; i < count; i++) {
    const n = String(i).padStart(3, '0');
    members.push({
      name: `Member ${n}`,
      email: `member${n}@example.com`,
      role: i % 10 === 0 ? 'admin' : 'agent',
      status: i % 7 === 0 ? 'deactivated' : 'active',
    });
  }
  return { ...base, members, invitations: [] };
}

/**
 * The example after a downgrade from Pro: a deactivated supervisor on the Team plan, which no
 * longer offers the role (a valid state: it stays, and may not come back into use).
 */
export function downgradedSupervisor(): ScenarioInput {
  const base = productExample();
  return {
    ...base,
    members: [
      ...base.members,
      { name: 'Sue Park', email: 'sue@example.com', role: 'supervisor', status: 'deactivated' },
    ],
  };
}
