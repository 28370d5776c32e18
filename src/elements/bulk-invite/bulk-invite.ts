import { loadEnglish } from '../../i18n/index.js';
import { controls, hostReset, tokens } from '../../styles/tokens.js';
import { dialogHostStyles } from '../shared/dialog-host.styles.js';
import { LazyDialog, type DialogContentModule } from '../shared/lazy-dialog.js';
import type { BulkInviteFlow } from './bulk-invite-flow.js';

/**
 * @summary "Bulk Invite": a CSV from a file, drag and drop or paste, every row checked in the
 * browser with its row number and reason, the billing for the ready rows, and "Send Invites"
 * that sends them in one request.
 *
 * @attr open - Present while the dialog is showing; set or remove it to open or close (or call `show()` / `close()`).
 * @attr theme - `dark` or `light` pins the colour scheme (default: the closest ancestor's `theme`, else the system setting).
 *
 * @fires seatkit-invitations-sent - InvitationsSentEvent with every invitation created (`event.invitations`).
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart load-error - Shown in place of the dialog when its content could not be downloaded (offline).
 * @csspart body - The dialog's content: its title, the scrolling content and the buttons.
 * @csspart content - The part of the dialog that scrolls, between its title and its buttons.
 * @csspart close - The close (×) button.
 * @csspart not-allowed - Shown instead of the content to someone who may not invite.
 * @csspart source - File picker, drop zone, paste box and template link.
 * @csspart drop-zone - The area a file can be dropped on.
 * @csspart file-input - The file picker.
 * @csspart paste - The box to paste CSV text into.
 * @csspart template - The link to the `email,role,phone_number` template.
 * @csspart file-problems - Why the file can't be used (or rows that can't be read).
 * @csspart progress - "Checking N of M rows" while a file is checked.
 * @csspart summary - "N ready, M with problems" (or how many were sent).
 * @csspart download-problems - The button that saves the rows with problems as a CSV.
 * @csspart rows - The row list (as high as its rows, scrolling with the dialog's content under sticky column headings; virtualized past 100 rows).
 * @csspart rows-empty - Shown when no row matches the "only problems" filter.
 * @csspart row - One row of the file.
 * @csspart row-ready - A row that will be sent.
 * @csspart row-problem - A row with problems.
 * @csspart row-sent - A row that was sent.
 * @csspart row-problems - A row's reasons.
 * @csspart preview - The billing preview for the ready rows.
 * @csspart due-now - What it would cost if all accepted today.
 * @csspart next-invoice - The next invoice and its date.
 * @csspart plan-limit - The plan's seat limit.
 * @csspart refusal - Why the ready rows can't be sent (e.g. the plan's seat limit).
 * @csspart error - Why sending failed.
 * @csspart submit - The "Send Invites" button.
 *
 * @cssprop --seatkit-dialog-width - Width of the dialog (default 48rem here).
 */
export class BulkInvite extends LazyDialog<BulkInviteFlow> {
  static override styles = [tokens, hostReset, controls, dialogHostStyles];

  protected readonly contentTag = 'seatkit-bulk-invite-flow';

  protected async importContent(): Promise<DialogContentModule> {
    const [flow] = await Promise.all([
      import('./bulk-invite-flow.js'),
      // Row problems are worded as in Invite Member.
      loadEnglish('inviteDialog', 'bulkInvite'),
    ]);
    return { element: flow.BulkInviteFlow, styles: flow.BulkInviteFlow.dialogStyles };
  }

  /** Checks CSV text as if it had been pasted (for hosts that already have the text). */
  async loadText(text: string): Promise<void> {
    return (await this.ensureContent()).loadText(text);
  }

  /** Checks a CSV file as if it had been picked. */
  async loadFile(file: File): Promise<void> {
    return (await this.ensureContent()).loadFile(file);
  }

  /** The "rows with problems" CSV (formula cells neutralised), or '' when there are none. */
  problemRowsCsv(): string {
    return this.content?.problemRowsCsv() ?? '';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'bulk-invite': BulkInvite;
  }
}
