import type { inviteDialog } from '../invite-dialog.js';

/** German for every key of `inviteDialog` (the compiler checks that none is missing or extra). */
export const inviteDialogDe: { [K in keyof typeof inviteDialog]: string } = {
  'invite.title': 'Mitglied einladen',
  'invite.intro':
    'Die Person erhält eine E-Mail mit einem Link zum Einrichten ihres Kontos. Die Einladung läuft nach 7 Tagen ab.',
  'invite.close': 'Schließen',
  'invite.cancel': 'Abbrechen',
  'invite.submit': 'Einladung senden',
  'invite.sending': 'Wird gesendet…',
  'invite.sent': 'Einladung an {email} gesendet.',
  'invite.loading': 'Team wird geladen…',
  'invite.loadFailed': 'Das Team konnte nicht geladen werden: {reason}',
  'invite.retry': 'Erneut versuchen',
  'invite.notAllowed': 'Sie können keine Mitglieder einladen.',
  'invite.notAllowed.reason':
    'Nur der Inhaber und Admins können Teammitglieder einladen. Bitten Sie eine dieser Personen, die Einladung zu senden.',

  'invite.email.label': 'E-Mail',
  'invite.email.placeholder': 'name@beispiel.de',
  'invite.role.label': 'Rolle',
  'invite.role.admin': 'Admin',
  'invite.role.supervisor': 'Supervisor',
  'invite.role.agent': 'Agent',
  'invite.role.owner': 'Inhaber',
  'invite.role.help.admin':
    'Verwaltet Benutzer, Nummern, Integrationen und Einstellungen. Kann die Abrechnung nicht ändern.',
  'invite.role.help.supervisor': 'Rechte eines Agenten plus Anrufüberwachung und Team-Analysen.',
  'invite.role.help.agent': 'Telefoniert, sendet SMS, sieht zugewiesene Kontakte.',
  'invite.role.needsPlan': '{role} erfordert den Tarif {plan} oder höher.',
  'invite.phone.label': 'Telefonnummer (optional)',
  'invite.phone.none': 'Keine Telefonnummer',
  'invite.phone.help': 'Von dieser Nummer aus kann die Person telefonieren und SMS senden.',
  'invite.phone.unassigned': '{number} · nicht zugewiesen',
  'invite.phone.rings': '{number} · klingelt bei {name}',
  'invite.phone.ringsOwner': '{number} · klingelt beim Inhaber {name}',
  'invite.phone.ringsGroup': '{number} · klingelt in der Ringgruppe {name}',
  'invite.phone.ownerOnly': 'Nur der Inhaber kann die Nummern des Inhabers übertragen.',
  'invite.phone.moves': 'Wechselt von {name} zur eingeladenen Person, sobald sie annimmt.',
  'invite.phone.movesFromGroup':
    'Wechselt von der Ringgruppe {name} zur eingeladenen Person, sobald sie annimmt.',
  'invite.phone.confirmMove': 'Diese Nummer an die eingeladene Person übertragen',

  'invite.preview.title': 'Abrechnung',
  'invite.preview.loading': 'Preis wird berechnet…',
  'invite.preview.failed': 'Der Preis konnte nicht berechnet werden: {reason}',
  'invite.preview.dueLabel': 'Fällig, wenn die Einladung angenommen wird',
  'invite.preview.prorated.one':
    '{amount} für den {days} verbleibenden Tag dieses Abrechnungszeitraums',
  'invite.preview.prorated.other':
    '{amount} für die {days} verbleibenden Tage dieses Abrechnungszeitraums',
  'invite.preview.alreadyPaid':
    '{amount}: ein in diesem Zeitraum bereits bezahlter Platz wird genutzt',
  'invite.preview.proration': 'Anteilig: {price} pro Platz × {days} von {cycleDays} Tagen.',
  'invite.preview.nextLabel': 'Nächste Rechnung',
  'invite.preview.next.one': '{amount} für {seats} Platz am {date}',
  'invite.preview.next.other': '{amount} für {seats} Plätze am {date}',
  'invite.preview.capacity': '{used} von {max} Plätzen belegt',
  'invite.preview.notCharged': 'Berechnet wird erst, wenn die Einladung angenommen wird.',
  'invite.refusal.capacity':
    '{plan} erlaubt höchstens {max} Plätze. Entfernen Sie ein Mitglied, widerrufen Sie eine Einladung oder wechseln Sie in einen größeren Tarif.',
  'invite.refusal.other': 'Diese Einladung kann nicht gesendet werden: {reason}',

  'invite.problem.missing_email': 'Geben Sie eine E-Mail-Adresse ein.',
  'invite.problem.invalid_email':
    'Geben Sie eine gültige E-Mail-Adresse ein, z. B. name@beispiel.de.',
  'invite.problem.missing_role': 'Wählen Sie eine Rolle.',
  'invite.problem.unknown_role':
    '„{role}“ ist keine Rolle: verwenden Sie admin, supervisor oder agent.',
  'invite.problem.owner_not_invitable':
    'Der Inhaber wird nie eingeladen: übertragen Sie stattdessen die Inhaberschaft.',
  'invite.problem.role_not_on_plan': '{role} erfordert den Tarif {plan} oder höher.',
  'invite.problem.already_member': '{email} ist bereits Mitglied dieses Teams.',
  'invite.problem.already_member_deactivated':
    '{email} ist ein deaktiviertes Mitglied: reaktivieren Sie es stattdessen.',
  'invite.problem.already_invited':
    '{email} hat bereits eine offene Einladung: senden Sie sie stattdessen erneut.',
  'invite.problem.duplicate_in_file': '{email} steht bereits in dieser Datei (Zeile {first}).',
  'invite.problem.duplicate_in_file_plain': '{email} kommt in dieser Datei mehrfach vor.',
  'invite.problem.invalid_phone_number':
    '„{number}“ ist keine Telefonnummer im internationalen Format wie +14155550100.',
  'invite.problem.unknown_phone_number': '{number} gehört nicht zu den Nummern dieses Kontos.',
  'invite.problem.number_in_use':
    '{number} klingelt bei {name}. Bestätigen Sie, dass sie zur eingeladenen Person wechselt, sobald diese annimmt.',
  'invite.problem.number_in_use_bulk':
    '{number} klingelt bei {name}. Eine Sammeleinladung nimmt nur nicht zugewiesene Nummern.',
  'invite.problem.owner_number':
    '{number} klingelt beim Inhaber {name}. Nur der Inhaber kann die Nummern des Inhabers übertragen.',
  'invite.problem.over_capacity':
    '{plan} erlaubt höchstens {max} Plätze: für diese Einladung ist kein Platz mehr frei.',
  'invite.problem.other': '{message}',
};
