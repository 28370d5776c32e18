// The contract's plain value lists, without zod: elements import these for menus and ordering
// without pulling the schemas (and zod) into their code path. The schemas build their enums from
// them; schemas/index.ts re-exports them.

/** The four roles, most powerful first. */
export const ROLES = ['owner', 'admin', 'supervisor', 'agent'] as const;

export const BILLING_PERIODS = ['monthly', 'annual'] as const;

export const MEMBER_STATUSES = ['active', 'deactivated'] as const;

export const INVITATION_STATUSES = ['pending', 'expired', 'accepted', 'revoked'] as const;

/** Statuses a list can be filtered by (members' and open invitations'). */
export const ENTRY_STATUSES = ['active', 'deactivated', 'pending', 'expired'] as const;

export const SORT_KEYS = ['name', 'role', 'status'] as const;
