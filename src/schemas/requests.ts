import * as z from 'zod/mini';
import { E164, Id, Role, Version } from './common.js';
import { Assignee } from './phone.js';
import { Member, Invitation } from './team.js';
import { Charge } from './billing.js';
import { MAX_BULK_INVITES } from './constants.js';

export const InviteInput = z.object({
  email: z.string().check(z.maxLength(1000)),
  role: Role,
  phoneNumber: z.optional(z.nullable(E164)),
  /**
   * The inviter saw and confirmed that `phoneNumber`, which rings someone now, moves to the
   * invitee when they accept. Without it a number in use is refused (`number_in_use`).
   */
  moveNumber: z.optional(z.boolean()),
});
export type InviteInput = z.infer<typeof InviteInput>;

export const BulkInviteInput = z.object({
  invitations: z.array(InviteInput).check(z.minLength(1), z.maxLength(MAX_BULK_INVITES)),
});
export type BulkInviteInput = z.infer<typeof BulkInviteInput>;

export const BulkInviteResult = z.object({ invitations: z.array(Invitation) });
export type BulkInviteResult = z.infer<typeof BulkInviteResult>;

export const ChangeRoleInput = z.object({ role: Role });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const AssignNumberInput = z.object({ assignee: z.nullable(Assignee) });
export type AssignNumberInput = z.infer<typeof AssignNumberInput>;

export const RemoveInput = z.object({
  /** Where the member's numbers go; `null` leaves them unassigned on the account. */
  reassignTo: z.optional(z.nullable(Assignee)),
});
export type RemoveInput = z.infer<typeof RemoveInput>;

export const TransferInput = z.object({
  memberId: Id,
  password: z.string().check(z.minLength(1), z.maxLength(1000)),
});
export type TransferInput = z.infer<typeof TransferInput>;

export const VersionRef = z.object({ version: Version });

export const TransferResult = z.object({ newOwner: Member, previousOwner: Member });
export type TransferResult = z.infer<typeof TransferResult>;

/** A member whose status changed, with the charge it caused (reactivation), if any. */
export const MemberChangeResult = z.object({ member: Member, charge: z.nullable(Charge) });
export type MemberChangeResult = z.infer<typeof MemberChangeResult>;
