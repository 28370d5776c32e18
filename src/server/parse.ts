import * as z from 'zod/mini';
import { describeIssues } from '../schemas/describe-issues.js';
import { Refusal } from './refusal.js';

/** Validates a request part; a mismatch is 422 `validation_failed` naming each field and why. */
export function parse<S extends z.ZodMiniType>(schema: S, value: unknown): z.output<S> {
  const result = z.safeParse(schema, value, { reportInput: true });
  if (result.success) return result.data;
  const messages = describeIssues(result.error.issues);
  throw new Refusal('validation_failed', `The request is not valid: ${messages.join('; ')}`, {
    errors: result.error.issues.map((issue, i) => ({
      field: issue.path.map(String).join('.') || undefined,
      code: issue.code,
      message: messages[i] ?? issue.message,
    })),
  });
}
