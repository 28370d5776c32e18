// The catalogue is made by spreading each area's messages into one object: two areas with the
// same key would silently take each other's words (the bulk actions once showed their summary in
// the Bulk Invite dialog). Every key belongs to one area, in English and in German.
import { expect } from '@open-wc/testing';
import { billing } from '../../src/i18n/messages/billing.js';
import { bulkActions } from '../../src/i18n/messages/bulk-actions.js';
import { bulkInvite } from '../../src/i18n/messages/bulk-invite.js';
import { common } from '../../src/i18n/messages/common.js';
import { inviteDialog } from '../../src/i18n/messages/invite-dialog.js';
import { memberDialogs } from '../../src/i18n/messages/member-dialogs.js';
import { quote } from '../../src/i18n/messages/quote.js';
import { teamMembers } from '../../src/i18n/messages/team-members.js';
import { billingDe } from '../../src/i18n/messages/de/billing.js';
import { bulkActionsDe } from '../../src/i18n/messages/de/bulk-actions.js';
import { bulkInviteDe } from '../../src/i18n/messages/de/bulk-invite.js';
import { commonDe } from '../../src/i18n/messages/de/common.js';
import { inviteDialogDe } from '../../src/i18n/messages/de/invite-dialog.js';
import { memberDialogsDe } from '../../src/i18n/messages/de/member-dialogs.js';
import { quoteDe } from '../../src/i18n/messages/de/quote.js';
import { teamMembersDe } from '../../src/i18n/messages/de/team-members.js';

const LANGUAGES = {
  en: { common, teamMembers, memberDialogs, billing, quote, inviteDialog, bulkInvite, bulkActions },
  de: {
    common: commonDe,
    teamMembers: teamMembersDe,
    memberDialogs: memberDialogsDe,
    billing: billingDe,
    quote: quoteDe,
    inviteDialog: inviteDialogDe,
    bulkInvite: bulkInviteDe,
    bulkActions: bulkActionsDe,
  },
};

describe('message keys', () => {
  for (const [language, areas] of Object.entries(LANGUAGES)) {
    it(`belong to one area each (${language})`, () => {
      const owner = new Map<string, string>();
      const shared: string[] = [];
      for (const [area, messages] of Object.entries(areas))
        for (const key of Object.keys(messages)) {
          const first = owner.get(key);
          if (first) shared.push(`${key}: ${first} and ${area}`);
          else owner.set(key, area);
        }
      expect(shared).to.deep.equal([]);
    });
  }
});
