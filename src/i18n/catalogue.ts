import { billing } from './messages/billing.ts';
import type { bulkInvite } from './messages/bulk-invite.ts';
import { common } from './messages/common.ts';
import type { inviteDialog } from './messages/invite-dialog.ts';
import { teamMembers } from './messages/team-members.ts';

/** English for what a page shows first: the team list and the billing summary. */
const FIRST = { ...common, ...teamMembers, ...billing };

export type MessageKey = keyof typeof FIRST | keyof typeof inviteDialog | keyof typeof bulkInvite;
export type Messages = Record<MessageKey, string>;

/**
 * English in memory: what a page shows first, plus each dialog's own words, which arrive with
 * the dialog's chunk (`addEnglish`). Every other language is one complete chunk.
 */
export const english: Partial<Messages> = { ...FIRST };

/** Adds an area's English words (a dialog's, when its chunk has loaded). */
export function addEnglish(area: Partial<Messages>): void {
  Object.assign(english, area);
}

/** English, every key (loading the dialogs' words): the catalogue a new language starts from. */
export async function englishMessages(): Promise<Messages> {
  const [invite, bulk] = await Promise.all([
    import('./messages/invite-dialog.ts'),
    import('./messages/bulk-invite.ts'),
  ]);
  return { ...FIRST, ...invite.inviteDialog, ...bulk.bulkInvite };
}

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
