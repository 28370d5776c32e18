import { billing } from './messages/billing.ts';
import { bulkInvite } from './messages/bulk-invite.ts';
import { common } from './messages/common.ts';
import { inviteDialog } from './messages/invite-dialog.ts';
import { teamMembers } from './messages/team-members.ts';

/** English, every key: the catalogue every other language starts from and falls back to. */
export const ENGLISH = {
  ...common,
  ...teamMembers,
  ...billing,
  ...inviteDialog,
  ...bulkInvite,
};

export type MessageKey = keyof typeof ENGLISH;
export type Messages = Record<MessageKey, string>;

/**
 * Every language besides English, each its own chunk: a page downloads a language only when a
 * `lang` attribute asks for it (English pages never load German). To add one, add its loader here
 * (see docs/theming-and-localisation.md).
 */
export const LANGUAGES = {
  de: () => import('./messages/de/index.ts').then((m) => m.de),
} satisfies Record<string, () => Promise<Messages>>;

/** Languages with a complete catalogue; anything else falls back to English. */
export type Language = 'en' | keyof typeof LANGUAGES;
