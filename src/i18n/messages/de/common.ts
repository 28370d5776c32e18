import type { common } from '../common.js';

/** German for every key of `common` (the compiler checks that none is missing or extra). */
export const commonDe: { [K in keyof typeof common]: string } = {
  'role.owner': 'Inhaber',
  'role.admin': 'Administrator',
  'role.supervisor': 'Supervisor',
  'role.agent': 'Agent',
  'status.active': 'Aktiv',
  'status.deactivated': 'Deaktiviert',
  'status.pending': 'Ausstehend',
  'status.expired': 'Abgelaufen',
  'status.accepted': 'Angenommen',
  'status.revoked': 'Widerrufen',
  'action.cancel': 'Abbrechen',
  'action.close': 'Schließen',
  'action.retry': 'Erneut versuchen',
  'action.save': 'Speichern',
  'action.inviteMember': 'Mitglied einladen',
  'action.bulkInvite': 'Mehrere einladen',
  'common.loading': 'Wird geladen…',
  'common.working': 'Wird ausgeführt…',
  'common.none': 'Keine',
  'common.dismiss': 'Ausblenden',
  'error.generic': 'Etwas ist schiefgelaufen. Bitte versuchen Sie es erneut.',
  'error.network':
    'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
  'error.versionConflict':
    'Jemand anderes hat dies inzwischen geändert. Die Liste wurde aktualisiert.',
  'error.noAdapter': 'Es ist kein Backend-Adapter verbunden.',
  'error.rateLimited': 'Zu viele Anfragen. Versuchen Sie es in {seconds} Sekunden erneut.',
  'error.rateLimitedNow': 'Zu viele Anfragen. Warten Sie kurz und versuchen Sie es erneut.',
  'role.needsPlan': '{role} erfordert den Tarif {plan} oder höher.',
  'error.timeout': 'Der Server hat zu lange gebraucht. Versuchen Sie es erneut.',
  'error.timeout.safe':
    'Der Server hat zu lange gebraucht. Versuchen Sie es erneut: nichts wird doppelt gesendet.',
  'error.server': 'Der Server hatte ein Problem. Versuchen Sie es erneut.',
  'error.server.safe':
    'Der Server hatte ein Problem. Versuchen Sie es erneut: nichts wird doppelt gesendet.',
  'error.idempotencyConflict':
    'Diese Anfrage wurde bereits mit anderen Angaben verwendet. Versuchen Sie es erneut.',
  'error.unauthenticated':
    'Ihre Sitzung ist abgelaufen. Melden Sie sich erneut an und versuchen Sie es noch einmal.',
  'error.aborted': 'Die Anfrage wurde abgebrochen.',
  'error.malformedResponse': 'Die Antwort des Servers war nicht lesbar. Versuchen Sie es erneut.',
  'error.forbidden': 'Dazu fehlt Ihnen die Berechtigung.',
  'error.notFound': 'Das gibt es nicht mehr: Es wurde inzwischen vielleicht entfernt.',
  'error.validationFailed': 'Der Server hat diese Angaben nicht als gültig akzeptiert.',
  'error.capacityExceeded': 'Ihr Tarif hat dafür keinen freien Platz mehr.',
  'error.roleNotOnPlan': 'Diese Rolle ist in Ihrem Tarif nicht verfügbar.',
  'error.alreadyMember': 'Diese Person ist bereits Mitglied dieses Teams.',
  'error.alreadyInvited': 'Diese Person hat bereits eine offene Einladung.',
  'error.invitationExpired': 'Diese Einladung ist abgelaufen.',
  'error.invitationClosed': 'Diese Einladung wurde bereits angenommen oder widerrufen.',
  'error.ownerProtected':
    'Der Inhaber kann so nicht geändert werden. Übertragen Sie zuerst die Inhaberschaft.',
  'error.wrongPassword': 'Das Passwort ist nicht richtig. Es wurde nichts geändert.',
  'error.wrongPassword.attemptsLeft.one':
    'Das Passwort ist nicht richtig. Noch {count} Versuch bis zur vorübergehenden Sperre.',
  'error.wrongPassword.attemptsLeft.other':
    'Das Passwort ist nicht richtig. Noch {count} Versuche bis zur vorübergehenden Sperre.',
  'error.lockedOut.one': 'Zu viele falsche Passwörter. Versuchen Sie es in {count} Minute erneut.',
  'error.lockedOut.other':
    'Zu viele falsche Passwörter. Versuchen Sie es in {count} Minuten erneut.',
  'error.lockedOutNow': 'Zu viele falsche Passwörter. Versuchen Sie es später erneut.',
  'error.conflict': 'Das widerspricht dem aktuellen Stand: Es wurde vielleicht schon geändert.',
  'error.other': 'Das hat nicht geklappt: {message}',
  'reason.deactivatedActor': 'Ihr Konto ist deaktiviert.',
  'reason.onlyOwner': 'Nur der Inhaber kann {verb}.',
  'reason.onlyManagers': 'Nur der Inhaber oder ein Administrator kann {verb}.',
  'reason.makeOwner':
    'So kann niemand Inhaber werden. Der Inhaber überträgt stattdessen die Inhaberschaft.',
  'reason.ownerProtected.removeMember':
    'Der Inhaber kann nicht entfernt werden. Übertragen Sie zuerst die Inhaberschaft.',
  'reason.ownerProtected.deactivateMember':
    'Der Inhaber kann nicht deaktiviert werden. Übertragen Sie zuerst die Inhaberschaft.',
  'reason.ownerProtected.changeRole':
    'Die Rolle des Inhabers kann nicht geändert werden. Übertragen Sie zuerst die Inhaberschaft.',
  'reason.self.removeMember': 'Sie können sich nicht selbst entfernen.',
  'reason.self.deactivateMember': 'Sie können sich nicht selbst deaktivieren.',
  'reason.self.changeRole': 'Sie können Ihre eigene Rolle nicht ändern.',
  'reason.self.transferOwnership':
    'Dieses Konto gehört bereits Ihnen. Wählen Sie ein anderes Mitglied.',
  'reason.alreadyActive': 'Dieses Mitglied ist bereits aktiv.',
  'reason.alreadyDeactivated': 'Dieses Mitglied ist bereits deaktiviert.',
  'reason.transferNeedsActive':
    'Die Inhaberschaft kann nur an ein aktives Mitglied gehen. Reaktivieren Sie es zuerst.',
  'reason.overCapacity.one':
    '{used} von {max} Plätzen: Entfernen oder deaktivieren Sie {count} Mitglied, um wieder einzuladen.',
  'reason.overCapacity.other':
    '{used} von {max} Plätzen: Entfernen oder deaktivieren Sie {count} Mitglieder, um wieder einzuladen.',
  'reason.overCapacityPending.one':
    '{used} von {max} Plätzen, offene Einladungen eingerechnet: Geben Sie {count} Platz frei (Mitglieder entfernen oder deaktivieren oder Einladungen widerrufen), um wieder einzuladen.',
  'reason.overCapacityPending.other':
    '{used} von {max} Plätzen, offene Einladungen eingerechnet: Geben Sie {count} Plätze frei (Mitglieder entfernen oder deaktivieren oder Einladungen widerrufen), um wieder einzuladen.',
  'reason.overCapacityReactivate.one':
    '{used} von {max} Plätzen: Entfernen oder deaktivieren Sie {count} Mitglied, bevor jemand reaktiviert werden kann.',
  'reason.overCapacityReactivate.other':
    '{used} von {max} Plätzen: Entfernen oder deaktivieren Sie {count} Mitglieder, bevor jemand reaktiviert werden kann.',
  'reason.overCapacityPendingReactivate.one':
    '{used} von {max} Plätzen, offene Einladungen eingerechnet: Geben Sie {count} Platz frei (Mitglieder entfernen oder deaktivieren oder Einladungen widerrufen), bevor jemand reaktiviert werden kann.',
  'reason.overCapacityPendingReactivate.other':
    '{used} von {max} Plätzen, offene Einladungen eingerechnet: Geben Sie {count} Plätze frei (Mitglieder entfernen oder deaktivieren oder Einladungen widerrufen), bevor jemand reaktiviert werden kann.',
  'reason.reactivateRoleNotOnPlan':
    '{role} erfordert den Tarif {plan} oder höher. Ändern Sie zuerst die Rolle.',
  'reason.verb.viewTeam': 'das Team sehen',
  'reason.verb.viewInvitations': 'Einladungen sehen',
  'reason.verb.viewPhoneNumbers': 'die Telefonnummern des Kontos sehen',
  'reason.verb.viewBilling': 'die Abrechnung sehen',
  'reason.verb.quote': 'die Kosten von Änderungen sehen',
  'reason.verb.viewRemovalImpact': 'sehen, was das Entfernen eines Mitglieds bewirkt',
  'reason.verb.invite': 'Mitglieder einladen',
  'reason.verb.resendInvitation': 'Einladungen erneut senden',
  'reason.verb.revokeInvitation': 'Einladungen widerrufen',
  'reason.verb.changeRole': 'Rollen ändern',
  'reason.verb.assignPhoneNumber': 'Telefonnummern zuweisen',
  'reason.verb.removeMember': 'Mitglieder entfernen',
  'reason.verb.deactivateMember': 'Mitglieder deaktivieren',
  'reason.verb.reactivateMember': 'Mitglieder reaktivieren',
  'reason.verb.transferOwnership': 'die Inhaberschaft übertragen',
  'reason.verb.changePlan': 'den Tarif ändern',
};
