import { loadEnglish } from '../../i18n/index.js';
import { controls, hostReset, tokens } from '../../styles/tokens.js';
import { LazyDialog } from '../shared/lazy-dialog.js';
import type { InviteDialogFlow } from './invite-dialog-flow.js';
import { dialogFrameStyles } from './invite-dialog.styles.js';

/**
 * @summary "Invite Member": email checked as you type, role, optional phone number, the live
 * billing preview, and "Send Invite" that sends exactly one invitation.
 *
 * @attr open - Present while the dialog is showing; set or remove it to open or close (or call `show()` / `close()`).
 * @attr theme - `dark` or `light` pins the colour scheme (default: the closest ancestor's `theme`, else the system setting).
 *
 * @fires seatkit-invited - InvitedEvent, after the invitation was created (`event.invitation`).
 *
 * @csspart dialog - The native `<dialog>`.
 * @csspart load-error - Shown in place of the dialog when its content could not be downloaded (offline).
 * @csspart form - The form inside it (or the content while the team loads or when inviting is not allowed).
 * @csspart field - Each field wrapper.
 * @csspart email-field - The email field wrapper.
 * @csspart role-field - The role field wrapper.
 * @csspart phone-field - The phone number field wrapper.
 * @csspart input - Each control.
 * @csspart email-input - The email input.
 * @csspart role-select - The role select.
 * @csspart phone-select - The phone number select.
 * @csspart field-error - The message under a field.
 * @csspart email-error - The message under the email.
 * @csspart role-error - The message under the role.
 * @csspart phone-error - The message under the phone number.
 * @csspart role-note - Why a role is unavailable on the plan.
 * @csspart phone-note - Why some numbers can't be chosen (the owner's, for anyone but the owner).
 * @csspart move-note - Where the chosen number moves from ("Moves from Priya Shah when they accept.").
 * @csspart move-confirm - The "Move this number to the invitee" confirmation (a label around its checkbox).
 * @csspart preview - The billing preview.
 * @csspart preview-loading - The preview while the price is worked out.
 * @csspart preview-error - The preview when the price could not be worked out.
 * @csspart due-now - What is due when the invitation is accepted, with the proration.
 * @csspart next-invoice - The next invoice and its date.
 * @csspart refusal - Why no invitation can be sent (e.g. the plan's seat limit).
 * @csspart not-allowed - Shown instead of the form to someone who may not invite.
 * @csspart error - Why sending failed.
 * @csspart submit - The "Send Invite" button.
 * @csspart cancel - The "Cancel" button.
 * @csspart close - The close (×) button.
 *
 * @cssprop --seatkit-dialog-width - Width of the dialog (default 34rem).
 */
export class InviteDialog extends LazyDialog<InviteDialogFlow> {
  static override styles = [tokens, hostReset, controls, dialogFrameStyles];

  protected readonly contentTag = 'seatkit-invite-dialog-flow';

  protected async importContent(): Promise<CustomElementConstructor> {
    const [flow] = await Promise.all([
      import('./invite-dialog-flow.js'),
      loadEnglish('inviteDialog'),
    ]);
    return flow.InviteDialogFlow;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'invite-dialog': InviteDialog;
  }
}
