import type { Localizer } from '../../i18n/index.js';
import type { TeamSnapshot } from '../../rules/index.js';
import type { PhoneNumber } from '../../schemas/index.js';

/** One of the account's numbers as the dialog offers it: who it rings now, and whether it may be chosen. */
export interface NumberChoice {
  number: string;
  label: string;
  /** A number of the owner's, offered to someone who is not the owner. */
  disabled: boolean;
}

/**
 * The account's numbers, each with who it rings now. Who rings and whether the viewer is the
 * owner come from the rules' snapshot (what the backend decides on); the store's numbers only
 * add whether the holder is a ring group, for the wording.
 */
export function numberChoices(
  l: Localizer,
  numbers: readonly PhoneNumber[],
  team: TeamSnapshot | null,
): NumberChoice[] {
  return numbers.map(({ number, assignee }) => {
    const holder = team?.numberHolders?.get(number);
    if (!holder || !assignee)
      return { number, label: l.t('invite.phone.unassigned', { number }), disabled: false };
    const name = holder.name;
    if (assignee.type === 'ringGroup')
      return { number, label: l.t('invite.phone.ringsGroup', { number, name }), disabled: false };
    if (holder.owner)
      return {
        number,
        label: l.t('invite.phone.ringsOwner', { number, name }),
        disabled: team?.viewerIsOwner !== true,
      };
    return { number, label: l.t('invite.phone.rings', { number, name }), disabled: false };
  });
}

/**
 * "Moves from Priya Shah when they accept." for a chosen number that rings someone and may be
 * moved by the viewer; '' when it rings nobody (nothing moves) or may not be moved at all.
 */
export function moveNote(
  l: Localizer,
  chosen: string,
  numbers: readonly PhoneNumber[],
  team: TeamSnapshot | null,
): string {
  const holder = chosen ? team?.numberHolders?.get(chosen) : undefined;
  if (!holder || (holder.owner && team?.viewerIsOwner !== true)) return '';
  const group = numbers.find((n) => n.number === chosen)?.assignee?.type === 'ringGroup';
  return l.t(group ? 'invite.phone.movesFromGroup' : 'invite.phone.moves', { name: holder.name });
}
