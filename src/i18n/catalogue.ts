import { billing } from './messages/billing.js';
import type { bulkActions } from './messages/bulk-actions.js';
import type { bulkInvite } from './messages/bulk-invite.js';
import { common } from './messages/common.js';
import type { inviteDialog } from './messages/invite-dialog.js';
import type { memberDialogs } from './messages/member-dialogs.js';
import type { quote } from './messages/quote.js';
import { teamMembers } from './messages/team-members.js';

/** English for what a page shows first: the team list and the billing summary. */
const FIRST = { ...common, ...teamMembers, ...billing };

export type MessageKey =
  | keyof typeof FIRST
  | keyof typeof inviteDialog
  | keyof typeof bulkInvite
  | keyof typeof bulkActions
  | keyof typeof memberDialogs
  | keyof typeof quote;
export type Messages = Record<MessageKey, string>;

/** Keys that come in `.one` / `.other` pairs, named without the suffix. */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.other` ? Base : never;
}[MessageKey];

/**
 * English in memory: what a page shows first, plus each dialog's own words, which arrive with
 * the dialog's chunk (`loadEnglish`). Every other language is one complete chunk.
 */
export const english: Partial<Messages> = { ...FIRST };

/** Each dialog's English words: a chunk of their own, loaded with the dialog. */
const LATER_ENGLISH = {
  inviteDialog: () => import('./messages/invite-dialog.js').then((m) => m.inviteDialog),
  bulkInvite: () => import('./messages/bulk-invite.js').then((m) => m.bulkInvite),
  /** <team-members>' bulk confirmation (the selection bar's words are up front). */
  bulkActions: () => import('./messages/bulk-actions.js').then((m) => m.bulkActions),
  /** <team-members>' row dialogs (and the removal's words in the bulk confirmation). */
  memberDialogs: () => import('./messages/member-dialogs.js').then((m) => m.memberDialogs),
  /** What a change costs: <seat-billing-preview>'s quote, the bulk confirmation's price. */
  quote: () => import('./messages/quote.js').then((m) => m.quote),
};

/** Puts these areas' English words in memory (a dialog's, when it first opens). */
export async function loadEnglish(...areas: (keyof typeof LATER_ENGLISH)[]): Promise<void> {
  for (const words of await Promise.all(areas.map((area) => LATER_ENGLISH[area]())))
    Object.assign(english, words);
}

/** English, every key (loading the dialogs' words): the catalogue a new language starts from. */
export async function englishMessages(): Promise<Messages> {
  const [invite, bulk, actions, dialogs, quote] = await Promise.all([
    LATER_ENGLISH.inviteDialog(),
    LATER_ENGLISH.bulkInvite(),
    LATER_ENGLISH.bulkActions(),
    LATER_ENGLISH.memberDialogs(),
    LATER_ENGLISH.quote(),
  ]);
  return { ...FIRST, ...invite, ...bulk, ...actions, ...dialogs, ...quote };
}

/**
 * Every language besides English, each its own chunk: a page downloads a language only when a
 * `lang` attribute asks for it (English pages never load German). To add one, add its loader here
 * (see docs/theming-and-localisation.md).
 */
export const LANGUAGES = {
  de: () => import('./messages/de/index.js').then((m) => m.de),
} satisfies Record<string, () => Promise<Messages>>;

/** Languages with a complete catalogue; anything else falls back to English. */
export type Language = 'en' | keyof typeof LANGUAGES;
