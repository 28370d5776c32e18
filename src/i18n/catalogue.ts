import { billingMessages } from './messages/billing.ts';
import { bulkInviteMessages } from './messages/bulk-invite.ts';
import { commonMessages } from './messages/common.ts';
import { inviteDialogMessages } from './messages/invite-dialog.ts';
import { teamMembersMessages } from './messages/team-members.ts';

/** Every area's messages, for the same-keys test. */
export const AREAS = {
  common: commonMessages,
  'team-members': teamMembersMessages,
  billing: billingMessages,
  'invite-dialog': inviteDialogMessages,
  'bulk-invite': bulkInviteMessages,
} as const;

const en = {
  ...commonMessages.en,
  ...teamMembersMessages.en,
  ...billingMessages.en,
  ...inviteDialogMessages.en,
  ...bulkInviteMessages.en,
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const de: Messages = {
  ...commonMessages.de,
  ...teamMembersMessages.de,
  ...billingMessages.de,
  ...inviteDialogMessages.de,
  ...bulkInviteMessages.de,
};

/** Languages with a complete catalogue; anything else falls back to English. */
export const CATALOGUE: Readonly<Record<'en' | 'de', Messages>> = { en, de };
export type Language = keyof typeof CATALOGUE;
