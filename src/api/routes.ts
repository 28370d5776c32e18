import * as z from 'zod/mini';
import {
  AssignNumberInput,
  BatchInput,
  BatchPreview,
  BatchResult,
  BillingSummary,
  BulkInviteInput,
  BulkInviteResult,
  Change,
  ChangeRoleInput,
  Invitation,
  InviteInput,
  Member,
  MemberChangeResult,
  PhoneNumber,
  Quote,
  RemovalImpact,
  RemovalResult,
  RemoveInput,
  RingGroup,
  TeamPage,
  TransferInput,
  TransferResult,
  Viewer,
} from '../schemas/index.js';
import type { ErrorCode } from '../schemas/index.js';
import type { SeatkitAdapter } from './adapter.js';
import { ERROR_TRAITS } from './error-traits.js';

// The HTTP contract in one table. The HTTP adapter builds requests from it, the mock backend
// registers its handlers from it and scripts/openapi.ts documents it: one source, three readers.
// The documentation text (summaries, query parameters) lives in scripts/openapi.ts, so it is not
// shipped to browsers.

/** Every adapter method is one operation; the ids are the method names. */
export type OperationId = keyof SeatkitAdapter;

export const PhoneNumberList = z.object({ phoneNumbers: z.array(PhoneNumber) });
export type PhoneNumberList = z.infer<typeof PhoneNumberList>;
export const RingGroupList = z.object({ ringGroups: z.array(RingGroup) });
export type RingGroupList = z.infer<typeof RingGroupList>;

/** Largest page `GET /team` returns; a bigger `limit` is capped. */
export const MAX_PAGE_SIZE = 200;
export const DEFAULT_PAGE_SIZE = 50;

/** A documented query parameter (scripts/openapi.ts). */
export interface QueryParam {
  name: string;
  description: string;
  /** JSON Schema of the value (query values arrive as strings). */
  schema: Record<string, unknown>;
}

export interface Route {
  operationId: OperationId;
  method: 'GET' | 'POST' | 'PUT';
  /** Relative to the base URL, with `{name}` path parameters. */
  path: string;
  pathParams: readonly string[];
  body: z.ZodMiniType | null;
  response: z.ZodMiniType;
  /** A change: the request carries `Idempotency-Key`, and a retry with the same key replays. */
  idempotent: boolean;
  /** A change to a versioned resource: the request carries `If-Match` with its version. */
  versioned: boolean;
  /** The refusals this operation can answer, besides the ones every operation can. */
  errors: readonly ErrorCode[];
}

/** Refusals any operation can answer. */
export const COMMON_ERRORS: readonly ErrorCode[] = [
  'unauthenticated',
  'forbidden',
  'rate_limited',
  'server_error',
];

export const ROUTES: readonly Route[] = [
  {
    operationId: 'getViewer',
    method: 'GET',
    path: '/viewer',
    pathParams: [],
    body: null,
    response: Viewer,
    idempotent: false,
    versioned: false,
    errors: [],
  },
  {
    operationId: 'listTeam',
    method: 'GET',
    path: '/team',
    pathParams: [],
    body: null,
    response: TeamPage,
    idempotent: false,
    versioned: false,
    errors: ['validation_failed'],
  },
  {
    operationId: 'listPhoneNumbers',
    method: 'GET',
    path: '/phone-numbers',
    pathParams: [],
    body: null,
    response: PhoneNumberList,
    idempotent: false,
    versioned: false,
    errors: [],
  },
  {
    operationId: 'listRingGroups',
    method: 'GET',
    path: '/ring-groups',
    pathParams: [],
    body: null,
    response: RingGroupList,
    idempotent: false,
    versioned: false,
    errors: [],
  },
  {
    operationId: 'getBillingSummary',
    method: 'GET',
    path: '/billing',
    pathParams: [],
    body: null,
    response: BillingSummary,
    idempotent: false,
    versioned: false,
    errors: [],
  },
  {
    operationId: 'quote',
    method: 'POST',
    path: '/billing/quote',
    pathParams: [],
    body: Change,
    response: Quote,
    idempotent: false,
    versioned: false,
    errors: ['validation_failed', 'not_found'],
  },
  {
    operationId: 'invite',
    method: 'POST',
    path: '/invitations',
    pathParams: [],
    body: InviteInput,
    response: Invitation,
    idempotent: true,
    versioned: false,
    errors: [
      'validation_failed',
      'capacity_exceeded',
      'role_not_on_plan',
      'already_member',
      'already_invited',
      'idempotency_conflict',
    ],
  },
  {
    operationId: 'bulkInvite',
    method: 'POST',
    path: '/invitations/bulk',
    pathParams: [],
    body: BulkInviteInput,
    response: BulkInviteResult,
    idempotent: true,
    versioned: false,
    errors: ['validation_failed', 'capacity_exceeded', 'idempotency_conflict'],
  },
  {
    operationId: 'resendInvitation',
    method: 'POST',
    path: '/invitations/{id}/resend',
    pathParams: ['id'],
    body: null,
    response: Invitation,
    idempotent: true,
    versioned: true,
    errors: [
      'not_found',
      'invitation_closed',
      'capacity_exceeded',
      'version_conflict',
      'idempotency_conflict',
      'role_not_on_plan',
    ],
  },
  {
    operationId: 'revokeInvitation',
    method: 'POST',
    path: '/invitations/{id}/revoke',
    pathParams: ['id'],
    body: null,
    response: Invitation,
    idempotent: true,
    versioned: true,
    errors: ['not_found', 'invitation_closed', 'version_conflict', 'idempotency_conflict'],
  },
  {
    operationId: 'changeRole',
    method: 'PUT',
    path: '/members/{id}/role',
    pathParams: ['id'],
    body: ChangeRoleInput,
    response: Member,
    idempotent: true,
    versioned: true,
    errors: [
      'validation_failed',
      'not_found',
      'owner_protected',
      'role_not_on_plan',
      'version_conflict',
      'idempotency_conflict',
    ],
  },
  {
    operationId: 'assignPhoneNumber',
    method: 'PUT',
    path: '/phone-numbers/{number}/assignee',
    pathParams: ['number'],
    body: AssignNumberInput,
    response: PhoneNumber,
    idempotent: true,
    versioned: false,
    errors: ['validation_failed', 'not_found', 'idempotency_conflict'],
  },
  {
    operationId: 'getRemovalImpact',
    method: 'GET',
    path: '/members/{id}/removal-impact',
    pathParams: ['id'],
    body: null,
    response: RemovalImpact,
    idempotent: false,
    versioned: false,
    errors: ['not_found'],
  },
  {
    operationId: 'removeMember',
    method: 'POST',
    path: '/members/{id}/remove',
    pathParams: ['id'],
    body: RemoveInput,
    response: RemovalResult,
    idempotent: true,
    versioned: true,
    errors: [
      'validation_failed',
      'not_found',
      'owner_protected',
      'version_conflict',
      'idempotency_conflict',
    ],
  },
  {
    operationId: 'deactivateMember',
    method: 'POST',
    path: '/members/{id}/deactivate',
    pathParams: ['id'],
    body: null,
    response: MemberChangeResult,
    idempotent: true,
    versioned: true,
    errors: [
      'not_found',
      'owner_protected',
      'conflict',
      'version_conflict',
      'idempotency_conflict',
    ],
  },
  {
    operationId: 'reactivateMember',
    method: 'POST',
    path: '/members/{id}/reactivate',
    pathParams: ['id'],
    body: null,
    response: MemberChangeResult,
    idempotent: true,
    versioned: true,
    errors: [
      'not_found',
      'capacity_exceeded',
      'role_not_on_plan',
      'conflict',
      'version_conflict',
      'idempotency_conflict',
    ],
  },
  {
    operationId: 'batch',
    method: 'POST',
    path: '/team/batch',
    pathParams: [],
    body: BatchInput,
    response: BatchResult,
    idempotent: true,
    versioned: false,
    errors: ['validation_failed', 'idempotency_conflict'],
  },
  {
    operationId: 'previewBatch',
    method: 'POST',
    path: '/team/batch/preview',
    pathParams: [],
    body: BatchInput,
    response: BatchPreview,
    idempotent: false,
    versioned: false,
    errors: ['validation_failed'],
  },
  {
    operationId: 'transferOwnership',
    method: 'POST',
    path: '/ownership/transfer',
    pathParams: [],
    body: TransferInput,
    response: TransferResult,
    idempotent: true,
    versioned: false,
    errors: [
      'validation_failed',
      'not_found',
      'wrong_password',
      'locked_out',
      'conflict',
      'idempotency_conflict',
    ],
  },
];

// Every change can also be answered 409 `conflict` while a request with its Idempotency-Key is
// still being answered (on this or another server process).
for (const route of ROUTES)
  if (route.idempotent && !route.errors.includes('conflict'))
    (route as { errors: readonly ErrorCode[] }).errors = [...route.errors, 'conflict'];

export const ROUTE_BY_ID: Readonly<Record<OperationId, Route>> = Object.fromEntries(
  ROUTES.map((route) => [route.operationId, route]),
) as unknown as Record<OperationId, Route>;

/** `/members/{id}/role` + `{ id: 'm 1' }` → `/members/m%201/role`. */
export function fillPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`Missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
}

/** The HTTP status each error code travels with (from the one table of error traits). */
export const STATUS_BY_CODE: Readonly<Record<ErrorCode, number>> = Object.fromEntries(
  Object.entries(ERROR_TRAITS).map(([code, traits]) => [code, traits.status]),
) as Record<ErrorCode, number>;

/** The code a bare HTTP status means when a response carries no `code` of ours. */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 422:
      return 'validation_failed';
    case 401:
      return 'unauthenticated';
    case 403:
      return 'forbidden';
    case 404:
      return 'not_found';
    case 408:
    case 504:
      return 'timeout';
    case 409:
      return 'conflict';
    case 412:
      return 'version_conflict';
    case 423:
      return 'locked_out';
    case 429:
      return 'rate_limited';
    default:
      return status >= 500 ? 'server_error' : 'validation_failed';
  }
}

/** `If-Match` / `ETag` value of a version: a strong entity tag, `"3"`. */
export function versionTag(version: number): string {
  return `"${version}"`;
}

/** Reads a version from `If-Match`/`ETag`: accepts `"3"`, `W/"3"` and `3`; null when absent or unreadable. */
export function parseVersionTag(value: string | null): number | null {
  if (value === null) return null;
  const match = /^\s*(?:W\/)?"?(\d+)"?\s*$/.exec(value);
  return match ? Number(match[1]) : null;
}
