// The catalogue is made by spreading each area's messages into one object: two areas with the
// same key would silently take each other's words (the bulk actions once showed their summary in
// the Bulk Invite dialog). Every key belongs to one area, in English and in German.
import { expect } from '@open-wc/testing';
import { ERROR_TRAITS, type ErrorWords } from '../../src/api/error-traits.js';
import type { ErrorCode } from '../../src/schemas/index.js';
import { billing } from '../../src/i18n/messages/billing.js';
import { bulkActions } from '../../src/i18n/messages/bulk-actions.js';
import { bulkInvite } from '../../src/i18n/messages/bulk-invite.js';
import { changeErrors } from '../../src/i18n/messages/change-errors.js';
import { common } from '../../src/i18n/messages/common.js';
import { inviteDialog } from '../../src/i18n/messages/invite-dialog.js';
import { memberDialogs } from '../../src/i18n/messages/member-dialogs.js';
import { quote } from '../../src/i18n/messages/quote.js';
import { teamMembers } from '../../src/i18n/messages/team-members.js';
import { billingDe } from '../../src/i18n/messages/de/billing.js';
import { bulkActionsDe } from '../../src/i18n/messages/de/bulk-actions.js';
import { bulkInviteDe } from '../../src/i18n/messages/de/bulk-invite.js';
import { changeErrorsDe } from '../../src/i18n/messages/de/change-errors.js';
import { commonDe } from '../../src/i18n/messages/de/common.js';
import { inviteDialogDe } from '../../src/i18n/messages/de/invite-dialog.js';
import { memberDialogsDe } from '../../src/i18n/messages/de/member-dialogs.js';
import { quoteDe } from '../../src/i18n/messages/de/quote.js';
import { teamMembersDe } from '../../src/i18n/messages/de/team-members.js';

const LANGUAGES = {
  en: {
    common,
    changeErrors,
    teamMembers,
    memberDialogs,
    billing,
    quote,
    inviteDialog,
    bulkInvite,
    bulkActions,
  },
  de: {
    common: commonDe,
    changeErrors: changeErrorsDe,
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

  // English arrives in parts: what a page shows first, then each dialog's words with the words for
  // why a change failed. A failed load must be worded by the first part alone.
  const LOAD_CODES: readonly ErrorCode[] = [
    'unauthenticated',
    'forbidden',
    'not_found',
    'validation_failed',
    'rate_limited',
    'server_error',
    'network_error',
    'timeout',
    'aborted',
    'malformed_response',
  ];
  const keysOf = (words: ErrorWords, withSafe: boolean): string[] => [
    words.key,
    ...(withSafe && words.safe ? [words.safe] : []),
    ...(words.wait?.unit === 'seconds' ? [words.wait.key] : []),
    ...(words.wait?.unit === 'minutes' ? [`${words.wait.key}.one`, `${words.wait.key}.other`] : []),
    ...(words.attemptsLeft ? [`${words.attemptsLeft}.one`, `${words.attemptsLeft}.other`] : []),
  ];
  const firstPaint = new Set(Object.keys({ ...common, ...teamMembers, ...billing }));

  it('a failed load is worded by the English a page has first', () => {
    const missing = LOAD_CODES.flatMap((code) =>
      keysOf(ERROR_TRAITS[code].words, false).filter((key) => !firstPaint.has(key)),
    );
    expect(missing).to.deep.equal([]);
  });

  it('every failed change is worded once any dialog’s words are in', () => {
    const withDialog = new Set([...firstPaint, ...Object.keys(changeErrors)]);
    const missing = Object.values(ERROR_TRAITS).flatMap((traits) =>
      keysOf(traits.words, true).filter((key) => !withDialog.has(key)),
    );
    expect(missing).to.deep.equal([]);
  });
});
