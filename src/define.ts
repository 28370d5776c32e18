// The one module with side effects: registers every Seatkit element, once. Importing it twice,
// or next to another copy of Seatkit (the script-tag bundle beside the npm package), is harmless:
// a tag that a Seatkit class already holds is left as it is. A tag that another library holds is
// reported on the console, naming both classes, and the other elements are still registered.
import { SeatkitProvider } from './context/store-context.js';
import { BulkInvite } from './elements/bulk-invite/bulk-invite.js';
import { InviteDialog } from './elements/invite-dialog/invite-dialog.js';
import { SeatBillingPreview } from './elements/seat-billing-preview/seat-billing-preview.js';
import { TeamMembers } from './elements/team-members/team-members.js';
import type { SeatkitTag } from './tags.js';

const ELEMENTS: Record<SeatkitTag, CustomElementConstructor> = {
  'seatkit-provider': SeatkitProvider,
  'team-members': TeamMembers,
  'invite-dialog': InviteDialog,
  'bulk-invite': BulkInvite,
  'seat-billing-preview': SeatBillingPreview,
};

// Marks the classes this module registers, so that another copy of Seatkit (another class object
// with the same role) is recognised across copies without instanceof.
const BRAND = Symbol.for('seatkit.element');
type Branded = CustomElementConstructor & { [BRAND]?: string };

function nameOf(element: CustomElementConstructor): string {
  return element.name || 'an anonymous class';
}

// Node (server rendering) has no customElements unless a DOM shim provides one: nothing to do.
if (typeof customElements !== 'undefined') {
  for (const [tag, element] of Object.entries(ELEMENTS) as Array<[SeatkitTag, Branded]>) {
    element[BRAND] ??= tag;
    const existing = customElements.get(tag) as Branded | undefined;
    if (!existing) customElements.define(tag, element);
    else if (existing !== element && existing[BRAND] !== tag)
      console.error(
        `Seatkit: <${tag}> is already defined by ${nameOf(existing)} (another library), so ` +
          `Seatkit's ${nameOf(element)} was not registered and <${tag}> on this page is not ` +
          `Seatkit's. Register Seatkit's class under another name instead: see "Tag names" in ` +
          `Seatkit's README.`,
      );
  }
}
