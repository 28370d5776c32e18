/**
 * The parts of the dialogs <team-members> renders in its shadow root, exported to the page with a
 * prefix (`exportparts`), so `team-members::part(invite-dialog-submit)` styles the Invite Member
 * dialog's "Send Invite" button. Keep in step with the `@csspart` lists of the two elements.
 */
export const INVITE_DIALOG_PARTS = [
  'dialog',
  'form',
  'field',
  'email-field',
  'role-field',
  'phone-field',
  'input',
  'email-input',
  'role-select',
  'phone-select',
  'field-error',
  'email-error',
  'role-error',
  'phone-error',
  'role-note',
  'phone-note',
  'move-note',
  'move-confirm',
  'preview',
  'preview-loading',
  'preview-error',
  'due-now',
  'next-invoice',
  'refusal',
  'not-allowed',
  'error',
  'submit',
  'cancel',
  'close',
] as const;

export const BULK_INVITE_PARTS = [
  'dialog',
  'body',
  'content',
  'close',
  'not-allowed',
  'source',
  'drop-zone',
  'file-input',
  'paste',
  'template',
  'file-problems',
  'progress',
  'summary',
  'download-problems',
  'rows',
  'rows-empty',
  'row',
  'row-ready',
  'row-problem',
  'row-sent',
  'row-problems',
  'preview',
  'due-now',
  'next-invoice',
  'plan-limit',
  'refusal',
  'error',
  'submit',
] as const;

/** `exportparts` value: every part as `<prefix>-<part>`. */
export function exportParts(prefix: string, parts: readonly string[]): string {
  return parts.map((part) => `${part}: ${prefix}-${part}`).join(', ');
}

export const INVITE_DIALOG_EXPORTS = exportParts('invite-dialog', INVITE_DIALOG_PARTS);
export const BULK_INVITE_EXPORTS = exportParts('bulk-invite', BULK_INVITE_PARTS);
