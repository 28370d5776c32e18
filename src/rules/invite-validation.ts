/**
 * Validation of one invite (the dialog) and of bulk rows (the CSV), with the same rules.
 *
 * Decisions:
 * - Emails are trimmed and compared case-insensitively. An active or deactivated member is
 *   `already_member` (deactivated: "Reactivate them instead."); a pending invitation is
 *   `already_invited` ("Resend it instead."). An email whose only invitation expired (or was
 *   revoked) may be invited again: the backend replaces the old invitation.
 * - Roles are trimmed and case-insensitive; `owner` is never invitable.
 * - Phone numbers are optional; spaces, dashes, dots and brackets are ignored, the rest must be
 *   E.164 and one of the account's numbers. A number that already rings someone (a member or a
 *   ring group) moves to the invitee on acceptance only when the inviter confirmed the move
 *   (`moveNumber`; a CSV row cannot, so a bulk row takes unassigned numbers only), and a number
 *   of the owner's only when the owner invites.
 * - Capacity: a single invite is refused (`over_capacity`, alongside any other problem) when
 *   capacityLeft is 0. In a bulk upload only rows without other problems take a seat, in file
 *   order; valid rows beyond capacityLeft get `over_capacity`.
 * - Duplicates in a file: the first row with an email wins (whether or not it is valid); later
 *   rows get `duplicate_in_file` ("Same email as row 4").
 */
import { ROLES } from '../schemas/constants.js';
import type { InvitationStatus, InviteInput, MemberStatus, Plan, Role } from '../schemas/index.js';
import { checkEmail } from './emails.js';
import { lowestPlanWithRole, planAllowsRole } from './plans.js';

export type InviteProblemCode =
  | 'missing_email'
  | 'invalid_email'
  | 'missing_role'
  | 'unknown_role'
  | 'owner_not_invitable'
  | 'role_not_on_plan'
  | 'already_member'
  | 'already_invited'
  | 'duplicate_in_file'
  | 'invalid_phone_number'
  | 'unknown_phone_number'
  | 'number_in_use'
  | 'owner_number'
  | 'over_capacity';

export interface InviteProblem {
  field: 'email' | 'role' | 'phone_number' | null;
  code: InviteProblemCode;
  message: string;
}

export interface TeamSnapshot {
  plan: Plan;
  members: readonly { email: string; status: MemberStatus }[];
  invitations: readonly { email: string; status: InvitationStatus }[];
  /** The account's phone numbers (E.164). */
  phoneNumbers: readonly string[];
  /** Seats still free (active + pending against the plan's max); `null` = unlimited. */
  capacityLeft: number | null;
  /** Who each assigned number rings now (numbers not in it are unassigned). */
  numberHolders?: ReadonlyMap<string, NumberHolder>;
  /** Whether the one inviting is the owner (only the owner moves the owner's numbers). */
  viewerIsOwner?: boolean;
  /** The plan catalogue, to name the plan a role needs (default: PLANS). */
  plans?: readonly Plan[];
}

export interface NumberHolder {
  /** A member's name or a ring group's name. */
  name: string;
  /** The number rings the owner. */
  owner: boolean;
}

export interface RawInvite {
  email: string;
  role: string;
  phoneNumber?: string | null;
  /** The inviter confirmed that a number in use moves to the invitee on acceptance. */
  moveNumber?: boolean | null;
}

export interface InviteCheck {
  problems: InviteProblem[];
  /** The normalized invite, when there are no problems. */
  invite: InviteInput | null;
}

export interface BulkRow {
  /** The spreadsheet row number: the header is row 1, the first data row 2. */
  row: number;
  email: string;
  role: string;
  phoneNumber: string | null;
}

export interface BulkRowResult extends InviteCheck {
  row: number;
  raw: BulkRow;
  /** The email's canonical form when it is a valid address (how duplicates are matched). */
  canonical: string | null;
}

const ROLE_NAMES: Record<Role, string> = {
  owner: 'Owner',
  admin: 'Admin',
  supervisor: 'Supervisor',
  agent: 'Agent',
};
const E164 = /^\+[1-9]\d{1,14}$/;

/** A phone number as typed, without the spaces, dashes, dots and brackets people add. */
export function compactPhoneNumber(raw: string): string {
  return raw.trim().replace(/[\s().-]/g, '');
}

interface Lookup {
  members: Map<string, MemberStatus>;
  pending: Set<string>;
  phones: Set<string>;
}

/** Lookups per snapshot: a dialog checks every keystroke against the same (unchanged) team. */
const lookups = new WeakMap<TeamSnapshot, Lookup>();

function lookup(team: TeamSnapshot): Lookup {
  const cached = lookups.get(team);
  if (cached) return cached;
  const members = new Map<string, MemberStatus>();
  for (const m of team.members) members.set(m.email.trim().toLowerCase(), m.status);
  const pending = new Set<string>();
  for (const i of team.invitations)
    if (i.status === 'pending') pending.add(i.email.trim().toLowerCase());
  const known = { members, pending, phones: new Set(team.phoneNumbers) };
  lookups.set(team, known);
  return known;
}

/** The status of the member with this email (in any spelling of it), or undefined. */
export function memberStatusOf(team: TeamSnapshot, email: string): MemberStatus | undefined {
  const checked = checkEmail(email.trim());
  return checked.ok ? lookup(team).members.get(checked.canonical) : undefined;
}

function capacityMessage(team: TeamSnapshot, free: number): string {
  const freeText = free === 0 ? 'none are free' : free === 1 ? '1 is free' : `${free} are free`;
  return `${team.plan.name} allows up to ${team.plan.maxSeats ?? 0} seats; ${freeText}`;
}

interface Checked extends InviteCheck {
  /** Canonical email when the email itself is valid. */
  canonical: string | null;
}

function checkFields(raw: RawInvite, team: TeamSnapshot, known: Lookup, bulk: boolean): Checked {
  const problems: InviteProblem[] = [];
  let email: string | null = null;
  let canonical: string | null = null;
  const rawEmail = (raw.email ?? '').trim();
  if (rawEmail === '')
    problems.push({ field: 'email', code: 'missing_email', message: 'Enter an email address.' });
  else {
    const checked = checkEmail(rawEmail);
    if (!checked.ok)
      problems.push({ field: 'email', code: 'invalid_email', message: checked.message });
    else {
      email = checked.email;
      canonical = checked.canonical;
      const status = known.members.get(canonical);
      if (status === 'active')
        problems.push({
          field: 'email',
          code: 'already_member',
          message: `${email} is already a member.`,
        });
      else if (status === 'deactivated')
        problems.push({
          field: 'email',
          code: 'already_member',
          message: `${email} is a deactivated member. Reactivate them instead.`,
        });
      else if (known.pending.has(canonical))
        problems.push({
          field: 'email',
          code: 'already_invited',
          message: `${email} already has a pending invitation. Resend it instead.`,
        });
    }
  }

  let role: Role | null = null;
  const rawRole = (raw.role ?? '').trim().toLowerCase();
  if (rawRole === '')
    problems.push({ field: 'role', code: 'missing_role', message: 'Choose a role.' });
  else if (!(ROLES as readonly string[]).includes(rawRole))
    problems.push({
      field: 'role',
      code: 'unknown_role',
      message: `"${raw.role.trim()}" isn't a role. Use ${team.plan.roles.filter((r) => r !== 'owner').join(', ')}.`,
    });
  else if (rawRole === 'owner')
    problems.push({
      field: 'role',
      code: 'owner_not_invitable',
      message:
        'Nobody can be invited as owner. Invite them with another role; the owner can transfer ownership later.',
    });
  else if (!planAllowsRole(team.plan, rawRole as Role)) {
    const needed = lowestPlanWithRole(rawRole as Role, team.plans);
    problems.push({
      field: 'role',
      code: 'role_not_on_plan',
      message: needed
        ? `${ROLE_NAMES[rawRole as Role]} needs the ${needed.name} plan or above`
        : `${ROLE_NAMES[rawRole as Role]} isn't available on the ${team.plan.name} plan`,
    });
  } else role = rawRole as Role;

  let phoneNumber: string | null = null;
  const rawPhone = (raw.phoneNumber ?? '').trim();
  if (rawPhone !== '') {
    const compact = compactPhoneNumber(rawPhone);
    if (!E164.test(compact))
      problems.push({
        field: 'phone_number',
        code: 'invalid_phone_number',
        message: `${rawPhone} isn't a phone number in international form, like +14155550100.`,
      });
    else if (!known.phones.has(compact))
      problems.push({
        field: 'phone_number',
        code: 'unknown_phone_number',
        message: `${compact} isn't one of this account's numbers.`,
      });
    else {
      const holder = team.numberHolders?.get(compact);
      if (holder?.owner && !team.viewerIsOwner)
        problems.push({
          field: 'phone_number',
          code: 'owner_number',
          message: `${compact} rings ${holder.name}, the owner. Only the owner can move it.`,
        });
      else if (holder && (bulk || !raw.moveNumber))
        problems.push({
          field: 'phone_number',
          code: 'number_in_use',
          message: bulk
            ? `${compact} rings ${holder.name}. A bulk invite takes unassigned numbers only.`
            : `${compact} rings ${holder.name}. Confirm that it moves to the invitee when they accept.`,
        });
      else phoneNumber = compact;
    }
  }

  const moves = phoneNumber !== null && team.numberHolders?.has(phoneNumber) === true;
  const invite =
    problems.length === 0 && email !== null && role !== null
      ? { email, role, phoneNumber, ...(moves ? { moveNumber: true } : {}) }
      : null;
  return { problems, invite, canonical };
}

/** One invite (the dialog). */
export function validateInvite(raw: RawInvite, team: TeamSnapshot): InviteCheck {
  const { problems, invite } = checkFields(raw, team, lookup(team), false);
  if (team.capacityLeft === 0) {
    problems.push({ field: null, code: 'over_capacity', message: capacityMessage(team, 0) });
    return { problems, invite: null };
  }
  return { problems, invite };
}

/**
 * Validates bulk rows in one or more calls (chunks), remembering emails and seats across calls:
 * feed the rows in file order.
 */
export function createBulkValidator(team: TeamSnapshot): {
  validate(rows: readonly BulkRow[]): BulkRowResult[];
} {
  const known = lookup(team);
  const firstRow = new Map<string, number>();
  let seatsLeft = team.capacityLeft;
  return {
    validate(rows) {
      return rows.map((raw) => {
        const checked = checkFields(raw, team, known, true);
        const problems = checked.problems;
        if (checked.canonical !== null) {
          const first = firstRow.get(checked.canonical);
          if (first === undefined) firstRow.set(checked.canonical, raw.row);
          else
            problems.push({
              field: 'email',
              code: 'duplicate_in_file',
              message: `Same email as row ${first}`,
            });
        }
        if (problems.length === 0 && seatsLeft !== null) {
          if (seatsLeft > 0) seatsLeft--;
          else
            problems.push({
              field: null,
              code: 'over_capacity',
              message: capacityMessage(team, team.capacityLeft ?? 0),
            });
        }
        return {
          row: raw.row,
          raw,
          canonical: checked.canonical,
          problems,
          invite: problems.length === 0 ? checked.invite : null,
        };
      });
    },
  };
}

export function validateBulkRows(rows: readonly BulkRow[], team: TeamSnapshot): BulkRowResult[] {
  return createBulkValidator(team).validate(rows);
}
