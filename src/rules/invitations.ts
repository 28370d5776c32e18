/** Invitation lifetime: 7 days from when it was (re)sent; expired from that instant on. */
import type { InvitationStatus } from '../schemas/index.js';

export const INVITATION_TTL_DAYS = 7;

export function invitationExpiresAt(sentAt: Date): Date {
  return new Date(sentAt.getTime() + INVITATION_TTL_DAYS * 86_400_000);
}

/** Accepted and revoked are final and win over expiry; otherwise expired when `now >= expiresAt`. */
export function invitationStatus(
  inv: { expiresAt: Date; acceptedAt?: Date | null; revokedAt?: Date | null },
  now: Date,
): InvitationStatus {
  if (inv.acceptedAt) return 'accepted';
  if (inv.revokedAt) return 'revoked';
  return now.getTime() >= inv.expiresAt.getTime() ? 'expired' : 'pending';
}
