import * as z from 'zod/mini';

/** Stable error codes shared by the wire, the adapter and the elements. */
export const ERROR_CODES = [
  'unauthenticated',
  'forbidden',
  'not_found',
  'validation_failed',
  'capacity_exceeded',
  'role_not_on_plan',
  'already_member',
  'already_invited',
  'invitation_expired',
  'invitation_closed',
  'owner_protected',
  'wrong_password',
  'locked_out',
  'version_conflict',
  'idempotency_conflict',
  'conflict',
  'rate_limited',
  'server_error',
  'network_error',
  'timeout',
  'aborted',
  'malformed_response',
] as const;
export const ErrorCode = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCode>;

/** One problem with one field of a request or one row of a bulk invite. */
export const ProblemDetail = z.object({
  /** The field name, e.g. `email`. */
  field: z.optional(z.string()),
  /** Index of the row in the request (0-based) for bulk operations. */
  row: z.optional(z.int()),
  code: z.string(),
  message: z.string(),
});
export type ProblemDetail = z.infer<typeof ProblemDetail>;

/** RFC 9457 problem details, with our stable `code` and per-field/per-row `errors`. */
export const Problem = z.object({
  type: z.optional(z.string()),
  title: z.string(),
  status: z.int(),
  detail: z.optional(z.string()),
  instance: z.optional(z.string()),
  code: ErrorCode,
  errors: z.optional(z.array(ProblemDetail)),
  /** Seconds to wait before retrying (429, 423). */
  retryAfter: z.optional(z.int()),
});
export type Problem = z.infer<typeof Problem>;
