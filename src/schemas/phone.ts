import * as z from 'zod/mini';
import { E164, Id } from './common.js';

export const RingGroup = z.object({ id: Id, name: z.string() });
export type RingGroup = z.infer<typeof RingGroup>;

/** Where a number rings: a member, a ring group, or nobody (kept on the account). */
export const Assignee = z.discriminatedUnion('type', [
  z.object({ type: z.literal('member'), memberId: Id }),
  z.object({ type: z.literal('ringGroup'), ringGroupId: Id }),
]);
export type Assignee = z.infer<typeof Assignee>;

export const PhoneNumber = z.object({
  number: E164,
  assignee: z.nullable(Assignee),
});
export type PhoneNumber = z.infer<typeof PhoneNumber>;
