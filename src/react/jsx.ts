// JSX typings for React 19, which sets properties and listens for events on custom elements
// itself: `<team-members adapter={adapter} onseatkit-member-removed={(e) => …} />` type-checks
// with `import type {} from 'seatkit/react'` (or any import of seatkit/react) in the program.
// Properties are the elements' public ones; `on<event type>` handlers get their event class.
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { SeatkitProvider } from '../context/store-context.js';
import type { BulkInvite } from '../elements/bulk-invite/bulk-invite.js';
import type { InviteDialog } from '../elements/invite-dialog/invite-dialog.js';
import type { SeatBillingPreview } from '../elements/seat-billing-preview/seat-billing-preview.js';
import type { TeamMembers } from '../elements/team-members/team-members.js';

type SeatkitEventType = Extract<keyof GlobalEventHandlersEventMap, `seatkit-${string}`>;

/** `on<event type>` handlers, as React 19 passes them to addEventListener. */
type EventHandlers<T extends SeatkitEventType> = {
  [K in T as `on${K}`]?: (event: GlobalEventHandlersEventMap[K]) => void;
};

/** The props of a Seatkit tag in React 19's JSX: HTML attributes, its properties, its events. */
export type SeatkitJsxProps<
  E extends HTMLElement,
  P extends keyof E,
  T extends SeatkitEventType,
> = DetailedHTMLProps<HTMLAttributes<E>, E> & Partial<Pick<E, P>> & EventHandlers<T>;

type InviteEvents = 'seatkit-invited';
type BulkEvents = 'seatkit-invitations-sent';

/** The tags of seatkit/define with their props, for `React.JSX.IntrinsicElements`. */
export interface SeatkitIntrinsicElements {
  'seatkit-provider': SeatkitJsxProps<SeatkitProvider, 'adapter', SeatkitEventType>;
  'team-members': SeatkitJsxProps<TeamMembers, 'adapter' | 'theme', SeatkitEventType>;
  'invite-dialog': SeatkitJsxProps<InviteDialog, 'adapter' | 'theme' | 'open', InviteEvents>;
  'bulk-invite': SeatkitJsxProps<BulkInvite, 'adapter' | 'theme' | 'open', BulkEvents>;
  'seat-billing-preview': SeatkitJsxProps<
    SeatBillingPreview,
    'adapter' | 'theme' | 'heading' | 'change',
    never
  >;
}

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type
    interface IntrinsicElements extends SeatkitIntrinsicElements {}
  }
}
