// The one module with side effects: registers every Seatkit element, once. Importing it twice
// (or alongside another copy of Seatkit) is harmless: a tag that is already defined is skipped.
import { SeatkitProvider } from './context/store-context.js';
import { BulkInvite } from './elements/bulk-invite/bulk-invite.js';
import { InviteDialog } from './elements/invite-dialog/invite-dialog.js';
import { SeatBillingPreview } from './elements/seat-billing-preview/seat-billing-preview.js';
import { TeamMembers } from './elements/team-members/team-members.js';

const ELEMENTS: ReadonlyArray<readonly [string, CustomElementConstructor]> = [
  ['seatkit-provider', SeatkitProvider],
  ['team-members', TeamMembers],
  ['invite-dialog', InviteDialog],
  ['bulk-invite', BulkInvite],
  ['seat-billing-preview', SeatBillingPreview],
];

for (const [tag, element] of ELEMENTS) {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
