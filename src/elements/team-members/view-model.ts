import { entryRank, invitationNameKey, memberNameKey } from '../../rules/order.js';
import type { EntryStatus, Role, SortKey, TeamEntry } from '../../schemas/index.js';

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

/**
 * Filters and sorts in memory. The backend's pages come in name order (the contract's
 * `listTeam`: lower-cased name, an invitation's email, then id), so sorting by name keeps that
 * order and only places entries added here (an invitation just sent) at their name position;
 * role and status group that order by rank. The result is cached per (entries, sort) so typing
 * in the search box only filters an already sorted array.
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
      this.sorted = sortEntries(entries, query.sort);
      this.sortedFor = entries;
      this.sortedKey = key;
      this.resultFor = null;
    }
    const needle = query.search.trim().toLowerCase();
    const { role, status } = query;
    const base = `${key}|${role}|${status}|`;
    const filterKey = base + needle;
    const last = this.resultFor;
    if (last?.entries === entries && last.key === filterKey) return this.result;
    // Typing one more letter narrows the last result: only its entries can still match.
    const narrowing =
      last?.entries === entries &&
      last.key.startsWith(base) &&
      needle.startsWith(last.key.slice(base.length));
    const from = narrowing ? this.result : this.sorted;
    this.result =
      !needle && !role && !status
        ? this.sorted
        : from.filter(
            (e) =>
              (!role || e.role === role) &&
              (!status || entryStatus(e) === status) &&
              (!needle || searchKey(e).includes(needle)),
          );
    this.resultFor = { entries, key: filterKey };
    return this.result;
  }
}

/** The list order's name key (rules/order.ts), as the backend sorts. */
function nameKey(entry: TeamEntry): string {
  return entry.kind === 'member' ? memberNameKey(entry.name) : invitationNameKey(entry.email);
}

/** The backend's name order: name key, then id (plain code-unit comparison, as the contract). */
function compare(ka: string, a: TeamEntry, kb: string, b: TeamEntry): number {
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

function sortByName(entries: readonly TeamEntry[]): TeamEntry[] {
  const keyed = entries.map((entry) => ({ entry, key: nameKey(entry) }));
  keyed.sort((a, b) => compare(a.key, a.entry, b.key, b.entry));
  return keyed.map((k) => k.entry);
}

/** Past this many out-of-place entries, sorting the whole list is cheaper than inserting them. */
const MAX_MISPLACED = 64;

/**
 * Name order in one pass: the loaded pages are already in it; the few entries that are not
 * (appended after an invite, or renamed) are taken out and inserted at their position.
 */
function nameOrder(entries: readonly TeamEntry[]): readonly TeamEntry[] {
  const kept: TeamEntry[] = [];
  const keys: string[] = [];
  const misplaced: TeamEntry[] = [];
  for (const entry of entries) {
    const key = nameKey(entry);
    const n = kept.length;
    if (n === 0 || compare(keys[n - 1]!, kept[n - 1]!, key, entry) <= 0) {
      kept.push(entry);
      keys.push(key);
    } else if (n === 1 || compare(keys[n - 2]!, kept[n - 2]!, key, entry) <= 0) {
      // The entry before was the one out of place (an invitation sent while later pages were
      // still arriving): take it out and keep this one.
      misplaced.push(kept[n - 1]!);
      kept[n - 1] = entry;
      keys[n - 1] = key;
    } else misplaced.push(entry);
    if (misplaced.length > MAX_MISPLACED) return sortByName(entries);
  }
  if (misplaced.length === 0) return entries;
  for (const entry of misplaced) {
    const key = nameKey(entry);
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(keys[mid]!, kept[mid]!, key, entry) <= 0) lo = mid + 1;
      else hi = mid;
    }
    kept.splice(lo, 0, entry);
    keys.splice(lo, 0, key);
  }
  return kept;
}

function sortEntries(entries: readonly TeamEntry[], sort: SortKey): readonly TeamEntry[] {
  const byNameOrder = nameOrder(entries);
  if (sort !== 'role' && sort !== 'status') return byNameOrder;
  // A stable grouping by rank over the name order: one pass, no comparisons of names.
  const groups = new Map<number, TeamEntry[]>();
  for (const entry of byNameOrder) {
    const rank = entryRank(sort, entry.role, entryStatus(entry));
    const group = groups.get(rank);
    if (group) group.push(entry);
    else groups.set(rank, [entry]);
  }
  return [...groups.keys()].sort((a, b) => a - b).flatMap((rank) => groups.get(rank)!);
}
