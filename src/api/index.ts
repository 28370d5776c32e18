// The adapter contract, its typed errors, the HTTP adapter and the HTTP route table.
export type {
  ReadOptions,
  SeatkitAdapter,
  TeamQuery,
  VersionedWriteOptions,
  WriteOptions,
} from './adapter.js';
export { SeatkitError, isSeatkitError } from './errors.js';
export { ERROR_TRAITS, errorTraits } from './error-traits.js';
export type { ErrorTraits, ErrorWords } from './error-traits.js';
export { newIdempotencyKey } from './idempotency-key.js';
export { createHttpAdapter } from './http-adapter.js';
export type { HttpAdapterOptions } from './http-adapter.js';
export {
  COMMON_ERRORS,
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  PhoneNumberList,
  ROUTES,
  ROUTE_BY_ID,
  RingGroupList,
  STATUS_BY_CODE,
  codeForStatus,
  fillPath,
  parseVersionTag,
  versionTag,
} from './routes.js';
export type { OperationId, QueryParam, Route } from './routes.js';
