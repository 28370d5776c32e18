import type { Assignee, InviteInput, Role } from '../schemas/index.js';
import type { SeatkitAdapter, TeamQuery, WriteOptions } from './adapter.js';
import { SeatkitError } from './errors.js';
import type * as HttpCall from './http-call.js';
import type { OperationId } from './routes.js';

let client: Promise<typeof HttpCall> | null = null;

/**
 * How a request is made, with the route table and the response schemas (zod): loaded once, on
 * first use, off the initial chunk.
 */
function loadClient(): Promise<typeof HttpCall> {
  if (!client) {
    client = import('./http-call.js');
    // A failed load is retried by the next request rather than cached.
    client.catch(() => {
      client = null;
    });
  }
  return client;
}

export type HeaderSource =
  Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

export interface HttpAdapterOptions {
  /** Where the API lives, e.g. `/api` or `https://example.com/api`. In Node it must be absolute. */
  baseUrl: string;
  /** Defaults to the global `fetch`, looked up on every call (so test interceptors apply). */
  fetch?: typeof fetch;
  /** Extra headers on every request (e.g. `Authorization`), or a function that returns them. */
  headers?: HeaderSource;
}

/**
 * An adapter for a backend that speaks the Seatkit HTTP contract (`docs/openapi.json`). Every
 * response is validated; every failure becomes a `SeatkitError`.
 */
export function createHttpAdapter(config: HttpAdapterOptions): SeatkitAdapter {
  const settings: HttpCall.Client = {
    base: config.baseUrl.replace(/\/+$/, ''),
    doFetch: config.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    headers: config.headers,
  };
  // Start loading now so the first request does not wait for it.
  void loadClient().catch(() => undefined);

  async function call<T>(operationId: OperationId, request: HttpCall.Call): Promise<T> {
    const http = await loadClient().catch((error: unknown) => {
      throw new SeatkitError('network_error', 'Could not load the Seatkit HTTP contract.', {
        cause: error,
      });
    });
    return http.call<T>(settings, operationId, request);
  }

  return {
    getViewer: (options) => call('getViewer', { options }),
    listTeam: (query: TeamQuery, options) =>
      call('listTeam', {
        query: {
          search: query.search,
          role: query.role,
          status: query.status,
          sort: query.sort,
          direction: query.direction,
          cursor: query.cursor,
          limit: query.limit,
        },
        options,
      }),
    listPhoneNumbers: async (options) =>
      (
        await call<{ phoneNumbers: Awaited<ReturnType<SeatkitAdapter['listPhoneNumbers']>> }>(
          'listPhoneNumbers',
          { options },
        )
      ).phoneNumbers,
    listRingGroups: async (options) =>
      (
        await call<{ ringGroups: Awaited<ReturnType<SeatkitAdapter['listRingGroups']>> }>(
          'listRingGroups',
          { options },
        )
      ).ringGroups,
    getBillingSummary: (options) => call('getBillingSummary', { options }),
    quote: (change, options) => call('quote', { body: change, options }),
    invite: (input: InviteInput, options?: WriteOptions) =>
      call('invite', { body: input, options }),
    bulkInvite: (invitations, options) => call('bulkInvite', { body: { invitations }, options }),
    resendInvitation: (id, options) => call('resendInvitation', { params: { id }, options }),
    revokeInvitation: (id, options) => call('revokeInvitation', { params: { id }, options }),
    changeRole: (id, role: Role, options) =>
      call('changeRole', { params: { id }, body: { role }, options }),
    assignPhoneNumber: (number, assignee: Assignee | null, options) =>
      call('assignPhoneNumber', { params: { number }, body: { assignee }, options }),
    getRemovalImpact: (id, options) => call('getRemovalImpact', { params: { id }, options }),
    removeMember: (id, options) =>
      call('removeMember', {
        params: { id },
        body: options.reassignTo === undefined ? {} : { reassignTo: options.reassignTo },
        options,
      }),
    deactivateMember: (id, options) => call('deactivateMember', { params: { id }, options }),
    reactivateMember: (id, options) => call('reactivateMember', { params: { id }, options }),
    batch: (input, options) => call('batch', { body: input, options }),
    previewBatch: (input, options) => call('previewBatch', { body: input, options }),
    transferOwnership: (memberId, password, options) =>
      call('transferOwnership', { body: { memberId, password }, options }),
  };
}
