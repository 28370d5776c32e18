// Which Seatkit events each element fires, as React prop names (`seatkit-member-removed` →
// `onMemberRemoved`), typed with their event classes.
import type { EventName } from '@lit/react';
import {
  BulkCompletedEvent,
  BulkRequestEvent,
  DeactivateRequestEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  InvitationsSentEvent,
  InvitedEvent,
  MemberDeactivatedEvent,
  MemberReactivatedEvent,
  MemberRemovedEvent,
  NumberAssignedEvent,
  OwnershipTransferredEvent,
  RemoveRequestEvent,
  RevokeRequestEvent,
  RoleChangedEvent,
  TransferRequestEvent,
} from '../events/index.js';

const name = <E extends Event>(event: { type: string; prototype: E }) => event.type as EventName<E>;

/** Fired by <invite-dialog> (and bubbling out of <team-members>, which opens it). */
export const inviteDialogEvents = {
  onInvited: name(InvitedEvent),
};

/** Fired by <bulk-invite> (and bubbling out of <team-members>, which opens it). */
export const bulkInviteEvents = {
  onInvitationsSent: name(InvitationsSentEvent),
};

/** Fired by <team-members>: its row actions, and the dialogs it opens. */
export const teamMembersEvents = {
  ...inviteDialogEvents,
  ...bulkInviteEvents,
  onInvitationResent: name(InvitationResentEvent),
  onInvitationRevoked: name(InvitationRevokedEvent),
  onRevokeRequest: name(RevokeRequestEvent),
  onMemberRemoved: name(MemberRemovedEvent),
  onMemberDeactivated: name(MemberDeactivatedEvent),
  onMemberReactivated: name(MemberReactivatedEvent),
  onRoleChanged: name(RoleChangedEvent),
  onNumberAssigned: name(NumberAssignedEvent),
  onOwnershipTransferred: name(OwnershipTransferredEvent),
  onRemoveRequest: name(RemoveRequestEvent),
  onDeactivateRequest: name(DeactivateRequestEvent),
  onTransferRequest: name(TransferRequestEvent),
  onBulkRequest: name(BulkRequestEvent),
  onBulkCompleted: name(BulkCompletedEvent),
};
