import type { changeErrors } from '../change-errors.js';

/** German for every key of `changeErrors` (the compiler checks that none is missing or extra). */
export const changeErrorsDe: { [K in keyof typeof changeErrors]: string } = {
  'error.versionConflict':
    'Jemand anderes hat dies inzwischen geändert. Die Liste wurde aktualisiert.',
  'error.timeout.safe':
    'Der Server hat zu lange gebraucht. Versuchen Sie es erneut: nichts wird doppelt gesendet.',
  'error.server.safe':
    'Der Server hatte ein Problem. Versuchen Sie es erneut: nichts wird doppelt gesendet.',
  'error.idempotencyConflict':
    'Diese Anfrage wurde bereits mit anderen Angaben verwendet. Versuchen Sie es erneut.',
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
};
