import * as z from 'zod/mini';
import { Count, DateTime, E164, Id, Role, Version } from './common.js';
import { ENTRY_STATUSES, INVITATION_STATUSES, MEMBER_STATUSES, SORT_KEYS } from './constants.js';

export const MemberStatus = z.enum(MEMBER_STATUSES);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const InvitationStatus = z.enum(INVITATION_STATUSES);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

export const Member = z.object({
  kind: z.literal('member'),
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  status: MemberStatus,
  phoneNumbers: z.array(E164),
  version: Version,
});
export type Member = z.infer<typeof Member>;

export const Invitation = z.object({
  kind: z.literal('invitation'),
  id: Id,
  email: z.string(),
  role: Role,
  phoneNumber: z.nullable(E164),
  sentAt: DateTime,
  expiresAt: DateTime,
  /** Computed by the backend from its clock at the time of the response. */
  status: InvitationStatus,
  version: Version,
});
export type Invitation = z.infer<typeof Invitation>;

/** One row of the team list: a member or an invitation. */
export const TeamEntry = z.discriminatedUnion('kind', [Member, Invitation]);
export type TeamEntry = z.infer<typeof TeamEntry>;

/** Statuses a list can be filtered by (members' and open invitations'). */
export const EntryStatus = z.enum(ENTRY_STATUSES);
export type EntryStatus = z.infer<typeof EntryStatus>;

export const SortKey = z.enum(SORT_KEYS);
export type SortKey = z.infer<typeof SortKey>;

export const TeamPage = z.object({
  items: z.array(TeamEntry),
  /** Opaque; pass back to get the next page. `null` on the last page. */
  nextCursor: z.nullable(z.string()),
  /** How many entries match the query in all pages. */
  total: Count,
});
export type TeamPage = z.infer<typeof TeamPage>;

/** The signed-in person, as the backend sees them. */
export const Viewer = z.object({
  member: Member,
});
export type Viewer = z.infer<typeof Viewer>;
