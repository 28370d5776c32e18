// seatkit: exports only, no side effects. Import 'seatkit/define' to register the elements.
export { TeamMembers } from './elements/team-members/team-members.js';
export { InviteDialog } from './elements/invite-dialog/invite-dialog.js';
export { BulkInvite } from './elements/bulk-invite/bulk-invite.js';
export { SeatBillingPreview } from './elements/seat-billing-preview/seat-billing-preview.js';
export { SeatkitProvider, provideSeatkit, storeContext } from './context/store-context.js';
export { SEATKIT_TAGS, isSeatkitTag } from './tags.js';
export type { SeatkitTag } from './tags.js';
export { TeamStore } from './state/store.js';
export type {
  StoreStatus,
  TeamStoreOptions,
  IdempotentOptions,
  BatchOptions,
  BulkOutcome,
} from './state/store.js';
export { StoreController } from './state/store-controller.js';
export * from './events/index.js';
export { createHttpAdapter } from './api/http-adapter.js';
export type { HttpAdapterOptions } from './api/http-adapter.js';
export type {
  SeatkitAdapter,
  ReadOptions,
  WriteOptions,
  VersionedWriteOptions,
  TeamQuery,
} from './api/adapter.js';
export { SeatkitError, isSeatkitError } from './api/errors.js';
export { localize, localizerFor, loadLanguage, englishMessages } from './i18n/index.js';
export type { Localizer, MessageKey, Language } from './i18n/index.js';
export type * from './schemas/index.js';
