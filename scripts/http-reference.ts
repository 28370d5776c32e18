// Generates docs/http-api.md, the HTTP reference: every operation of the route table
// (src/api/routes.ts) with its headers, parameters, request and response, and refusals, and the
// test controls. Every example is a real exchange with the engine: the mock backend (the engine on
// the memory store) loaded with the conformance suite's productExample scenario, sent Request
// objects. The examples cannot drift from the code: when the engine answers differently, the
// document is stale and test/node/docs/http-api.test.ts fails.
// Usage: node --import tsx scripts/http-reference.ts [--check]   (--check fails when it is stale)
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './generated.js';
import * as prettier from 'prettier';
import * as z from 'zod/mini';
import { ERROR_TRAITS } from '../src/api/error-traits.js';
import {
  COMMON_ERRORS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  ROUTES,
  STATUS_BY_CODE,
} from '../src/api/routes.js';
import type { OperationId, Route } from '../src/api/routes.js';
import { createMockBackend } from '../src/mock/backend.js';
import type { MockBackend } from '../src/mock/backend.js';
import { decide } from '../src/rules/permissions.js';
import type { Action } from '../src/rules/permissions.js';
import type { InviteProblemCode } from '../src/rules/invite-validation.js';
import { ERROR_CODES, MAX_BATCH_ITEMS, MAX_BULK_INVITES, ROLES } from '../src/schemas/index.js';
import type { ErrorCode, Role } from '../src/schemas/index.js';
import type { ScenarioInput } from '../src/schemas/scenario.js';
import { INVITE_CODE_PRECEDENCE, PROBLEM_CODES } from '../src/server/operations.js';
import { essentials, productExample } from '../src/testing/fixtures.js';
import { DOCS } from './openapi.js';

const OUTPUT = fileURLToPath(new URL('../docs/http-api.md', import.meta.url));
const BASE = '/api';
const ORIGIN = 'http://seatkit.example';

// ---- talking to the engine ---------------------------------------------------------------------

interface Call {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Relative to the base path, query included. */
  path: string;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Example {
  /** What the example shows, one sentence; says what `setup` did. */
  title: string;
  scenario?: () => ScenarioInput;
  /** Done through the backend's controls before the calls, not shown. */
  setup?: (backend: MockBackend) => Promise<unknown>;
  calls: Call[];
}

interface Answer {
  status: number;
  headers: Headers;
  json: unknown;
}

const STATUS_TEXT: Record<number, string> = {
  200: 'OK',
  201: 'Created',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The response headers an example shows (Cache-Control: no-store is on every answer). */
const SHOWN_HEADERS = ['Content-Type', 'ETag', 'Idempotent-Replayed', 'Retry-After', 'Allow'];

async function send(backend: MockBackend, call: Call): Promise<Answer> {
  const headers = new Headers(call.headers);
  if (call.body !== undefined) headers.set('Content-Type', 'application/json');
  const response = await backend.handle(
    new Request(`${ORIGIN}${BASE}${call.path}`, {
      method: call.method,
      headers,
      ...(call.body === undefined ? {} : { body: JSON.stringify(call.body) }),
    }),
  );
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    json: text ? JSON.parse(text) : null,
  };
}

function requestText(call: Call): string {
  const lines = [`${call.method} ${BASE}${call.path} HTTP/1.1`];
  if (call.body !== undefined) lines.push('Content-Type: application/json');
  for (const [name, value] of Object.entries(call.headers ?? {})) lines.push(`${name}: ${value}`);
  if (call.body !== undefined) lines.push('', JSON.stringify(call.body, null, 2));
  return lines.join('\n');
}

function responseText(answer: Answer): string {
  const text = STATUS_TEXT[answer.status];
  if (!text) throw new Error(`No status text for ${answer.status}: add it to STATUS_TEXT.`);
  const lines = [`HTTP/1.1 ${answer.status} ${text}`];
  for (const name of SHOWN_HEADERS) {
    const value = answer.headers.get(name);
    if (value !== null) lines.push(`${name}: ${value}`);
  }
  lines.push('', JSON.stringify(answer.json, null, 2));
  return lines.join('\n');
}

const fence = (text: string) => `\`\`\`http\n${text}\n\`\`\``;

/** Runs an example on a fresh backend and renders every exchange. */
async function renderExample(example: Example): Promise<string> {
  const backend = createMockBackend((example.scenario ?? productExample)());
  if (example.setup) await example.setup(backend);
  const parts = example.title ? [example.title] : [];
  for (const call of example.calls) {
    const answer = await send(backend, call);
    parts.push(fence(requestText(call)), fence(responseText(answer)));
  }
  return parts.join('\n\n');
}

// ---- what each operation is, beyond the route table -------------------------------------------

/** The permission each operation checks first (the batch: each action's own, all owner and admin). */
const PERMISSION: Record<OperationId, Action> = {
  getViewer: 'viewTeam',
  listTeam: 'viewTeam',
  listPhoneNumbers: 'viewPhoneNumbers',
  listRingGroups: 'viewTeam',
  getBillingSummary: 'viewBilling',
  quote: 'quote',
  invite: 'invite',
  bulkInvite: 'invite',
  resendInvitation: 'resendInvitation',
  revokeInvitation: 'revokeInvitation',
  changeRole: 'changeRole',
  assignPhoneNumber: 'assignPhoneNumber',
  getRemovalImpact: 'viewRemovalImpact',
  removeMember: 'removeMember',
  deactivateMember: 'deactivateMember',
  reactivateMember: 'reactivateMember',
  batch: 'deactivateMember',
  previewBatch: 'deactivateMember',
  transferOwnership: 'transferOwnership',
};

/** The roles the rules let do `action` (asked of `decide`, which the engine calls). */
function whoMay(action: Action): Role[] {
  return ROLES.filter(
    (role) => decide({ id: 'someone', role, status: 'active' }, action).allowed,
  ) as Role[];
}

/** What a path parameter holds. */
function pathParam(route: Route, name: string): string {
  if (name === 'number') return 'the E.164 number, percent-encoded (`+` is `%2B`)';
  const what = route.path.startsWith('/invitations/') ? 'invitation' : 'member';
  return `the ${what}'s id, as listed, percent-encoded`;
}

/** Notes on request body fields; every field of every body schema must have one. */
const FIELDS: Partial<Record<OperationId, Record<string, string>>> = {
  quote: {
    kind: 'what to price: `invite` (one invitation, as if accepted today), `bulkInvite` (`count` of them), `remove`, `deactivate` or `reactivate` (one member), `members` (`action` on several members together)',
    count: '`bulkInvite`: how many invitations',
    memberId: '`remove`, `deactivate`, `reactivate`: the member',
    action: '`members`: `remove`, `deactivate` or `reactivate`',
    memberIds: `\`members\`: the members, 1 to ${MAX_BATCH_ITEMS}, decided in this order`,
  },
  invite: {
    email: 'as typed; trimmed, compared by its canonical form (NFC, lower-cased)',
    role: '`admin`, `supervisor` (Pro and above) or `agent`; never `owner`',
    phoneNumber:
      'optional: one of the account’s numbers; spaces, dashes, dots and brackets are ignored',
    moveNumber:
      'the inviter confirmed that `phoneNumber`, which rings someone now, moves to the invitee when they accept',
  },
  bulkInvite: {
    invitations: `1 to ${MAX_BULK_INVITES.toLocaleString('en-US')} invitations, each like \`invite\`'s body (\`moveNumber\` has no effect: a bulk row takes unassigned numbers only)`,
  },
  changeRole: { role: 'the new role; never `owner` (ownership is transferred)' },
  assignPhoneNumber: {
    assignee:
      '`{ "type": "member", "memberId" }`, `{ "type": "ringGroup", "ringGroupId" }`, or `null` to unassign (the number stays on the account)',
  },
  removeMember: {
    reassignTo:
      'where the member’s numbers go: an assignee as in `assignPhoneNumber`, or `null` / absent to leave them unassigned on the account',
  },
  batch: {
    action:
      '`changeRole`, `deactivate`, `reactivate`, `remove` (members) or `resend`, `revoke` (invitations)',
    role: '`changeRole`: the role every item gets (required for it)',
    reassignTo: '`remove`: where the removed members’ numbers go',
    items: `1 to ${MAX_BATCH_ITEMS} \`{ "id", "version" }\`, each at the version the caller last saw; decided and applied in this order`,
  },
  previewBatch: {
    action: 'as for `batch`',
    role: 'as for `batch`',
    reassignTo: 'as for `batch`',
    items: 'as for `batch` (the versions are not checked by a preview)',
  },
  transferOwnership: {
    memberId: 'the member who becomes owner: active, not the owner',
    password: 'the owner’s password, 1 to 1000 characters',
  },
};

type JsonSchema = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
};

/** A JSON Schema as a few words: `string (≤ 1000)`, `"a" or "b"`, `E.164 string or null`. */
function typeWords(schema: JsonSchema): string {
  if (schema.const !== undefined) return `\`${JSON.stringify(schema.const)}\``;
  if (schema.enum) return schema.enum.map((v) => `\`${JSON.stringify(v)}\``).join(', ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) {
    const words = union.map(typeWords);
    return [...new Set(words)].join(' or ');
  }
  switch (schema.type) {
    case 'string':
      if (schema.pattern === '^\\+[1-9]\\d{1,14}$') return 'E.164 string';
      if (schema.maxLength === undefined) return 'string';
      return schema.minLength
        ? `string (${schema.minLength}–${schema.maxLength} characters)`
        : `string (up to ${schema.maxLength} characters)`;
    case 'integer':
      return schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER
        ? `integer (${schema.minimum ?? 0}–${schema.maximum})`
        : 'integer';
    case 'array':
      return `array of ${schema.items ? typeWords(schema.items) : 'values'}`;
    case 'object':
      return 'object';
    case 'null':
      return '`null`';
    default:
      return schema.type ?? 'any';
  }
}

/**
 * The body's fields: [name, type words, required]. A union of objects (a quote's change) merges
 * its variants: a field some variants have is required "with its kind".
 */
function bodyFields(schema: z.ZodMiniType): [string, string, string][] {
  const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  const variants = json.oneOf ?? [json];
  const out = new Map<string, { types: Set<string>; required: number; present: number }>();
  for (const variant of variants) {
    for (const [name, field] of Object.entries(variant.properties ?? {})) {
      const seen = out.get(name) ?? { types: new Set<string>(), required: 0, present: 0 };
      seen.types.add(typeWords(field));
      seen.present++;
      if ((variant.required ?? []).includes(name)) seen.required++;
      out.set(name, seen);
    }
  }
  return [...out].map(([name, { types, required, present }]) => [
    name,
    [...types].join(', '),
    required === variants.length ? 'yes' : required === present ? 'with its `kind`' : 'no',
  ]);
}

// ---- refusals ----------------------------------------------------------------------------------

/** When each code is answered, by default; an operation's own words (WHEN) come first. */
const WHEN_DEFAULT: Partial<Record<ErrorCode, string>> = {
  unauthenticated:
    '`identify()` returned nobody, or an account that does not exist, or a member who is not in it',
  forbidden: 'the signed-in member is deactivated, or their role may not do this',
  rate_limited:
    'never from the engine itself (only an injected fault); a gateway in front of it may answer 429 with `Retry-After`',
  server_error:
    'an unexpected error in the engine or the store (passed to `onError`); the transaction was rolled back',
  idempotency_conflict:
    'the `Idempotency-Key` already answered a different request (another method, path or body) in the last 24 hours',
  version_conflict: '`If-Match` names another version than the current one',
};

/** Said of every change: its key and, on versioned ones, its `If-Match`. */
const KEY_PROBLEMS =
  '`Idempotency-Key` missing (`missing_idempotency_key`) or not 1–255 visible ASCII characters (`invalid_idempotency_key`)';
const IF_MATCH_PROBLEM = '`If-Match` is not `"3"`, `W/"3"` or `*` (`invalid_if_match`)';
const IN_FLIGHT =
  'a request with the same `Idempotency-Key` is still being answered (`Retry-After: 1`)';
const AGENTS = 'a supervisor or an agent, or a deactivated member, asks';
const BODY = 'the body is not JSON, has a field the contract does not have, or a field is wrong';

const WHEN: Record<OperationId, Partial<Record<ErrorCode, string>>> = {
  getViewer: { forbidden: 'the signed-in member is deactivated' },
  listTeam: {
    validation_failed:
      'a query parameter is unknown or wrong (a role, status, sort or direction not in its list, `limit` not a whole number from 1, `search` over 200 characters), or `cursor` is not from a previous page of the same sort and direction',
    forbidden: 'the signed-in member is deactivated',
  },
  listPhoneNumbers: { forbidden: AGENTS },
  listRingGroups: { forbidden: 'the signed-in member is deactivated' },
  getBillingSummary: { forbidden: AGENTS },
  quote: {
    validation_failed: `the body is not a change (an unknown \`kind\`, a \`count\` over ${MAX_BULK_INVITES.toLocaleString('en-US')}, no \`memberIds\` or more than ${MAX_BATCH_ITEMS})`,
    not_found:
      'the member of a `remove`, `deactivate` or `reactivate` does not exist (for `members`, an unknown id is a refused item instead)',
    forbidden: AGENTS,
  },
  invite: {
    validation_failed: `${BODY}, or an invite check found a field problem (see [Invite problems](#invite-problems)); or ${KEY_PROBLEMS}`,
    forbidden: `${AGENTS}; or the number rings the owner and the owner is not the one inviting (\`owner_number\`)`,
    already_member: 'the email is an active or a deactivated member’s (“Reactivate them instead.”)',
    already_invited: 'the email has a pending invitation (“Resend it instead.”)',
    role_not_on_plan: 'the plan does not offer the role (“Supervisor needs the Pro plan or above”)',
    capacity_exceeded: 'active members + pending invitations already fill the plan’s maximum',
    conflict: IN_FLIGHT,
  },
  bulkInvite: {
    validation_failed: `${BODY}; or any row has a problem (per-row \`errors\`; nothing is sent); or ${KEY_PROBLEMS}`,
    capacity_exceeded:
      'every row is valid but not all fit: the rows past the free seats carry `over_capacity`',
    forbidden: AGENTS,
    conflict: IN_FLIGHT,
  },
  resendInvitation: {
    validation_failed: `${KEY_PROBLEMS}; or ${IF_MATCH_PROBLEM}`,
    not_found: 'no invitation has this id',
    invitation_closed: 'the invitation was accepted or revoked',
    capacity_exceeded:
      'the invitation expired (so it holds no seat) and the plan has no seat left for it',
    role_not_on_plan:
      "the plan no longer offers the invitation's role (a downgrade): it could never be accepted",
    forbidden: AGENTS,
    conflict: IN_FLIGHT,
  },
  revokeInvitation: {
    validation_failed: `${KEY_PROBLEMS}; or ${IF_MATCH_PROBLEM}`,
    not_found: 'no invitation has this id',
    invitation_closed:
      'the invitation was already accepted or revoked (an expired one can be revoked)',
    forbidden: AGENTS,
    conflict: IN_FLIGHT,
  },
  changeRole: {
    validation_failed: `${BODY}; or ${KEY_PROBLEMS}; or ${IF_MATCH_PROBLEM}`,
    not_found: 'no member has this id',
    owner_protected: 'the member is the owner',
    forbidden: `${AGENTS}; or the member is the signed-in one; or the new role is \`owner\``,
    role_not_on_plan: 'the plan does not offer the new role',
    version_conflict: `${WHEN_DEFAULT.version_conflict} (checked after the rules above)`,
    conflict: IN_FLIGHT,
  },
  assignPhoneNumber: {
    validation_failed: `${BODY}; or the assignee is a member (\`unknown_member\`) or ring group (\`unknown_ring_group\`) that does not exist; or ${KEY_PROBLEMS}`,
    not_found: 'the number is not one of the account’s',
    forbidden: `${AGENTS}; or the number rings the owner and the signed-in member is not the owner`,
    conflict: `the assignee is a deactivated member; or ${IN_FLIGHT}`,
  },
  getRemovalImpact: {
    not_found: 'no member has this id',
    forbidden: `${AGENTS} (removing the owner or oneself is not refused here: the answer says \`allowed: false\` with the reason)`,
  },
  removeMember: {
    validation_failed: `${BODY}; or \`reassignTo\` names a member (\`unknown_member\`, the removed member included) or ring group (\`unknown_ring_group\`) that does not exist; or ${KEY_PROBLEMS}; or ${IF_MATCH_PROBLEM}`,
    not_found: 'no member has this id',
    owner_protected: 'the member is the owner (“Transfer ownership first.”)',
    forbidden: `${AGENTS}; or the member is the signed-in one`,
    version_conflict: `${WHEN_DEFAULT.version_conflict} (checked after the rules above)`,
    conflict: `\`reassignTo\` is a deactivated member; or ${IN_FLIGHT}`,
  },
  deactivateMember: {
    validation_failed: `${KEY_PROBLEMS}; or ${IF_MATCH_PROBLEM}`,
    not_found: 'no member has this id',
    owner_protected: 'the member is the owner',
    forbidden: `${AGENTS}; or the member is the signed-in one`,
    conflict: `the member is already deactivated; or ${IN_FLIGHT}`,
    version_conflict: `${WHEN_DEFAULT.version_conflict} (checked after the rules above)`,
  },
  reactivateMember: {
    validation_failed: `${KEY_PROBLEMS}; or ${IF_MATCH_PROBLEM}`,
    not_found: 'no member has this id',
    forbidden: AGENTS,
    conflict: `the member is already active; or ${IN_FLIGHT}`,
    role_not_on_plan:
      'the member’s role is one the plan no longer offers (a downgrade): change their role first',
    capacity_exceeded: 'active members + pending invitations already fill the plan’s maximum',
    version_conflict: `${WHEN_DEFAULT.version_conflict} (checked after the rules above)`,
  },
  batch: {
    validation_failed: `${BODY} (an unknown \`action\`, no items or more than ${MAX_BATCH_ITEMS}, \`changeRole\` without \`role\`); or ${KEY_PROBLEMS}`,
    forbidden: `${AGENTS}: the whole batch is refused. A refusal of one item (the owner, oneself, a version, a seat) is an item’s \`refused\` outcome in a 200 answer`,
    conflict: IN_FLIGHT,
  },
  previewBatch: {
    validation_failed: `${BODY}, as for \`batch\``,
    forbidden: `${AGENTS}: the whole preview is refused; an item’s refusal is in its \`refusal\``,
  },
  transferOwnership: {
    validation_failed: `${BODY}; or ${KEY_PROBLEMS}`,
    forbidden: 'the signed-in member is not the owner; or `memberId` is the owner themself',
    conflict: `the new owner is deactivated; or ${IN_FLIGHT}`,
    locked_out:
      'the fifth wrong password in a row, and every attempt for 15 minutes after it, the right password too (`Retry-After` and `retryAfter`: the seconds left)',
    not_found: 'no member has this id (checked after the lockout)',
    wrong_password:
      'the password is wrong (attempts 1 to 4); `errors` holds `{ "field": "password", "code": "wrong_password" }` and `{ "code": "attempts_left", "message": "3" }`',
  },
};

/** Every code an operation can answer: its own, the ones every change adds, the common ones. */
function refusalCodes(route: Route): ErrorCode[] {
  const codes = new Set<ErrorCode>(route.errors);
  if (route.idempotent) {
    codes.add('validation_failed');
    codes.add('conflict');
    codes.add('idempotency_conflict');
  }
  if (route.versioned) {
    codes.add('validation_failed');
    codes.add('version_conflict');
  }
  for (const code of COMMON_ERRORS) codes.add(code);
  return [...codes].sort(
    (a, b) =>
      STATUS_BY_CODE[a] - STATUS_BY_CODE[b] || ERROR_CODES.indexOf(a) - ERROR_CODES.indexOf(b),
  );
}

function refusalTable(route: Route): string {
  const rows = refusalCodes(route).map((code) => {
    const when = WHEN[route.operationId][code] ?? WHEN_DEFAULT[code];
    if (!when) throw new Error(`${route.operationId}: say when it answers ${code} (WHEN).`);
    return `| \`${code}\` | ${STATUS_BY_CODE[code]} | ${when} |`;
  });
  return ['| code | HTTP | when |', '| --- | --- | --- |', ...rows].join('\n');
}

// ---- examples ----------------------------------------------------------------------------------

const key = (name: string) => ({ 'Idempotency-Key': `key-${name}` });
const ifMatch = (version: number | string) => ({
  'If-Match': typeof version === 'number' ? `"${version}"` : version,
});
const TOM = 'mem-tom-example-com';
const PRIYA = 'mem-priya-example-com';
const OLIVIA = 'mem-olivia-example-com';
const MARCUS = 'mem-marcus-example-com';
const JON = 'mem-jon-example-com';
const LENA = 'inv-lena-example-com';
const SAM = 'inv-sam-example-com';

const EXAMPLES: Record<OperationId, Example[]> = {
  getViewer: [
    { title: 'The owner, Olivia, is signed in.', calls: [{ method: 'GET', path: '/viewer' }] },
  ],
  listTeam: [
    {
      title:
        'The first page of three; `nextCursor` asks for the next one (`?limit=3&cursor=…`). The owner sees invitations too.',
      calls: [{ method: 'GET', path: '/team?limit=3' }],
    },
    {
      title:
        'An agent (Priya) sees the member directory only: no invitations, so the total is 6, not 8.',
      setup: (b) => b.setActor('priya@example.com'),
      calls: [{ method: 'GET', path: '/team?sort=status&direction=desc&limit=2' }],
    },
  ],
  listPhoneNumbers: [{ title: '', calls: [{ method: 'GET', path: '/phone-numbers' }] }],
  listRingGroups: [{ title: '', calls: [{ method: 'GET', path: '/ring-groups' }] }],
  getBillingSummary: [
    {
      title: 'Team, monthly, day 15 of 30: 5 active members, 5 seats paid.',
      calls: [{ method: 'GET', path: '/billing' }],
    },
  ],
  quote: [
    {
      title: 'Inviting a sixth member: $14.50 due on acceptance, next invoice $174.00.',
      calls: [{ method: 'POST', path: '/billing/quote', body: { kind: 'invite' } }],
    },
    {
      title:
        'A change the operation would refuse is quoted as not allowed, with the reason and $0 due (200, not a problem).',
      calls: [
        { method: 'POST', path: '/billing/quote', body: { kind: 'remove', memberId: OLIVIA } },
      ],
    },
  ],
  invite: [
    {
      title: 'An invitation for 7 days, with an unassigned number.',
      calls: [
        {
          method: 'POST',
          path: '/invitations',
          headers: key('invite'),
          body: { email: 'new.person@example.com', role: 'agent', phoneNumber: '+14155550103' },
        },
      ],
    },
    {
      title:
        'A number that rings someone (Priya) moves to the invitee on acceptance only when the inviter confirmed it (`moveNumber`); without it the invite is refused with `number_in_use`.',
      calls: [
        {
          method: 'POST',
          path: '/invitations',
          headers: key('invite-move'),
          body: {
            email: 'new.person@example.com',
            role: 'agent',
            phoneNumber: '+1 (415) 555-0101',
            moveNumber: true,
          },
        },
      ],
    },
  ],
  bulkInvite: [
    {
      title: 'Every row invited together.',
      calls: [
        {
          method: 'POST',
          path: '/invitations/bulk',
          headers: key('bulk'),
          body: {
            invitations: [
              { email: 'ada@example.com', role: 'agent' },
              { email: 'ben@example.com', role: 'admin', phoneNumber: '+14155550103' },
            ],
          },
        },
      ],
    },
    {
      title:
        'One bad row refuses the whole request; `errors` names each problem with its 0-based `row` (the messages count rows from 1).',
      calls: [
        {
          method: 'POST',
          path: '/invitations/bulk',
          headers: key('bulk-bad'),
          body: {
            invitations: [
              { email: 'ada@example.com', role: 'agent' },
              { email: 'ADA@example.com', role: 'agent' },
              { email: 'priya@example.com', role: 'supervisor' },
            ],
          },
        },
      ],
    },
  ],
  resendInvitation: [
    {
      title: 'Sam’s invitation had expired; it is pending again for 7 days from now.',
      calls: [
        {
          method: 'POST',
          path: `/invitations/${SAM}/resend`,
          headers: { ...key('resend'), ...ifMatch(1) },
        },
      ],
    },
  ],
  revokeInvitation: [
    {
      title: '',
      calls: [
        {
          method: 'POST',
          path: `/invitations/${LENA}/revoke`,
          headers: { ...key('revoke'), ...ifMatch(1) },
        },
      ],
    },
  ],
  changeRole: [
    {
      title: '',
      calls: [
        {
          method: 'PUT',
          path: `/members/${TOM}/role`,
          headers: { ...key('role'), ...ifMatch(1) },
          body: { role: 'admin' },
        },
      ],
    },
    {
      title: 'Supervisor is on Pro and above; the account is on Team.',
      calls: [
        {
          method: 'PUT',
          path: `/members/${TOM}/role`,
          headers: { ...key('role-supervisor'), ...ifMatch(1) },
          body: { role: 'supervisor' },
        },
      ],
    },
  ],
  assignPhoneNumber: [
    {
      title: '',
      calls: [
        {
          method: 'PUT',
          path: '/phone-numbers/%2B14155550103/assignee',
          headers: key('assign'),
          body: { assignee: { type: 'member', memberId: TOM } },
        },
      ],
    },
  ],
  getRemovalImpact: [
    {
      title: 'What removing Priya does, before anything happens.',
      calls: [{ method: 'GET', path: `/members/${PRIYA}/removal-impact` }],
    },
    {
      title: 'The owner: not allowed, with the reason.',
      calls: [{ method: 'GET', path: `/members/${OLIVIA}/removal-impact` }],
    },
  ],
  removeMember: [
    {
      title: 'Priya’s numbers go to the Sales ring group.',
      calls: [
        {
          method: 'POST',
          path: `/members/${PRIYA}/remove`,
          headers: { ...key('remove'), ...ifMatch(1) },
          body: { reassignTo: { type: 'ringGroup', ringGroupId: 'rg-sales' } },
        },
      ],
    },
    {
      title: 'The owner is never removed.',
      calls: [
        {
          method: 'POST',
          path: `/members/${OLIVIA}/remove`,
          headers: { ...key('remove-owner'), ...ifMatch(1) },
          body: {},
        },
      ],
    },
  ],
  deactivateMember: [
    {
      title: '',
      calls: [
        {
          method: 'POST',
          path: `/members/${TOM}/deactivate`,
          headers: { ...key('deactivate'), ...ifMatch(1) },
        },
      ],
    },
  ],
  reactivateMember: [
    {
      title:
        'Jon becomes the sixth active member, one more than the 5 seats paid: a prorated charge, recorded.',
      calls: [
        {
          method: 'POST',
          path: `/members/${JON}/reactivate`,
          headers: { ...key('reactivate'), ...ifMatch(1) },
        },
      ],
    },
  ],
  batch: [
    {
      title:
        'Each item is decided and applied on its own, in order: Tom is deactivated, the owner is refused, and the answer is 200.',
      calls: [
        {
          method: 'POST',
          path: '/team/batch',
          headers: key('batch'),
          body: {
            action: 'deactivate',
            items: [
              { id: TOM, version: 1 },
              { id: OLIVIA, version: 1 },
            ],
          },
        },
      ],
    },
  ],
  previewBatch: [
    {
      title:
        'What removing Priya and the owner would do: Priya allowed, the owner refused; the price and the consequences count the allowed ones only.',
      calls: [
        {
          method: 'POST',
          path: '/team/batch/preview',
          body: {
            action: 'remove',
            items: [
              { id: PRIYA, version: 1 },
              { id: OLIVIA, version: 1 },
            ],
          },
        },
      ],
    },
  ],
  transferOwnership: [
    {
      title: 'Marcus becomes the owner; Olivia becomes an admin, in one step.',
      calls: [
        {
          method: 'POST',
          path: '/ownership/transfer',
          headers: key('transfer'),
          body: { memberId: MARCUS, password: 'correct horse battery' },
        },
      ],
    },
    {
      title: 'A wrong password: the attempts left before the 15-minute lock are in `errors`.',
      calls: [
        {
          method: 'POST',
          path: '/ownership/transfer',
          headers: key('transfer-wrong'),
          body: { memberId: MARCUS, password: 'wrong horse' },
        },
      ],
    },
    {
      title: 'After four wrong passwords, the fifth locks transfers for 15 minutes.',
      setup: async (b) => {
        for (let i = 1; i <= 4; i++)
          await send(b, {
            method: 'POST',
            path: '/ownership/transfer',
            headers: key(`transfer-wrong-${i}`),
            body: { memberId: MARCUS, password: 'wrong horse' },
          });
      },
      calls: [
        {
          method: 'POST',
          path: '/ownership/transfer',
          headers: key('transfer-wrong-5'),
          body: { memberId: MARCUS, password: 'wrong horse' },
        },
      ],
    },
  ],
};

// ---- the invite problems -----------------------------------------------------------------------

interface ProblemCase {
  meaning: string;
  /** The request that has this problem and no other (a bulk one for duplicate_in_file). */
  body: Record<string, unknown>;
  bulk?: boolean;
  scenario?: () => ScenarioInput;
  actor?: string;
}

const PROBLEMS: Record<InviteProblemCode, ProblemCase> = {
  missing_email: {
    meaning: 'the email is empty',
    body: { email: ' ', role: 'agent' },
  },
  invalid_email: {
    meaning:
      'not an email address: its syntax, RFC 5321 lengths, a quoted local part, or an invisible or blank-looking character (named in the message)',
    body: { email: 'olivia\u200b@example.com', role: 'agent' },
  },
  missing_role: { meaning: 'the role is empty', body: { email: 'a@example.com', role: '' } },
  unknown_role: {
    meaning: 'not one of the roles (compared trimmed, case-insensitively)',
    body: { email: 'a@example.com', role: 'manager' },
  },
  owner_not_invitable: {
    meaning: 'the role is `owner`: nobody is invited as owner (ownership is transferred)',
    body: { email: 'a@example.com', role: 'owner' },
  },
  role_not_on_plan: {
    meaning: 'the plan does not offer the role (names the plan that does)',
    body: { email: 'a@example.com', role: 'supervisor' },
  },
  already_member: {
    meaning: 'an active or deactivated member has this email',
    body: { email: 'Priya@Example.com', role: 'agent' },
  },
  already_invited: {
    meaning: 'a pending invitation has this email (an expired or revoked one is replaced instead)',
    body: { email: 'lena@example.com', role: 'agent' },
  },
  duplicate_in_file: {
    meaning: 'bulk only: an earlier row has the same email (“Same email as row 2”)',
    body: { email: 'ada@example.com', role: 'agent' },
    bulk: true,
  },
  invalid_phone_number: {
    meaning: 'the number is not E.164 once spaces, dashes, dots and brackets are removed',
    body: { email: 'a@example.com', role: 'agent', phoneNumber: '555-0100' },
  },
  unknown_phone_number: {
    meaning: 'the number is not one of the account’s',
    body: { email: 'a@example.com', role: 'agent', phoneNumber: '+14155550199' },
  },
  number_in_use: {
    meaning:
      'the number rings a member or a ring group and the inviter did not confirm the move (`moveNumber`); a bulk row cannot confirm it',
    body: { email: 'a@example.com', role: 'agent', phoneNumber: '+14155550101' },
  },
  owner_number: {
    meaning: 'the number rings the owner and the owner is not the one inviting',
    body: { email: 'a@example.com', role: 'agent', phoneNumber: '+14155550100', moveNumber: true },
    actor: 'marcus@example.com',
  },
  over_capacity: {
    meaning:
      'no seat is free (active + pending at the plan’s maximum); in a bulk invite, the valid rows past the free seats, in file order',
    body: { email: 'a@example.com', role: 'agent' },
    scenario: () => essentials(5),
  },
};

interface ProblemRow {
  code: InviteProblemCode;
  field: string;
  single: ErrorCode;
  bulk: ErrorCode;
}

const wireField = (detail: { field?: string }) => (detail.field ? `\`${detail.field}\`` : '—');

/** Sends each problem's request, single and bulk, and checks the answer against the table. */
async function problemRows(): Promise<ProblemRow[]> {
  const rows: ProblemRow[] = [];
  for (const [code, c] of Object.entries(PROBLEMS) as [InviteProblemCode, ProblemCase][]) {
    const backend = createMockBackend((c.scenario ?? productExample)());
    if (c.actor) await backend.setActor(c.actor);
    const { moveNumber: _moveNumber, ...row } = c.body;
    const bulkRows = c.bulk ? [row, row] : [row];
    const answers: Record<'single' | 'bulk', Answer | null> = {
      single: c.bulk
        ? null
        : await send(backend, {
            method: 'POST',
            path: '/invitations',
            headers: key(`problem-${code}`),
            body: c.body,
          }),
      bulk: await send(backend, {
        method: 'POST',
        path: '/invitations/bulk',
        headers: key(`problem-bulk-${code}`),
        body: { invitations: bulkRows },
      }),
    };
    const expected = PROBLEM_CODES[code] ?? 'validation_failed';
    let field = '';
    for (const [kind, answer] of Object.entries(answers)) {
      if (!answer) continue;
      const problem = answer.json as {
        code: ErrorCode;
        errors?: { field?: string; code: string }[];
      };
      const detail = problem.errors?.find((e) => e.code === code);
      if (!detail)
        throw new Error(`${code} (${kind}): the engine answered ${JSON.stringify(problem)}`);
      if (kind === 'single' && problem.code !== expected)
        throw new Error(
          `${code}: PROBLEM_CODES says ${expected}, the engine said ${problem.code}.`,
        );
      field = wireField(detail);
    }
    const bulkCode = (answers.bulk!.json as { code: ErrorCode }).code;
    rows.push({ code, field, single: c.bulk ? bulkCode : expected, bulk: bulkCode });
  }
  return rows;
}

async function problemsSection(): Promise<string> {
  const rows = await problemRows();
  const table = [
    '| problem | field | when | one invite answers | a bulk invite answers |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map(
      (r) =>
        `| \`${r.code}\` | ${r.field} | ${PROBLEMS[r.code].meaning} | ${
          PROBLEMS[r.code].bulk ? '—' : `\`${r.single}\` (${STATUS_BY_CODE[r.single]})`
        } | \`${r.bulk}\` (${STATUS_BY_CODE[r.bulk]}) |`,
    ),
  ].join('\n');
  const precedence = INVITE_CODE_PRECEDENCE.map((c) => `\`${c}\``).join(', ');
  return `## Invite problems

\`POST /invitations\` and \`POST /invitations/bulk\` check every invitation with the rules' invite
checks (\`validateInvite\` and \`validateBulkRows\` in \`seatkit/rules\`, the same ones the dialog and
the CSV preview run), and answer with every problem found, not only the first. Each problem is one
entry of the problem's \`errors\`: \`{ "field", "code", "message" }\`, where \`code\` is the
problem below, \`field\` the request field (\`email\`, \`role\`, \`phoneNumber\`; none for
\`over_capacity\`), and, in a bulk invite, \`row\`: the index of the row in \`invitations\`, from 0
(the messages count rows from 1, as "Same email as row 1").

The problem's own \`code\`, the one a client branches on, is:

- **one invite**: the wire code of its problems; when they travel as several codes, the first of
  ${precedence}. A field problem therefore always answers \`validation_failed\`: inviting
  \`owner\` is \`validation_failed\` with \`owner_not_invitable\`, whatever else is wrong.
- **a bulk invite**: \`capacity_exceeded\` when every problem is \`over_capacity\` (the rows are
  fine, the seats are not), otherwise \`validation_failed\`; the rows' own problems are in
  \`errors\`. Nothing is invited unless every row is.

Every row of this table is checked by the generator against the engine's answer to a request with
that problem.

${table}`;
}

// ---- the controls ------------------------------------------------------------------------------

interface ControlDoc {
  method: 'GET' | 'POST' | 'DELETE';
  name: string;
  does: string;
  body?: string;
  refusals: [ErrorCode, string][];
  examples: Example[];
}

const CONTROLS: ControlDoc[] = [
  {
    method: 'GET',
    name: 'clock',
    does: 'The account’s clock.',
    refusals: [],
    examples: [{ title: '', calls: [{ method: 'GET', path: '/_control/clock' }] }],
  },
  {
    method: 'POST',
    name: 'clock',
    does: 'Sets the account’s clock (`now`, an ISO date-time), or moves it (`advanceDays`, may be fractional), or both in that order. Renewals the new time passes are applied at once (an invoice each). The clock is frozen otherwise: it moves only when told.',
    body: '`{ "now"?: string, "advanceDays"?: number }`',
    refusals: [
      [
        'validation_failed',
        '`now` is not a date, or is before the latest thing the account holds (an invitation sent, accepted or revoked, a charge, an invoice, the cycle start): the clock never goes back before recorded history. Reset to start over.',
      ],
    ],
    examples: [
      {
        title: 'Fifteen days on, past the renewal on Dec 1 (applied: an invoice is recorded).',
        calls: [{ method: 'POST', path: '/_control/clock', body: { advanceDays: 15 } }],
      },
      {
        title: 'Never back before the account’s history: Lena’s invitation was sent on Nov 14.',
        calls: [{ method: 'POST', path: '/_control/clock', body: { now: '2026-11-01T00:00:00Z' } }],
      },
    ],
  },
  {
    method: 'POST',
    name: 'accept',
    does: 'The invitee accepts (their own flow, outside these elements): by invitation id or email. They become an active member (named from their email until they set a name), the invitation’s number moves to them if it still rings where it rang when the move was confirmed, and the seat is charged (prorated, or $0 when already paid).',
    body: '`{ "invitation": string }`',
    refusals: [
      ['not_found', 'no open invitation has this id or email'],
      ['invitation_expired', 'the invitation expired'],
      ['invitation_closed', 'the invitation was accepted or revoked'],
      ['already_member', 'the email became a member meanwhile'],
      ['role_not_on_plan', 'the plan no longer offers the invitation’s role'],
    ],
    examples: [
      {
        title: 'Lena accepts: the sixth active member, charged $14.50.',
        calls: [
          { method: 'POST', path: '/_control/accept', body: { invitation: 'lena@example.com' } },
        ],
      },
    ],
  },
  {
    method: 'POST',
    name: 'actor',
    does: 'Signs in as another member: requests whose `identify()` names no member act as them. `stillSignedIn: true` allows a deactivated member (a member deactivated while signed in): every request then answers as it would for them (403).',
    body: '`{ "email": string, "stillSignedIn"?: boolean }`',
    refusals: [
      ['not_found', 'no member has this email'],
      ['conflict', 'the member is deactivated and `stillSignedIn` is not `true`'],
    ],
    examples: [
      {
        title: '',
        calls: [{ method: 'POST', path: '/_control/actor', body: { email: 'priya@example.com' } }],
      },
    ],
  },
  {
    method: 'POST',
    name: 'plan',
    does: 'A plan change made outside these elements (billing settings): the plan, and the billing period (a new period starts a cycle of that period containing today, from the same anchor). Seats paid never go down; the state it leaves (more seats in use than the plan allows, a role the plan no longer offers) is valid, and nothing new may add to it.',
    body: '`{ "plan": string, "billing"?: "monthly" | "annual" }`',
    refusals: [['validation_failed', 'the plan is not in the catalogue']],
    examples: [
      {
        title: '',
        calls: [{ method: 'POST', path: '/_control/plan', body: { plan: 'essentials' } }],
      },
    ],
  },
  {
    method: 'POST',
    name: 'reset',
    does: 'Loads a scenario into the account (replacing everything in it, its idempotency keys included), or, without one, the scenario it was last loaded with here.',
    body: '`{ "scenario"?: Scenario }`',
    refusals: [
      [
        'validation_failed',
        'the scenario is not valid (`errors` lists every problem with its path), or there is none to go back to',
      ],
    ],
    examples: [
      {
        title: 'Back to the scenario the account was last loaded with.',
        calls: [{ method: 'POST', path: '/_control/reset', body: {} }],
      },
      {
        title:
          'A scenario with problems is refused whole, each problem with its path; the account is left as it was.',
        calls: [
          {
            method: 'POST',
            path: '/_control/reset',
            body: {
              scenario: {
                plan: 'team',
                billing: 'monthly',
                cycleStart: '2026-02-30',
                now: '2026-11-16T09:30:00Z',
                actor: 'olivia@example.com',
                password: 'correct horse battery',
                members: [
                  {
                    name: 'Olivia Park',
                    email: 'olivia@example.com',
                    role: 'owner',
                    status: 'active',
                  },
                  {
                    name: 'Priya Shah',
                    email: 'priya-at-example',
                    role: 'agent',
                    status: 'active',
                  },
                ],
                invitations: [],
                phoneNumbers: [],
                ringGroups: [],
              },
            },
          },
        ],
      },
    ],
  },
  {
    method: 'GET',
    name: 'snapshot',
    does: 'The account as a scenario: loading it again (`reset`) changes nothing. It keeps ids, versions, closed invitations, charges, invoices, seats paid, the transfer lockout and retired ids. The owner’s password is left out (`""`, so a backend loaded from it refuses every transfer) unless `?includePassword=true` asks for it; a hashed credential is kept as `passwordHash`.',
    refusals: [],
    examples: [
      {
        title: 'After Priya was removed and Lena accepted.',
        setup: async (b) => {
          await send(b, {
            method: 'POST',
            path: `/members/${PRIYA}/remove`,
            headers: key('snapshot-remove'),
            body: {},
          });
          await b.acceptInvitation('lena@example.com');
        },
        calls: [{ method: 'GET', path: '/_control/snapshot' }],
      },
    ],
  },
  {
    method: 'GET',
    name: 'charges',
    does: 'Every charge recorded: one per acceptance and reactivation, $0 when the seat was already paid.',
    refusals: [],
    examples: [
      {
        title: 'After Lena accepted and Jon was reactivated.',
        setup: async (b) => {
          await b.acceptInvitation('lena@example.com');
          await send(b, {
            method: 'POST',
            path: `/members/${JON}/reactivate`,
            headers: { ...key('charges-reactivate'), ...ifMatch(1) },
          });
        },
        calls: [{ method: 'GET', path: '/_control/charges' }],
      },
    ],
  },
  {
    method: 'GET',
    name: 'invoices',
    does: 'Every renewal invoice: one per cycle boundary the clock passed, dated at it.',
    refusals: [],
    examples: [
      {
        title: 'After the clock moved 15 days, past the renewal on Dec 1.',
        setup: (b) => b.clock.advanceDays(15),
        calls: [{ method: 'GET', path: '/_control/invoices' }],
      },
    ],
  },
  {
    method: 'POST',
    name: 'faults',
    does: 'Makes the next requests of one operation (an `operationId` of the route table, or `*` for every one) fail: `status` answers that HTTP status as a problem with the code it means (`retryAfter` seconds on 429 and 503, default 1); `network` drops the connection before the engine sees the request; `dropResponse` applies the request and then drops the answer (what `Idempotency-Key` is for); `latencyMs` (up to 60,000) waits first. `times` limits it to that many requests. Faults are per engine, not per account.',
    body: '`{ "operationId": string, "status"?: 400–599, "network"?: true, "dropResponse"?: true, "latencyMs"?: number, "retryAfter"?: integer, "times"?: integer }`',
    refusals: [['validation_failed', 'an unknown operation, or a field out of range']],
    examples: [
      {
        title: 'The next invite answers 503.',
        calls: [
          {
            method: 'POST',
            path: '/_control/faults',
            body: { operationId: 'invite', status: 503, retryAfter: 5, times: 1 },
          },
          {
            method: 'POST',
            path: '/invitations',
            headers: key('fault'),
            body: { email: 'new.person@example.com', role: 'agent' },
          },
        ],
      },
    ],
  },
  {
    method: 'DELETE',
    name: 'faults',
    does: 'Clears every fault.',
    refusals: [],
    examples: [{ title: '', calls: [{ method: 'DELETE', path: '/_control/faults' }] }],
  },
];

async function controlsSection(): Promise<string> {
  const parts = [
    `## Test controls

An engine created with \`controls: true\` (the mock backend always is) also answers under
\`<basePath>/_control/\`, in the account \`identify()\` names, and offers the same as methods
(\`handler.controls\`; the mock backend's own methods in \`seatkit/mock\`). They are the parts of
the world outside the elements: time, the invitee's own flow, who is signed in, billing settings,
loading and saving a whole state, and transport failures. **Never turn them on in production**:
they let any signed-in caller rewrite the account. Without \`controls: true\` every path under
\`_control/\` answers 404.

With controls on, the account's clock is the test clock: it reads the scenario's \`now\` after a
load and moves only when told (\`POST clock\`); and a request whose \`identify()\` names no member
acts as the account's demo actor (the scenario's \`actor\`, then \`POST actor\`).

Controls answer JSON; an unknown control is 404 \`not_found\`; every control may also answer 401
\`unauthenticated\` as any request.`,
  ];
  for (const control of CONTROLS) {
    const refusals = control.refusals.length
      ? [
          '| code | HTTP | when |',
          '| --- | --- | --- |',
          ...control.refusals.map(
            ([code, when]) => `| \`${code}\` | ${STATUS_BY_CODE[code]} | ${when} |`,
          ),
        ].join('\n')
      : 'None of its own.';
    const examples = await Promise.all(control.examples.map(renderExample));
    parts.push(
      [
        `### \`${control.method} /_control/${control.name}\``,
        control.does,
        ...(control.body ? [`Body: ${control.body}`] : []),
        examples.join('\n\n'),
        `**Refusals.** ${control.refusals.length ? '' : refusals}`,
        ...(control.refusals.length ? [refusals] : []),
      ].join('\n\n'),
    );
  }
  return parts.join('\n\n');
}

// ---- conventions -------------------------------------------------------------------------------

/** Codes that do not come from a backend's own decision. */
const ANSWERED_BY: Partial<Record<ErrorCode, string>> = {
  rate_limited: 'a gateway in front of the backend (the engine never limits)',
  server_error: 'the backend, or a gateway’s 5xx',
  network_error: 'the HTTP adapter: no answer at all',
  timeout: 'the HTTP adapter (a `TimeoutError`), or a gateway’s 408 or 504',
  aborted: 'the HTTP adapter: the caller’s `AbortSignal`',
  malformed_response: 'the HTTP adapter: a 2xx answer it cannot read',
};

async function conventionsSection(): Promise<string> {
  const problem = await renderExample({
    title: '',
    calls: [
      {
        method: 'POST',
        path: '/invitations',
        headers: key('problem'),
        body: { email: 'priya@example.com', role: 'owner' },
      },
    ],
  });
  const idempotency = await renderExample({
    title:
      'The same invite sent twice with one key (its answer was lost, say) is applied once; the second answer is the first one replayed. The key with another body is refused.',
    calls: [
      {
        method: 'POST',
        path: '/invitations',
        headers: key('replay'),
        body: { email: 'new.person@example.com', role: 'agent' },
      },
      {
        method: 'POST',
        path: '/invitations',
        headers: key('replay'),
        body: { email: 'new.person@example.com', role: 'agent' },
      },
      {
        method: 'POST',
        path: '/invitations',
        headers: key('replay'),
        body: { email: 'other.person@example.com', role: 'agent' },
      },
    ],
  });
  const versions = await renderExample({
    title:
      'Tom is at version 1. Deactivating him makes version 2; a change sent with the version 1 it last saw is refused, and a bare number is not an entity tag.',
    calls: [
      {
        method: 'POST',
        path: `/members/${TOM}/deactivate`,
        headers: { ...key('version-1'), ...ifMatch(1) },
      },
      {
        method: 'POST',
        path: `/members/${TOM}/reactivate`,
        headers: { ...key('version-2'), ...ifMatch(1) },
      },
      {
        method: 'POST',
        path: `/members/${TOM}/reactivate`,
        headers: { ...key('version-3'), ...ifMatch('2') },
      },
    ],
  });
  const routing = await renderExample({
    title: '',
    calls: [{ method: 'DELETE', path: '/viewer' }],
  });
  const traits = ERROR_CODES.map((code) => {
    const t = ERROR_TRAITS[code];
    const where = ANSWERED_BY[code] ?? 'the backend';
    return `| \`${code}\` | ${t.status || '—'} | ${t.retryable ? 'yes' : 'no'} | ${t.reloadAfter ? 'yes' : 'no'} | ${where} |`;
  });
  return `## Conventions

### Base path and signing in

Paths are relative to the base path the engine is mounted on (\`basePath\`; the examples use
\`${BASE}\`, as the mock backend does) and to the \`baseUrl\` given to \`createHttpAdapter\`. The
requests carry whatever your sign-in uses (a session cookie, \`Authorization\`): the engine asks
\`identify(request)\` for the account and the member, and acts **in that account only**; an
account sees nothing of another. The examples leave that header out: they run on the mock backend,
whose \`identify\` signs in the scenario's actor (the owner, Olivia Park), on the conformance
suite's \`productExample\` scenario (Team plan, monthly, 2026-11-16, day 15 of 30; 5 active members
and one deactivated; Lena's invitation pending, Sam's expired).

### Requests and responses

- Bodies are JSON (\`Content-Type: application/json\`), at most 16 MiB (\`maxBodyBytes\`; a
  100,000-row bulk invite fits); a larger one is refused with 413 \`validation_failed\`
  (\`too_large\`), one that is not JSON with 422 (\`invalid_json\`).
- The bodies of changes are strict: a field the contract does not have (\`status\`, \`version\`,
  \`amount\`, …) is refused with 422, never ignored. So are unknown query parameters of
  \`GET /team\`.
- Every answer has \`Cache-Control: no-store\`. An answer that is one member or one invitation has
  its version as \`ETag\` (\`"2"\`).
- Money is integer cents (\`1450\` is $14.50), in the summary's \`currency\`; dates are ISO 8601 in
  UTC with milliseconds; phone numbers are E.164 (\`+14155550100\`); ids are opaque strings of 1 to
  200 characters (the engine makes them from emails and names: \`mem-priya-example-com\`, and never
  hands one out twice in an account).
- Ids in paths are percent-encoded and are always one path segment.
- An unknown path answers 404 \`not_found\`; a known path with another method 405 (code
  \`validation_failed\`) with \`Allow\`:

${routing}

### Headers

| header | in | what |
| --- | --- | --- |
| \`Idempotency-Key\` | every change (marked _change_ below) | Required. 1–255 visible ASCII characters (\`!\` to \`~\`): one key per intended change, the same key when retrying it. See [Idempotency](#idempotency). |
| \`If-Match\` | changes to a member or an invitation (marked _versioned_) | Optional. The version the caller last saw, as an entity tag: \`"3"\` or \`W/"3"\`, or \`*\` for any version. Without it the change is unconditional. Another version → 412 \`version_conflict\`; anything else (a bare \`3\`) → 422 \`validation_failed\` (\`invalid_if_match\`). |
| \`ETag\` | answers that are one member or invitation | Its \`version\`, as \`If-Match\` takes it. |
| \`Idempotent-Replayed\` | answers | \`true\` when the answer is a replay of the first answer to this key. |
| \`Retry-After\` | 423, 429, 503 answers, and 409 while a key is in flight | Seconds to wait; the problem's \`retryAfter\` says the same. |
| \`Allow\` | 405 answers | The methods the path takes. |

### Idempotency

Every change carries an \`Idempotency-Key\`, and the engine keeps the answer of a successful
change under it: a retry with the same key and the same request (method, path and body; the order
of the body's keys does not matter) is not applied again but answered with the first answer and
\`Idempotent-Replayed: true\`. The same key with a different request is refused with 422
\`idempotency_conflict\`.

- Keys are scoped to the account and the signed-in member: another member's key of the same
  spelling is another key.
- The answer is kept for 24 hours from the first request (\`idempotency.retainSeconds\`), counted on
  the engine's \`clock\`, not on the test clock.
- While the first request with a key is still being answered, another request with it is refused
  with 409 \`conflict\` and \`Retry-After: 1\`. A key whose request has not finished after 60 seconds
  (\`idempotency.inFlightSeconds\`) counts as abandoned (its process died) and can be used again.
- **A refusal is kept under its key like a success** (replayed as the same problem): one key has
  one answer on every server process. A new attempt after fixing the cause is a new change, with a
  new key. A server error (5xx) keeps nothing, so its retry runs again. The owner's password is
  left out of what a key remembers: another password under the same key gets the first answer and
  checks nothing, so every guess needs a new key, and counts toward the lockout.

${idempotency}

### Versions

Members and invitations carry a \`version\`, an integer that grows with every change to them.
A change to one sends the version it last saw in \`If-Match\`; the engine refuses it with 412
\`version_conflict\` when the resource has changed since. A member's own rules (the owner,
oneself, the status, seats, the plan) are checked first and their refusal is the answer; an
invitation's version is checked before whether it is still open.

${versions}

### Problems

Every refusal is an RFC 9457 problem, \`Content-Type: application/problem+json\`:

| field | what |
| --- | --- |
| \`type\` | \`https://seatkit.dev/problems/<code with dashes>\` |
| \`title\`, \`detail\` | the reason, in English, for people (the elements show it, or their own words for the code) |
| \`status\` | the HTTP status |
| \`code\` | the stable error code: what a client branches on |
| \`instance\` | the request path |
| \`errors\` | optional: one entry per problem, \`{ "field"?, "row"?, "code", "message" }\`; \`row\` is the 0-based index of a bulk invite's row |
| \`retryAfter\` | optional: seconds to wait (423, 429, 503; 409 while a key is in flight) |

${problem}

### Error codes

Every code, its HTTP status, whether the HTTP adapter marks it \`retryable\` (sending the same
request again, with the same key, may succeed) and whether the elements reload the list after it
(it says the list may be stale). A problem with a code this version does not know is read by its
status.

| code | HTTP | retryable | reload | answered by |
| --- | --- | --- | --- | --- |
${traits.join('\n')}

### The order of checks

A request is refused for the first of these that fails, so one request never gets two answers:

1. The route: an unknown path (404), another method (405).
2. \`identify(request)\`: nobody signed in (401).
3. The body: too large (413), not JSON (422).
4. \`If-Match\` (versioned changes) and \`Idempotency-Key\` (changes) are well formed (422); then the
   key: a replay, 409 while in flight, 422 \`idempotency_conflict\`.
5. The account exists and its due renewals are applied; the signed-in member is in it (401) and
   active (403).
6. The operation's own checks: who may do it at all (403), the body's shape (422), whether the
   target exists (404), the rules (the owner, oneself, status, plan, seats) and the version (412).
   Their order depends on the operation: a change to one member or invitation reads its body and
   finds its target before it asks who may change it (an agent naming an id that does not exist
   gets 404), and checks a member's rules before its version but an invitation's version before
   whether it is still open; an invite asks who may invite first.

**Invite** (\`POST /invitations\`): who may invite (an agent or a supervisor: 403 \`forbidden\`),
the body's shape (422), then **the invite checks**: all of them, every problem reported
([Invite problems](#invite-problems)), with the code chosen by precedence. Inviting \`owner\` is
therefore 422 \`validation_failed\` with \`owner_not_invitable\`, never \`forbidden\`: the invite
checks run before the role is looked at as a permission, and the permission check that follows
them (\`decide\` with the new role) can no longer refuse.

**Transfer of ownership**: the owner only, to an active member other than themself (403, 409), then
the lockout (423), then the member exists (404), then the password (403 \`wrong_password\`).`;
}

// ---- operations --------------------------------------------------------------------------------

/** What an operation does beyond its summary; said once, here. */
const NOTES: Partial<Record<OperationId, string>> = {
  listTeam: `Members and open invitations (pending or expired; accepted and revoked ones are history
and not listed), in the list order: by name (a member's lower-cased name, an invitation's canonical
email), or with \`sort=role\` grouped by role (owner, admin, supervisor, agent) and with
\`sort=status\` by status (active, pending, expired, deactivated), by name within a group, the id
breaking ties; \`direction=desc\` is the whole order reversed. \`total\` counts every matching entry.
The cursor is a position (keyset), not an offset: an entry added or removed between two pages
neither repeats nor skips another. **Agents and supervisors see the member directory only**: no
invitations (\`status=pending\` or \`expired\` gives an empty page).`,
  listPhoneNumbers:
    'Agents and supervisors may not list the account’s numbers (they see each member’s own numbers in the team list).',
  quote: `Decides exactly as the operation would: a change the operation would refuse is answered
200 with \`allowed: false\`, its \`refusal\` (\`code\`, \`message\`) and \`dueNow: 0\`, the after-values
equal to the before-values. \`members\` quotes one action on several members together: each one is
decided in order (a reactivation takes a seat the next can no longer take), \`items\` says each one's
decision, and the allowed ones are priced together.`,
  invite: `201 with the invitation, pending for 7 days (168 hours). An email whose invitation expired or
was revoked may be invited again: the new invitation replaces the old one. A phone number is
assigned to the new member when they accept.`,
  bulkInvite:
    '201 with every invitation, in the order of the rows. Every row is checked as a single invite is, plus duplicates inside the request and the seats (the rows without other problems take the free seats in order); one problem anywhere refuses the whole request and nothing is invited.',
  resendInvitation:
    'A pending or expired invitation gets a fresh link: `sentAt` is now, `expiresAt` 7 days later. Resending an expired one takes a seat of capacity again.',
  revokeInvitation: 'A pending or expired invitation is cancelled; it leaves the list.',
  changeRole: 'Changing to the role the member already has changes nothing (the version stays).',
  assignPhoneNumber:
    'A number rings one member or one ring group, or nobody. Only active members take numbers. A number that rings the owner is moved only by the owner.',
  removeMember: `Every consequence at once: the member's numbers go to \`reassignTo\` or stay
unassigned on the account; recordings are kept; SMS conversations move to the team inbox; campaigns
continue without them; their personal integrations are disconnected; team integrations are
untouched; the seat count drops at the next renewal, with no refund. A deactivated member can be
removed too (no seat changes).`,
  deactivateMember:
    'Blocks sign-in and calls and keeps everything; the seat is billed until the next renewal.',
  reactivateMember:
    'Like adding a seat: capacity and proration apply, and the charge is recorded (`charge`, $0 when a seat was already paid this cycle).',
  batch: `Each item is decided and applied on its own, in order, exactly as its single operation
would (permissions, the owner, oneself, the version, capacity, proration): a refused item is reported
and the others go on. One transaction and one \`Idempotency-Key\` for the whole batch, so a retry
after a lost answer replays it. The answer is 200 with one \`results\` entry per item, in order:
\`done\` with the member or invitation after the change (\`null\` once removed) and any charge, or
\`refused\` with \`code\` and \`message\`. A client retries only the items whose request failed.`,
  previewBatch:
    'Nothing changes. `items` says per item whether it would go through; for `deactivate`, `reactivate` and `remove`, `quote` prices the allowed items together, and for `remove`, `removal` adds up their consequences. Versions are not checked.',
  transferOwnership:
    'Five wrong passwords in a row lock transfers for 15 minutes (counted in the account, so the lock survives a restart); a right password resets the count.',
};

function headerLines(route: Route): string[] {
  const lines: string[] = [];
  if (route.idempotent)
    lines.push(
      '- `Idempotency-Key` (required): one per intended change; see [Idempotency](#idempotency).',
    );
  if (route.versioned)
    lines.push(
      '- `If-Match` (optional): the version the caller last saw, `"3"`; see [Versions](#versions).',
    );
  return lines;
}

function queryTable(route: Route): string | null {
  const query = DOCS[route.operationId].query;
  if (!query?.length) return null;
  return [
    '| parameter | what |',
    '| --- | --- |',
    ...query.map((q) => {
      const values = (q.schema.enum as string[] | undefined)?.map((v) => `\`${v}\``).join(', ');
      return `| \`${q.name}\` | ${q.description}${values ? ` One of ${values}.` : ''} |`;
    }),
  ].join('\n');
}

function fieldTable(route: Route): string | null {
  if (!route.body) return null;
  const notes = FIELDS[route.operationId] ?? {};
  const fields = bodyFields(route.body);
  for (const name of Object.keys(notes))
    if (!fields.some(([f]) => f === name))
      throw new Error(
        `${route.operationId}: FIELDS describes ${name}, which the body does not have.`,
      );
  return [
    '| field | type | required | what |',
    '| --- | --- | --- | --- |',
    ...fields.map(([name, type, required]) => {
      const note = notes[name];
      if (!note) throw new Error(`${route.operationId}: describe the body field ${name} (FIELDS).`);
      return `| \`${name}\` | ${type} | ${required} | ${note} |`;
    }),
  ].join('\n');
}

async function operationSection(route: Route): Promise<string> {
  const op = route.operationId;
  const kind = [
    route.idempotent ? '_change_' : '_read_',
    ...(route.versioned ? ['_versioned_'] : []),
  ].join(', ');
  const who = whoMay(PERMISSION[op]);
  const whoText =
    who.length === ROLES.length ? 'every active member' : who.map((r) => r).join(' and ');
  const params = route.pathParams.map((p) => `- \`{${p}}\`: ${pathParam(route, p)}.`);
  const query = queryTable(route);
  const fields = fieldTable(route);
  const examples = await Promise.all(EXAMPLES[op].map(renderExample));
  const success = op === 'invite' || op === 'bulkInvite' ? 201 : 200;
  return [
    `### \`${op}\``,
    `\`${route.method} ${route.path}\` · ${kind} · ${success} · ${whoText}`,
    DOCS[op].summary,
    ...(NOTES[op] ? [NOTES[op]] : []),
    ...(params.length ? [`**Path.**\n\n${params.join('\n')}`] : []),
    ...(headerLines(route).length ? [`**Headers.**\n\n${headerLines(route).join('\n')}`] : []),
    ...(query ? [`**Query.**`, query] : []),
    ...(fields ? [`**Body.**`, fields] : []),
    `**Examples.**`,
    examples.join('\n\n'),
    `**Refusals.**`,
    refusalTable(route),
  ].join('\n\n');
}

// ---- the document ------------------------------------------------------------------------------

export async function renderHttpReference(): Promise<string> {
  const index = ROUTES.map((r) => {
    const marks = [r.idempotent ? 'change' : 'read', ...(r.versioned ? ['versioned'] : [])];
    return `| [\`${r.operationId}\`](#${r.operationId.toLowerCase()}) | \`${r.method} ${r.path}\` | ${marks.join(', ')} | ${DOCS[r.operationId].summary} |`;
  });
  const operations: string[] = [];
  for (const route of ROUTES) operations.push(await operationSection(route));
  const text = `<!-- Generated by \`npm run http-reference\` (scripts/http-reference.ts) from the route table and the engine's answers. Do not edit. -->

# HTTP API reference

The Seatkit HTTP contract, operation by operation: what \`createHttpAdapter\` sends and what a
Seatkit backend answers. Every example below is a real exchange with the engine
(\`seatkit/server\`, here as the mock backend), regenerated by \`npm run http-reference\` and checked
by \`npm test\`, so it is what the code does. The schemas of every body are in
[\`openapi.json\`](openapi.json); how to run the engine, or write an adapter of your own, is in the
[integrator guide](integrator-guide.md); the rules behind the answers are in
[product rules](product-rules.md).

| operation | method and path | kind | what it does |
| --- | --- | --- | --- |
${index.join('\n')}

${await conventionsSection()}

${await problemsSection()}

## Operations

Each operation says who may call it (asked of the rules' \`decide\`, which the engine calls), and
lists every refusal it can answer. \`GET /team\` takes \`limit\` up to ${MAX_PAGE_SIZE} (default
${DEFAULT_PAGE_SIZE}).

${operations.join('\n\n')}

${await controlsSection()}
`;
  const config = (await prettier.resolveConfig(OUTPUT)) ?? {};
  return prettier.format(text, { ...config, parser: 'markdown' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  writeOrCheck(OUTPUT, await renderHttpReference(), 'npm run http-reference');
