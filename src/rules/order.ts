/**
 * The one order of the team list, shared by every backend store and the elements: by name (a
 * member's lower-cased name, an invitation's canonical email), or grouped by role (ROLES order)
 * or status (ENTRY_STATUSES order) and by name within a group; the id breaks ties. Descending
 * is the whole order reversed. Names compare by UTF-16 code unit, like the stores' binary
 * collation for every name outside the astral planes.
 */
import { ENTRY_STATUSES, ROLES } from '../schemas/constants.js';
import type { EntryStatus, Role, SortKey } from '../schemas/index.js';
// From the schemas, not ./emails.js: the list order needs the identity, not the email checks.
import { canonicalEmail } from '../schemas/email.js';

const ROLE_RANK = new Map<Role, number>(ROLES.map((role, i) => [role, i]));
const STATUS_RANK = new Map<EntryStatus, number>(ENTRY_STATUSES.map((status, i) => [status, i]));

export function roleRank(role: Role): number {
  return ROLE_RANK.get(role) ?? ROLES.length;
}

export function statusRank(status: EntryStatus): number {
  return STATUS_RANK.get(status) ?? ENTRY_STATUSES.length;
}

/** A member's name key: the name, NFC and lower-cased. */
export function memberNameKey(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** An invitation's name key: its canonical email (an invitee has no name yet). */
export function invitationNameKey(email: string): string {
  return canonicalEmail(email);
}

/** The group rank an entry sorts by under `sort` (0 for every entry when sorting by name). */
export function entryRank(sort: SortKey, role: Role, status: EntryStatus): number {
  if (sort === 'role') return roleRank(role);
  if (sort === 'status') return statusRank(status);
  return 0;
}

/** Compares two positions in ascending order: rank, then name key, then id. */
export function compareEntryKeys(
  a: { rank: number; nameKey: string; id: string },
  b: { rank: number; nameKey: string; id: string },
): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.nameKey !== b.nameKey) return a.nameKey < b.nameKey ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
