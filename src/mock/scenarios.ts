// Named scenarios for the mock backend, the demo, stories and tests. Each is a plain JSON object
// in the scenario contract (docs/mock-backend.md); createMockBackend validates it.
import type { ScenarioInput } from '../schemas/scenario.js';
import { productExample as conformanceProductExample } from '../testing/fixtures.js';

/** The product rules' worked example: inviting a 6th member shows $14.50 now and $174.00 next
 * invoice. The conformance suite owns it. */
export const productExample = conformanceProductExample() satisfies ScenarioInput;

/** The demo: Team plan, a dozen members, a pending and an expired invitation, removal extras. */
export const demo = {
  plan: 'team',
  billing: 'monthly',
  cycleStart: '2026-11-01',
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
      recordings: 12,
      personalIntegrations: ['HubSpot (olivia@example.com)'],
    },
    {
      name: 'Marcus Lee',
      email: 'marcus@example.com',
      role: 'admin',
      status: 'active',
      recordings: 40,
      smsConversations: 6,
    },
    {
      name: 'Priya Shah',
      email: 'priya@example.com',
      role: 'agent',
      status: 'active',
      phoneNumbers: ['+14155550101', '+14155550104'],
      recordings: 132,
      smsConversations: 18,
      campaigns: ['Q4 renewals', 'Webinar follow-up'],
      personalIntegrations: ['Salesforce (priya@example.com)'],
    },
    {
      name: 'Tom Becker',
      email: 'tom@example.com',
      role: 'agent',
      status: 'active',
      recordings: 57,
      campaigns: ['Q4 renewals'],
    },
    {
      name: 'Ana Souza',
      email: 'ana@example.com',
      role: 'agent',
      status: 'active',
      smsConversations: 3,
    },
    {
      name: 'Jon Fry',
      email: 'jon@example.com',
      role: 'agent',
      status: 'deactivated',
      recordings: 9,
    },
    { name: 'Wei Chen', email: 'wei@example.com', role: 'admin', status: 'active' },
    {
      name: 'Fatima Zahra',
      email: 'fatima@example.com',
      role: 'agent',
      status: 'active',
      phoneNumbers: ['+14155550105'],
    },
    {
      name: 'Liam O’Connor',
      email: 'liam@example.com',
      role: 'agent',
      status: 'active',
      campaigns: ['Webinar follow-up'],
    },
    { name: 'Sofia Rossi', email: 'sofia@example.com', role: 'agent', status: 'active' },
    { name: 'Kenji Watanabe', email: 'kenji@example.com', role: 'agent', status: 'active' },
    { name: 'Amara Okafor', email: 'amara@example.com', role: 'agent', status: 'deactivated' },
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
  phoneNumbers: [
    '+14155550100',
    '+14155550101',
    '+14155550102',
    '+14155550103',
    '+14155550104',
    '+14155550105',
    '+14155550106',
  ],
  ringGroups: [{ name: 'Sales', phoneNumbers: ['+14155550106'] }, 'Support'],
  teamIntegrations: ['Salesforce (team)', 'Slack'],
} satisfies ScenarioInput;

/** Essentials with all 5 seats used (4 active + 1 pending): the next invite is refused. */
export const essentialsAtLimit = {
  plan: 'essentials',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: 'correct horse battery',
  members: [
    { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
    { name: 'Marcus Lee', email: 'marcus@example.com', role: 'admin', status: 'active' },
    { name: 'Priya Shah', email: 'priya@example.com', role: 'agent', status: 'active' },
    { name: 'Tom Becker', email: 'tom@example.com', role: 'agent', status: 'active' },
    { name: 'Jon Fry', email: 'jon@example.com', role: 'agent', status: 'deactivated' },
  ],
  invitations: [{ email: 'lena@example.com', role: 'agent', sentAt: '2026-11-14T12:00:00Z' }],
  phoneNumbers: ['+14155550100'],
  ringGroups: ['Support'],
} satisfies ScenarioInput;

/** Pro, annual, with supervisors. */
export const pro = {
  plan: 'pro',
  billing: 'annual',
  cycleStart: '2026-03-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: 'correct horse battery',
  members: [
    { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
    { name: 'Marcus Lee', email: 'marcus@example.com', role: 'admin', status: 'active' },
    {
      name: 'Grace Kim',
      email: 'grace@example.com',
      role: 'supervisor',
      status: 'active',
      phoneNumbers: ['+14155550110'],
    },
    { name: 'Priya Shah', email: 'priya@example.com', role: 'agent', status: 'active' },
    { name: 'Tom Becker', email: 'tom@example.com', role: 'agent', status: 'active' },
  ],
  invitations: [{ email: 'dev@example.com', role: 'supervisor', sentAt: '2026-11-15T10:00:00Z' }],
  phoneNumbers: ['+14155550110', '+14155550111'],
  ringGroups: ['Support', 'Escalations'],
} satisfies ScenarioInput;

/** A new account: the owner alone (billed for the 2-seat minimum). */
export const emptyTeam = {
  plan: 'team',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: 'correct horse battery',
  members: [{ name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' }],
  invitations: [],
  phoneNumbers: ['+14155550100'],
  ringGroups: [],
} satisfies ScenarioInput;

const FIRST = [
  'Ada',
  'Ben',
  'Chloe',
  'Dev',
  'Elena',
  'Farid',
  'Gia',
  'Hugo',
  'Ines',
  'Jae',
  'Kofi',
  'Lara',
  'Milo',
  'Nia',
  'Omar',
  'Pia',
];
const LAST = [
  'Adams',
  'Baker',
  'Costa',
  'Dubois',
  'Evans',
  'Fischer',
  'Garcia',
  'Haddad',
  'Ito',
  'Jensen',
  'Khan',
  'Lopez',
  'Moreau',
  'Novak',
];

/**
 * A Team-plan account with `count` members (owner first; every 50th an admin, every 20th
 * deactivated) and a few invitations. Deterministic; 100,000 members in well under a second.
 */
export function generateScenario(count: number): ScenarioInput {
  const members: ScenarioInput['members'] = [
    { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
  ];
  for (let i = 1; i < count; i++) {
    const first = FIRST[i % FIRST.length] ?? 'Ada';
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] ?? 'Adams';
    members.push({
      name: `${first} ${last} ${i}`,
      email: `${first.toLowerCase()}.${last.toLowerCase()}.${i}@example.com`,
      role: i % 50 === 0 ? 'admin' : 'agent',
      status: i % 20 === 0 ? 'deactivated' : 'active',
    });
  }
  return {
    plan: 'team',
    billing: 'monthly',
    cycleStart: '2026-11-01',
    now: '2026-11-16T09:30:00Z',
    actor: 'olivia@example.com',
    password: 'correct horse battery',
    members,
    invitations: [
      { email: 'pending.one@example.org', role: 'agent', sentAt: '2026-11-14T12:00:00Z' },
      { email: 'expired.one@example.org', role: 'agent', sentAt: '2026-11-02T08:00:00Z' },
    ],
    phoneNumbers: ['+14155550100', '+14155550101'],
    ringGroups: ['Sales', 'Support'],
  };
}

export const scenarios = {
  productExample,
  demo,
  essentialsAtLimit,
  pro,
  emptyTeam,
} as const satisfies Record<string, ScenarioInput>;
export type ScenarioName = keyof typeof scenarios;
