import type { Messages } from '../../catalogue.js';
import { billingDe } from './billing.js';
import { bulkActionsDe } from './bulk-actions.js';
import { bulkInviteDe } from './bulk-invite.js';
import { commonDe } from './common.js';
import { inviteDialogDe } from './invite-dialog.js';
import { memberDialogsDe } from './member-dialogs.js';
import { quoteDe } from './quote.js';
import { teamMembersDe } from './team-members.js';

/** German, every key. Loaded with import() the first time a `lang="de…"` asks for it. */
export const de: Messages = {
  ...commonDe,
  ...teamMembersDe,
  ...memberDialogsDe,
  ...billingDe,
  ...quoteDe,
  ...inviteDialogDe,
  ...bulkInviteDe,
  ...bulkActionsDe,
};
