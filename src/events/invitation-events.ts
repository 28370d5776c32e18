import type { Invitation } from '../schemas/index.js';
import { COMPLETED, REQUEST } from './base.js';

/** One invitation was sent. */
export class InvitedEvent extends Event {
  static readonly type = 'seatkit-invited';
  readonly invitation: Invitation;
  constructor(invitation: Invitation) {
    super(InvitedEvent.type, COMPLETED);
    this.invitation = invitation;
  }
}

/** A bulk invite was sent: every invitation it created. */
export class InvitationsSentEvent extends Event {
  static readonly type = 'seatkit-invitations-sent';
  readonly invitations: readonly Invitation[];
  constructor(invitations: readonly Invitation[]) {
    super(InvitationsSentEvent.type, COMPLETED);
    this.invitations = invitations;
  }
}

/** An invitation was sent again with a fresh link (7 more days). */
export class InvitationResentEvent extends Event {
  static readonly type = 'seatkit-invitation-resent';
  readonly invitation: Invitation;
  constructor(invitation: Invitation) {
    super(InvitationResentEvent.type, COMPLETED);
    this.invitation = invitation;
  }
}

/** An invitation was revoked. */
export class InvitationRevokedEvent extends Event {
  static readonly type = 'seatkit-invitation-revoked';
  readonly invitation: Invitation;
  constructor(invitation: Invitation) {
    super(InvitationRevokedEvent.type, COMPLETED);
    this.invitation = invitation;
  }
}

/** Fires before an invitation is revoked; cancel it to keep the invitation. */
export class RevokeRequestEvent extends Event {
  static readonly type = 'seatkit-revoke-request';
  readonly invitation: Invitation;
  constructor(invitation: Invitation) {
    super(RevokeRequestEvent.type, REQUEST);
    this.invitation = invitation;
  }
}
