// What the HTTP adapter needs from the contract that brings zod: the route table with its
// schemas and the validation of answers. The adapter loads this module with import() when it is
// created, so zod is not in the page's initial JavaScript; every answer is still validated.
import * as z from 'zod/mini';
import { describeIssues } from '../schemas/describe-issues.js';
import { Problem } from '../schemas/index.js';

export { ROUTE_BY_ID, codeForStatus, fillPath, versionTag } from './routes.js';
export { describeIssues };

/** Validates an answer against its schema (input echoed in the issues). */
export function parseResponse(
  schema: z.ZodMiniType,
  json: unknown,
): ReturnType<typeof z.safeParse<z.ZodMiniType>> {
  return z.safeParse(schema, json, { reportInput: true });
}

/** An RFC 9457 problem in Seatkit's shape, or null when the body is something else. */
export function parseProblem(json: unknown): Problem | null {
  const parsed = z.safeParse(Problem, json);
  return parsed.success ? parsed.data : null;
}
