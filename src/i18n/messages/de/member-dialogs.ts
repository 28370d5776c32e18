import type { memberDialogs } from '../member-dialogs.js';

/** German for every key of `memberDialogs`. */
export const memberDialogsDe: { [K in keyof typeof memberDialogs]: string } = {
  'remove.title': '{name} entfernen?',
  'remove.intro': 'Das passiert, wenn {name} entfernt wird:',
  'remove.loading': 'Auswirkungen werden geprüft…',
  'remove.numbers': 'Die Telefonnummern {numbers} werden freigegeben und bleiben in Ihrem Konto.',
  'remove.noNumbers': '{name} sind keine Telefonnummern zugewiesen.',
  'remove.recordings.one':
    '{count} Anrufaufzeichnung bleibt erhalten; Administratoren können sie weiterhin öffnen.',
  'remove.recordings.other':
    '{count} Anrufaufzeichnungen bleiben erhalten; Administratoren können sie weiterhin öffnen.',
  'remove.sms.one': '{count} SMS-Unterhaltung wandert in den gemeinsamen Team-Posteingang.',
  'remove.sms.other': '{count} SMS-Unterhaltungen wandern in den gemeinsamen Team-Posteingang.',
  'remove.campaigns': 'Verlässt die Dialer-Kampagnen {campaigns}; die Kampagnen laufen weiter.',
  'remove.noCampaigns': 'In keiner Dialer-Kampagne.',
  'remove.integrations': 'Getrennte persönliche Integrationen: {integrations}.',
  'remove.noIntegrations': 'Keine persönlichen Integrationen zu trennen.',
  'remove.teamIntegrations': 'Team-Integrationen sind nicht betroffen.',
  'remove.billing':
    'Ihre Platzanzahl sinkt bei der nächsten Verlängerung am {date}; keine Erstattung.',
  'remove.reassign': 'Telefonnummern neu zuweisen',
  'remove.reassignNone': 'Nicht zugewiesen lassen',
  'remove.reassignMember': 'Einem Mitglied',
  'remove.reassignRingGroup': 'Einer Ringgruppe',
  'remove.reassignTarget': 'Neu zuweisen an',
  'remove.owner':
    'Der Inhaber kann nicht entfernt werden. Übertragen Sie zuerst die Inhaberschaft an ein anderes Mitglied.',
  'deactivate.title': '{name} deaktivieren?',
  'deactivate.body':
    '{name} kann sich nicht anmelden und keine Anrufe annehmen; Daten und Einstellungen bleiben erhalten.',
  'deactivate.billing':
    'Ab der nächsten Verlängerung am {date} wird dieser Platz nicht berechnet. Keine Erstattung für diesen Zeitraum.',
  'reactivate.title': '{name} reaktivieren?',
  'reactivate.body':
    '{name} kann sich wieder anmelden und Anrufe annehmen. Reaktivieren zählt wie ein neuer Platz.',
  'role.title': 'Rolle von {name} ändern',
  'role.label': 'Rolle',
  'role.submit': 'Rolle ändern',
  'assign.title': '{name} eine Telefonnummer zuweisen',
  'assign.label': 'Telefonnummer',
  'assign.assignedTo': '{number} (zugewiesen an {name})',
  'assign.ringGroup': '{number} (Ringgruppe {name})',
  'assign.submit': 'Zuweisen',
  'transfer.title': 'Inhaberschaft an {name} übertragen?',
  'transfer.body':
    '{name} wird Inhaber. Sie werden Administrator und können die Abrechnung nicht mehr ändern.',
  'transfer.password': 'Ihr Passwort',
  'revoke.title': 'Einladung an {name} widerrufen?',
  'revoke.body':
    'Der an {name} gesendete Einladungslink funktioniert dann nicht mehr. Sie können {name} später erneut einladen.',
};
