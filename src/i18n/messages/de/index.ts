import type { Messages } from '../../catalogue.ts';
import { billingDe } from './billing.ts';
import { bulkInviteDe } from './bulk-invite.ts';
import { commonDe } from './common.ts';
import { inviteDialogDe } from './invite-dialog.ts';
import { teamMembersDe } from './team-members.ts';

/** German, every key. Loaded with import() the first time a `lang="de…"` asks for it. */
export const de: Messages = {
  ...commonDe,
  ...teamMembersDe,
  ...billingDe,
  ...inviteDialogDe,
  ...bulkInviteDe,
};
