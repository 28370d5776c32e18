/**
 * Why a change was refused or failed: only a change (made in a dialog or a row's or the
 * selection's actions) can meet these, so they arrive with every dialog's words (`loadEnglish`).
 */
export const changeErrors = {
  'error.versionConflict':
    'Someone else changed this in the meantime. The list has been refreshed.',
  'error.timeout.safe': 'The server took too long to answer. Try again: nothing is sent twice.',
  'error.server.safe': 'The server had a problem. Try again: nothing is sent twice.',
  'error.idempotencyConflict': 'This request was already used for different details. Try again.',
  'error.capacityExceeded': 'Your plan has no seat left for this.',
  'error.roleNotOnPlan': 'That role is not available on your plan.',
  'error.alreadyMember': 'This person is already a member of this team.',
  'error.alreadyInvited': 'This person already has a pending invitation.',
  'error.invitationExpired': 'This invitation has expired.',
  'error.invitationClosed': 'This invitation was already accepted or revoked.',
  'error.ownerProtected': 'The owner can’t be changed this way. Transfer ownership first.',
  'error.wrongPassword': 'The password is not right. Nothing was changed.',
  'error.wrongPassword.attemptsLeft.one':
    'The password is not right. {count} attempt left before a temporary lock.',
  'error.wrongPassword.attemptsLeft.other':
    'The password is not right. {count} attempts left before a temporary lock.',
  'error.lockedOut.one': 'Too many wrong passwords. Try again in {count} minute.',
  'error.lockedOut.other': 'Too many wrong passwords. Try again in {count} minutes.',
  'error.lockedOutNow': 'Too many wrong passwords. Try again later.',
  'error.conflict': 'This conflicts with the current state: it may already have changed.',
};
