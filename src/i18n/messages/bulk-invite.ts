import { defineMessages } from '../define.ts';

// Every visible string of <bulk-invite>. Keys start with `bulk.`; row problems and request errors
// reuse `invite.problem.*` from invite-dialog.ts and `error.*` (request errors) from common.ts.

const en = {
  'bulk.title': 'Bulk Invite',
  'bulk.intro':
    'Upload a CSV file with the columns email, role and phone_number (optional). Every row is checked before anything is sent.',
  'bulk.close': 'Close',
  'bulk.cancel': 'Cancel',
  'bulk.loading': 'Loading your team…',
  'bulk.loadFailed': 'Your team could not be loaded: {reason}',
  'bulk.retry': 'Retry',
  'bulk.notAllowed': 'You can’t invite members.',
  'bulk.notAllowed.reason':
    'Only the owner and admins can invite team members. Ask one of them to send the invitations.',

  'bulk.template': 'Download the CSV template',
  'bulk.drop.label': 'CSV file',
  'bulk.drop.hint': 'Drop a CSV file here, or paste its contents here',
  'bulk.drop.choose': 'Choose a file…',
  'bulk.paste.label': 'Or paste CSV text',
  'bulk.paste.apply': 'Check pasted text',
  'bulk.file.name': 'File: {name}',
  'bulk.file.pasted': 'Pasted text',
  'bulk.file.notCsv': '{name} is not a CSV file. Choose a file that ends in .csv.',
  'bulk.file.unreadable': '{name} could not be read.',
  'bulk.startOver': 'Choose another file',

  'bulk.checking': 'Checking rows… {done} of {total}',
  'bulk.checked': 'Checked {total} rows.',
  'bulk.fileProblems': 'The file can’t be used',
  'bulk.fileProblem.empty_file': 'The file is empty.',
  'bulk.fileProblem.not_utf8': 'The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.',
  'bulk.fileProblem.binary_file':
    'This looks like a spreadsheet or other binary file, not CSV. Save it as CSV and try again.',
  'bulk.fileProblem.too_large': 'The file is larger than {max}. Split it into smaller files.',
  'bulk.fileProblem.missing_header': 'The first line must be the header: email,role,phone_number.',
  'bulk.fileProblem.missing_column':
    'The header needs the columns email and role (phone_number is optional).',
  'bulk.fileProblem.malformed_row': 'Row {row} could not be read (check its quotes and commas).',
  'bulk.fileProblem.malformed_file': 'The file could not be read (check its quotes and commas).',
  'bulk.fileProblem.too_many_rows':
    'The file has more than {max} rows. Split it into smaller files.',

  'bulk.summary': '{ready} ready, {problems} with problems',
  'bulk.filter.label': 'Show only rows with problems',
  'bulk.list.label': 'Rows of the file',
  'bulk.list.empty': 'No rows to show.',
  'bulk.col.row': 'Row',
  'bulk.col.email': 'Email',
  'bulk.col.role': 'Role',
  'bulk.col.phone': 'Phone number',
  'bulk.col.status': 'Status',
  'bulk.row.label': 'Row {row}',
  'bulk.row.ready': 'Ready',
  'bulk.row.problem': 'Problem',
  'bulk.row.sent': 'Sent',
  'bulk.row.empty': '(empty)',
  'bulk.downloadProblems': 'Download rows with problems (CSV)',
  'bulk.problemsFileName': 'rows-with-problems.csv',
  'bulk.templateFileName': 'bulk-invite-template.csv',

  'bulk.preview.title': 'Billing',
  'bulk.preview.loading': 'Working out the price…',
  'bulk.preview.failed': 'The price could not be worked out: {reason}',
  'bulk.preview.perSeat': 'You are billed for each seat once its invitee accepts.',
  'bulk.preview.ifAllLabel': 'If all {count} accepted today',
  'bulk.preview.ifAll.one':
    '{amount} now ({charged} new seat at {perSeat} for the {days} days left in this cycle)',
  'bulk.preview.ifAll.other':
    '{amount} now ({charged} new seats at {perSeat} each for the {days} days left in this cycle)',
  'bulk.preview.ifAll.none': '{amount} now: seats already paid for this cycle are used',
  'bulk.preview.nextLabel': 'Next invoice',
  'bulk.preview.next.one': '{amount} for {seats} seat on {date}',
  'bulk.preview.next.other': '{amount} for {seats} seats on {date}',
  'bulk.preview.limitLabel': 'Plan limit',
  'bulk.preview.limit': '{plan}: {used} of {max} seats would be used',
  'bulk.preview.noLimit': '{plan}: no seat limit',
  'bulk.preview.refused':
    '{plan} allows up to {max} seats: these invitations would go over the limit.',
  'bulk.preview.refusedOther': 'These invitations can’t be sent: {reason}',

  'bulk.submit.one': 'Send Invites ({count})',
  'bulk.submit.other': 'Send Invites ({count})',
  'bulk.submit.plain': 'Send Invites',
  'bulk.sending': 'Sending…',
  'bulk.sent.one': '{count} invitation sent.',
  'bulk.sent.other': '{count} invitations sent.',
  'bulk.sendFailed': 'Nothing was sent: {reason}',
  'bulk.sendRowProblems':
    'The server refused some rows (see their reasons below). Nothing was sent.',
  'bulk.done': 'Done',
};

export type BulkInviteMessageKey = keyof typeof en;

const de: { [K in BulkInviteMessageKey]: string } = {
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

export const bulkInviteMessages = defineMessages(en, de);
