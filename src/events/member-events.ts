import type {
  Assignee,
  Charge,
  Member,
  PhoneNumber,
  RemovalResult,
  Role,
} from '../schemas/index.js';
import { COMPLETED, REQUEST } from './base.js';

/** A member was removed from the team. */
export class MemberRemovedEvent extends Event {
  static readonly type = 'seatkit-member-removed';
  readonly member: Member;
  readonly result: RemovalResult;
  constructor(member: Member, result: RemovalResult) {
    super(MemberRemovedEvent.type, COMPLETED);
    this.member = member;
    this.result = result;
  }
}

/** A member was deactivated (not billed from the next renewal). */
export class MemberDeactivatedEvent extends Event {
  static readonly type = 'seatkit-member-deactivated';
  readonly member: Member;
  constructor(member: Member) {
    super(MemberDeactivatedEvent.type, COMPLETED);
    this.member = member;
  }
}

/** A member was reactivated; `charge` is the prorated charge it caused, if any. */
export class MemberReactivatedEvent extends Event {
  static readonly type = 'seatkit-member-reactivated';
  readonly member: Member;
  readonly charge: Charge | null;
  constructor(member: Member, charge: Charge | null) {
    super(MemberReactivatedEvent.type, COMPLETED);
    this.member = member;
    this.charge = charge;
  }
}

/** A member's role changed. */
export class RoleChangedEvent extends Event {
  static readonly type = 'seatkit-role-changed';
  readonly member: Member;
  readonly previousRole: Role;
  constructor(member: Member, previousRole: Role) {
    super(RoleChangedEvent.type, COMPLETED);
    this.member = member;
    this.previousRole = previousRole;
  }
}

/** A phone number was assigned (or unassigned when `assignee` is null). */
export class NumberAssignedEvent extends Event {
  static readonly type = 'seatkit-number-assigned';
  readonly phoneNumber: PhoneNumber;
  readonly assignee: Assignee | null;
  constructor(phoneNumber: PhoneNumber) {
    super(NumberAssignedEvent.type, COMPLETED);
    this.phoneNumber = phoneNumber;
    this.assignee = phoneNumber.assignee;
  }
}

/** Ownership moved: the new owner, and the previous owner who is now an admin. */
export class OwnershipTransferredEvent extends Event {
  static readonly type = 'seatkit-ownership-transferred';
  readonly newOwner: Member;
  readonly previousOwner: Member;
  constructor(newOwner: Member, previousOwner: Member) {
    super(OwnershipTransferredEvent.type, COMPLETED);
    this.newOwner = newOwner;
    this.previousOwner = previousOwner;
  }
}

/** Fires before a member is removed; cancel it to keep the member. */
export class RemoveRequestEvent extends Event {
  static readonly type = 'seatkit-remove-request';
  readonly member: Member;
  readonly reassignTo: Assignee | null;
  constructor(member: Member, reassignTo: Assignee | null) {
    super(RemoveRequestEvent.type, REQUEST);
    this.member = member;
    this.reassignTo = reassignTo;
  }
}

/** Fires before a member is deactivated; cancel it to keep them active. */
export class DeactivateRequestEvent extends Event {
  static readonly type = 'seatkit-deactivate-request';
  readonly member: Member;
  constructor(member: Member) {
    super(DeactivateRequestEvent.type, REQUEST);
    this.member = member;
  }
}

/** Fires before ownership is transferred to `member`; cancel it to keep the current owner. */
export class TransferRequestEvent extends Event {
  static readonly type = 'seatkit-transfer-request';
  readonly member: Member;
  constructor(member: Member) {
    super(TransferRequestEvent.type, REQUEST);
    this.member = member;
  }
}
