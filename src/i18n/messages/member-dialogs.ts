/**
 * The words of <team-members>' row dialogs (remove, deactivate, reactivate, change role, assign a
 * number, transfer ownership, revoke), loaded with the dialogs. The bulk confirmation uses the
 * removal's words too.
 */
export const memberDialogs = {
  'remove.title': 'Remove {name}?',
  'remove.intro': 'This is what happens when {name} is removed:',
  'remove.loading': 'Checking what removal affects…',
  'remove.numbers': 'Phone numbers {numbers} are unassigned and stay on your account.',
  'remove.noNumbers': 'No phone numbers are assigned to {name}.',
  'remove.recordings.one': '{count} call recording is kept; admins can still open it.',
  'remove.recordings.other': '{count} call recordings are kept; admins can still open them.',
  'remove.sms.one': '{count} SMS conversation moves to the shared team inbox.',
  'remove.sms.other': '{count} SMS conversations move to the shared team inbox.',
  'remove.campaigns': 'Leaves the dialer campaigns {campaigns}; the campaigns continue.',
  'remove.noCampaigns': 'Not in any dialer campaign.',
  'remove.integrations': 'Personal integrations disconnected: {integrations}.',
  'remove.noIntegrations': 'No personal integrations to disconnect.',
  'remove.teamIntegrations': 'Team-level integrations are not affected.',
  'remove.billing': 'Your seat count drops at the next renewal on {date}; no refund.',
  'remove.reassign': 'Reassign the phone numbers',
  'remove.reassignNone': 'Leave them unassigned',
  'remove.reassignMember': 'To a member',
  'remove.reassignRingGroup': 'To a ring group',
  'remove.reassignTarget': 'Reassign to',
  'remove.owner': 'The owner can’t be removed. Transfer ownership to another member first.',
  'deactivate.title': 'Deactivate {name}?',
  'deactivate.body': '{name} can’t log in or take calls; their data and settings are kept.',
  'deactivate.billing':
    'You’re not charged for this seat from the next renewal on {date}. No refund for this cycle.',
  'reactivate.title': 'Reactivate {name}?',
  'reactivate.body':
    '{name} can log in and take calls again. Reactivating counts as adding a seat.',
  'role.title': 'Change role for {name}',
  'role.label': 'Role',
  'role.submit': 'Change role',
  'assign.title': 'Assign a phone number to {name}',
  'assign.label': 'Phone number',
  'assign.assignedTo': '{number} (assigned to {name})',
  'assign.ringGroup': '{number} (ring group {name})',
  'assign.submit': 'Assign',
  'transfer.title': 'Transfer ownership to {name}?',
  'transfer.body':
    '{name} becomes the owner. You become an admin and can no longer change billing.',
  'transfer.password': 'Your password',
  'revoke.title': 'Revoke the invitation to {name}?',
  'revoke.body':
    'The invitation link sent to {name} stops working. You can invite {name} again later.',
};
