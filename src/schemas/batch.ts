import * as z from 'zod/mini';
import { BATCH_ACTIONS, MAX_BATCH_ITEMS } from './constants.js';
import { Count, Id, Role, Version } from './common.js';
import { Charge, Quote, Refusal } from './billing.js';
import { ErrorCode } from './problem.js';
import { Assignee } from './phone.js';
import { RemovalImpact } from './removal.js';
import { TeamEntry } from './team.js';

export const BatchAction = z.enum(BATCH_ACTIONS);
export type BatchAction = z.infer<typeof BatchAction>;

/** One selected member or invitation, at the version the caller last saw. */
export const BatchItem = z.object({ id: Id, version: Version });
export type BatchItem = z.infer<typeof BatchItem>;

/**
 * One action on many members (changeRole, deactivate, reactivate, remove) or invitations
 * (resend, revoke). Each item is decided and applied on its own, in order, with the same rules
 * as the single action; one refused item doesn't stop the others.
 */
export const BatchInput = z.object({
  action: BatchAction,
  /** changeRole: the role every selected member gets. */
  role: z.optional(Role),
  /** remove: where the removed members' numbers go (`null` or absent: unassigned, kept). */
  reassignTo: z.optional(z.nullable(Assignee)),
  items: z.array(BatchItem).check(z.minLength(1), z.maxLength(MAX_BATCH_ITEMS)),
});
export type BatchInput = z.infer<typeof BatchInput>;

export const BatchOutcome = z.discriminatedUnion('outcome', [
  z.object({
    id: Id,
    outcome: z.literal('done'),
    /** The member or invitation after the change; null when it is gone (removed). */
    entry: z.nullable(TeamEntry),
    /** A reactivation's prorated charge. */
    charge: z.nullable(Charge),
  }),
  z.object({ id: Id, outcome: z.literal('refused'), code: ErrorCode, message: z.string() }),
]);
export type BatchOutcome = z.infer<typeof BatchOutcome>;

export const BatchResult = z.object({ results: z.array(BatchOutcome) });
export type BatchResult = z.infer<typeof BatchResult>;

/** What removing several members does, added up: one member's consequences, and how many. */
export const CombinedRemoval = z.extend(
  z.omit(RemovalImpact, { memberId: true, allowed: true, refusal: true }),
  { members: Count },
);
export type CombinedRemoval = z.infer<typeof CombinedRemoval>;

/** What a batch would do, decided exactly as the batch decides, before anything happens. */
export const BatchPreview = z.object({
  items: z.array(z.object({ id: Id, allowed: z.boolean(), refusal: z.optional(Refusal) })),
  /** Seats and money for the items that would go through (deactivate, reactivate, remove). */
  quote: z.nullable(Quote),
  /** remove: what the removals that would go through do together. */
  removal: z.nullable(CombinedRemoval),
});
export type BatchPreview = z.infer<typeof BatchPreview>;
