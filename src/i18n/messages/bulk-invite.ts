// Every visible string of <bulk-invite>. Keys start with `bulk.`; row problems and request errors
// reuse `invite.problem.*` from invite-dialog.ts and `error.*` (request errors) from common.ts.
export const bulkInvite = {
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
  'bulk.fileProblem.utf16':
    'The file is saved as UTF-16 (“Unicode text”). Save it as “CSV UTF-8” and try again.',
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
