import type { Plan, Role } from '../../schemas/index.js';
import type { InviteProblem, TeamSnapshot } from '../../rules/index.js';
import { compactPhoneNumber, lowestPlanWithRole, memberStatusOf } from '../../rules/index.js';
import type { Localizer, MessageKey } from '../../i18n/index.js';

/** The translate function of localize(). */
export type Translate = Localizer['t'];

const ROLE_KEYS: Record<string, MessageKey> = {
  owner: 'invite.role.owner',
  admin: 'invite.role.admin',
  supervisor: 'invite.role.supervisor',
  agent: 'invite.role.agent',
};

/** A role's display name; unknown roles are shown as typed. */
export function roleName(t: Translate, role: string): string {
  const key = ROLE_KEYS[role.trim().toLowerCase()];
  return key ? t(key) : role;
}

/** "Supervisor needs the Pro plan or above" for a role the plan lacks. */
export function roleNeedsPlanText(t: Translate, role: Role): string {
  const plan = lowestPlanWithRole(role);
  return t('invite.role.needsPlan', { role: roleName(t, role), plan: plan?.name ?? '' });
}

export interface ProblemContext {
  email: string;
  role: string;
  phoneNumber: string | null;
  team: TeamSnapshot | null;
  /** Row of the first occurrence of a duplicated email (bulk only). */
  firstRow?: number | undefined;
  /** A CSV row (bulk invite), which cannot confirm moving a number. */
  bulk?: boolean;
}

/**
 * One problem from the rules, in the page's language. The rules' own message (English) is only
 * a fallback for codes this catalogue doesn't know.
 */
export function problemText(
  t: Translate,
  problem: { code: InviteProblem['code'] | (string & {}); message: string },
  ctx: ProblemContext,
): string {
  const email = ctx.email.trim();
  const plan: Plan | undefined = ctx.team?.plan;
  switch (problem.code) {
    case 'missing_email':
    case 'invalid_email':
    case 'missing_role':
    case 'owner_not_invitable':
      return t(`invite.problem.${problem.code}` as MessageKey);
    case 'unknown_role':
      return t('invite.problem.unknown_role', { role: ctx.role });
    case 'role_not_on_plan': {
      const role = ctx.role.trim().toLowerCase() as Role;
      return t('invite.problem.role_not_on_plan', {
        role: roleName(t, role),
        plan: lowestPlanWithRole(role)?.name ?? '',
      });
    }
    case 'already_member': {
      const status = ctx.team ? memberStatusOf(ctx.team, email) : undefined;
      return t(
        status === 'deactivated'
          ? 'invite.problem.already_member_deactivated'
          : 'invite.problem.already_member',
        { email },
      );
    }
    case 'already_invited':
      return t('invite.problem.already_invited', { email });
    case 'duplicate_in_file':
      return ctx.firstRow === undefined
        ? t('invite.problem.duplicate_in_file_plain', { email })
        : t('invite.problem.duplicate_in_file', { email, first: ctx.firstRow });
    case 'invalid_phone_number':
    case 'unknown_phone_number':
      return t(`invite.problem.${problem.code}` as MessageKey, { number: ctx.phoneNumber ?? '' });
    case 'number_in_use':
    case 'owner_number': {
      const number = compactPhoneNumber(ctx.phoneNumber ?? '');
      const holder = ctx.team?.numberHolders?.get(number);
      // The backend knew a holder this team has not loaded: its own words say who.
      if (!holder) return t('invite.problem.other', { message: problem.message });
      const key =
        problem.code === 'owner_number'
          ? 'invite.problem.owner_number'
          : ctx.bulk
            ? 'invite.problem.number_in_use_bulk'
            : 'invite.problem.number_in_use';
      return t(key, { number, name: holder.name });
    }
    case 'over_capacity':
      return t('invite.problem.over_capacity', {
        plan: plan?.name ?? '',
        max: plan?.maxSeats ?? '',
      });
    default:
      return t('invite.problem.other', { message: problem.message });
  }
}
