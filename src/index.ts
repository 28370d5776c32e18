// seatkit: exports only, no side effects. Import 'seatkit/define' to register the elements.
export { TeamMembers } from './elements/team-members/team-members.ts';
export { InviteDialog } from './elements/invite-dialog/invite-dialog.ts';
export { BulkInvite } from './elements/bulk-invite/bulk-invite.ts';
export { SeatBillingPreview } from './elements/seat-billing-preview/seat-billing-preview.ts';
export { SeatkitProvider, provideSeatkit, storeContext } from './context/store-context.ts';
export { TeamStore } from './state/store.ts';
export type { StoreStatus, TeamStoreOptions, IdempotentOptions } from './state/store.ts';
export { StoreController } from './state/store-controller.ts';
export * from './events/index.ts';
export { createHttpAdapter } from './api/http-adapter.ts';
export type { HttpAdapterOptions } from './api/http-adapter.ts';
export type {
  SeatkitAdapter,
  ReadOptions,
  WriteOptions,
  VersionedWriteOptions,
  TeamQuery,
} from './api/adapter.ts';
export { SeatkitError, isSeatkitError } from './api/errors.ts';
export { localize, localizerFor, loadLanguage, englishMessages } from './i18n/index.ts';
export type { Localizer, MessageKey, Language } from './i18n/index.ts';
export type * from './schemas/index.ts';
