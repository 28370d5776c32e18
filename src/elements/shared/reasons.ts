import type { Localizer, MessageKey } from '../../i18n/index.js';
import { lowestPlanWithRole, type Action, type Decision } from '../../rules/index.js';
import type { BillingSummary, Role } from '../../schemas/index.js';
import { errorText } from './errors.js';

/** What the rules decided about: who acts, on whom, giving which role. */
export interface DecisionFacts {
  action: Action;
  actor: { id: string; status: string } | null;
  target?: { id: string; role?: Role } | undefined;
  newRole?: Role | undefined;
}

const OVER_CAPACITY = {
  invite: { members: 'reason.overCapacity', pending: 'reason.overCapacityPending' },
  reactivate: {
    members: 'reason.overCapacityReactivate',
    pending: 'reason.overCapacityPendingReactivate',
  },
} as const;

/**
 * More seats in use (active members and pending invitations) than the plan allows, as a plan
 * downgrade leaves them: "6 of 5 seats: remove or deactivate 2 members to invite again.", or ''
 * when the plan's limit holds. A new seat needs a free one, so the count to free is the excess
 * plus one (6 of 5 → 2). The one wording of this state: the billing summary, the refused quotes
 * and the disabled Invite buttons all show it (a reactivation's quote: "… before reactivating
 * anyone.").
 */
export function overCapacityText(
  billing: BillingSummary | null,
  l: Localizer,
  adding: keyof typeof OVER_CAPACITY = 'invite',
): string {
  const max = billing?.plan.maxSeats ?? null;
  if (!billing || max === null) return '';
  const used = billing.activeSeats + billing.pendingInvitations;
  if (used <= max) return '';
  const keys = OVER_CAPACITY[adding];
  return l.tp(billing.pendingInvitations > 0 ? keys.pending : keys.members, used - max + 1, {
    used,
    max,
  });
}

/**
 * Why a deactivated member can't be reactivated on this plan: reactivating puts their role back
 * into use, and the plan no longer offers it ("Supervisor needs the Pro plan or above. Change
 * their role first.").
 */
export function reactivateRoleText(role: Role, l: Localizer): string {
  return l.t('reason.reactivateRoleNotOnPlan', {
    role: l.t(`role.${role}`),
    plan: lowestPlanWithRole(role)?.name ?? '',
  });
}

const OWNER_ONLY: ReadonlySet<Action> = new Set(['transferOwnership', 'changePlan']);

const PROTECTED: Partial<Record<Action, MessageKey>> = {
  removeMember: 'reason.ownerProtected.removeMember',
  deactivateMember: 'reason.ownerProtected.deactivateMember',
  changeRole: 'reason.ownerProtected.changeRole',
};

const SELF: Partial<Record<Action, MessageKey>> = {
  removeMember: 'reason.self.removeMember',
  deactivateMember: 'reason.self.deactivateMember',
  changeRole: 'reason.self.changeRole',
  transferOwnership: 'reason.self.transferOwnership',
};

function forbidden(facts: DecisionFacts, l: Localizer): string {
  const { action, actor, target, newRole } = facts;
  if (actor && actor.status !== 'active') return l.t('reason.deactivatedActor');
  const self = SELF[action];
  if (self && target && actor && target.id === actor.id) return l.t(self);
  if (newRole === 'owner') return l.t('reason.makeOwner');
  return l.t(OWNER_ONLY.has(action) ? 'reason.onlyOwner' : 'reason.onlyManagers', {
    verb: l.t(`reason.verb.${action}`),
  });
}

function conflict(facts: DecisionFacts, l: Localizer): string | null {
  switch (facts.action) {
    case 'reactivateMember':
      return l.t('reason.alreadyActive');
    case 'deactivateMember':
      return l.t('reason.alreadyDeactivated');
    case 'transferOwnership':
      return l.t('reason.transferNeedsActive');
    default:
      return null;
  }
}

/**
 * Why the rules refused, in the page's language. The rules word their reasons in English; in
 * English they are shown as they are, in any other language the catalogue's sentence for the
 * decision's stable code and facts is shown (the rules' words remain the fallback).
 */
export function decisionText(decision: Decision, facts: DecisionFacts, l: Localizer): string {
  if (decision.allowed) return '';
  // The catalogue's words in every language: the quote's refusal for the same member says the same.
  if (
    decision.code === 'role_not_on_plan' &&
    facts.action === 'reactivateMember' &&
    facts.target?.role
  )
    return reactivateRoleText(facts.target.role, l);
  if (l.language === 'en') return decision.reason;
  switch (decision.code) {
    case 'forbidden':
      return forbidden(facts, l);
    case 'owner_protected': {
      const key = PROTECTED[facts.action];
      return key ? l.t(key) : l.t('error.ownerProtected');
    }
    case 'conflict':
      return conflict(facts, l) ?? decision.reason;
    case 'role_not_on_plan': {
      const plan = facts.newRole ? lowestPlanWithRole(facts.newRole) : undefined;
      return facts.newRole && plan
        ? l.t('role.needsPlan', { role: l.t(`role.${facts.newRole}`), plan: plan.name })
        : l.t('error.roleNotOnPlan');
    }
    default:
      return errorText({ code: decision.code, message: decision.reason }, l);
  }
}
