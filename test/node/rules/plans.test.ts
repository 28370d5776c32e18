import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Plan } from '../../../src/schemas/index.js';
import {
  PLANS,
  findPlan,
  lowestPlanWithRole,
  planAllowsRole,
  seatPrice,
} from '../../../src/rules/index.js';

describe('plans', () => {
  const table = [
    {
      id: 'essentials',
      name: 'Essentials',
      monthly: 1900,
      annual: 18000,
      max: 5,
      supervisor: false,
    },
    { id: 'team', name: 'Team', monthly: 2900, annual: 28800, max: null, supervisor: false },
    { id: 'pro', name: 'Pro', monthly: 4900, annual: 46800, max: null, supervisor: true },
    {
      id: 'enterprise',
      name: 'Enterprise',
      monthly: 7900,
      annual: 76800,
      max: null,
      supervisor: true,
    },
  ];

  it('lists the four demo plans in order', () => {
    assert.deepEqual(
      PLANS.map((p) => p.id),
      table.map((t) => t.id),
    );
  });

  for (const t of table) {
    it(`${t.id}: prices, limits and roles match the product rules`, () => {
      const plan = findPlan(t.id);
      assert.ok(plan);
      assert.equal(Plan.safeParse(plan).success, true, 'matches the wire schema');
      assert.equal(plan.name, t.name);
      assert.equal(seatPrice(plan, 'monthly'), t.monthly);
      assert.equal(seatPrice(plan, 'annual'), t.annual);
      assert.equal(plan.minSeats, 2);
      assert.equal(plan.maxSeats, t.max);
      assert.equal(planAllowsRole(plan, 'supervisor'), t.supervisor);
      for (const role of ['owner', 'admin', 'agent'] as const)
        assert.equal(planAllowsRole(plan, role), true);
    });
  }

  it('findPlan returns undefined for an unknown id and searches a given catalogue', () => {
    assert.equal(findPlan('gold'), undefined);
    const custom = [{ ...PLANS[0]!, id: 'gold' }];
    assert.equal(findPlan('gold', custom)?.id, 'gold');
    assert.equal(findPlan('team', custom), undefined);
  });

  it('Supervisor needs the Pro plan or above', () => {
    assert.equal(lowestPlanWithRole('supervisor')?.name, 'Pro');
    assert.equal(lowestPlanWithRole('agent')?.name, 'Essentials');
    assert.equal(lowestPlanWithRole('supervisor', [PLANS[0]!, PLANS[1]!]), undefined);
    // Cheapest by price, whatever the catalogue order.
    assert.equal(lowestPlanWithRole('supervisor', [...PLANS].reverse())?.name, 'Pro');
  });

  it('the catalogue cannot be mutated by a caller', () => {
    assert.throws(() => {
      (PLANS[0] as { maxSeats: number | null }).maxSeats = 99;
    });
    assert.equal(findPlan('essentials')?.maxSeats, 5);
  });
});
