// The adapter conformance suite: one set of behaviour tests any SeatkitAdapter + backend must pass.
import type { SeatkitAdapter } from '../api/adapter.js';
import { ENTRY_STATUSES, ROLES } from '../schemas/constants.js';
import { canonicalEmail } from '../schemas/email.js';
import type { Member, Role, TeamEntry } from '../schemas/index.js';
import {
  compareEntryKeys,
  invitationNameKey,
  memberNameKey,
  roleRank,
  statusRank,
} from '../rules/order.js';
import type { ScenarioInput } from '../schemas/scenario.js';
import { ConformanceFailure, deepEqual, equal, ok, rejects } from './assert.js';
import {
  asActor,
  downgradedSupervisor,
  essentials,
  manyMembers,
  ownerOnly,
  productExample,
  sixActiveOnDay10,
} from './fixtures.js';

/** What the suite drives besides the adapter: the parts of the world outside the elements. */
export interface ConformanceControl {
  /** The invitee accepts (their own flow). */
  acceptInvitation(email: string): Promise<unknown> | void;
  /** Moves the backend's clock forward. */
  advanceDays(days: number): Promise<unknown> | void;
  /** Signs in as another member. */
  setActor(email: string): Promise<unknown> | void;
}

export interface ConformanceHarness {
  adapter: SeatkitAdapter;
  /** The world outside the elements; required unless the suite runs with `control: false`. */
  control?: ConformanceControl;
  dispose(): Promise<void> | void;
}

type TestFn = (name: string, fn: () => Promise<void>) => unknown;

export interface ConformanceOptions {
  /** Your framework's `describe` (node:test, mocha, vitest, jasmine...). */
  describe: (name: string, fn: () => void) => unknown;
  /** Your framework's `it`/`test`: must await the returned promise. */
  it: TestFn & { skip?: TestFn };
  /**
   * Registers a test as skipped (default: `it.skip`). Tests that need `control` are registered
   * this way when `control` is false, so a report shows them as skipped, never as passed.
   */
  skip?: TestFn;
  /**
   * Whether your harnesses provide `control` (default true). With false, the tests that need
   * acceptance, time or another actor are skipped; with true, a harness without it fails them.
   */
  control?: boolean;
  /**
   * A fresh backend in the state `scenario` describes, and an adapter talking to it. The
   * backend's clock must read the scenario's `now`, and its signed-in member be `actor`.
   */
  makeHarness: (scenario: ScenarioInput) => Promise<ConformanceHarness>;
  /** Name of the top-level describe block. */
  name?: string;
}

const EXAMPLE_TODAY = '2026-11-16';
const DAY_MS = 86_400_000;

/** Registers the whole suite with your framework. */
export function runConformanceSuite(options: ConformanceOptions): void {
  const { describe, it, makeHarness } = options;
  const withControl = options.control ?? true;
  const skip = options.skip ?? (it.skip ? it.skip.bind(it) : undefined);
  if (!withControl && !skip)
    throw new ConformanceFailure(
      "runConformanceSuite: with `control: false`, pass `skip` (your framework's it.skip) so the tests that need control show as skipped.",
    );

  /** One test on one fresh backend. */
  const test = (
    name: string,
    scenario: () => ScenarioInput,
    body: (h: ConformanceHarness & { control: ConformanceControl }) => Promise<void>,
    needsControl = false,
  ): void => {
    if (needsControl && !withControl) {
      skip!(`${name} (needs control)`, async () => undefined);
      return;
    }
    it(name, async () => {
      const harness = await makeHarness(scenario());
      try {
        if (needsControl && !harness.control)
          throw new ConformanceFailure(
            `${name}: this test needs the harness's control (acceptance, clock, actor); provide it, or run the suite with control: false to skip it.`,
          );
        await body(harness as ConformanceHarness & { control: ConformanceControl });
      } finally {
        await harness.dispose();
      }
    });
  };

  describe(options.name ?? 'Seatkit adapter conformance', () => {
    describe('reading', () => {
      test('getViewer returns the signed-in member', productExample, async ({ adapter }) => {
        const viewer = await adapter.getViewer();
        equal(viewer.member.email, 'olivia@example.com', 'viewer email');
        equal(viewer.member.role, 'owner', 'viewer role');
      });

      test(
        'listTeam lists members and open or expired invitations',
        productExample,
        async ({ adapter }) => {
          const page = await adapter.listTeam({ limit: 100 });
          equal(page.total, 8, 'total (6 members + 2 invitations)');
          equal(page.nextCursor, null, 'one page');
          const lena = findEntry(page.items, 'lena@example.com');
          const sam = findEntry(page.items, 'sam@example.com');
          equal(lena?.status, 'pending', 'lena@ status');
          equal(sam?.status, 'expired', 'sam@ status');
          ok(
            lena?.kind === 'invitation' && lena.expiresAt.startsWith('2026-11-21'),
            'lena@ expires Nov 21',
          );
          const jon = findEntry(page.items, 'jon@example.com');
          equal(jon?.status, 'deactivated', 'jon@ status');
          const priya = findEntry(page.items, 'priya@example.com');
          deepEqual(
            priya?.kind === 'member' ? priya.phoneNumbers : null,
            ['+14155550101'],
            "priya@'s numbers",
          );
        },
      );

      test(
        'listTeam pages with a cursor, without gaps or repeats',
        () => manyMembers(57),
        async ({ adapter }) => {
          const seen: string[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = await adapter.listTeam({ limit: 10, ...(cursor ? { cursor } : {}) });
            equal(page.total, 57, 'total on every page');
            ok(page.items.length <= 10, 'a page respects the limit');
            seen.push(...page.items.map((e) => e.id));
            cursor = page.nextCursor ?? undefined;
            pages++;
          } while (cursor && pages < 20);
          equal(pages, 6, 'pages of 10 for 57 entries');
          equal(new Set(seen).size, 57, 'distinct entries across pages');
        },
      );

      const filters: {
        name: string;
        query: Parameters<SeatkitAdapter['listTeam']>[0];
        emails: string[];
      }[] = [
        {
          name: 'search by name, case-insensitive',
          query: { search: 'PRIYA' },
          emails: ['priya@example.com'],
        },
        { name: 'search by email', query: { search: 'lena@' }, emails: ['lena@example.com'] },
        {
          name: 'role filter',
          query: { role: 'admin' },
          emails: ['marcus@example.com', 'sam@example.com'],
        },
        { name: 'status pending', query: { status: 'pending' }, emails: ['lena@example.com'] },
        { name: 'status expired', query: { status: 'expired' }, emails: ['sam@example.com'] },
        {
          name: 'status deactivated',
          query: { status: 'deactivated' },
          emails: ['jon@example.com'],
        },
        {
          name: 'search and role together',
          query: { search: 'example.com', role: 'owner' },
          emails: ['olivia@example.com'],
        },
      ];
      for (const f of filters) {
        test(`listTeam: ${f.name}`, productExample, async ({ adapter }) => {
          const page = await adapter.listTeam({ ...f.query, limit: 100 });
          deepEqual(
            page.items.map((e) => e.email).sort(),
            [...f.emails].sort(),
            `entries for ${JSON.stringify(f.query)}`,
          );
          equal(page.total, f.emails.length, 'total');
        });
      }

      test('listTeam sorts by name in both directions', productExample, async ({ adapter }) => {
        const asc = await adapter.listTeam({
          sort: 'name',
          direction: 'asc',
          status: 'active',
          limit: 100,
        });
        const desc = await adapter.listTeam({
          sort: 'name',
          direction: 'desc',
          status: 'active',
          limit: 100,
        });
        const names = asc.items.map((e) => (e.kind === 'member' ? e.name : e.email));
        deepEqual(
          names,
          [...names].sort((a, b) => a.localeCompare(b)),
          'ascending names',
        );
        deepEqual(
          desc.items.map((e) => e.id),
          asc.items.map((e) => e.id).reverse(),
          'descending is ascending reversed',
        );
      });

      for (const sort of ['role', 'status'] as const) {
        test(
          `listTeam groups by ${sort} in the one list order`,
          productExample,
          async ({ adapter }) => {
            const rankOf = (e: TeamEntry) =>
              sort === 'role'
                ? roleRank(e.role)
                : statusRank(
                    e.kind === 'member' ? e.status : e.status === 'expired' ? 'expired' : 'pending',
                  );
            const nameOf = (e: TeamEntry) =>
              e.kind === 'member' ? memberNameKey(e.name) : invitationNameKey(e.email);
            const asc = await adapter.listTeam({ sort, direction: 'asc', limit: 100 });
            const desc = await adapter.listTeam({ sort, direction: 'desc', limit: 100 });
            const expected = [...asc.items].sort((a, b) =>
              compareEntryKeys(
                { rank: rankOf(a), nameKey: nameOf(a), id: a.id },
                { rank: rankOf(b), nameKey: nameOf(b), id: b.id },
              ),
            );
            deepEqual(
              asc.items.map((e) => e.email),
              expected.map((e) => e.email),
              `ascending by ${sort} (${sort === 'role' ? ROLES.join(', ') : ENTRY_STATUSES.join(', ')}), then name`,
            );
            deepEqual(
              desc.items.map((e) => e.id),
              asc.items.map((e) => e.id).reverse(),
              'descending is ascending reversed',
            );
            let cursor: string | undefined;
            const paged: string[] = [];
            do {
              const page = await adapter.listTeam({
                sort,
                limit: 3,
                ...(cursor ? { cursor } : {}),
              });
              paged.push(...page.items.map((e) => e.id));
              cursor = page.nextCursor ?? undefined;
            } while (cursor && paged.length < 50);
            deepEqual(
              paged,
              asc.items.map((e) => e.id),
              'the same order a page at a time',
            );
          },
        );
      }

      test('phone numbers and ring groups', productExample, async ({ adapter }) => {
        const numbers = await adapter.listPhoneNumbers();
        deepEqual(
          numbers.map((n) => n.number).sort(),
          ['+14155550100', '+14155550101', '+14155550102', '+14155550103'],
          'numbers',
        );
        const olivia = await memberByEmail(adapter, 'olivia@example.com');
        deepEqual(
          numbers.find((n) => n.number === '+14155550100')?.assignee,
          { type: 'member', memberId: olivia.id },
          "olivia@'s number",
        );
        equal(
          numbers.find((n) => n.number === '+14155550103')?.assignee,
          null,
          'unassigned number',
        );
        const groups = await adapter.listRingGroups();
        deepEqual(groups.map((g) => g.name).sort(), ['Sales', 'Support'], 'ring groups');
      });

      test('an aborted request rejects with aborted', productExample, async ({ adapter }) => {
        const controller = new AbortController();
        controller.abort();
        await rejects(
          adapter.listTeam({}, { signal: controller.signal }),
          'aborted',
          'listTeam with an aborted signal',
        );
      });
    });

    describe('billing (the worked examples of the product rules)', () => {
      test('summary of the example', productExample, async ({ adapter }) => {
        const s = await adapter.getBillingSummary();
        equal(s.plan.id, 'team', 'plan');
        equal(s.cycle.period, 'monthly', 'period');
        ok(
          s.cycle.start.startsWith('2026-11-01') && s.cycle.end.startsWith('2026-12-01'),
          'cycle Nov 1 – Dec 1',
        );
        equal(s.activeSeats, 5, 'active seats');
        equal(s.paidSeats, 5, 'paid seats');
        equal(s.pendingInvitations, 1, 'pending (sam@ expired)');
        equal(s.deactivatedMembers, 1, 'deactivated');
        deepEqual([s.nextInvoice.amount, s.nextInvoice.seats], [14500, 5], 'next invoice 5 × $29');
      });

      test(
        'inviting a 6th member: $14.50 due on acceptance, next invoice $174.00',
        productExample,
        async ({ adapter }) => {
          const q = await adapter.quote({ kind: 'invite' });
          equal(q.allowed, true, 'allowed');
          equal(q.dueNow, 1450, 'due now');
          deepEqual(
            [q.proration.remainingDays, q.proration.cycleDays, q.proration.perSeat],
            [15, 30, 2900],
            'proration',
          );
          deepEqual([q.nextInvoice.amount, q.nextInvoice.seats], [17400, 6], 'next invoice');
        },
      );

      test(
        '1 active member: the 2nd costs $0.00',
        ownerOnly,
        async ({ adapter, control }) => {
          const q = await adapter.quote({ kind: 'invite' });
          equal(q.dueNow, 0, 'quote due now');
          await adapter.invite({ email: 'second@example.com', role: 'agent' });
          await control.acceptInvitation('second@example.com');
          const s = await adapter.getBillingSummary();
          deepEqual(
            [s.activeSeats, s.paidSeats, s.nextInvoice.amount],
            [2, 2, 5800],
            'seats after acceptance',
          );
        },
        true,
      );

      test(
        'remove on day 10, a new member accepts on day 20: $0.00',
        sixActiveOnDay10,
        async ({ adapter, control }) => {
          const tom = await memberByEmail(adapter, 'tom@example.com');
          await adapter.removeMember(tom.id, { version: tom.version });
          await control.advanceDays(10);
          await adapter.invite({ email: 'new@example.com', role: 'agent' });
          const q = await adapter.quote({ kind: 'invite' });
          equal(q.paidBefore, 6, 'six seats already paid');
          await control.acceptInvitation('new@example.com');
          const s = await adapter.getBillingSummary();
          deepEqual([s.activeSeats, s.paidSeats], [6, 6], 'no new seat paid');
        },
        true,
      );

      test('reactivation above the paid seats is prorated', productExample, async ({ adapter }) => {
        const jon = await memberByEmail(adapter, 'jon@example.com');
        const q = await adapter.quote({ kind: 'reactivate', memberId: jon.id });
        equal(q.dueNow, 1450, 'quote');
        const result = await adapter.reactivateMember(jon.id, { version: jon.version });
        equal(result.member.status, 'active', 'status');
        equal(result.charge?.amount, 1450, 'charge');
        equal(result.charge?.reason, 'reactivation', 'charge reason');
      });

      test('a seat freed this cycle is reused for free', productExample, async ({ adapter }) => {
        const tom = await memberByEmail(adapter, 'tom@example.com');
        const jon = await memberByEmail(adapter, 'jon@example.com');
        const deactivated = await adapter.deactivateMember(tom.id, { version: tom.version });
        equal(deactivated.member.status, 'deactivated', 'tom@ deactivated');
        const s = await adapter.getBillingSummary();
        deepEqual([s.activeSeats, s.paidSeats], [4, 5], 'no refund: paid seats stay');
        const result = await adapter.reactivateMember(jon.id, { version: jon.version });
        equal(result.charge?.amount ?? 0, 0, 'charge for the freed seat');
      });

      test(
        'renewal recomputes the paid seats',
        productExample,
        async ({ adapter, control }) => {
          const tom = await memberByEmail(adapter, 'tom@example.com');
          await adapter.deactivateMember(tom.id, { version: tom.version });
          await control.advanceDays(16);
          const s = await adapter.getBillingSummary();
          ok(
            s.cycle.start.startsWith('2026-12-01'),
            `new cycle starts Dec 1 (got ${s.cycle.start})`,
          );
          deepEqual(
            [s.activeSeats, s.paidSeats, s.nextInvoice.amount],
            [4, 4, 11600],
            'seats after renewal',
          );
        },
        true,
      );
    });

    describe('invitations', () => {
      test(
        'invite creates a pending invitation for 7 days',
        productExample,
        async ({ adapter }) => {
          const inv = await adapter.invite({
            email: '  New.Person@Example.com ',
            role: 'agent',
            phoneNumber: '+14155550103',
          });
          equal(inv.status, 'pending', 'status');
          equal(inv.email, 'New.Person@Example.com', 'email as typed, trimmed');
          equal(inv.phoneNumber, '+14155550103', 'phone number');
          equal(Date.parse(inv.expiresAt) - Date.parse(inv.sentAt), 7 * DAY_MS, '7 days');
          ok(inv.sentAt.startsWith(EXAMPLE_TODAY), 'sent today (backend clock)');
          const page = await adapter.listTeam({ search: 'new.person', limit: 10 });
          equal(page.total, 1, 'listed');
        },
      );

      const refusals: {
        name: string;
        scenario: () => ScenarioInput;
        email: string;
        role: Role;
        code: string;
        field?: string;
      }[] = [
        {
          name: 'an active member',
          scenario: productExample,
          email: 'PRIYA@example.com',
          role: 'agent',
          code: 'already_member',
        },
        {
          name: 'a deactivated member',
          scenario: productExample,
          email: 'jon@example.com',
          role: 'agent',
          code: 'already_member',
        },
        {
          name: 'a pending invitation',
          scenario: productExample,
          email: ' lena@example.com',
          role: 'agent',
          code: 'already_invited',
        },
        {
          name: 'a bad email',
          scenario: productExample,
          email: 'not-an-email',
          role: 'agent',
          code: 'validation_failed',
          field: 'email',
        },
        {
          name: 'a role not on the plan',
          scenario: productExample,
          email: 'sup@example.com',
          role: 'supervisor',
          code: 'role_not_on_plan',
        },
        {
          name: 'the owner role',
          scenario: productExample,
          email: 'boss@example.com',
          role: 'owner',
          code: 'validation_failed',
        },
        {
          name: 'a full plan',
          scenario: () => essentials(5),
          email: 'six@example.com',
          role: 'agent',
          code: 'capacity_exceeded',
        },
        {
          name: 'an agent inviting',
          scenario: () => asActor('priya@example.com'),
          email: 'x@example.com',
          role: 'agent',
          code: 'forbidden',
        },
      ];
      for (const r of refusals) {
        test(`invite refuses ${r.name} (${r.code})`, r.scenario, async ({ adapter }) => {
          const error = await rejects(
            adapter.invite({ email: r.email, role: r.role }),
            r.code,
            `invite ${r.email}`,
          );
          if (r.field)
            ok(
              error.details.some((d) => d.field === r.field),
              `a detail for ${r.field}`,
            );
        });
      }

      for (const [name, mark] of [
        ['combining grapheme joiner', '\u034F'],
        ['zero-width space', '\u200B'],
        ['variation selector', '\uFE0F'],
        ['tag character', '\u{E0041}'],
        ['Hangul filler', '\u3164'],
        ['Braille blank', '\u2800'],
        ['Khmer inherent vowel', '\u17B4'],
      ] as const) {
        test(
          `invite refuses an invisible look-alike of a member (${name})`,
          productExample,
          async ({ adapter }) => {
            const error = await rejects(
              adapter.invite({ email: `olivia${mark}@example.com`, role: 'agent' }),
              'validation_failed',
              `olivia+${name}@example.com`,
            );
            ok(
              error.details.some((d) => d.field === 'email' && d.code === 'invalid_email'),
              'the email field is named',
            );
          },
        );
      }

      test(
        'emails compare in their canonical form (NFC): one address, however it was typed',
        () => ({
          ...productExample(),
          members: [
            ...productExample().members,
            {
              name: 'José Ruiz',
              email: 'jose\u0301@example.com',
              role: 'agent',
              status: 'deactivated',
            },
          ],
          invitations: [
            ...productExample().invitations,
            { email: 're\u0301mi@example.com', role: 'agent', sentAt: '2026-11-15T08:00:00Z' },
          ],
        }),
        async ({ adapter }) => {
          await rejects(
            adapter.invite({ email: 'jos\u00e9@example.com', role: 'agent' }),
            'already_member',
            'josé@ typed precomposed, stored decomposed',
          );
          await rejects(
            adapter.invite({ email: 'R\u00c9MI@example.com', role: 'agent' }),
            'already_invited',
            'rémi@ typed precomposed and in capitals, invited decomposed',
          );
          equal(
            (await adapter.listTeam({ search: 'mi@example', status: 'pending', limit: 10 })).total,
            1,
            'one invitation, one seat',
          );
        },
      );

      test(
        'an expired invitation may be invited again (replaces it)',
        productExample,
        async ({ adapter }) => {
          const inv = await adapter.invite({ email: 'sam@example.com', role: 'agent' });
          equal(inv.status, 'pending', 'new invitation');
          const page = await adapter.listTeam({ search: 'sam@', limit: 10 });
          deepEqual(
            page.items.map((e) => e.status),
            ['pending'],
            'one listed entry for sam@',
          );
        },
      );

      test(
        'a retried invite with the same idempotency key creates once',
        productExample,
        async ({ adapter }) => {
          const input = { email: 'retry@example.com', role: 'agent' as const };
          const first = await adapter.invite(input, { idempotencyKey: 'conformance-retry-1' });
          const second = await adapter.invite(input, { idempotencyKey: 'conformance-retry-1' });
          equal(second.id, first.id, 'same invitation');
          const page = await adapter.listTeam({ search: 'retry@', limit: 10 });
          equal(page.total, 1, 'created once');
          await rejects(
            adapter.invite(
              { email: 'other@example.com', role: 'agent' },
              { idempotencyKey: 'conformance-retry-1' },
            ),
            'idempotency_conflict',
            'same key, different request',
          );
        },
      );

      test(
        'five invites racing for the last free seat: exactly one succeeds',
        () => essentials(4),
        async ({ adapter }) => {
          const results = await Promise.allSettled(
            [1, 2, 3, 4, 5].map((n) =>
              adapter.invite({ email: `racer${n}@example.com`, role: 'agent' }),
            ),
          );
          const won = results.filter((r) => r.status === 'fulfilled');
          equal(won.length, 1, 'successful invites');
          for (const r of results) {
            if (r.status === 'rejected')
              equal((r.reason as { code?: string }).code, 'capacity_exceeded', 'loser code');
          }
          const page = await adapter.listTeam({ search: 'racer', limit: 10 });
          equal(page.total, 1, 'invitations created');
        },
      );

      test('bulk invite creates every row together', productExample, async ({ adapter }) => {
        const result = await adapter.bulkInvite([
          { email: 'b1@example.com', role: 'agent' },
          { email: 'b2@example.com', role: 'admin', phoneNumber: '+14155550103' },
        ]);
        deepEqual(
          result.invitations.map((i) => i.email),
          ['b1@example.com', 'b2@example.com'],
          'created',
        );
        equal((await adapter.listTeam({ status: 'pending', limit: 100 })).total, 3, 'pending now');
      });

      test(
        'bulk invite with one invalid row creates nothing and says which row',
        productExample,
        async ({ adapter }) => {
          const error = await rejects(
            adapter.bulkInvite([
              { email: 'ok1@example.com', role: 'agent' },
              { email: 'priya@example.com', role: 'agent' },
              { email: 'ok2@example.com', role: 'agent' },
              { email: 'OK1@example.com', role: 'agent' },
            ]),
            'validation_failed',
            'bulk with bad rows',
          );
          deepEqual(
            [...new Set(error.details.map((d) => d.row))].sort(),
            [1, 3],
            'rows with problems (0-based)',
          );
          equal(
            (await adapter.listTeam({ status: 'pending', limit: 100 })).total,
            1,
            'nothing created',
          );
        },
      );

      test(
        'bulk invite beyond capacity creates nothing',
        () => essentials(3),
        async ({ adapter }) => {
          const error = await rejects(
            adapter.bulkInvite(
              ['c1', 'c2', 'c3'].map((n) => ({
                email: `${n}@example.com`,
                role: 'agent' as const,
              })),
            ),
            'capacity_exceeded',
            'bulk over capacity',
          );
          ok(
            error.details.some((d) => d.row === 2),
            'the row beyond capacity is named',
          );
          equal(
            (await adapter.listTeam({ status: 'pending', limit: 100 })).total,
            1,
            'nothing created',
          );
        },
      );

      test(
        'resend gives 7 fresh days and a new version; a stale version is refused',
        productExample,
        async ({ adapter }) => {
          const sam = await entryByEmail(adapter, 'sam@example.com');
          ok(sam.kind === 'invitation', 'sam@ is an invitation');
          const resent = await adapter.resendInvitation(sam.id, { version: sam.version });
          equal(resent.status, 'pending', 'status');
          ok(resent.sentAt.startsWith(EXAMPLE_TODAY), 'sent today');
          equal(Date.parse(resent.expiresAt) - Date.parse(resent.sentAt), 7 * DAY_MS, '7 days');
          ok(resent.version !== sam.version, 'version changed');
          await rejects(
            adapter.resendInvitation(sam.id, { version: sam.version }),
            'version_conflict',
            'stale resend',
          );
        },
      );

      test(
        'revoke cancels; a revoked invitation cannot be resent',
        productExample,
        async ({ adapter }) => {
          const lena = await entryByEmail(adapter, 'lena@example.com');
          const revoked = await adapter.revokeInvitation(lena.id, { version: lena.version });
          equal(revoked.status, 'revoked', 'status');
          equal(
            (await adapter.listTeam({ search: 'lena@', limit: 10 })).total,
            0,
            'no longer listed',
          );
          await rejects(
            adapter.resendInvitation(lena.id, { version: revoked.version }),
            'invitation_closed',
            'resend revoked',
          );
          await rejects(
            adapter.revokeInvitation('no-such-invitation', { version: 1 }),
            'not_found',
            'unknown invitation',
          );
        },
      );

      test(
        'invitations expire 7 days after they were sent',
        productExample,
        async ({ adapter, control }) => {
          await control.advanceDays(5);
          equal(
            (await entryByEmail(adapter, 'lena@example.com')).status,
            'pending',
            'lena@ on Nov 21 before 12:00',
          );
          await control.advanceDays(1);
          equal(
            (await entryByEmail(adapter, 'lena@example.com')).status,
            'expired',
            'lena@ after Nov 21 12:00',
          );
          equal(
            (await adapter.getBillingSummary()).pendingInvitations,
            0,
            'expired invitations hold no seat',
          );
        },
        true,
      );

      test(
        'acceptance makes an active member',
        productExample,
        async ({ adapter, control }) => {
          await control.acceptInvitation('lena@example.com');
          const lena = await entryByEmail(adapter, 'lena@example.com');
          deepEqual([lena.kind, lena.status], ['member', 'active'], 'lena@ joined');
          deepEqual(
            [
              (await adapter.getBillingSummary()).activeSeats,
              (await adapter.getBillingSummary()).paidSeats,
            ],
            [6, 6],
            'seats after acceptance',
          );
        },
        true,
      );
    });

    describe('members', () => {
      test('changeRole changes the role and the version', productExample, async ({ adapter }) => {
        const tom = await memberByEmail(adapter, 'tom@example.com');
        const changed = await adapter.changeRole(tom.id, 'admin', { version: tom.version });
        equal(changed.role, 'admin', 'role');
        ok(changed.version !== tom.version, 'version changed');
        await rejects(
          adapter.changeRole(tom.id, 'agent', { version: tom.version }),
          'version_conflict',
          'stale version',
        );
      });

      const roleRefusals: {
        name: string;
        scenario: () => ScenarioInput;
        email: string;
        role: Role;
        code: string;
      }[] = [
        {
          name: "the owner's role",
          scenario: productExample,
          email: 'olivia@example.com',
          role: 'admin',
          code: 'owner_protected',
        },
        {
          name: 'a role not on the plan',
          scenario: productExample,
          email: 'tom@example.com',
          role: 'supervisor',
          code: 'role_not_on_plan',
        },
        {
          name: 'making someone owner',
          scenario: productExample,
          email: 'tom@example.com',
          role: 'owner',
          code: 'forbidden',
        },
        {
          name: 'an agent changing roles',
          scenario: () => asActor('priya@example.com'),
          email: 'tom@example.com',
          role: 'admin',
          code: 'forbidden',
        },
      ];
      for (const r of roleRefusals) {
        test(`changeRole refuses ${r.name} (${r.code})`, r.scenario, async ({ adapter }) => {
          const m = await memberByEmail(adapter, r.email);
          await rejects(
            adapter.changeRole(m.id, r.role, { version: m.version }),
            r.code,
            `changeRole ${r.email}`,
          );
        });
      }

      test(
        'assignPhoneNumber to a member, a ring group, and nobody',
        productExample,
        async ({ adapter }) => {
          const tom = await memberByEmail(adapter, 'tom@example.com');
          const [group] = await adapter.listRingGroups();
          ok(group, 'a ring group');
          const toTom = await adapter.assignPhoneNumber('+14155550103', {
            type: 'member',
            memberId: tom.id,
          });
          deepEqual(toTom.assignee, { type: 'member', memberId: tom.id }, 'to tom@');
          deepEqual(
            (await memberByEmail(adapter, 'tom@example.com')).phoneNumbers,
            ['+14155550103'],
            "tom@'s numbers",
          );
          const toGroup = await adapter.assignPhoneNumber('+14155550103', {
            type: 'ringGroup',
            ringGroupId: group.id,
          });
          deepEqual(
            toGroup.assignee,
            { type: 'ringGroup', ringGroupId: group.id },
            'to the ring group',
          );
          const none = await adapter.assignPhoneNumber('+14155550103', null);
          equal(none.assignee, null, 'unassigned');
          await rejects(
            adapter.assignPhoneNumber('+19995550000', null),
            'not_found',
            'a number not on the account',
          );
        },
      );

      test(
        'removal impact lists the consequences; the owner cannot be removed',
        productExample,
        async ({ adapter }) => {
          const priya = await memberByEmail(adapter, 'priya@example.com');
          const impact = await adapter.getRemovalImpact(priya.id);
          equal(impact.allowed, true, 'allowed');
          deepEqual(impact.phoneNumbers, ['+14155550101'], 'numbers');
          equal(impact.refund, 0, 'no refund');
          ok(impact.seatDropsAt.startsWith('2026-12-01'), 'seat drops at the renewal');
          const olivia = await memberByEmail(adapter, 'olivia@example.com');
          const ownerImpact = await adapter.getRemovalImpact(olivia.id);
          equal(ownerImpact.allowed, false, 'owner removal allowed');
          equal(ownerImpact.refusal?.code, 'owner_protected', 'owner refusal');
        },
      );

      test(
        'remove keeps the numbers on the account and refunds nothing',
        productExample,
        async ({ adapter }) => {
          const priya = await memberByEmail(adapter, 'priya@example.com');
          const result = await adapter.removeMember(priya.id, { version: priya.version });
          deepEqual(result.unassignedNumbers, ['+14155550101'], 'unassigned numbers');
          const numbers = await adapter.listPhoneNumbers();
          deepEqual(
            numbers.find((n) => n.number === '+14155550101'),
            { number: '+14155550101', assignee: null },
            'kept, unassigned',
          );
          equal(
            (await adapter.listTeam({ search: 'priya', limit: 10 })).total,
            0,
            'no longer listed',
          );
          const s = await adapter.getBillingSummary();
          deepEqual([s.activeSeats, s.paidSeats], [4, 5], 'seats (no refund)');
          await rejects(
            adapter.removeMember(priya.id, { version: priya.version }),
            'not_found',
            'removing again',
          );
        },
      );

      test('remove can hand the numbers to a ring group', productExample, async ({ adapter }) => {
        const priya = await memberByEmail(adapter, 'priya@example.com');
        const [group] = await adapter.listRingGroups();
        ok(group, 'a ring group');
        const to = { type: 'ringGroup' as const, ringGroupId: group.id };
        const result = await adapter.removeMember(priya.id, {
          version: priya.version,
          reassignTo: to,
        });
        deepEqual(result.reassignedTo, to, 'reassigned to');
        deepEqual(
          (await adapter.listPhoneNumbers()).find((n) => n.number === '+14155550101')?.assignee,
          to,
          'number rings the group',
        );
      });

      const removeRefusals: {
        name: string;
        scenario: () => ScenarioInput;
        email: string;
        code: string;
        stale?: boolean;
      }[] = [
        {
          name: 'the owner',
          scenario: productExample,
          email: 'olivia@example.com',
          code: 'owner_protected',
        },
        {
          name: 'a stale version',
          scenario: productExample,
          email: 'tom@example.com',
          code: 'version_conflict',
          stale: true,
        },
        {
          name: 'an agent removing',
          scenario: () => asActor('priya@example.com'),
          email: 'tom@example.com',
          code: 'forbidden',
        },
      ];
      for (const r of removeRefusals) {
        test(`removeMember refuses ${r.name} (${r.code})`, r.scenario, async ({ adapter }) => {
          const m = await memberByEmail(adapter, r.email);
          await rejects(
            adapter.removeMember(m.id, { version: m.version + (r.stale ? 7 : 0) }),
            r.code,
            `remove ${r.email}`,
          );
        });
      }

      test('deactivate and reactivate refusals', productExample, async ({ adapter }) => {
        const olivia = await memberByEmail(adapter, 'olivia@example.com');
        const jon = await memberByEmail(adapter, 'jon@example.com');
        const tom = await memberByEmail(adapter, 'tom@example.com');
        await rejects(
          adapter.deactivateMember(olivia.id, { version: olivia.version }),
          'owner_protected',
          'deactivate owner',
        );
        await rejects(
          adapter.deactivateMember(jon.id, { version: jon.version }),
          'conflict',
          'deactivate deactivated',
        );
        await rejects(
          adapter.reactivateMember(tom.id, { version: tom.version }),
          'conflict',
          'reactivate active',
        );
        await rejects(
          adapter.deactivateMember(tom.id, { version: tom.version + 3 }),
          'version_conflict',
          'stale deactivate',
        );
        await rejects(
          adapter.deactivateMember('no-such-member', { version: 1 }),
          'not_found',
          'unknown member',
        );
      });

      test(
        'reactivation respects capacity',
        () => essentials(5),
        async ({ adapter }) => {
          const jon = await memberByEmail(adapter, 'jon@example.com');
          await rejects(
            adapter.reactivateMember(jon.id, { version: jon.version }),
            'capacity_exceeded',
            'reactivate on a full plan',
          );
        },
      );
    });

    describe('quotes decide as the operation would', () => {
      const cases: {
        name: string;
        scenario: () => ScenarioInput;
        kind: 'remove' | 'deactivate' | 'reactivate';
        email: string;
        code: string;
      }[] = [
        {
          name: 'removing the owner',
          scenario: productExample,
          kind: 'remove',
          email: 'olivia@example.com',
          code: 'owner_protected',
        },
        {
          name: 'deactivating the owner',
          scenario: productExample,
          kind: 'deactivate',
          email: 'olivia@example.com',
          code: 'owner_protected',
        },
        {
          name: 'an admin deactivating themself',
          scenario: () => asActor('marcus@example.com'),
          kind: 'deactivate',
          email: 'marcus@example.com',
          code: 'forbidden',
        },
        {
          name: 'reactivating a supervisor the plan no longer offers',
          scenario: downgradedSupervisor,
          kind: 'reactivate',
          email: 'sue@example.com',
          code: 'role_not_on_plan',
        },
        {
          name: 'reactivating on a full plan',
          scenario: () => essentials(5),
          kind: 'reactivate',
          email: 'jon@example.com',
          code: 'capacity_exceeded',
        },
      ];
      for (const c of cases) {
        test(
          `a quote for ${c.name} is refused like the change (${c.code})`,
          c.scenario,
          async ({ adapter }) => {
            const m = await memberByEmail(adapter, c.email);
            const q = await adapter.quote({ kind: c.kind, memberId: m.id });
            equal(q.allowed, false, 'allowed');
            equal(q.refusal?.code, c.code, 'refusal code');
            ok((q.refusal?.message ?? '').length > 0, 'the refusal says why');
            deepEqual([q.dueNow, q.chargedSeats], [0, 0], 'nothing due');
            const run = {
              remove: () => adapter.removeMember(m.id, { version: m.version }),
              deactivate: () => adapter.deactivateMember(m.id, { version: m.version }),
              reactivate: () => adapter.reactivateMember(m.id, { version: m.version }),
            }[c.kind];
            await rejects(run(), c.code, `the ${c.kind} itself`);
          },
        );
      }

      test(
        'a bulk quote above the bulk limit is refused as invalid',
        productExample,
        async ({ adapter }) => {
          await rejects(
            adapter.quote({ kind: 'bulkInvite', count: 100_001 }),
            'validation_failed',
            'quote for 100,001 invitations',
          );
          await rejects(
            adapter.quote({ kind: 'bulkInvite', count: Number.MAX_SAFE_INTEGER }),
            'validation_failed',
            'quote for 2^53 − 1 invitations',
          );
          const q = await adapter.quote({ kind: 'bulkInvite', count: 100_000 });
          equal(q.dueNow, 100_000 * 1450, 'the limit itself is priced');
        },
      );
    });

    describe("phone numbers move only when confirmed, and the owner's only by the owner", () => {
      test(
        'a number that rings someone needs a confirmed move',
        productExample,
        async ({ adapter }) => {
          const error = await rejects(
            adapter.invite({
              email: 'new@example.com',
              role: 'agent',
              phoneNumber: '+14155550101',
            }),
            'validation_failed',
            "inviting with priya@'s number, unconfirmed",
          );
          ok(
            error.details.some((d) => d.field === 'phoneNumber' && d.code === 'number_in_use'),
            'the phone number is named, as in use',
          );
          const inv = await adapter.invite({
            email: 'new@example.com',
            role: 'agent',
            phoneNumber: '+14155550101',
            moveNumber: true,
          });
          equal(inv.phoneNumber, '+14155550101', 'the invitation carries the number');
          deepEqual(
            (await memberByEmail(adapter, 'priya@example.com')).phoneNumbers,
            ['+14155550101'],
            'it still rings priya@ until the invitee accepts',
          );
        },
      );

      test(
        'a confirmed number moves on acceptance',
        productExample,
        async ({ adapter, control }) => {
          await adapter.invite({
            email: 'new@example.com',
            role: 'agent',
            phoneNumber: '+14155550101',
            moveNumber: true,
          });
          await control.acceptInvitation('new@example.com');
          deepEqual(
            (await memberByEmail(adapter, 'new@example.com')).phoneNumbers,
            ['+14155550101'],
            'moved',
          );
          deepEqual(
            (await memberByEmail(adapter, 'priya@example.com')).phoneNumbers,
            [],
            'gone from priya@',
          );
        },
        true,
      );

      test(
        "an admin can't move the owner's number",
        () => asActor('marcus@example.com'),
        async ({ adapter }) => {
          await rejects(
            adapter.assignPhoneNumber('+14155550100', null),
            'forbidden',
            "unassigning the owner's number",
          );
          const tom = await memberByEmail(adapter, 'tom@example.com');
          await rejects(
            adapter.assignPhoneNumber('+14155550100', { type: 'member', memberId: tom.id }),
            'forbidden',
            "giving the owner's number to tom@",
          );
          await rejects(
            adapter.invite({
              email: 'new@example.com',
              role: 'agent',
              phoneNumber: '+14155550100',
              moveNumber: true,
            }),
            'forbidden',
            "inviting with the owner's number",
          );
          deepEqual(
            (await memberByEmail(adapter, 'olivia@example.com')).phoneNumbers,
            ['+14155550100'],
            'it still rings the owner',
          );
        },
      );

      test('the owner moves their own number', productExample, async ({ adapter }) => {
        const none = await adapter.assignPhoneNumber('+14155550100', null);
        equal(none.assignee, null, 'unassigned by the owner');
      });
    });

    describe('acting on many at once (batch)', () => {
      test(
        'each item is decided on its own; refused ones say why and the rest go through',
        productExample,
        async ({ adapter }) => {
          const [olivia, tom, ana] = await Promise.all(
            ['olivia', 'tom', 'ana'].map((n) => memberByEmail(adapter, `${n}@example.com`)),
          );
          const result = await adapter.batch({
            action: 'deactivate',
            items: [
              { id: olivia!.id, version: olivia!.version },
              { id: tom!.id, version: tom!.version },
              { id: ana!.id, version: ana!.version + 5 },
              { id: 'no-such-member', version: 1 },
            ],
          });
          deepEqual(
            result.results.map((r) => (r.outcome === 'done' ? 'done' : r.code)),
            ['owner_protected', 'done', 'version_conflict', 'not_found'],
            'outcomes in the order asked',
          );
          const done = result.results[1];
          equal(
            done?.outcome === 'done' && done.entry?.kind === 'member' ? done.entry.status : null,
            'deactivated',
            'the member after the change',
          );
          equal(
            (await memberByEmail(adapter, 'ana@example.com')).status,
            'active',
            'ana@ untouched',
          );
        },
      );

      test(
        'a preview decides like the batch: seats taken in order, the price together',
        () => essentials(5),
        async ({ adapter }) => {
          const priya = await memberByEmail(adapter, 'priya@example.com');
          await adapter.deactivateMember(priya.id, { version: priya.version });
          const [jon, priyaNow] = await Promise.all([
            memberByEmail(adapter, 'jon@example.com'),
            memberByEmail(adapter, 'priya@example.com'),
          ]);
          const input = {
            action: 'reactivate' as const,
            items: [
              { id: jon.id, version: jon.version },
              { id: priyaNow.id, version: priyaNow.version },
            ],
          };
          const preview = await adapter.previewBatch(input);
          deepEqual(
            preview.items.map((i) => i.refusal?.code ?? 'allowed'),
            ['allowed', 'capacity_exceeded'],
            'one seat was free: the first takes it',
          );
          equal(preview.quote?.chargedSeats, 0, 'the freed seat was paid this cycle');
          const result = await adapter.batch(input);
          deepEqual(
            result.results.map((r) => (r.outcome === 'done' ? 'done' : r.code)),
            ['done', 'capacity_exceeded'],
            'the batch does what the preview said',
          );
        },
      );

      test(
        'a preview of removals adds up their consequences',
        productExample,
        async ({ adapter }) => {
          const [priya, tom] = await Promise.all(
            ['priya', 'tom'].map((n) => memberByEmail(adapter, `${n}@example.com`)),
          );
          const preview = await adapter.previewBatch({
            action: 'remove',
            items: [priya!, tom!].map((m) => ({ id: m.id, version: m.version })),
          });
          equal(preview.removal?.members, 2, 'two removals');
          deepEqual(preview.removal?.phoneNumbers, ['+14155550101'], "priya@'s number is kept");
          equal(preview.removal?.refund, 0, 'no refund');
          deepEqual(
            [preview.quote?.activeAfter, preview.quote?.dueNow],
            [3, 0],
            'three active after, nothing due',
          );
        },
      );

      test(
        'one Idempotency-Key for the batch: a retry replays, nothing is charged twice',
        productExample,
        async ({ adapter }) => {
          const jon = await memberByEmail(adapter, 'jon@example.com');
          const input = {
            action: 'reactivate' as const,
            items: [{ id: jon.id, version: jon.version }],
          };
          const first = await adapter.batch(input, { idempotencyKey: 'conformance-batch-1' });
          const again = await adapter.batch(input, { idempotencyKey: 'conformance-batch-1' });
          deepEqual(again, first, 'the same results');
          equal((await adapter.getBillingSummary()).activeSeats, 6, 'jon@ reactivated once');
        },
      );

      test('roles, resends and revokes in a batch', productExample, async ({ adapter }) => {
        const [tom, ana] = await Promise.all(
          ['tom', 'ana'].map((n) => memberByEmail(adapter, `${n}@example.com`)),
        );
        const roles = await adapter.batch({
          action: 'changeRole',
          role: 'supervisor',
          items: [tom!, ana!].map((m) => ({ id: m.id, version: m.version })),
        });
        ok(
          roles.results.every((r) => r.outcome === 'refused' && r.code === 'role_not_on_plan'),
          'Supervisor is not on the Team plan: every item refused with the reason',
        );
        const [lena, sam] = await Promise.all(
          ['lena', 'sam'].map((n) => entryByEmail(adapter, `${n}@example.com`)),
        );
        const resent = await adapter.batch({
          action: 'resend',
          items: [lena!, sam!].map((e) => ({ id: e.id, version: e.version })),
        });
        ok(
          resent.results.every(
            (r) =>
              r.outcome === 'done' &&
              r.entry?.kind === 'invitation' &&
              r.entry.status === 'pending',
          ),
          'both pending for 7 more days',
        );
        const revoked = await adapter.batch({
          action: 'revoke',
          items: resent.results.map((r) => ({
            id: r.id,
            version: r.outcome === 'done' ? (r.entry?.version ?? 0) : 0,
          })),
        });
        ok(
          revoked.results.every((r) => r.outcome === 'done'),
          'both revoked',
        );
        equal((await adapter.listTeam({ status: 'pending', limit: 10 })).total, 0, 'none pending');
      });

      test(
        'an agent is refused the whole batch',
        () => asActor('priya@example.com'),
        async ({ adapter }) => {
          const tom = await memberByEmail(adapter, 'tom@example.com');
          await rejects(
            adapter.batch({ action: 'deactivate', items: [{ id: tom.id, version: tom.version }] }),
            'forbidden',
            'batch as an agent',
          );
        },
      );
    });

    describe('ownership', () => {
      test(
        'transfer: the target becomes owner, the owner becomes admin',
        productExample,
        async ({ adapter }) => {
          const marcus = await memberByEmail(adapter, 'marcus@example.com');
          const result = await adapter.transferOwnership(marcus.id, 'correct horse battery');
          deepEqual(
            [result.newOwner.email, result.newOwner.role],
            ['marcus@example.com', 'owner'],
            'new owner',
          );
          deepEqual(
            [result.previousOwner.email, result.previousOwner.role],
            ['olivia@example.com', 'admin'],
            'previous owner',
          );
          const owners = await adapter.listTeam({ role: 'owner', limit: 10 });
          deepEqual(
            owners.items.map((e) => e.email),
            ['marcus@example.com'],
            'exactly one owner',
          );
        },
      );

      test(
        'transfer refuses a wrong password, a deactivated target and a non-owner',
        productExample,
        async ({ adapter }) => {
          const marcus = await memberByEmail(adapter, 'marcus@example.com');
          const jon = await memberByEmail(adapter, 'jon@example.com');
          await rejects(
            adapter.transferOwnership(marcus.id, 'wrong'),
            'wrong_password',
            'wrong password',
          );
          await rejects(
            adapter.transferOwnership(jon.id, 'correct horse battery'),
            'conflict',
            'deactivated target',
          );
          const owners = await adapter.listTeam({ role: 'owner', limit: 10 });
          deepEqual(
            owners.items.map((e) => e.email),
            ['olivia@example.com'],
            'still one owner',
          );
        },
      );

      test(
        'transfer by an admin is forbidden',
        () => asActor('marcus@example.com'),
        async ({ adapter }) => {
          const tom = await memberByEmail(adapter, 'tom@example.com');
          await rejects(
            adapter.transferOwnership(tom.id, 'correct horse battery'),
            'forbidden',
            'admin transfers',
          );
        },
      );

      test(
        'five wrong passwords lock transfer out for a while',
        productExample,
        async ({ adapter }) => {
          const marcus = await memberByEmail(adapter, 'marcus@example.com');
          for (let i = 1; i <= 4; i++) {
            await rejects(
              adapter.transferOwnership(marcus.id, `wrong ${i}`),
              'wrong_password',
              `attempt ${i}`,
            );
          }
          const locked = await rejects(
            adapter.transferOwnership(marcus.id, 'wrong 5'),
            'locked_out',
            'attempt 5',
          );
          ok((locked.retryAfter ?? 0) > 0, 'says when to retry');
          await rejects(
            adapter.transferOwnership(marcus.id, 'correct horse battery'),
            'locked_out',
            'the right password while locked',
          );
        },
      );
    });

    describe('authorization', () => {
      const agentRefusals: {
        name: string;
        run: (a: SeatkitAdapter, tom: Member) => Promise<unknown>;
      }[] = [
        { name: 'getBillingSummary', run: (a) => a.getBillingSummary() },
        { name: 'quote', run: (a) => a.quote({ kind: 'invite' }) },
        {
          name: 'bulkInvite',
          run: (a) => a.bulkInvite([{ email: 'z@example.com', role: 'agent' }]),
        },
        {
          name: 'deactivateMember',
          run: (a, tom) => a.deactivateMember(tom.id, { version: tom.version }),
        },
        { name: 'getRemovalImpact', run: (a, tom) => a.getRemovalImpact(tom.id) },
        { name: 'assignPhoneNumber', run: (a) => a.assignPhoneNumber('+14155550103', null) },
      ];
      for (const r of agentRefusals) {
        test(
          `an agent is refused ${r.name} (forbidden)`,
          () => asActor('priya@example.com'),
          async ({ adapter }) => {
            const tom = await memberByEmail(adapter, 'tom@example.com');
            await rejects(r.run(adapter, tom), 'forbidden', r.name);
          },
        );
      }

      /** Priya as an agent on Team, or as a supervisor on Pro (the plan that has supervisors). */
      const directoryViewers = [
        { role: 'agent', scenario: () => asActor('priya@example.com') },
        {
          role: 'supervisor',
          scenario: (): ScenarioInput => {
            const base = asActor('priya@example.com');
            return {
              ...base,
              plan: 'pro',
              members: base.members.map((m) =>
                m.email === 'priya@example.com' ? { ...m, role: 'supervisor' } : m,
              ),
            };
          },
        },
      ] as const;
      for (const viewer of directoryViewers) {
        test(
          `${viewer.role === 'agent' ? 'an agent' : 'a supervisor'} sees the member directory, not invitations or the number list`,
          viewer.scenario,
          async ({ adapter }) => {
            equal((await adapter.getViewer()).member.role, viewer.role, 'viewer role');
            const page = await adapter.listTeam({ limit: 100 });
            equal(page.total, 6, 'the six members, no invitations');
            ok(
              page.items.every((e) => e.kind === 'member'),
              "no invitation (an outsider's address) is listed",
            );
            const priya = findEntry(page.items, 'priya@example.com');
            deepEqual(
              priya?.kind === 'member' ? priya.phoneNumbers : null,
              ['+14155550101'],
              "a member's own numbers show",
            );
            equal(
              (await adapter.listTeam({ status: 'pending', limit: 100 })).total,
              0,
              'no pending invitation either',
            );
            await rejects(adapter.listPhoneNumbers(), 'forbidden', "the account's number list");
          },
        );
      }

      test(
        'switching the actor changes what is allowed',
        productExample,
        async ({ adapter, control }) => {
          await control.setActor('tom@example.com');
          await rejects(
            adapter.invite({ email: 'x@example.com', role: 'agent' }),
            'forbidden',
            'invite as an agent',
          );
        },
        true,
      );
    });
  });
}

function findEntry(items: readonly TeamEntry[], email: string): TeamEntry | undefined {
  return items.find((e) => canonicalEmail(e.email) === canonicalEmail(email));
}

async function entryByEmail(adapter: SeatkitAdapter, email: string): Promise<TeamEntry> {
  const page = await adapter.listTeam({ search: email, limit: 50 });
  const entry = findEntry(page.items, email);
  ok(entry, `${email} is listed`);
  return entry;
}

async function memberByEmail(adapter: SeatkitAdapter, email: string): Promise<Member> {
  const entry = await entryByEmail(adapter, email);
  ok(entry.kind === 'member', `${email} is a member`);
  return entry;
}
