// seatkit/react: the elements as typed React components (React 18 and 19), with `adapter` and
// the other properties as props, the events as `onInvited`, `onMemberRemoved`, … with their event
// classes, and `ref` to the element. Importing it registers the elements (seatkit/define).
// It also brings the JSX typings for using the tags directly in React 19 (see ./jsx.ts).
// Only a page that imports seatkit/react downloads it (and @lit/react, about 1 KB).
import * as React from 'react';
import { createComponent } from '@lit/react';
import '../define.js';
import { SeatkitProvider as SeatkitProviderElement } from '../context/store-context.js';
import { BulkInvite as BulkInviteElement } from '../elements/bulk-invite/bulk-invite.js';
import { InviteDialog as InviteDialogElement } from '../elements/invite-dialog/invite-dialog.js';
import { SeatBillingPreview as SeatBillingPreviewElement } from '../elements/seat-billing-preview/seat-billing-preview.js';
import { TeamMembers as TeamMembersElement } from '../elements/team-members/team-members.js';
import { bulkInviteEvents, inviteDialogEvents, teamMembersEvents } from './events.js';

export type {
  SeatkitProviderElement,
  TeamMembersElement,
  InviteDialogElement,
  BulkInviteElement,
  SeatBillingPreviewElement,
};
export type * from './jsx.js';

/**
 * `<seatkit-provider>`: the elements inside it share one store (one adapter). Every Seatkit event
 * bubbles to it, so its `on…` props hear them all.
 */
export const SeatkitProvider = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'seatkit-provider',
  elementClass: SeatkitProviderElement,
  events: teamMembersEvents,
  displayName: 'SeatkitProvider',
});

/** `<team-members>`: the member and invitation list with every action. */
export const TeamMembers = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'team-members',
  elementClass: TeamMembersElement,
  events: teamMembersEvents,
  displayName: 'TeamMembers',
});

/** `<invite-dialog>`: invite one person, with a live price. */
export const InviteDialog = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'invite-dialog',
  elementClass: InviteDialogElement,
  events: inviteDialogEvents,
  displayName: 'InviteDialog',
});

/** `<bulk-invite>`: invite many people from a CSV file. */
export const BulkInvite = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'bulk-invite',
  elementClass: BulkInviteElement,
  events: bulkInviteEvents,
  displayName: 'BulkInvite',
});

/** `<seat-billing-preview>`: seats, limits and what a change costs. */
export const SeatBillingPreview = /* @__PURE__ */ createComponent({
  react: React,
  tagName: 'seat-billing-preview',
  elementClass: SeatBillingPreviewElement,
  displayName: 'SeatBillingPreview',
});
