// The team list on SQLite: members and open invitations in the one order of rules/order.ts, a
// page at a time from a keyset position, never an offset.
//
// The order is (rank, name key, id). The rank splits the list into groups (one group when sorting
// by name; one per role or per status otherwise), and a group is the merge of a few ranges that
// an index already holds in (name key, id) order: members by name, members of one role and status
// by name, open invitations (of one role) by canonical email. A page seeks each range to the
// cursor and reads at most `limit + 1` rows from it, so the first page and a page half a million
// entries deep cost the same. An invitation's status depends on the clock, so "pending" and
// "expired" are the open invitations whose expiry is after `now` or not: a filter in the range.
import { roleRank, statusRank } from '../../rules/order.js';
import { ENTRY_STATUSES, MEMBER_STATUSES, ROLES } from '../../schemas/constants.js';
import type { EntryStatus, MemberStatus, Role } from '../../schemas/index.js';
import type { EntryPage, EntryQuery, EntryRecord } from '../store.js';
import type { Connection } from './connection.js';
import { INVITATION_COLUMNS, MEMBER_COLUMNS, invitationFromRow, memberFromRow } from './rows.js';
import type { InvitationRow, MemberRow } from './rows.js';
import { OPEN } from './schema.js';

type Expiry = 'pending' | 'expired' | null;

/** Members of one role and status (or of all, by name), or open invitations (of one role). */
type Range =
  | { kind: 'member'; role: Role; status: MemberStatus }
  | { kind: 'allMembers' }
  | { kind: 'invitation'; role: Role | null; expiry: Expiry };

interface Group {
  rank: number;
  ranges: Range[];
}

/** An entry's position in the list (its kind, name key and id) and where its row is. */
interface Keyed {
  kind: 'member' | 'invitation';
  nameKey: string;
  id: string;
  rowid: number;
}

/** A UTF-16 code unit mapped so that code units compare in code point (= UTF-8 byte) order. */
function codePointOrder(unit: number): number {
  if (unit < 0xd800) return unit;
  return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
}

/**
 * Compares like SQLite's BINARY collation (UTF-8 bytes, that is code points). It differs from
 * JavaScript's `<` only between an astral character and one from U+E000 to U+FFFF.
 */
export function compareBinary(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointOrder(x) - codePointOrder(y);
  }
  return a.length - b.length;
}

function compareKeyed(a: Keyed, b: Keyed): number {
  return compareBinary(a.nameKey, b.nameKey) || compareBinary(a.id, b.id);
}

/** Members of `role` (or any) and `status` (or any) as ranges of the members index. */
function memberRanges(role: Role | null, status: MemberStatus | null): Range[] {
  if (role === null && status === null) return [{ kind: 'allMembers' }];
  const ranges: Range[] = [];
  for (const r of role === null ? ROLES : [role])
    for (const s of status === null ? MEMBER_STATUSES : [status])
      ranges.push({ kind: 'member', role: r, status: s });
  return ranges;
}

const isMemberStatus = (s: EntryStatus | null): s is MemberStatus =>
  s === 'active' || s === 'deactivated';

/** The groups of the list in the query's order, each with the ranges it merges. */
function plan(q: EntryQuery): Group[] {
  const memberStatus = isMemberStatus(q.status) ? q.status : null;
  const expiry: Expiry = q.status === 'pending' || q.status === 'expired' ? q.status : null;
  const withMembers = q.status === null || memberStatus !== null;
  const withInvitations = q.invitations && (q.status === null || expiry !== null);
  const ranges = (role: Role | null): Range[] => [
    ...(withMembers ? memberRanges(role, memberStatus) : []),
    ...(withInvitations ? [{ kind: 'invitation' as const, role, expiry }] : []),
  ];
  let groups: Group[];
  if (q.sort === 'role') {
    groups = ROLES.filter((role) => q.role === null || q.role === role).map((role) => ({
      rank: roleRank(role),
      ranges: ranges(role),
    }));
  } else if (q.sort === 'status') {
    groups = ENTRY_STATUSES.filter((s) => q.status === null || q.status === s).map((s) => ({
      rank: statusRank(s),
      ranges: isMemberStatus(s)
        ? memberRanges(q.role, s)
        : q.invitations
          ? [{ kind: 'invitation' as const, role: q.role, expiry: s }]
          : [],
    }));
  } else {
    groups = [{ rank: 0, ranges: ranges(q.role) }];
  }
  groups.sort((a, b) => a.rank - b.rank);
  return q.direction === 'desc' ? groups.reverse() : groups;
}

const SEARCH_MEMBER = '(instr(name_key, ?) > 0 OR instr(canonical, ?) > 0)';
const SEARCH_INVITATION = 'instr(canonical, ?) > 0';

function expiryClause(expiry: Expiry): string {
  return expiry === 'pending'
    ? ' AND expires_at > ?'
    : expiry === 'expired'
      ? ' AND expires_at <= ?'
      : '';
}

/**
 * The positions of up to `limit` entries of one range after `after` (or from its start), in the
 * query's direction: read from the index alone (it holds every column a filter tests).
 */
function readRange(
  conn: Connection,
  accountId: string,
  range: Range,
  q: EntryQuery,
  after: { nameKey: string; id: string } | null,
  limit: number,
): Keyed[] {
  const desc = q.direction === 'desc';
  const dir = desc ? 'DESC' : 'ASC';
  const params: unknown[] = [accountId];
  const invitation = range.kind === 'invitation';
  const key = invitation ? 'canonical' : 'name_key';
  let sql: string;
  if (range.kind === 'invitation') {
    sql = `SELECT canonical AS nameKey, id, rowid FROM seatkit_invitations INDEXED BY ${
      range.role === null ? 'seatkit_invitations_open_by_name' : 'seatkit_invitations_open_by_role'
    } WHERE account_id = ?`;
    if (range.role !== null) {
      sql += ' AND role = ?';
      params.push(range.role);
    }
    sql += ` AND ${OPEN}${expiryClause(range.expiry)}`;
    if (range.expiry) params.push(q.now.getTime());
    if (q.search) {
      sql += ` AND ${SEARCH_INVITATION}`;
      params.push(q.search);
    }
  } else {
    sql = `SELECT name_key AS nameKey, id, rowid FROM seatkit_members INDEXED BY ${
      range.kind === 'allMembers' ? 'seatkit_members_by_name' : 'seatkit_members_by_group'
    } WHERE account_id = ?`;
    if (range.kind === 'member') {
      sql += ' AND role = ? AND status = ?';
      params.push(range.role, range.status);
    }
    if (q.search) {
      sql += ` AND ${SEARCH_MEMBER}`;
      params.push(q.search, q.search);
    }
  }
  if (after) {
    sql += ` AND (${key}, id) ${desc ? '<' : '>'} (?, ?)`;
    params.push(after.nameKey, after.id);
  }
  sql += ` ORDER BY ${key} ${dir}, id ${dir} LIMIT ?`;
  params.push(limit);
  const kind = invitation ? 'invitation' : 'member';
  return (conn.st(sql).all(...params) as Omit<Keyed, 'kind'>[]).map((r) => ({
    kind,
    nameKey: r.nameKey,
    id: r.id,
    rowid: r.rowid,
  }));
}

/** The first `limit` positions of ranges that are each in the query's order, merged. */
function merge(ranges: Keyed[][], limit: number, desc: boolean): Keyed[] {
  const live = ranges.filter((r) => r.length > 0);
  if (live.length === 1) return live[0]!.slice(0, limit);
  const at = live.map(() => 0);
  const out: Keyed[] = [];
  while (out.length < limit) {
    let best = -1;
    for (let r = 0; r < live.length; r++) {
      const head = live[r]![at[r]!];
      if (!head) continue;
      if (best < 0) best = r;
      else {
        const c = compareKeyed(head, live[best]![at[best]!]!);
        if (desc ? c > 0 : c < 0) best = r;
      }
    }
    if (best < 0) break;
    out.push(live[best]![at[best]!++]!);
  }
  return out;
}

/** The records of a page's positions, read by rowid (two statements), in the page's order. */
function records(conn: Connection, accountId: string, page: readonly Keyed[]): EntryRecord[] {
  const rowids = (kind: Keyed['kind']) =>
    JSON.stringify(page.filter((k) => k.kind === kind).map((k) => k.rowid));
  const members = new Map<string, EntryRecord>();
  const invitations = new Map<string, EntryRecord>();
  if (page.some((k) => k.kind === 'member'))
    for (const r of conn
      .st(
        `SELECT ${MEMBER_COLUMNS} FROM seatkit_members WHERE rowid IN (SELECT value FROM json_each(?)) AND account_id = ?`,
      )
      .all(rowids('member'), accountId) as MemberRow[])
      members.set(r.id, { kind: 'member', member: memberFromRow(r) });
  if (page.some((k) => k.kind === 'invitation'))
    for (const r of conn
      .st(
        `SELECT ${INVITATION_COLUMNS} FROM seatkit_invitations WHERE rowid IN (SELECT value FROM json_each(?)) AND account_id = ?`,
      )
      .all(rowids('invitation'), accountId) as InvitationRow[])
      invitations.set(r.id, { kind: 'invitation', invitation: invitationFromRow(r) });
  return page.map((k) => (k.kind === 'member' ? members : invitations).get(k.id)!);
}

/**
 * Entries matching the filters. Without a search it reads counters and index ranges: the members
 * from their counts by role and status (at most eight rows), the open invitations from the expiry
 * index. A search is a substring test on every row of the account (a scan).
 */
function countEntries(conn: Connection, accountId: string, q: EntryQuery): number {
  const memberStatus = isMemberStatus(q.status) ? q.status : null;
  const expiry: Expiry = q.status === 'pending' || q.status === 'expired' ? q.status : null;
  let total = 0;
  if (q.status === null || memberStatus !== null) {
    const params: unknown[] = [accountId];
    let where = 'account_id = ?';
    if (q.role !== null) {
      where += ' AND role = ?';
      params.push(q.role);
    }
    if (memberStatus !== null) {
      where += ' AND status = ?';
      params.push(memberStatus);
    }
    let sql: string;
    if (q.search) {
      // Every entry's name key and email, from the index that also holds the filters.
      const index =
        q.role === null && memberStatus === null
          ? 'seatkit_members_by_name'
          : 'seatkit_members_by_group';
      sql = `SELECT count(*) AS n FROM seatkit_members INDEXED BY ${index} WHERE ${where} AND ${SEARCH_MEMBER}`;
      params.push(q.search, q.search);
    } else {
      sql = `SELECT coalesce(sum(n), 0) AS n FROM seatkit_member_counts WHERE ${where}`;
    }
    total += (conn.st(sql).get(...params) as { n: number }).n;
  }
  if (q.invitations && (q.status === null || expiry !== null)) {
    const params: unknown[] = [accountId];
    const index = q.search
      ? q.role === null
        ? 'seatkit_invitations_open_by_name'
        : 'seatkit_invitations_open_by_role'
      : q.role === null
        ? 'seatkit_invitations_open_by_expiry'
        : 'seatkit_invitations_open_by_role_expiry';
    let sql = `SELECT count(*) AS n FROM seatkit_invitations INDEXED BY ${index} WHERE account_id = ?`;
    if (q.role !== null) {
      sql += ' AND role = ?';
      params.push(q.role);
    }
    sql += ` AND ${OPEN}${expiryClause(expiry)}`;
    if (expiry) params.push(q.now.getTime());
    if (q.search) {
      sql += ` AND ${SEARCH_INVITATION}`;
      params.push(q.search);
    }
    total += (conn.st(sql).get(...params) as { n: number }).n;
  }
  return total;
}

export function listEntries(conn: Connection, accountId: string, q: EntryQuery): EntryPage {
  const desc = q.direction === 'desc';
  const limit = Math.max(0, q.limit);
  // One entry beyond the page says whether more follow.
  const want = limit + 1;
  const page: Keyed[] = [];
  for (const group of plan(q)) {
    let after: { nameKey: string; id: string } | null = null;
    if (q.after) {
      const c = group.rank - q.after.rank;
      if (desc ? c > 0 : c < 0) continue;
      if (c === 0) after = q.after;
    }
    const need = want - page.length;
    const ranges = group.ranges.map((range) => readRange(conn, accountId, range, q, after, need));
    page.push(...merge(ranges, need, desc));
    if (page.length >= want) break;
  }
  return {
    entries: records(conn, accountId, page.slice(0, limit)),
    more: page.length > limit,
    total: countEntries(conn, accountId, q),
  };
}
