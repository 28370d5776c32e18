// Every visible string of <invite-dialog>. Keys start with `invite.`; `{name}` placeholders are
// filled by localize().t(). Plural pairs end in `.one` / `.other` (localize().tp()).
// Row problems (`invite.problem.*`) are shared with <bulk-invite>; request errors are `error.*` in common.ts.
export const inviteDialog = {
  'invite.title': 'Invite Member',
  'invite.intro':
    'They get an email with a link to set up their account. The invitation expires after 7 days.',
  'invite.close': 'Close',
  'invite.cancel': 'Cancel',
  'invite.submit': 'Send Invite',
  'invite.sending': 'Sending…',
  'invite.sent': 'Invitation sent to {email}.',
  'invite.loading': 'Loading your team…',
  'invite.loadFailed': 'Your team could not be loaded: {reason}',
  'invite.retry': 'Retry',
  'invite.notAllowed': 'You can’t invite members.',
  'invite.notAllowed.reason':
    'Only the owner and admins can invite team members. Ask one of them to send the invitation.',

  'invite.email.label': 'Email',
  'invite.email.placeholder': 'name@example.com',
  'invite.role.label': 'Role',
  'invite.role.admin': 'Admin',
  'invite.role.supervisor': 'Supervisor',
  'invite.role.agent': 'Agent',
  'invite.role.owner': 'Owner',
  'invite.role.help.admin':
    'Manages users, numbers, integrations and settings. Can’t change billing.',
  'invite.role.help.supervisor': 'Agent permissions plus call monitoring and team analytics.',
  'invite.role.help.agent': 'Makes and receives calls, sends SMS, sees assigned contacts.',
  'invite.role.needsPlan': '{role} needs the {plan} plan or above.',
  'invite.phone.label': 'Phone number (optional)',
  'invite.phone.none': 'No phone number',
  'invite.phone.help': 'They can make calls and send SMS from this number.',
  'invite.phone.unassigned': '{number} · unassigned',
  'invite.phone.rings': '{number} · rings {name}',
  'invite.phone.ringsOwner': '{number} · rings {name} (owner)',
  'invite.phone.ringsGroup': '{number} · rings the {name} ring group',
  'invite.phone.ownerOnly': 'Only the owner can move the owner’s numbers.',
  'invite.phone.moves': 'Moves from {name} when they accept.',
  'invite.phone.movesFromGroup': 'Moves from the {name} ring group when they accept.',
  'invite.phone.confirmMove': 'Move this number to the invitee',

  'invite.preview.title': 'Billing',
  'invite.preview.loading': 'Working out the price…',
  'invite.preview.failed': 'The price could not be worked out: {reason}',
  'invite.preview.dueLabel': 'Due when the invitation is accepted',
  'invite.preview.prorated.one': '{amount} for the {days} day left in this cycle',
  'invite.preview.prorated.other': '{amount} for the {days} days left in this cycle',
  'invite.preview.alreadyPaid': '{amount}: a seat already paid for this cycle is used',
  'invite.preview.proration': 'Prorated: {price} per seat × {days} of {cycleDays} days.',
  'invite.preview.nextLabel': 'Next invoice',
  'invite.preview.next.one': '{amount} for {seats} seat on {date}',
  'invite.preview.next.other': '{amount} for {seats} seats on {date}',
  'invite.preview.capacity': '{used} of {max} seats used',
  'invite.preview.notCharged': 'Nothing is charged until the invitation is accepted.',
  'invite.refusal.capacity':
    '{plan} allows up to {max} seats. Remove a member or revoke an invitation, or move to a larger plan.',
  'invite.refusal.other': 'This invitation can’t be sent: {reason}',

  'invite.problem.missing_email': 'Enter an email address.',
  'invite.problem.invalid_email': 'Enter a valid email address, like name@example.com.',
  'invite.problem.missing_role': 'Choose a role.',
  'invite.problem.unknown_role': '“{role}” is not a role: use admin, supervisor or agent.',
  'invite.problem.owner_not_invitable': 'The owner is never invited: transfer ownership instead.',
  'invite.problem.role_not_on_plan': '{role} needs the {plan} plan or above.',
  'invite.problem.already_member': '{email} is already a member of this team.',
  'invite.problem.already_member_deactivated':
    '{email} is a deactivated member: reactivate them instead.',
  'invite.problem.already_invited': '{email} already has a pending invitation: resend it instead.',
  'invite.problem.duplicate_in_file': '{email} is already in this file (row {first}).',
  'invite.problem.duplicate_in_file_plain': '{email} appears more than once in this file.',
  'invite.problem.invalid_phone_number':
    '“{number}” is not a phone number in international form, like +14155550100.',
  'invite.problem.unknown_phone_number': '{number} is not one of this account’s numbers.',
  'invite.problem.number_in_use':
    '{number} rings {name}. Confirm that it moves to the invitee when they accept.',
  'invite.problem.number_in_use_bulk':
    '{number} rings {name}. A bulk invite takes unassigned numbers only.',
  'invite.problem.owner_number':
    '{number} rings {name}, the owner. Only the owner can move the owner’s numbers.',
  'invite.problem.over_capacity':
    '{plan} allows up to {max} seats: no seat is left for this invitation.',
  'invite.problem.other': '{message}',
};
