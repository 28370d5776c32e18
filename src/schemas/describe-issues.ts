import type * as z from 'zod/mini';

// Zod issues in words a person can act on, one line each, with the path in familiar notation.
// Used for scenarios, request bodies and malformed responses alike.

/** Describes zod issues in words, one line each, with the path: `members[2].email: ...`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string[] {
  return issues.map((issue) => `${formatPath(issue.path) || '(root)'}: ${describeIssue(issue)}`);
}

/** `['members', 2, 'email']` → `members[2].email`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const FORMAT_WORDS: Record<string, string> = {
  email: 'an email address',
  datetime: 'an ISO 8601 date-time such as 2026-11-16T09:30:00Z',
  date: 'a date such as 2026-11-16',
  regex: 'a value in the expected format',
  url: 'a URL',
  uuid: 'a UUID',
};

function describeIssue(issue: z.core.$ZodIssue): string {
  // Messages we wrote ourselves win over the generic "Invalid input".
  if (issue.message && issue.message !== 'Invalid input') return issue.message;
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      if (input === undefined) return `is required (expected ${article(issue.expected)})`;
      return `expected ${article(issue.expected)}, got ${typeName(input)}`;
    case 'invalid_value':
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(' or ')}${
        input === undefined ? '' : `, got ${JSON.stringify(input)}`
      }`;
    case 'invalid_format':
      return `expected ${FORMAT_WORDS[issue.format] ?? `a ${issue.format}`}${
        typeof input === 'string' ? `, got ${JSON.stringify(input)}` : ''
      }`;
    case 'too_small':
      return issue.origin === 'array'
        ? `needs at least ${issue.minimum} item(s)`
        : issue.origin === 'string'
          ? `must be at least ${issue.minimum} character(s) long`
          : `must be at least ${issue.minimum}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `has more than ${issue.maximum} items`
        : issue.origin === 'string'
          ? `must be at most ${issue.maximum} characters long`
          : `must be at most ${issue.maximum}`;
    case 'not_multiple_of':
      return `must be a multiple of ${issue.divisor}`;
    case 'unrecognized_keys':
      return `unknown field(s) ${issue.keys.join(', ')}`;
    case 'invalid_union':
      return 'does not match any of the allowed shapes';
    case 'invalid_key':
      return 'has an invalid key';
    case 'invalid_element':
      return 'has an invalid element';
    default:
      return 'is invalid';
  }
}

function article(type: string): string {
  if (type === 'int') return 'an integer';
  if (type === 'array' || type === 'object' || type === 'integer') return `an ${type}`;
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return article(typeof value);
}
