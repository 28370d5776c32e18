/**
 * Who may do what. The backend enforces this; the elements mirror it to hide or disable controls
 * with the reason.
 *
 * Decisions:
 * - A deactivated actor may do nothing (`forbidden`).
 * - viewTeam (the member directory: names, emails, roles, statuses, each member's numbers): every
 *   active role. viewInvitations (invitees' addresses), viewPhoneNumbers (the account's number
 *   list), viewBilling, quote, viewRemovalImpact: owner and admin.
 * - invite, resendInvitation, revokeInvitation, changeRole, assignPhoneNumber, removeMember,
 *   deactivateMember, reactivateMember: owner and admin.
 * - Nobody removes, deactivates or changes the role of the owner (`owner_protected`), nor of
 *   themselves (`forbidden`).
 * - Nobody gives the role `owner` by changeRole or invite (`forbidden`): owner is only reached by
 *   transferOwnership.
 * - A role the plan doesn't offer is refused with `role_not_on_plan` ("Supervisor needs the Pro
 *   plan or above"), for changeRole and invite, and for reactivating a member whose role the plan
 *   stopped offering (a downgrade); only checked when a plan is given.
 * - transferOwnership: only the owner, to an active member other than themselves.
 * - reactivateMember needs a deactivated target, deactivateMember an active one (`conflict`).
 * - changePlan: owner only.
 * Order of checks: actor status, actor role, target (owner, self, status), then the new role.
 */
import type { BatchAction, ErrorCode, MemberStatus, Plan, Role } from '../schemas/index.js';
import { lowestPlanWithRole, planAllowsRole } from './plans.js';

export type Action =
  | 'viewTeam'
  | 'viewInvitations'
  | 'viewPhoneNumbers'
  | 'viewBilling'
  | 'quote'
  | 'invite'
  | 'resendInvitation'
  | 'revokeInvitation'
  | 'changeRole'
  | 'assignPhoneNumber'
  | 'viewRemovalImpact'
  | 'removeMember'
  | 'deactivateMember'
  | 'reactivateMember'
  | 'transferOwnership'
  | 'changePlan';

export interface Actor {
  id: string;
  role: Role;
  status: MemberStatus;
}

export interface Target {
  id: string;
  role: Role;
  status: MemberStatus;
}

export type Decision = { allowed: true } | { allowed: false; code: ErrorCode; reason: string };

export const ACTIONS: readonly Action[] = Object.freeze([
  'viewTeam',
  'viewInvitations',
  'viewPhoneNumbers',
  'viewBilling',
  'quote',
  'invite',
  'resendInvitation',
  'revokeInvitation',
  'changeRole',
  'assignPhoneNumber',
  'viewRemovalImpact',
  'removeMember',
  'deactivateMember',
  'reactivateMember',
  'transferOwnership',
  'changePlan',
] as const);

const ALL_ACTIVE: readonly Role[] = ['owner', 'admin', 'supervisor', 'agent'];
const MANAGERS: readonly Role[] = ['owner', 'admin'];
const OWNER: readonly Role[] = ['owner'];

const WHO: Record<Action, readonly Role[]> = {
  viewTeam: ALL_ACTIVE,
  viewInvitations: MANAGERS,
  viewPhoneNumbers: MANAGERS,
  viewBilling: MANAGERS,
  quote: MANAGERS,
  viewRemovalImpact: MANAGERS,
  invite: MANAGERS,
  resendInvitation: MANAGERS,
  revokeInvitation: MANAGERS,
  changeRole: MANAGERS,
  assignPhoneNumber: MANAGERS,
  removeMember: MANAGERS,
  deactivateMember: MANAGERS,
  reactivateMember: MANAGERS,
  transferOwnership: OWNER,
  changePlan: OWNER,
};

/** What a refused actor is told, per action. */
const VERB: Record<Action, string> = {
  viewTeam: 'see the team',
  viewInvitations: 'see invitations',
  viewPhoneNumbers: "see the account's phone numbers",
  viewBilling: 'see billing',
  quote: 'see the cost of changes',
  viewRemovalImpact: 'see what removing a member does',
  invite: 'invite members',
  resendInvitation: 'resend invitations',
  revokeInvitation: 'revoke invitations',
  changeRole: 'change roles',
  assignPhoneNumber: 'assign phone numbers',
  removeMember: 'remove members',
  deactivateMember: 'deactivate members',
  reactivateMember: 'reactivate members',
  transferOwnership: 'transfer ownership',
  changePlan: 'change the plan',
};

/** Actions whose target may not be the owner or the actor. */
const PROTECTS_TARGET: Partial<Record<Action, string>> = {
  removeMember: "The owner can't be removed. Transfer ownership first.",
  deactivateMember: "The owner can't be deactivated. Transfer ownership first.",
  changeRole: "The owner's role can't be changed. Transfer ownership first.",
};
const SELF: Partial<Record<Action, string>> = {
  removeMember: "You can't remove yourself.",
  deactivateMember: "You can't deactivate yourself.",
  changeRole: "You can't change your own role.",
  transferOwnership: 'You already own this account. Choose another member.',
};

const ROLE_NAMES: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  supervisor: 'Supervisor',
  agent: 'Agent',
};

function no(code: ErrorCode, reason: string): Decision {
  return { allowed: false, code, reason };
}

/** Whether `actor` may do `action`, given the target member and the role being given, if any. */
export function decide(
  actor: Actor,
  action: Action,
  context: {
    target?: Target;
    newRole?: Role;
    plan?: Plan;
    /** the catalogue, to name the plan a role needs */ plans?: readonly Plan[];
  } = {},
): Decision {
  if (actor.status !== 'active') return no('forbidden', 'Your account is deactivated.');
  const allowedRoles = WHO[action];
  if (!allowedRoles.includes(actor.role)) {
    const who = allowedRoles === OWNER ? 'the owner' : 'the owner or an admin';
    return no('forbidden', `Only ${who} can ${VERB[action]}.`);
  }
  const { target, newRole, plan, plans } = context;
  if (target) {
    const ownerReason = PROTECTS_TARGET[action];
    if (ownerReason !== undefined && target.role === 'owner')
      return no('owner_protected', ownerReason);
    const selfReason = SELF[action];
    if (selfReason !== undefined && target.id === actor.id) return no('forbidden', selfReason);
    if (action === 'reactivateMember' && target.status !== 'deactivated')
      return no('conflict', 'This member is already active.');
    if (
      (action === 'deactivateMember' || action === 'transferOwnership') &&
      target.status !== 'active'
    )
      return no(
        'conflict',
        action === 'deactivateMember'
          ? 'This member is already deactivated.'
          : 'Ownership can only go to an active member. Reactivate them first.',
      );
    // A role the plan stopped offering (a downgrade) stays, but may not come back into use.
    if (action === 'reactivateMember' && plan && !planAllowsRole(plan, target.role))
      return no(
        'role_not_on_plan',
        `${roleNeeds(target.role, plan, plans)}. Change their role first.`,
      );
  }
  if (newRole !== undefined && (action === 'changeRole' || action === 'invite')) {
    if (newRole === 'owner')
      return no(
        'forbidden',
        'Nobody can be made owner this way. The owner transfers ownership instead.',
      );
    if (plan && !planAllowsRole(plan, newRole))
      return no('role_not_on_plan', roleNeeds(newRole, plan, plans));
  }
  return { allowed: true };
}

/** "Supervisor needs the Pro plan or above" (or, with no plan offering it, that this one doesn't). */
function roleNeeds(role: Role, plan: Plan, plans?: readonly Plan[]): string {
  const needed = lowestPlanWithRole(role, plans);
  return needed
    ? `${ROLE_NAMES[role]} needs the ${needed.name} plan or above`
    : `${ROLE_NAMES[role]} isn't available on the ${plan.name} plan`;
}

/**
 * The single action each bulk action is: who may do it at all, and the rules each of its items
 * follows. One table for the elements' bulk menu and the backend's batch.
 */
export const BATCH_ACTION_PERMISSION: Record<BatchAction, Action> = {
  changeRole: 'changeRole',
  resend: 'resendInvitation',
  revoke: 'revokeInvitation',
  deactivate: 'deactivateMember',
  reactivate: 'reactivateMember',
  remove: 'removeMember',
};
