// src/i18n/messages/fr/index.ts — a new language is one complete catalogue: every key, checked by tsc.
import { englishMessages, type MessageKey } from 'seatkit';

export const fr: Record<MessageKey, string> = {
  ...(await englishMessages()), // start complete, then translate every key
  'team.title': 'Membres de l’équipe',
  'action.inviteMember': 'Inviter un membre',
  'action.bulkInvite': 'Invitation groupée',
  'team.statusDate.pending': 'jusqu’au {date}',
  'invite.preview.prorated.other': '{amount} pour les {days} jours restants de ce cycle',
};
