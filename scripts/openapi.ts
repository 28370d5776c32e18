// Generates docs/openapi.json (OpenAPI 3.1) from the route table and the zod schemas.
// Usage: node --import tsx scripts/openapi.ts [--check]   (--check fails when the file is stale)
import { fileURLToPath } from 'node:url';
import { writeOrCheck } from './generated.js';
import * as z from 'zod/mini';
import {
  COMMON_ERRORS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  ROUTES,
  STATUS_BY_CODE,
  type OperationId,
  type QueryParam,
} from '../src/api/routes.js';
import { ENTRY_STATUSES, ERROR_CODES, Problem, ROLES, SORT_KEYS } from '../src/schemas/index.js';

const OUTPUT = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));

type Json = Record<string, unknown>;

const enumParam = (values: readonly string[]) => ({ type: 'string', enum: [...values] });

/** What each operation of the route table does, for the document only (kept out of the bundle). */
export const DOCS: Readonly<
  Record<OperationId, { summary: string; query?: readonly QueryParam[] }>
> = {
  getViewer: {
    summary: 'The signed-in member.',
  },
  listTeam: {
    summary: 'Members and open or expired invitations, a page at a time.',
    query: [
      {
        name: 'search',
        description: 'Matches name or email, case-insensitively.',
        schema: { type: 'string' },
      },
      { name: 'role', description: 'Only this role.', schema: enumParam(ROLES) },
      { name: 'status', description: 'Only this status.', schema: enumParam(ENTRY_STATUSES) },
      { name: 'sort', description: 'Sort key (default name).', schema: enumParam(SORT_KEYS) },
      {
        name: 'direction',
        description: 'Sort direction (default asc).',
        schema: enumParam(['asc', 'desc']),
      },
      {
        name: 'cursor',
        description: "The previous page's nextCursor.",
        schema: { type: 'string' },
      },
      {
        name: 'limit',
        description: `Page size, 1–${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}); larger values are capped.`,
        schema: { type: 'integer', minimum: 1 },
      },
    ],
  },
  listPhoneNumbers: {
    summary: "The account's phone numbers and where each rings.",
  },
  listRingGroups: {
    summary: "The account's ring groups.",
  },
  getBillingSummary: {
    summary: 'Plan, cycle, seats and the next invoice.',
  },
  quote: {
    summary: 'Prices a planned change without making it.',
  },
  invite: {
    summary: 'Invites one person.',
  },
  bulkInvite: {
    summary: 'Invites every row together, or none (per-row details on refusal).',
  },
  resendInvitation: {
    summary: 'A fresh link; the 7 days start again.',
  },
  revokeInvitation: {
    summary: 'Cancels an invitation.',
  },
  changeRole: {
    summary: "Changes a member's role (never to or from owner).",
  },
  assignPhoneNumber: {
    summary: 'Assigns a number to a member or a ring group, or unassigns it (null).',
  },
  getRemovalImpact: {
    summary: 'What removing the member will do, before anything happens.',
  },
  removeMember: {
    summary: 'Removes a member with every consequence of the removal impact.',
  },
  deactivateMember: {
    summary: 'Blocks login and calls, keeps all data; billing stops at the next renewal.',
  },
  reactivateMember: {
    summary: 'Reactivates a member: capacity and proration apply like a new seat.',
  },
  batch: {
    summary:
      "One action on many selected members or invitations: each decided and applied on its own, in order, with the single action's rules; per-item results.",
  },
  previewBatch: {
    summary:
      "What a batch would do, decided the same way: each item allowed or refused with the reason, the price together, the removals' consequences.",
  },
  transferOwnership: {
    summary:
      "Makes an active member the owner (the old owner becomes admin), with the owner's password.",
  },
};

function schemaOf(schema: z.ZodMiniType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
  delete json.$schema;
  return json;
}

function operationSchemas() {
  const components: Record<string, Json> = { Problem: schemaOf(Problem, 'output') };
  const name = (operationId: string, suffix: string) =>
    `${operationId.charAt(0).toUpperCase()}${operationId.slice(1)}${suffix}`;
  for (const route of ROUTES) {
    if (route.body) components[name(route.operationId, 'Request')] = schemaOf(route.body, 'input');
    components[name(route.operationId, 'Response')] = schemaOf(route.response, 'output');
  }
  return { components, name };
}

export function buildOpenApi(): Json {
  const { components, name } = operationSchemas();
  const paths: Record<string, Json> = {};
  for (const route of ROUTES) {
    const parameters: Json[] = [
      ...route.pathParams.map((param) => ({
        name: param,
        in: 'path',
        required: true,
        schema: { type: 'string' },
        description:
          param === 'number' ? 'E.164 number, URL-encoded (+ → %2B).' : 'The id from a list.',
      })),
      ...(DOCS[route.operationId].query ?? []).map((q) => ({
        name: q.name,
        in: 'query',
        required: false,
        description: q.description,
        schema: q.schema,
      })),
    ];
    if (route.idempotent) {
      parameters.push({
        name: 'Idempotency-Key',
        in: 'header',
        required: true,
        description:
          'One key per intended change. A retry with the same key and body replays the first successful answer (with `Idempotent-Replayed: true`); the same key with another body is refused with 422 `idempotency_conflict`.',
        schema: { type: 'string', minLength: 1, maxLength: 255 },
      });
    }
    if (route.versioned) {
      parameters.push({
        name: 'If-Match',
        in: 'header',
        required: false,
        description:
          'The version the caller last saw, as an entity tag: `"3"` or `W/"3"`, or `*` for any version. A stale one is refused with 412 `version_conflict`, anything else (a bare `3`) with 422 `validation_failed`. Without it the change is unconditional.',
        schema: { type: 'string' },
      });
    }
    const codes = [...new Set([...route.errors, ...COMMON_ERRORS])];
    const byStatus = new Map<number, string[]>();
    for (const code of codes) {
      const status = STATUS_BY_CODE[code];
      byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
    }
    const responses: Json = {
      [route.operationId === 'invite' || route.operationId === 'bulkInvite' ? '201' : '200']: {
        description: 'OK',
        content: {
          'application/json': {
            schema: { $ref: `#/components/schemas/${name(route.operationId, 'Response')}` },
          },
        },
      },
    };
    for (const [status, statusCodes] of [...byStatus].sort(([a], [b]) => a - b)) {
      responses[String(status)] = {
        description: `Problem with code ${statusCodes.map((c) => `\`${c}\``).join(', ')}`,
        content: {
          'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
        },
      };
    }
    const operation: Json = {
      operationId: route.operationId,
      summary: DOCS[route.operationId].summary,
      ...(parameters.length ? { parameters } : {}),
      ...(route.body
        ? {
            requestBody: {
              required: true,
              content: {
                'application/json': {
                  schema: { $ref: `#/components/schemas/${name(route.operationId, 'Request')}` },
                },
              },
            },
          }
        : {}),
      responses,
    };
    const path = paths[route.path] ?? {};
    path[route.method.toLowerCase()] = operation;
    paths[route.path] = path;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Seatkit backend contract',
      version: '0.1.0',
      description: [
        'The HTTP contract between the Seatkit elements (through `createHttpAdapter`) and a backend.',
        'Paths are relative to the base URL given to the adapter (the mock serves them under `/api`).',
        'Errors are RFC 9457 `application/problem+json` with a stable `code`, per-field/per-row `errors`, and `Retry-After` on 423/429.',
        `Error codes: ${ERROR_CODES.join(', ')}.`,
        'Money is integer cents; dates are ISO 8601 in UTC.',
      ].join('\n\n'),
    },
    servers: [{ url: '/api' }],
    paths,
    components: { schemas: components },
  };
}

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1])
  writeOrCheck(OUTPUT, renderOpenApi(), 'npm run openapi');
