// listEntries on PostgreSQL: members and open invitations in the list order of rules/order.ts
// (rank, then name key, then id; descending is all of it reversed), a page at a time, by keyset.
//
// The rank is never stored: it comes from rules/order.ts at query time. The entries are split
// into segments that share one rank (members of one role when sorting by role, invitations that
// are pending at `now` when sorting by status, ...); inside a segment the order is (name key, id),
// which an index serves directly. Each segment reads at most one page past the cursor from its
// index range, and the segments' few rows are merged and cut to the page. A page deep in a
// million members costs what the first page costs: no OFFSET, no count.
import { MEMBER_STATUSES, ROLES } from '../../schemas/constants.js';
import { entryRank } from '../../rules/order.js';
import type { MemberStatus, Role } from '../../schemas/index.js';
import type { EntryQuery } from '../store.js';

/** Statement parameters, numbered as they are added ($1 is the account). */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/** A condition, written when its statement is: a parameter is added only if it is used. */
type Condition = (params: Params) => string;

export interface Segment {
  table: 'member' | 'invitation';
  rank: number;
  /** Conditions beyond the account (and, for invitations, being open). */
  where: Condition[];
}

const OPEN = 'accepted_at IS NULL AND revoked_at IS NULL';

/** The segments of a query, before the cursor: what the page and the total read. */
export function segments(q: EntryQuery): Segment[] {
  const out: Segment[] = [];
  const roles: readonly Role[] = q.role ? [q.role] : ROLES;
  const roleIs =
    (role: Role): Condition =>
    (p) =>
      `role = ${p.add(role)}`;
  const roleFilter = q.role ? [roleIs(q.role)] : [];
  const search = q.search;

  const memberStatus = q.status === 'active' || q.status === 'deactivated' ? q.status : null;
  const memberStatuses: readonly MemberStatus[] =
    q.status === null ? MEMBER_STATUSES : memberStatus ? [memberStatus] : [];
  if (memberStatuses.length > 0) {
    const statusIs =
      (status: MemberStatus): Condition =>
      (p) =>
        `status = ${p.add(status)}`;
    const statusFilter = memberStatus ? [statusIs(memberStatus)] : [];
    const searched: Condition[] = search
      ? [
          (p) => {
            const s = p.add(search);
            return `(strpos(name_key, ${s}) > 0 OR strpos(canonical, ${s}) > 0)`;
          },
        ]
      : [];
    const add = (rank: number, where: Condition[]) =>
      out.push({ table: 'member', rank, where: [...where, ...searched] });
    if (q.sort === 'role')
      for (const role of roles)
        add(entryRank('role', role, 'active'), [roleIs(role), ...statusFilter]);
    else if (q.sort === 'status')
      for (const status of memberStatuses)
        add(entryRank('status', 'agent', status), [statusIs(status), ...roleFilter]);
    else add(0, [...roleFilter, ...statusFilter]);
  }

  const invitationStatus = q.status === 'pending' || q.status === 'expired' ? q.status : null;
  const invitationStatuses =
    !q.invitations || (q.status !== null && !invitationStatus)
      ? []
      : invitationStatus
        ? [invitationStatus]
        : (['pending', 'expired'] as const);
  if (invitationStatuses.length > 0) {
    const searched: Condition[] = search ? [(p) => `strpos(canonical, ${p.add(search)}) > 0`] : [];
    const now = q.now.toISOString();
    // An open invitation is pending until the instant it expires (rules/invitations.ts).
    const expiry =
      (status: 'pending' | 'expired'): Condition =>
      (p) =>
        `expires_at ${status === 'pending' ? '>' : '<='} ${p.add(now)}::timestamptz`;
    const statusFilter = invitationStatus ? [expiry(invitationStatus)] : [];
    const add = (rank: number, where: Condition[]) =>
      out.push({ table: 'invitation', rank, where: [...where, ...searched] });
    if (q.sort === 'role')
      for (const role of roles)
        add(entryRank('role', role, 'pending'), [roleIs(role), ...statusFilter]);
    else if (q.sort === 'status')
      for (const status of invitationStatuses)
        add(entryRank('status', 'agent', status), [expiry(status), ...roleFilter]);
    else add(0, [...roleFilter, ...statusFilter]);
  }
  return out;
}

const MEMBER_SELECT = `'member' AS kind, name_key AS sort_key, id, name, email, canonical,
  name_key, role, status, version, recordings, sms_conversations, campaigns,
  personal_integrations, NULL::text AS phone_number, NULL::jsonb AS number_from,
  NULL::timestamptz AS sent_at, NULL::timestamptz AS expires_at, NULL::timestamptz AS accepted_at,
  NULL::timestamptz AS revoked_at`;

const INVITATION_SELECT = `'invitation' AS kind, canonical AS sort_key, id, NULL::text AS name,
  email, canonical, NULL::text AS name_key, role, NULL::text AS status, version,
  NULL::integer AS recordings, NULL::integer AS sms_conversations, NULL::jsonb AS campaigns,
  NULL::jsonb AS personal_integrations, phone_number, number_from, sent_at, expires_at,
  accepted_at, revoked_at`;

function from(segment: Segment, params: Params, account: string): string {
  const where = [`account_id = ${account}`];
  if (segment.table === 'invitation') where.push(OPEN);
  for (const condition of segment.where) where.push(condition(params));
  const table = segment.table === 'member' ? 'seatkit_members' : 'seatkit_invitations';
  return `FROM ${table} WHERE ${where.join(' AND ')}`;
}

/**
 * The page: every segment's rows after the cursor (at most `limit + 1` each, from its index),
 * merged in list order and cut to `limit + 1` (the extra row says whether more follow).
 */
export function pageQuery(
  accountId: string,
  q: EntryQuery,
): { text: string; params: unknown[] } | null {
  const params = new Params();
  const account = params.add(accountId);
  const take = params.add(q.limit + 1);
  const desc = q.direction === 'desc';
  const dir = desc ? 'DESC' : 'ASC';
  const after = q.after;
  const selects: string[] = [];
  for (const segment of segments(q)) {
    const key = segment.table === 'member' ? 'name_key' : 'canonical';
    let keyset = '';
    if (after && segment.rank === after.rank) {
      const op = desc ? '<' : '>';
      keyset = ` AND (${key}, id) ${op} (${params.add(after.nameKey)}, ${params.add(after.id)})`;
    } else if (after && (desc ? segment.rank > after.rank : segment.rank < after.rank)) {
      continue; // a segment the cursor has passed
    }
    const select = segment.table === 'member' ? MEMBER_SELECT : INVITATION_SELECT;
    const rank = params.add(segment.rank);
    selects.push(
      `(SELECT ${rank}::integer AS rank, ${select} ${from(segment, params, account)}${keyset} ` +
        `ORDER BY ${key} ${dir}, id ${dir} LIMIT ${take})`,
    );
  }
  if (selects.length === 0) return null;
  return {
    text:
      `SELECT * FROM (${selects.join(' UNION ALL ')}) AS entries ` +
      `ORDER BY rank ${dir}, sort_key ${dir}, id ${dir} LIMIT ${take}`,
    params: params.values,
  };
}

/**
 * Counts the entries of some segments (all of them, or the invitations only), for the totals the
 * account's counters cannot give: a search, or invitations pending or expired at `now`.
 */
export function countQuery(
  accountId: string,
  q: EntryQuery,
  only?: Segment['table'],
): { text: string; params: unknown[] } | null {
  const params = new Params();
  const account = params.add(accountId);
  const counted = segments(q).filter((s) => !only || s.table === only);
  if (counted.length === 0) return null;
  const sum = counted.map((s) => `(SELECT count(*) ${from(s, params, account)})`).join(' + ');
  return { text: `SELECT (${sum})::integer AS n`, params: params.values };
}
