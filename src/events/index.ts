import { BulkCompletedEvent, BulkRequestEvent } from './bulk-events.js';
import {
  InvitationResentEvent,
  InvitationRevokedEvent,
  InvitationsSentEvent,
  InvitedEvent,
  RevokeRequestEvent,
} from './invitation-events.js';
import {
  DeactivateRequestEvent,
  MemberDeactivatedEvent,
  MemberReactivatedEvent,
  MemberRemovedEvent,
  NumberAssignedEvent,
  OwnershipTransferredEvent,
  RemoveRequestEvent,
  RoleChangedEvent,
  TransferRequestEvent,
} from './member-events.js';

export {
  BulkCompletedEvent,
  BulkRequestEvent,
  InvitationResentEvent,
  InvitationRevokedEvent,
  InvitationsSentEvent,
  InvitedEvent,
  RevokeRequestEvent,
  DeactivateRequestEvent,
  MemberDeactivatedEvent,
  MemberReactivatedEvent,
  MemberRemovedEvent,
  NumberAssignedEvent,
  OwnershipTransferredEvent,
  RemoveRequestEvent,
  RoleChangedEvent,
  TransferRequestEvent,
};

declare global {
  interface GlobalEventHandlersEventMap {
    'seatkit-invited': InvitedEvent;
    'seatkit-invitations-sent': InvitationsSentEvent;
    'seatkit-invitation-resent': InvitationResentEvent;
    'seatkit-invitation-revoked': InvitationRevokedEvent;
    'seatkit-revoke-request': RevokeRequestEvent;
    'seatkit-member-removed': MemberRemovedEvent;
    'seatkit-member-deactivated': MemberDeactivatedEvent;
    'seatkit-member-reactivated': MemberReactivatedEvent;
    'seatkit-role-changed': RoleChangedEvent;
    'seatkit-number-assigned': NumberAssignedEvent;
    'seatkit-ownership-transferred': OwnershipTransferredEvent;
    'seatkit-remove-request': RemoveRequestEvent;
    'seatkit-deactivate-request': DeactivateRequestEvent;
    'seatkit-transfer-request': TransferRequestEvent;
    'seatkit-bulk-request': BulkRequestEvent;
    'seatkit-bulk-completed': BulkCompletedEvent;
  }
}
