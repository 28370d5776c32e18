import type { bulkInvite } from '../bulk-invite.js';

/** German for every key of `bulkInvite` (the compiler checks that none is missing or extra). */
export const bulkInviteDe: { [K in keyof typeof bulkInvite]: string } = {
  'bulk.title': 'Mehrere einladen',
  'bulk.intro':
    'Laden Sie eine CSV-Datei mit den Spalten email, role und phone_number (optional) hoch. Jede Zeile wird geprüft, bevor etwas gesendet wird.',
  'bulk.close': 'Schließen',
  'bulk.cancel': 'Abbrechen',
  'bulk.loading': 'Team wird geladen…',
  'bulk.loadFailed': 'Das Team konnte nicht geladen werden: {reason}',
  'bulk.retry': 'Erneut versuchen',
  'bulk.notAllowed': 'Sie können keine Mitglieder einladen.',
  'bulk.notAllowed.reason':
    'Nur der Inhaber und Admins können Teammitglieder einladen. Bitten Sie eine dieser Personen, die Einladungen zu senden.',

  'bulk.template': 'CSV-Vorlage herunterladen',
  'bulk.drop.label': 'CSV-Datei',
  'bulk.drop.hint': 'Ziehen Sie eine CSV-Datei hierher oder fügen Sie ihren Inhalt hier ein',
  'bulk.drop.choose': 'Datei auswählen…',
  'bulk.paste.label': 'Oder CSV-Text einfügen',
  'bulk.paste.apply': 'Eingefügten Text prüfen',
  'bulk.file.name': 'Datei: {name}',
  'bulk.file.pasted': 'Eingefügter Text',
  'bulk.file.notCsv': '{name} ist keine CSV-Datei. Wählen Sie eine Datei mit der Endung .csv.',
  'bulk.file.unreadable': '{name} konnte nicht gelesen werden.',
  'bulk.startOver': 'Andere Datei wählen',

  'bulk.checking': 'Zeilen werden geprüft… {done} von {total}',
  'bulk.checked': '{total} Zeilen geprüft.',
  'bulk.fileProblems': 'Die Datei kann nicht verwendet werden',
  'bulk.fileProblem.empty_file': 'Die Datei ist leer.',
  'bulk.fileProblem.not_utf8':
    'Die Datei ist kein UTF-8-Text. Speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut.',
  'bulk.fileProblem.utf16':
    'Die Datei ist als UTF-16 („Unicode-Text“) gespeichert. Speichern Sie sie als „CSV UTF-8“ und versuchen Sie es erneut.',
  'bulk.fileProblem.binary_file':
    'Das sieht nach einer Tabelle oder einer anderen Binärdatei aus, nicht nach CSV. Speichern Sie sie als CSV und versuchen Sie es erneut.',
  'bulk.fileProblem.too_large':
    'Die Datei ist größer als {max}. Teilen Sie sie in kleinere Dateien auf.',
  'bulk.fileProblem.missing_header':
    'Die erste Zeile muss die Kopfzeile sein: email,role,phone_number.',
  'bulk.fileProblem.missing_column':
    'Die Kopfzeile braucht die Spalten email und role (phone_number ist optional).',
  'bulk.fileProblem.malformed_row':
    'Zeile {row} konnte nicht gelesen werden (prüfen Sie Anführungszeichen und Kommas).',
  'bulk.fileProblem.malformed_file':
    'Die Datei konnte nicht gelesen werden (prüfen Sie Anführungszeichen und Kommas).',
  'bulk.fileProblem.too_many_rows':
    'Die Datei hat mehr als {max} Zeilen. Teilen Sie sie in kleinere Dateien auf.',

  'bulk.summary': '{ready} bereit, {problems} mit Problemen',
  'bulk.filter.label': 'Nur Zeilen mit Problemen zeigen',
  'bulk.list.label': 'Zeilen der Datei',
  'bulk.list.empty': 'Keine Zeilen anzuzeigen.',
  'bulk.col.row': 'Zeile',
  'bulk.col.email': 'E-Mail',
  'bulk.col.role': 'Rolle',
  'bulk.col.phone': 'Telefonnummer',
  'bulk.col.status': 'Status',
  'bulk.row.label': 'Zeile {row}',
  'bulk.row.ready': 'Bereit',
  'bulk.row.problem': 'Problem',
  'bulk.row.sent': 'Gesendet',
  'bulk.row.empty': '(leer)',
  'bulk.downloadProblems': 'Zeilen mit Problemen herunterladen (CSV)',
  'bulk.problemsFileName': 'zeilen-mit-problemen.csv',
  'bulk.templateFileName': 'vorlage-mehrere-einladen.csv',

  'bulk.preview.title': 'Abrechnung',
  'bulk.preview.loading': 'Preis wird berechnet…',
  'bulk.preview.failed': 'Der Preis konnte nicht berechnet werden: {reason}',
  'bulk.preview.perSeat': 'Jeder Platz wird berechnet, sobald die eingeladene Person annimmt.',
  'bulk.preview.ifAllLabel': 'Wenn alle {count} heute annehmen',
  'bulk.preview.ifAll.one':
    '{amount} sofort ({charged} neuer Platz zu {perSeat} für die {days} verbleibenden Tage dieses Zeitraums)',
  'bulk.preview.ifAll.other':
    '{amount} sofort ({charged} neue Plätze zu je {perSeat} für die {days} verbleibenden Tage dieses Zeitraums)',
  'bulk.preview.ifAll.none':
    '{amount} sofort: in diesem Zeitraum bereits bezahlte Plätze werden genutzt',
  'bulk.preview.nextLabel': 'Nächste Rechnung',
  'bulk.preview.next.one': '{amount} für {seats} Platz am {date}',
  'bulk.preview.next.other': '{amount} für {seats} Plätze am {date}',
  'bulk.preview.limitLabel': 'Tarifgrenze',
  'bulk.preview.limit': '{plan}: {used} von {max} Plätzen wären belegt',
  'bulk.preview.noLimit': '{plan}: keine Platzgrenze',
  'bulk.preview.refused':
    '{plan} erlaubt höchstens {max} Plätze: diese Einladungen würden die Grenze überschreiten.',
  'bulk.preview.refusedOther': 'Diese Einladungen können nicht gesendet werden: {reason}',

  'bulk.submit.one': 'Einladungen senden ({count})',
  'bulk.submit.other': 'Einladungen senden ({count})',
  'bulk.submit.plain': 'Einladungen senden',
  'bulk.sending': 'Wird gesendet…',
  'bulk.sent.one': '{count} Einladung gesendet.',
  'bulk.sent.other': '{count} Einladungen gesendet.',
  'bulk.sendFailed': 'Nichts wurde gesendet: {reason}',
  'bulk.sendRowProblems':
    'Der Server hat einige Zeilen abgelehnt (Gründe siehe unten). Nichts wurde gesendet.',
  'bulk.done': 'Fertig',
};
