// The adapter contract, its typed errors, the HTTP adapter and the HTTP route table.
export type {
  ReadOptions,
  SeatkitAdapter,
  TeamQuery,
  VersionedWriteOptions,
  WriteOptions,
} from './adapter.ts';
export { SeatkitError, isSeatkitError } from './errors.ts';
export { createHttpAdapter } from './http-adapter.ts';
export type { HttpAdapterOptions } from './http-adapter.ts';
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
} from './routes.ts';
export type { OperationId, QueryParam, Route } from './routes.ts';
