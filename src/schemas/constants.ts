// The contract's plain value lists, without zod: elements import these for menus and ordering
// without pulling the schemas (and zod) into their code path. The schemas build their enums from
// them; schemas/index.ts re-exports them.

/** The four roles, most powerful first (also the order the list sorts them in). */
export const ROLES = ['owner', 'admin', 'supervisor', 'agent'] as const;

export const BILLING_PERIODS = ['monthly', 'annual'] as const;

export const MEMBER_STATUSES = ['active', 'deactivated'] as const;

export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;

/**
 * Statuses a list can be filtered by (members' and open invitations'), in the order the list
 * sorts them: people who work here, people on their way, then the rest.
 */
export const ENTRY_STATUSES = ['active', 'pending', 'expired', 'deactivated'] as const;

export const SORT_KEYS = ['name', 'role', 'status'] as const;

/** Most rows one bulk invite (a CSV file or one request) may hold. */
export const MAX_BULK_INVITES = 100_000;

/** What one request may do to many selected members or invitations at once. */
export const BATCH_ACTIONS = [
  'changeRole',
  'resend',
  'revoke',
  'deactivate',
  'reactivate',
  'remove',
] as const;

/** Most members or invitations one batch request acts on (a client splits a larger selection). */
export const MAX_BATCH_ITEMS = 1000;
