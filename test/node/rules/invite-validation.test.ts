import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  createBulkValidator,
  findPlan,
  memberStatusOf,
  validateBulkRows,
  validateInvite,
  type BulkRow,
  type TeamSnapshot,
} from '../../../src/rules/index.js';

const team = (overrides: Partial<TeamSnapshot> = {}): TeamSnapshot => ({
  plan: findPlan('team')!,
  members: [
    { email: 'olivia@example.com', status: 'active' },
    { email: 'Jon@Example.com', status: 'deactivated' },
  ],
  invitations: [
    { email: 'lena@example.com', status: 'pending' },
    { email: 'sam@example.com', status: 'expired' },
    { email: 'rita@example.com', status: 'revoked' },
  ],
  phoneNumbers: ['+14155550100', '+14155550103'],
  capacityLeft: null,
  ...overrides,
});

const codes = (r: { problems: { code: string }[] }) => r.problems.map((p) => p.code);

describe('validateInvite', () => {
  it('normalizes a valid invite: trimmed email, canonical role, phone', () => {
    assert.deepEqual(
      validateInvite(
        { email: '  New@Example.com ', role: ' Agent ', phoneNumber: '+1 (415) 555-0103' },
        team(),
      ),
      {
        problems: [],
        invite: { email: 'New@Example.com', role: 'agent', phoneNumber: '+14155550103' },
      },
    );
    assert.deepEqual(validateInvite({ email: 'new@example.com', role: 'admin' }, team()).invite, {
      email: 'new@example.com',
      role: 'admin',
      phoneNumber: null,
    });
  });

  const cases: [
    string,
    { email: string; role: string; phoneNumber?: string | null },
    string[],
    RegExp?,
  ][] = [
    ['missing email', { email: ' ', role: 'agent' }, ['missing_email']],
    ['invalid email', { email: 'nobody', role: 'agent' }, ['invalid_email'], /missing an @/],
    [
      'active member (any case)',
      { email: 'OLIVIA@example.com', role: 'agent' },
      ['already_member'],
      /already a member/,
    ],
    [
      'deactivated member',
      { email: 'jon@example.com', role: 'agent' },
      ['already_member'],
      /^jon@example\.com is a deactivated member\. Reactivate them instead\.$/,
    ],
    [
      'pending invitation',
      { email: 'lena@example.com', role: 'agent' },
      ['already_invited'],
      /^lena@example\.com already has a pending invitation\. Resend it instead\.$/,
    ],
    ['expired invitation may be replaced', { email: 'sam@example.com', role: 'agent' }, []],
    ['revoked invitation may be replaced', { email: 'rita@example.com', role: 'agent' }, []],
    ['missing role', { email: 'new@example.com', role: '' }, ['missing_role']],
    [
      'unknown role',
      { email: 'new@example.com', role: 'boss' },
      ['unknown_role'],
      /"boss" isn't a role\. Use admin, agent\./,
    ],
    [
      'owner is never invitable',
      { email: 'new@example.com', role: 'Owner' },
      ['owner_not_invitable'],
    ],
    [
      'supervisor on Team',
      { email: 'new@example.com', role: 'supervisor' },
      ['role_not_on_plan'],
      /^Supervisor needs the Pro plan or above$/,
    ],
    [
      'bad phone',
      { email: 'new@example.com', role: 'agent', phoneNumber: '555-0100' },
      ['invalid_phone_number'],
    ],
    [
      'phone not on the account',
      { email: 'new@example.com', role: 'agent', phoneNumber: '+14155550199' },
      ['unknown_phone_number'],
    ],
    ['empty phone is no phone', { email: 'new@example.com', role: 'agent', phoneNumber: '  ' }, []],
    [
      'several problems at once',
      { email: 'x', role: 'boss', phoneNumber: 'y' },
      ['invalid_email', 'unknown_role', 'invalid_phone_number'],
    ],
  ];
  for (const [name, raw, want, message] of cases) {
    it(name, () => {
      const result = validateInvite(raw, team());
      assert.deepEqual(codes(result), want);
      assert.equal(result.invite === null, want.length > 0);
      if (message) assert.match(result.problems[0]!.message, message);
    });
  }

  it('supervisor is fine on Pro', () => {
    assert.deepEqual(
      codes(
        validateInvite(
          { email: 'n@example.com', role: 'supervisor' },
          team({ plan: findPlan('pro')! }),
        ),
      ),
      [],
    );
  });

  it('refused when no seat is free', () => {
    const full = team({ plan: findPlan('essentials')!, capacityLeft: 0 });
    const result = validateInvite({ email: 'n@example.com', role: 'agent' }, full);
    assert.deepEqual(result.problems, [
      {
        field: null,
        code: 'over_capacity',
        message: 'Essentials allows up to 5 seats; none are free',
      },
    ]);
    assert.equal(result.invite, null);
    assert.deepEqual(
      codes(
        validateInvite({ email: 'n@example.com', role: 'agent' }, { ...full, capacityLeft: 1 }),
      ),
      [],
    );
  });
});

describe('bulk validation', () => {
  const row = (
    n: number,
    email: string,
    role = 'agent',
    phoneNumber: string | null = null,
  ): BulkRow => ({ row: n, email, role, phoneNumber });

  it('the first occurrence of an email wins; later ones say which row', () => {
    const results = validateBulkRows(
      [
        row(2, 'a@example.com'),
        row(3, 'b@example.com'),
        row(4, 'A@Example.com '),
        row(5, 'b@example.com', 'boss'),
      ],
      team(),
    );
    assert.deepEqual(results.map(codes), [
      [],
      [],
      ['duplicate_in_file'],
      ['unknown_role', 'duplicate_in_file'],
    ]);
    assert.equal(results[2]!.problems[0]!.message, 'Same email as row 2');
    assert.equal(results[3]!.problems[1]!.message, 'Same email as row 3');
    assert.deepEqual(
      results.map((r) => r.row),
      [2, 3, 4, 5],
    );
    assert.deepEqual(results[0]!.raw, row(2, 'a@example.com'));
  });

  it('a first occurrence with another problem still claims the email', () => {
    const results = validateBulkRows(
      [row(2, 'a@example.com', 'boss'), row(3, 'a@example.com')],
      team(),
    );
    assert.deepEqual(results.map(codes), [['unknown_role'], ['duplicate_in_file']]);
  });

  it('valid rows beyond the free seats are over capacity; invalid rows take no seat', () => {
    const t = team({ plan: findPlan('essentials')!, capacityLeft: 3 });
    const results = validateBulkRows(
      [
        row(2, 'a@example.com'),
        row(3, 'bad'),
        row(4, 'b@example.com'),
        row(5, 'c@example.com'),
        row(6, 'd@example.com'),
      ],
      t,
    );
    assert.deepEqual(results.map(codes), [[], ['invalid_email'], [], [], ['over_capacity']]);
    assert.equal(results[4]!.problems[0]!.message, 'Essentials allows up to 5 seats; 3 are free');
    assert.equal(results[4]!.invite, null);
  });

  it('remembers duplicates and capacity across chunks', () => {
    const validator = createBulkValidator(team({ plan: findPlan('essentials')!, capacityLeft: 2 }));
    const first = validator.validate([row(2, 'a@example.com'), row(3, 'b@example.com')]);
    const second = validator.validate([row(4, 'a@example.com'), row(5, 'c@example.com')]);
    assert.deepEqual([...first, ...second].map(codes), [
      [],
      [],
      ['duplicate_in_file'],
      ['over_capacity'],
    ]);
  });

  it('property: the valid rows never exceed the free seats, and every free seat is used when rows allow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 6 }),
        fc.array(
          fc.record({
            who: fc.integer({ min: 0, max: 12 }),
            role: fc.constantFrom('agent', 'admin', 'boss', 'owner', ''),
          }),
          {
            maxLength: 40,
          },
        ),
        fc.integer({ min: 1, max: 10 }),
        (free, specs, chunk) => {
          const rows = specs.map((s, i) =>
            row(i + 2, s.who === 0 ? 'olivia@example.com' : `u${s.who}@example.com`, s.role),
          );
          const validator = createBulkValidator(
            team({ plan: findPlan('essentials')!, capacityLeft: free }),
          );
          const results: ReturnType<typeof validator.validate> = [];
          for (let i = 0; i < rows.length; i += chunk)
            results.push(...validator.validate(rows.slice(i, i + chunk)));
          const valid = results.filter((r) => r.invite !== null);
          assert.ok(valid.length <= free);
          const over = results.filter((r) => codes(r).includes('over_capacity'));
          if (over.length > 0) assert.equal(valid.length, free);
          assert.equal(
            new Set(valid.map((r) => r.invite!.email.toLowerCase())).size,
            valid.length,
            'no email twice',
          );
          for (const r of results) assert.equal(r.invite === null, r.problems.length > 0);
        },
      ),
    );
  });
});

describe('memberStatusOf', () => {
  it('finds a member by any spelling of the email, and nobody else', () => {
    const t = team();
    assert.equal(memberStatusOf(t, ' JON@example.COM '), 'deactivated');
    assert.equal(memberStatusOf(t, 'olivia@example.com'), 'active');
    assert.equal(memberStatusOf(t, 'lena@example.com'), undefined, 'an invitee is not a member');
    assert.equal(memberStatusOf(t, 'not an email'), undefined);
  });

  it('answers for the snapshot it is given, not an earlier one', () => {
    const before = team();
    assert.equal(memberStatusOf(before, 'jon@example.com'), 'deactivated');
    const after = team({ members: [{ email: 'jon@example.com', status: 'active' }] });
    assert.equal(memberStatusOf(after, 'jon@example.com'), 'active');
    assert.equal(
      validateInvite({ email: 'jon@example.com', role: 'agent' }, after).problems[0]?.code,
      'already_member',
    );
  });
});

describe('emails compare by their canonical form (trimmed, NFC, lower-cased)', () => {
  // A backend that stored what a macOS keyboard typed: e + combining acute accent (NFD).
  const stored = team({
    members: [{ email: 'jose\u0301@example.com', status: 'active' }],
    invitations: [{ email: 'Rene\u0301e@Example.com', status: 'pending' }],
  });

  it('a member stored decomposed is already a member when typed precomposed', () => {
    assert.deepEqual(
      codes(validateInvite({ email: 'jos\u00e9@example.com', role: 'agent' }, stored)),
      ['already_member'],
    );
    assert.equal(memberStatusOf(stored, 'JOS\u00c9@example.com'), 'active');
  });

  it('a pending invitation stored decomposed is already invited when typed precomposed', () => {
    assert.deepEqual(
      codes(validateInvite({ email: 'ren\u00e9e@example.com', role: 'agent' }, stored)),
      ['already_invited'],
    );
  });

  it('bulk rows too', () => {
    const results = validateBulkRows(
      [
        { row: 2, email: 'jos\u00e9@example.com', role: 'agent', phoneNumber: null },
        { row: 3, email: 'ren\u00e9e@example.com', role: 'agent', phoneNumber: null },
      ],
      stored,
    );
    assert.deepEqual(results.map(codes), [['already_member'], ['already_invited']]);
  });
});

describe('cells of megabytes (a hostile CSV)', () => {
  it('are refused without being read through, and messages quote them shortened', () => {
    const huge = '"'.repeat(5_000_000);
    const [result] = validateBulkRows(
      [{ row: 2, email: huge, role: `x${huge}`, phoneNumber: `+1${huge}` }],
      team(),
    );
    assert.deepEqual(codes(result!), ['invalid_email', 'unknown_role', 'invalid_phone_number']);
    for (const p of result!.problems) assert.ok(p.message.length < 200, p.message.slice(0, 300));
  });
});
