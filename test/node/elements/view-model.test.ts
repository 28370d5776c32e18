import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  ListView,
  displayName,
  type ListQuery,
} from '../../../src/elements/team-members/view-model.js';
import type { Invitation, Member, Role, TeamEntry } from '../../../src/schemas/index.js';

let next = 0;
const member = (
  name: string,
  role: Role = 'agent',
  status: Member['status'] = 'active',
): Member => ({
  kind: 'member',
  id: `m${String(++next).padStart(4, '0')}`,
  name,
  email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.com`,
  role,
  status,
  phoneNumbers: [],
  version: 1,
});
const invitation = (email: string, role: Role = 'agent'): Invitation => ({
  kind: 'invitation',
  id: `i${String(++next).padStart(4, '0')}`,
  email,
  role,
  phoneNumber: null,
  sentAt: '2026-11-20T00:00:00.000Z',
  expiresAt: '2026-11-27T00:00:00.000Z',
  status: 'pending',
  version: 1,
});

const query = (patch: Partial<ListQuery> = {}): ListQuery => ({
  search: '',
  role: '',
  status: '',
  sort: 'name',
  ...patch,
});
const names = (entries: readonly TeamEntry[]) => entries.map(displayName);

/** As the backend pages them: by lower-cased name (an invitation's email), then id. */
const backend = [
  member('Ana Diaz', 'admin'),
  member('Ben Okafor', 'agent', 'deactivated'),
  invitation('cleo@example.com', 'supervisor'),
  member('Dev Rao', 'owner'),
  member('Eli Stone', 'supervisor'),
  member('Zoe Kim', 'agent'),
];

describe('<team-members> list order', () => {
  it('keeps the backend name order as it is', () => {
    const view = new ListView();
    assert.equal(view.apply(backend, query(), 'en'), backend);
  });

  it('places entries added after loading (an invitation just sent) at their name position', () => {
    const cases: [string, TeamEntry[], string[]][] = [
      ['one invitation', [invitation('dana@example.com')], ['dana@example.com']],
      ['one at the start', [member('Aaron Bell')], ['Aaron Bell']],
      ['one at the end', [member('Zuri Moss')], ['Zuri Moss']],
      [
        'a bulk invite',
        [invitation('fay@example.com'), invitation('bo@example.com'), invitation('zz@example.com')],
        ['bo@example.com', 'fay@example.com', 'zz@example.com'],
      ],
    ];
    for (const [name, added, expected] of cases) {
      const entries = [...backend, ...added];
      const shown = names(new ListView().apply(entries, query(), 'en'));
      const sorted = [...shown].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1));
      assert.deepEqual(shown, sorted, name);
      for (const n of expected) assert.ok(shown.includes(n), `${name}: ${n}`);
      assert.equal(shown.length, entries.length, name);
    }
  });

  it('places an invitation sent while later pages were still arriving', () => {
    const entries = [...backend.slice(0, 3), invitation('yan@example.com'), ...backend.slice(3)];
    assert.deepEqual(names(new ListView().apply(entries, query(), 'en')), [
      'Ana Diaz',
      'Ben Okafor',
      'cleo@example.com',
      'Dev Rao',
      'Eli Stone',
      'yan@example.com',
      'Zoe Kim',
    ]);
  });

  it('sorts a list that arrives in no order at all (an adapter that does not sort)', () => {
    const shuffled = Array.from({ length: 300 }, (_, i) => member(`Person ${(i * 7919) % 300}`));
    const shown = names(new ListView().apply(shuffled, query(), 'en'));
    assert.deepEqual(
      shown,
      [...shown].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1)),
    );
  });

  it('groups by role or status, by name within each group', () => {
    const view = new ListView();
    assert.deepEqual(names(view.apply(backend, query({ sort: 'role' }), 'en')), [
      'Dev Rao',
      'Ana Diaz',
      'cleo@example.com',
      'Eli Stone',
      'Ben Okafor',
      'Zoe Kim',
    ]);
    assert.deepEqual(names(view.apply(backend, query({ sort: 'status' }), 'en')), [
      'Ana Diaz',
      'Dev Rao',
      'Eli Stone',
      'Zoe Kim',
      'cleo@example.com',
      'Ben Okafor',
    ]);
  });

  it('filters the sorted list by search, role and status', () => {
    const view = new ListView();
    const cases: [Partial<ListQuery>, string[]][] = [
      [{ search: 'KIM' }, ['Zoe Kim']],
      [{ search: 'cleo@' }, ['cleo@example.com']],
      [{ role: 'agent' }, ['Ben Okafor', 'Zoe Kim']],
      [{ status: 'deactivated' }, ['Ben Okafor']],
      [{ sort: 'role', status: 'active' }, ['Dev Rao', 'Ana Diaz', 'Eli Stone', 'Zoe Kim']],
    ];
    for (const [patch, expected] of cases)
      assert.deepEqual(
        names(view.apply(backend, query(patch), 'en')),
        expected,
        JSON.stringify(patch),
      );
  });

  it('gives, query after query (typing, deleting, filtering), what a fresh view gives', () => {
    const team = [
      ...backend,
      member('Kofi Boateng'),
      member('Kora Lind', 'admin'),
      invitation('okko@example.com'),
    ];
    const step = fc.record({
      search: fc.stringMatching(/^ ?[akoiKO|]{0,4} ?$/),
      role: fc.constantFrom('', 'agent', 'admin'),
      status: fc.constantFrom('', 'active', 'pending'),
      sort: fc.constantFrom('name', 'role'),
    }) as fc.Arbitrary<ListQuery>;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const view = new ListView();
        for (const q of steps)
          assert.deepEqual(
            names(view.apply(team, q, 'en')),
            names(new ListView().apply(team, q, 'en')),
            JSON.stringify(q),
          );
      }),
      { numRuns: 300 },
    );
  });
});
