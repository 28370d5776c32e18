import * as z from 'zod/mini';
import { Count, DateTime, E164, Id } from './common.js';
import { Assignee } from './phone.js';

/** What removing one member will do, answered before anything happens. */
export const RemovalImpact = z.object({
  memberId: Id,
  /** False for the owner, with the reason (transfer ownership first). */
  allowed: z.boolean(),
  refusal: z.optional(z.object({ code: z.string(), message: z.string() })),
  /** Numbers unassigned and kept on the account. */
  phoneNumbers: z.array(E164),
  /** Call recordings preserved (admins keep access). */
  recordings: Count,
  /** SMS conversations moved to the shared team inbox. */
  smsConversations: Count,
  /** Dialer campaigns the member leaves; the campaigns continue. */
  campaigns: z.array(z.string()),
  /** Personal integrations (e.g. a CRM user token) that are disconnected. */
  personalIntegrations: z.array(z.string()),
  /** Team-level integrations, untouched. */
  teamIntegrations: z.array(z.string()),
  /** The seat count drops at this renewal; no refund. */
  seatDropsAt: DateTime,
  refund: Count,
});
export type RemovalImpact = z.infer<typeof RemovalImpact>;

export const RemovalResult = z.object({
  memberId: Id,
  unassignedNumbers: z.array(E164),
  reassignedTo: z.nullable(Assignee),
});
export type RemovalResult = z.infer<typeof RemovalResult>;
