// GET /team: members and open invitations in the list order (rules/order.ts), a page at a time,
// with a keyset cursor: the position of the last entry seen, never an offset, so a page deep in
// a million members costs what the first one does, and an entry added or removed between two
// pages neither repeats nor skips another.
import * as z from 'zod/mini';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../api/routes.js';
import { invitationStatus } from '../rules/invitations.js';
import { entryRank } from '../rules/order.js';
import { EntryStatus, Role, SortKey } from '../schemas/index.js';
import type { TeamEntry, TeamPage } from '../schemas/index.js';
import { authorize, invitationView, may, memberView } from './context.js';
import type { ActorCtx } from './context.js';
import type { OperationRequest } from './operations.js';
import { parse } from './parse.js';
import { invalid } from './refusal.js';
import type { EntryKey, EntryQuery, EntryRecord } from './store.js';

const ListQuery = z.strictObject({
  search: z.optional(z.string().check(z.maxLength(200))),
  role: z.optional(Role),
  status: z.optional(EntryStatus),
  sort: z.optional(SortKey),
  direction: z.optional(z.enum(['asc', 'desc'])),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
  limit: z.optional(
    z.string().check(z.regex(/^[1-9]\d{0,5}$/, { error: 'expected a whole number from 1' })),
  ),
});

const CURSOR_VERSION = 1;

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder('utf-8', { fatal: true }).decode(
    Uint8Array.from(binary, (c) => c.charCodeAt(0)),
  );
}

/** The cursor after `key`, for one sort and direction. */
export function encodeCursor(sort: string, direction: string, key: EntryKey): string {
  return toBase64Url(
    JSON.stringify([CURSOR_VERSION, sort, direction, key.rank, key.nameKey, key.id]),
  );
}

function badCursor(message: string) {
  return invalid('cursor', 'invalid_cursor', `cursor: ${message}`);
}

export function decodeCursor(cursor: string, sort: string, direction: string): EntryKey {
  let value: unknown;
  try {
    value = JSON.parse(fromBase64Url(cursor));
  } catch {
    throw badCursor('not a cursor from a previous page');
  }
  if (
    !Array.isArray(value) ||
    value.length !== 6 ||
    value[0] !== CURSOR_VERSION ||
    typeof value[3] !== 'number' ||
    !Number.isInteger(value[3]) ||
    typeof value[4] !== 'string' ||
    typeof value[5] !== 'string'
  )
    throw badCursor('not a cursor from a previous page');
  if (value[1] !== sort || value[2] !== direction)
    throw badCursor(
      `it continues a list sorted by ${String(value[1])} ${String(value[2])}; ask again from the first page`,
    );
  return { rank: value[3], nameKey: value[4], id: value[5] };
}

/** Where `entry` stands in a list sorted by `sort` at `now`: what a cursor after it holds. */
export function entryKey(entry: EntryRecord, sort: EntryQuery['sort'], now: Date): EntryKey {
  if (entry.kind === 'member') {
    const m = entry.member;
    return { rank: entryRank(sort, m.role, m.status), nameKey: m.nameKey, id: m.id };
  }
  const inv = entry.invitation;
  const status = invitationStatus(inv, now) === 'pending' ? 'pending' : 'expired';
  return { rank: entryRank(sort, inv.role, status), nameKey: inv.canonical, id: inv.id };
}

export async function listTeam(ctx: ActorCtx, req: OperationRequest): Promise<TeamPage> {
  authorize(ctx, 'viewTeam');
  const q = parse(ListQuery, Object.fromEntries(req.query));
  const sort = q.sort ?? 'name';
  const direction = q.direction ?? 'asc';
  const limit = Math.min(Number(q.limit ?? DEFAULT_PAGE_SIZE), MAX_PAGE_SIZE);
  // Agents and supervisors see the member directory, not who else was invited.
  const invitations = may(ctx, 'viewInvitations');
  if (!invitations && (q.status === 'pending' || q.status === 'expired'))
    return { items: [], nextCursor: null, total: 0 };
  const search = q.search?.trim().normalize('NFC').toLowerCase() || null;
  const page = await ctx.tx.listEntries({
    search,
    role: q.role ?? null,
    status: q.status ?? null,
    sort,
    direction,
    after: q.cursor ? decodeCursor(q.cursor, sort, direction) : null,
    limit,
    now: ctx.now,
    invitations,
  });
  const memberIds = page.entries.flatMap((e) => (e.kind === 'member' ? [e.member.id] : []));
  const numbers = memberIds.length ? await ctx.tx.numbersOfMembers(memberIds) : new Map();
  const items: TeamEntry[] = page.entries.map((e) =>
    e.kind === 'member'
      ? memberView(e.member, numbers.get(e.member.id) ?? [])
      : invitationView(e.invitation, ctx.now),
  );
  const last = page.entries.at(-1);
  return {
    items,
    nextCursor:
      page.more && last ? encodeCursor(sort, direction, entryKey(last, sort, ctx.now)) : null,
    total: page.total,
  };
}
