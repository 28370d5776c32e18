import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Quote, type BillingPeriod, type Change, type Plan } from '../../../src/schemas/index.js';
import {
  PLANS,
  activateSeat,
  capacityLeft,
  capacityUsed,
  checkCapacity,
  cycleAt,
  findPlan,
  initialPaidSeats,
  nextInvoice,
  prorate,
  quoteChange,
  renewIfDue,
  seatPrice,
  type SeatState,
} from '../../../src/rules/index.js';

const d = (iso: string) => new Date(iso);
const plan = (id: string): Plan => findPlan(id)!;
const NOV = { start: d('2026-11-01T00:00:00Z'), end: d('2026-12-01T00:00:00Z') };
const TODAY = d('2026-11-16T09:30:00Z');

function state(overrides: Partial<SeatState> & { active: number }): SeatState {
  const p = overrides.plan ?? plan('team');
  return {
    plan: p,
    period: 'monthly',
    cycle: NOV,
    pending: 0,
    paidSeats: initialPaidSeats(p, overrides.active),
    ...overrides,
  };
}

function quote(
  s: SeatState,
  change: Change,
  now: Date,
  target?: { status: 'active' | 'deactivated' },
): Quote {
  const q = quoteChange(s, change, now, target);
  assert.equal(Quote.safeParse(q).success, true, 'quote matches the wire schema');
  return q;
}

describe('seats: worked examples from the product rules', () => {
  it('Team monthly, 5 active, Nov 16: inviting a 6th shows $14.50 now and $174.00 next invoice on Dec 1', () => {
    const q = quote(state({ active: 5 }), { kind: 'invite' }, TODAY);
    assert.equal(q.allowed, true);
    assert.equal(q.dueNow, 1450);
    assert.deepEqual(q.proration, {
      perSeat: 2900,
      remainingDays: 15,
      cycleDays: 30,
      amount: 1450,
    });
    assert.equal(q.chargedSeats, 1);
    assert.deepEqual([q.activeBefore, q.activeAfter, q.paidBefore, q.paidAfter], [5, 6, 5, 6]);
    assert.deepEqual(q.nextInvoice, { amount: 17400, seats: 6, date: '2026-12-01T00:00:00.000Z' });
    const accepted = activateSeat(state({ active: 5 }), TODAY);
    assert.equal(accepted.charge, 1450);
    assert.deepEqual(nextInvoice(accepted.state), {
      amount: 17400,
      seats: 6,
      date: '2026-12-01T00:00:00.000Z',
    });
  });

  for (const p of PLANS) {
    it(`${p.name}: 1 active member is billed for 2 seats; accepting a 2nd costs $0.00`, () => {
      const s = state({ plan: p, active: 1 });
      assert.equal(s.paidSeats, 2);
      assert.deepEqual(nextInvoice(s), {
        amount: 2 * seatPrice(p, 'monthly'),
        seats: 2,
        date: '2026-12-01T00:00:00.000Z',
      });
      assert.equal(quote(s, { kind: 'invite' }, TODAY).dueNow, 0);
      const { charge, state: after } = activateSeat(s, TODAY);
      assert.equal(charge, 0);
      assert.deepEqual([after.active, after.paidSeats], [2, 2]);
      // The 3rd is charged.
      assert.equal(activateSeat(after, TODAY).charge, prorate(seatPrice(p, 'monthly'), NOV, TODAY));
    });
  }

  it('remove one of 6 on day 10, a new member accepts on day 20: $0.00', () => {
    const s = state({ active: 6 });
    const removal = quote(s, { kind: 'remove', memberId: 'm6' }, d('2026-11-10T12:00:00Z'), {
      status: 'active',
    });
    assert.deepEqual([removal.dueNow, removal.activeAfter, removal.paidAfter], [0, 5, 6]);
    assert.equal(removal.nextInvoice.amount, 5 * 2900);
    const afterRemoval: SeatState = { ...s, active: 5 };
    assert.equal(quote(afterRemoval, { kind: 'invite' }, d('2026-11-20T08:00:00Z')).dueNow, 0);
    const { charge, state: after } = activateSeat(afterRemoval, d('2026-11-20T08:00:00Z'));
    assert.equal(charge, 0);
    assert.deepEqual([after.active, after.paidSeats], [6, 6]);
  });
});

describe('seats: proration', () => {
  const cases: [string, number, { start: Date; end: Date }, string, number][] = [
    ['half a 30-day month', 2900, NOV, '2026-11-16T23:59:59Z', 1450],
    ['first day: the full price', 2900, NOV, '2026-11-01T00:00:00Z', 2900],
    ['last day: one day', 2900, NOV, '2026-11-30T10:00:00Z', 97], // 96.67 -> 97
    [
      'rounds half up',
      1900,
      { start: d('2026-02-01T00:00:00Z'), end: d('2026-03-01T00:00:00Z') },
      '2026-02-15T00:00:00Z',
      950,
    ], // 1900*14/28 = 950
    [
      'exact .5 rounds up',
      1,
      { start: d('2026-02-01T00:00:00Z'), end: d('2026-03-01T00:00:00Z') },
      '2026-02-15T00:00:00Z',
      1,
    ], // 0.5 -> 1
    [
      'just below .5 rounds down',
      2900,
      { start: d('2026-12-01T00:00:00Z'), end: d('2027-01-01T00:00:00Z') },
      '2026-12-17T00:00:00Z',
      1403,
    ], // 2900*15/31 = 1403.2
    ['after the cycle: nothing', 2900, NOV, '2026-12-02T00:00:00Z', 0],
    [
      'annual, 365-day year, 100 days left',
      28800,
      { start: d('2026-11-01T00:00:00Z'), end: d('2027-11-01T00:00:00Z') },
      '2027-07-24T00:00:00Z',
      7890,
    ], // 28800*100/365 = 7890.41
    [
      'annual, leap year, 183 days left',
      46800,
      { start: d('2027-11-01T00:00:00Z'), end: d('2028-11-01T00:00:00Z') },
      '2028-05-02T00:00:00Z',
      23400,
    ], // 46800*183/366 = 23400
  ];
  for (const [name, perSeat, cycle, now, expected] of cases) {
    it(name, () => assert.equal(prorate(perSeat, cycle, d(now)), expected));
  }

  it('annual billing: inviting on Team annual mid-year charges the prorated yearly price', () => {
    const year = cycleAt(d('2026-11-01T00:00:00Z'), 'annual', TODAY);
    const s = state({ active: 5, period: 'annual', cycle: year });
    const q = quote(s, { kind: 'invite' }, TODAY);
    // 365-day cycle, 350 days left from Nov 16: 28800 * 350 / 365 = 27616.44
    assert.deepEqual(q.proration, {
      perSeat: 28800,
      remainingDays: 350,
      cycleDays: 365,
      amount: 27616,
    });
    assert.equal(q.dueNow, 27616);
    assert.deepEqual(q.nextInvoice, {
      amount: 6 * 28800,
      seats: 6,
      date: '2027-11-01T00:00:00.000Z',
    });
  });

  it('uses integer math: no float error on large prices', () => {
    // 3 * 10 / 30 in floats is 0.9999999999999999 * ..., integers give exactly 1.
    assert.equal(prorate(3, NOV, d('2026-11-21T00:00:00Z')), 1);
    assert.equal(prorate(123_456_789, NOV, d('2026-11-16T00:00:00Z')), 61_728_395); // 61728394.5 -> up
  });
});

describe('seats: capacity', () => {
  it('counts active members and pending invitations against Essentials max 5', () => {
    const s = state({ plan: plan('essentials'), active: 3, pending: 1 });
    assert.equal(capacityUsed(s), 4);
    assert.equal(capacityLeft(s), 1);
    assert.equal(checkCapacity(s, 1), null);
    const refusal = checkCapacity(s, 2);
    assert.equal(refusal?.code, 'capacity_exceeded');
    assert.match(refusal?.message ?? '', /^Essentials allows up to 5 seats\. 1 is free/);
    assert.match(checkCapacity({ ...s, pending: 2 }, 1)?.message ?? '', /All of them are taken/);
  });

  it('plans without a max are unlimited', () => {
    const s = state({ active: 500, pending: 500 });
    assert.equal(capacityLeft(s), null);
    assert.equal(checkCapacity(s, 100_000), null);
  });

  it('capacityLeft never goes below 0 when already over (e.g. after a downgrade)', () => {
    assert.equal(capacityLeft(state({ plan: plan('essentials'), active: 7 })), 0);
  });
});

describe('seats: quotes', () => {
  const ess = (active: number, pending = 0) => state({ plan: plan('essentials'), active, pending });

  it('bulk invite: only seats above paidSeats are charged, one prorated line each', () => {
    const s = { ...state({ active: 4 }), paidSeats: 6 };
    const q = quote(s, { kind: 'bulkInvite', count: 5 }, TODAY);
    assert.deepEqual([q.chargedSeats, q.dueNow, q.activeAfter, q.paidAfter], [3, 3 * 1450, 9, 9]);
    assert.deepEqual(q.capacity, { used: 9, max: null });
    assert.equal(q.nextInvoice.amount, 9 * 2900);
    const none = quote(s, { kind: 'bulkInvite', count: 0 }, TODAY);
    assert.deepEqual([none.allowed, none.dueNow, none.chargedSeats], [true, 0, 0]);
  });

  it('bulk invite beyond capacity is refused and costs nothing', () => {
    const q = quote(ess(2, 1), { kind: 'bulkInvite', count: 3 }, TODAY);
    assert.equal(q.allowed, false);
    assert.equal(q.refusal?.code, 'capacity_exceeded');
    assert.deepEqual([q.dueNow, q.chargedSeats, q.activeAfter, q.paidAfter], [0, 0, 2, 2]);
    assert.deepEqual(q.capacity, { used: 3, max: 5 });
    assert.equal(quote(ess(2, 1), { kind: 'bulkInvite', count: 2 }, TODAY).allowed, true);
  });

  it('invite on a full Essentials plan is refused', () => {
    const q = quote(ess(4, 1), { kind: 'invite' }, TODAY);
    assert.deepEqual([q.allowed, q.refusal?.code, q.dueNow], [false, 'capacity_exceeded', 0]);
  });

  for (const kind of ['remove', 'deactivate'] as const) {
    it(`${kind} an active member: nothing due, no refund, next invoice drops`, () => {
      const q = quote(state({ active: 6 }), { kind, memberId: 'm' }, TODAY, { status: 'active' });
      assert.equal(q.allowed, true);
      assert.deepEqual([q.dueNow, q.chargedSeats, q.activeAfter, q.paidAfter], [0, 0, 5, 6]);
      assert.deepEqual(q.nextInvoice, {
        amount: 5 * 2900,
        seats: 5,
        date: '2026-12-01T00:00:00.000Z',
      });
      assert.deepEqual(q.capacity, { used: 5, max: null });
    });
  }

  it('removing down to 1 still bills the 2-seat minimum', () => {
    const q = quote(state({ active: 2 }), { kind: 'remove', memberId: 'm' }, TODAY, {
      status: 'active',
    });
    assert.deepEqual(q.nextInvoice, {
      amount: 2 * 2900,
      seats: 2,
      date: '2026-12-01T00:00:00.000Z',
    });
  });

  it('removing a deactivated member changes no seat', () => {
    const q = quote(state({ active: 6 }), { kind: 'remove', memberId: 'm' }, TODAY, {
      status: 'deactivated',
    });
    assert.deepEqual([q.allowed, q.activeAfter, q.nextInvoice.seats], [true, 6, 6]);
  });

  it('deactivating a deactivated member is refused (conflict)', () => {
    const q = quote(state({ active: 6 }), { kind: 'deactivate', memberId: 'm' }, TODAY, {
      status: 'deactivated',
    });
    assert.deepEqual(
      [q.allowed, q.refusal?.code, q.dueNow, q.activeAfter],
      [false, 'conflict', 0, 6],
    );
  });

  it('reactivate: charged like an activation, within capacity', () => {
    const q = quote(state({ active: 5 }), { kind: 'reactivate', memberId: 'm' }, TODAY, {
      status: 'deactivated',
    });
    assert.deepEqual([q.allowed, q.dueNow, q.activeAfter, q.paidAfter], [true, 1450, 6, 6]);
    const freeSeat = quote(
      { ...state({ active: 5 }), paidSeats: 6 },
      { kind: 'reactivate', memberId: 'm' },
      TODAY,
      {
        status: 'deactivated',
      },
    );
    assert.equal(freeSeat.dueNow, 0);
    const full = quote(ess(5), { kind: 'reactivate', memberId: 'm' }, TODAY, {
      status: 'deactivated',
    });
    assert.deepEqual(
      [full.allowed, full.refusal?.code, full.dueNow],
      [false, 'capacity_exceeded', 0],
    );
    const active = quote(state({ active: 5 }), { kind: 'reactivate', memberId: 'm' }, TODAY, {
      status: 'active',
    });
    assert.deepEqual([active.allowed, active.refusal?.code, active.dueNow], [false, 'conflict', 0]);
  });
});

describe('seats: renewal', () => {
  it('rolls over one boundary: one invoice, paid seats reset to max(minSeats, active)', () => {
    const anchor = d('2026-11-01T00:00:00Z');
    const s = { ...state({ active: 4 }), paidSeats: 7 };
    const { state: renewed, invoices } = renewIfDue(s, anchor, d('2026-12-01T00:00:00Z'));
    assert.deepEqual(invoices, [{ amount: 4 * 2900, seats: 4, date: '2026-12-01T00:00:00.000Z' }]);
    assert.equal(renewed.paidSeats, 4);
    assert.deepEqual(
      [renewed.cycle.start.toISOString(), renewed.cycle.end.toISOString()],
      ['2026-12-01T00:00:00.000Z', '2027-01-01T00:00:00.000Z'],
    );
  });

  it('not due: nothing changes', () => {
    const s = state({ active: 4 });
    const result = renewIfDue(s, d('2026-11-01T00:00:00Z'), d('2026-11-30T23:59:59Z'));
    assert.deepEqual(result, { state: s, invoices: [] });
  });

  it('several boundaries from a Jan 31 anchor: one invoice per renewal, month-end dates', () => {
    const anchor = d('2026-01-31T00:00:00Z');
    const s = state({ active: 1, cycle: cycleAt(anchor, 'monthly', anchor) });
    const { state: renewed, invoices } = renewIfDue(s, anchor, d('2026-05-01T00:00:00Z'));
    assert.deepEqual(
      invoices.map((i) => [i.date.slice(0, 10), i.seats, i.amount]),
      [
        ['2026-02-28', 2, 5800],
        ['2026-03-31', 2, 5800],
        ['2026-04-30', 2, 5800],
      ],
    );
    assert.equal(renewed.cycle.start.toISOString().slice(0, 10), '2026-04-30');
    assert.equal(renewed.cycle.end.toISOString().slice(0, 10), '2026-05-31');
  });
});

describe('seats: properties', () => {
  const periods: BillingPeriod[] = ['monthly', 'annual'];
  const arbState = fc
    .record({
      planIndex: fc.integer({ min: 0, max: PLANS.length - 1 }),
      period: fc.constantFrom(...periods),
      anchorMs: fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2035, 0, 1) }),
      offsetMs: fc.integer({ min: -40 * 86_400_000, max: 800 * 86_400_000 }),
      active: fc.integer({ min: 0, max: 50 }),
      pending: fc.integer({ min: 0, max: 10 }),
      extraPaid: fc.integer({ min: 0, max: 5 }),
    })
    .map(({ planIndex, period, anchorMs, offsetMs, active, pending, extraPaid }) => {
      const p = PLANS[planIndex]!;
      const anchor = new Date(anchorMs);
      const now = new Date(anchorMs + offsetMs);
      const s: SeatState = {
        plan: p,
        period,
        cycle: cycleAt(anchor, period, now),
        active,
        pending,
        paidSeats: initialPaidSeats(p, active) + extraPaid,
      };
      return { s, now, anchor };
    });

  it('a charge is never negative and never more than one full period’s price', () => {
    fc.assert(
      fc.property(arbState, ({ s, now }) => {
        const { charge } = activateSeat(s, now);
        const price = seatPrice(s.plan, s.period);
        assert.ok(charge >= 0 && charge <= price, `charge ${charge}, price ${price}`);
        assert.ok(Number.isInteger(charge));
      }),
    );
  });

  it('a seat is never charged twice in one cycle: only activations beyond paidSeats pay', () => {
    fc.assert(
      fc.property(
        arbState,
        fc.array(fc.constantFrom('activate', 'remove'), { maxLength: 30 }),
        ({ s, now }, steps) => {
          let current = s;
          let charged = 0;
          let maxActive = s.active;
          for (const step of steps) {
            if (step === 'remove') {
              if (current.active > 0) current = { ...current, active: current.active - 1 };
              continue;
            }
            const { charge, state: next } = activateSeat(current, now);
            const beyondPaid = current.active + 1 > current.paidSeats;
            assert.equal(
              charge,
              beyondPaid ? prorate(seatPrice(s.plan, s.period), s.cycle, now) : 0,
            );
            if (beyondPaid) charged++;
            current = next;
            maxActive = Math.max(maxActive, current.active);
          }
          // Seats paid = those at the start + one per charged activation = the peak head count.
          assert.equal(current.paidSeats, s.paidSeats + charged);
          assert.equal(current.paidSeats, Math.max(s.paidSeats, maxActive));
        },
      ),
    );
  });

  it('the next invoice is never below minSeats × price, and quotes never charge a refused change', () => {
    fc.assert(
      fc.property(
        arbState,
        fc.oneof(
          fc.constant<Change>({ kind: 'invite' }),
          fc.integer({ min: 0, max: 20 }).map((count): Change => ({ kind: 'bulkInvite', count })),
          fc.constant<Change>({ kind: 'remove', memberId: 'm' }),
          fc.constant<Change>({ kind: 'deactivate', memberId: 'm' }),
          fc.constant<Change>({ kind: 'reactivate', memberId: 'm' }),
        ),
        fc.constantFrom('active' as const, 'deactivated' as const),
        ({ s, now }, change, status) => {
          const floor = s.plan.minSeats * seatPrice(s.plan, s.period);
          assert.ok(nextInvoice(s).amount >= floor);
          const q = quoteChange(s, change, now, { status });
          assert.ok(q.nextInvoice.amount >= floor);
          assert.ok(q.dueNow >= 0);
          assert.equal(q.dueNow, q.chargedSeats * q.proration.amount);
          if (!q.allowed) assert.equal(q.dueNow, 0);
          // Anything that adds a seat stays within the plan (a state already over it, e.g. after a
          // downgrade, may still add nothing).
          if (q.allowed && s.plan.maxSeats !== null && q.capacity.used > capacityUsed(s))
            assert.ok(
              q.capacity.used <= s.plan.maxSeats,
              'an allowed addition stays within capacity',
            );
        },
      ),
    );
  });

  it('renewal resets paid seats and never invoices below the minimum', () => {
    fc.assert(
      fc.property(arbState, fc.integer({ min: 0, max: 400 }), ({ s, now, anchor }, days) => {
        const later = new Date(now.getTime() + days * 86_400_000);
        const { state: renewed, invoices } = renewIfDue(s, anchor, later);
        assert.ok(later.getTime() < renewed.cycle.end.getTime());
        for (const invoice of invoices)
          assert.ok(invoice.amount >= s.plan.minSeats * seatPrice(s.plan, s.period));
        if (invoices.length > 0)
          assert.equal(renewed.paidSeats, initialPaidSeats(s.plan, s.active));
      }),
    );
  });
});
