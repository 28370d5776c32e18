import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES, type MemberStatus, type Role } from '../../../src/schemas/index.js';
import {
  ACTIONS,
  decide,
  findPlan,
  type Action,
  type Actor,
  type Target,
} from '../../../src/rules/index.js';

/** The role table of docs/product-rules.md, as decided for the actions. */
const WHO_MAY: Record<Action, string> = {
  viewTeam: 'owner admin supervisor agent',
  viewInvitations: 'owner admin',
  viewPhoneNumbers: 'owner admin',
  viewBilling: 'owner admin',
  quote: 'owner admin',
  viewRemovalImpact: 'owner admin',
  invite: 'owner admin',
  resendInvitation: 'owner admin',
  revokeInvitation: 'owner admin',
  changeRole: 'owner admin',
  assignPhoneNumber: 'owner admin',
  removeMember: 'owner admin',
  deactivateMember: 'owner admin',
  reactivateMember: 'owner admin',
  transferOwnership: 'owner',
  changePlan: 'owner',
};
/** Actions that may never touch the owner, or the actor themselves. */
const OWNER_PROTECTED: Action[] = ['removeMember', 'deactivateMember', 'changeRole'];
const NOT_SELF: Action[] = ['removeMember', 'deactivateMember', 'changeRole', 'transferOwnership'];
/** The status the target must have. */
const NEEDS_STATUS: Partial<Record<Action, MemberStatus>> = {
  reactivateMember: 'deactivated',
  deactivateMember: 'active',
  transferOwnership: 'active',
};

type Expected = 'allowed' | 'forbidden' | 'owner_protected' | 'conflict';

function expected(actor: Actor, action: Action, target?: Target): Expected {
  if (actor.status !== 'active') return 'forbidden';
  if (!WHO_MAY[action].split(' ').includes(actor.role)) return 'forbidden';
  if (target) {
    if (OWNER_PROTECTED.includes(action) && target.role === 'owner') return 'owner_protected';
    if (NOT_SELF.includes(action) && target.id === actor.id) return 'forbidden';
    const needs = NEEDS_STATUS[action];
    if (needs && target.status !== needs) return 'conflict';
  }
  return 'allowed';
}

describe('permissions: the full role × action × target table', () => {
  it('ACTIONS lists every action once', () => {
    assert.deepEqual([...ACTIONS].sort(), Object.keys(WHO_MAY).sort());
  });

  const statuses: MemberStatus[] = ['active', 'deactivated'];
  const targets: (Target | 'self' | undefined)[] = [undefined, 'self'];
  for (const role of ROLES)
    for (const status of statuses) targets.push({ id: `t-${role}-${status}`, role, status });

  let rows = 0;
  for (const actorRole of ROLES) {
    for (const actorStatus of statuses) {
      const actor: Actor = { id: 'me', role: actorRole, status: actorStatus };
      for (const action of ACTIONS) {
        it(`${actorStatus} ${actorRole}: ${action}`, () => {
          for (const t of targets) {
            const target = t === 'self' ? { ...actor } : t;
            const want = expected(actor, action, target);
            const got = decide(actor, action, target ? { target } : {});
            const label = `${action} on ${target ? `${target.status} ${target.role}${t === 'self' ? ' (self)' : ''}` : 'no target'}`;
            if (want === 'allowed') assert.deepEqual(got, { allowed: true }, label);
            else {
              assert.equal(got.allowed, false, label);
              if (!got.allowed) {
                assert.equal(got.code, want, label);
                assert.ok(got.reason.length > 0, label);
              }
            }
            rows++;
          }
        });
      }
    }
  }
  it('covered every combination', () =>
    assert.equal(rows, ROLES.length * 2 * ACTIONS.length * (2 + ROLES.length * 2)));
});

describe('permissions: reasons and roles', () => {
  const owner: Actor = { id: 'o', role: 'owner', status: 'active' };
  const admin: Actor = { id: 'a', role: 'admin', status: 'active' };
  const ownerTarget: Target = { id: 'o', role: 'owner', status: 'active' };
  const agent: Target = { id: 'g', role: 'agent', status: 'active' };

  it("the owner can't be removed: transfer ownership first", () => {
    assert.deepEqual(decide(admin, 'removeMember', { target: ownerTarget }), {
      allowed: false,
      code: 'owner_protected',
      reason: "The owner can't be removed. Transfer ownership first.",
    });
    assert.equal(decide(owner, 'removeMember', { target: ownerTarget }).allowed, false);
  });

  it('a deactivated actor may do nothing, not even view the team', () => {
    const d = decide({ ...owner, status: 'deactivated' }, 'viewTeam');
    assert.deepEqual(d.allowed ? null : d.code, 'forbidden');
  });

  it('an agent is told who may act', () => {
    const d = decide({ id: 'x', role: 'agent', status: 'active' }, 'invite');
    assert.equal(d.allowed ? '' : d.reason, 'Only the owner or an admin can invite members.');
    const t = decide(admin, 'transferOwnership', { target: agent });
    assert.equal(t.allowed ? '' : t.reason, 'Only the owner can transfer ownership.');
  });

  const team = findPlan('team')!;
  const pro = findPlan('pro')!;
  const roleCases: [string, Actor, Action, Role, typeof team, Expected | 'role_not_on_plan'][] = [
    ['admin makes an agent an admin', admin, 'changeRole', 'admin', team, 'allowed'],
    ['nobody makes someone owner by changeRole', owner, 'changeRole', 'owner', pro, 'forbidden'],
    ['nobody invites an owner', owner, 'invite', 'owner', pro, 'forbidden'],
    ['Supervisor on Team is refused', admin, 'changeRole', 'supervisor', team, 'role_not_on_plan'],
    [
      'Supervisor invite on Team is refused',
      owner,
      'invite',
      'supervisor',
      team,
      'role_not_on_plan',
    ],
    ['Supervisor on Pro is fine', admin, 'changeRole', 'supervisor', pro, 'allowed'],
    ['Supervisor invite on Pro is fine', admin, 'invite', 'supervisor', pro, 'allowed'],
  ];
  for (const [name, actor, action, newRole, plan, want] of roleCases) {
    it(name, () => {
      const got = decide(actor, action, {
        target: action === 'changeRole' ? agent : undefined,
        newRole,
        plan,
      });
      assert.equal(got.allowed ? 'allowed' : got.code, want);
    });
  }

  it('the role_not_on_plan reason names the plan needed', () => {
    const got = decide(admin, 'changeRole', { target: agent, newRole: 'supervisor', plan: team });
    assert.equal(got.allowed ? '' : got.reason, 'Supervisor needs the Pro plan or above');
  });

  it('a deactivated supervisor on Team (a downgrade) is not reactivated until their role changes', () => {
    const supervisor = { id: 'sup', role: 'supervisor' as const, status: 'deactivated' as const };
    const got = decide(admin, 'reactivateMember', { target: supervisor, plan: team });
    assert.deepEqual(got, {
      allowed: false,
      code: 'role_not_on_plan',
      reason: 'Supervisor needs the Pro plan or above. Change their role first.',
    });
    assert.equal(
      decide(admin, 'reactivateMember', { target: supervisor, plan: pro }).allowed,
      true,
    );
    const agentBack = { ...supervisor, role: 'agent' as const };
    assert.equal(
      decide(admin, 'reactivateMember', { target: agentBack, plan: team }).allowed,
      true,
    );
  });

  it("the owner's own role can't be changed, even to owner", () => {
    const got = decide(owner, 'changeRole', { target: ownerTarget, newRole: 'admin', plan: pro });
    assert.equal(got.allowed ? '' : got.code, 'owner_protected');
  });
});
