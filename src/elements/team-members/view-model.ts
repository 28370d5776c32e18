import { ENTRY_STATUSES, ROLES } from '../../schemas/index.ts';
import type { EntryStatus, Role, SortKey, TeamEntry } from '../../schemas/index.ts';

export interface ListQuery {
  search: string;
  role: Role | '';
  status: EntryStatus | '';
  sort: SortKey;
}

/** What a row shows as its name: the member's name, or the invitee's email. */
export function displayName(entry: TeamEntry): string {
  return entry.kind === 'member' && entry.name.trim() ? entry.name : entry.email;
}

/** Up to two letters from the name (or the email's local part). */
export function initials(entry: TeamEntry): string {
  const source =
    entry.kind === 'member' && entry.name.trim() ? entry.name : (entry.email.split('@')[0] ?? '');
  const words = source.split(/[\s._-]+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : [source];
  return letters
    .map((w) => [...(w ?? '')].slice(0, words.length > 1 ? 1 : 2).join(''))
    .join('')
    .toUpperCase();
}

/** Invitations that were accepted or revoked are not listed. */
export function entryStatus(entry: TeamEntry): EntryStatus {
  if (entry.kind === 'member') return entry.status;
  return entry.status === 'expired' ? 'expired' : 'pending';
}

/** Lower-cased "name email", computed once per entry object (entries are immutable). */
const searchKeys = new WeakMap<TeamEntry, string>();
function searchKey(entry: TeamEntry): string {
  let key = searchKeys.get(entry);
  if (key === undefined) {
    key = `${entry.kind === 'member' ? entry.name : ''}\u0000${entry.email}`.toLowerCase();
    searchKeys.set(entry, key);
  }
  return key;
}

const ROLE_ORDER = new Map<Role, number>(ROLES.map((r, i) => [r, i]));
const STATUS_ORDER = new Map<EntryStatus, number>(ENTRY_STATUSES.map((s, i) => [s, i]));

/**
 * Filters and sorts in memory. Sorting is cached per (entries, sort, locale) so typing in the
 * search box only filters an already sorted array.
 */
export class ListView {
  private sortedFor: readonly TeamEntry[] | null = null;
  private sortedKey = '';
  private sorted: readonly TeamEntry[] = [];
  private resultFor: { entries: readonly TeamEntry[]; key: string } | null = null;
  private result: readonly TeamEntry[] = [];

  apply(entries: readonly TeamEntry[], query: ListQuery, locale: string): readonly TeamEntry[] {
    const key = `${query.sort}|${locale}`;
    if (this.sortedFor !== entries || this.sortedKey !== key) {
      this.sorted = sortEntries(entries, query.sort, locale);
      this.sortedFor = entries;
      this.sortedKey = key;
      this.resultFor = null;
    }
    const filterKey = `${key}|${query.role}|${query.status}|${query.search.trim().toLowerCase()}`;
    if (this.resultFor?.entries === entries && this.resultFor.key === filterKey) return this.result;
    const needle = query.search.trim().toLowerCase();
    const { role, status } = query;
    this.result =
      !needle && !role && !status
        ? this.sorted
        : this.sorted.filter(
            (e) =>
              (!role || e.role === role) &&
              (!status || entryStatus(e) === status) &&
              (!needle || searchKey(e).includes(needle)),
          );
    this.resultFor = { entries, key: filterKey };
    return this.result;
  }
}

function sortEntries(entries: readonly TeamEntry[], sort: SortKey, locale: string): TeamEntry[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const names = new Map(entries.map((e) => [e, displayName(e)]));
  const byName = (a: TeamEntry, b: TeamEntry) => collator.compare(names.get(a)!, names.get(b)!);
  const rank =
    sort === 'role'
      ? (e: TeamEntry) => ROLE_ORDER.get(e.role) ?? 99
      : sort === 'status'
        ? (e: TeamEntry) => STATUS_ORDER.get(entryStatus(e)) ?? 99
        : () => 0;
  return [...entries].sort((a, b) => rank(a) - rank(b) || byName(a, b));
}
