import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isSeatkitError } from '../../api/errors.js';
import { InvitedEvent } from '../../events/index.js';
import { localize, type Localizer } from '../../i18n/index.js';
import { validateInvite, type InviteCheck, type TeamSnapshot } from '../../rules/index.js';
import type { BillingSummary, Role } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import { DialogContentElement, safeSnapshot } from '../shared/dialog-content.js';
import { renderFields } from './invite-fields.js';
import { renderInvitePreview, type QuoteState } from './invite-preview.js';
import { errorText } from '../shared/errors.js';
import { problemText } from './problem-text.js';
import { detailsByField, dialogHeader, type FieldName } from './dialog-helpers.js';
import { moveNote, numberChoices } from './number-choices.js';

/** Problems from the rules are shown only after the person had a chance to finish typing. */
const SETTLE_MS = 600;

/**
 * What `<invite-dialog>` shows once it is first opened: the fields, the checks as you type, the
 * live price and the sending. It renders into its light DOM, which is `<invite-dialog>`'s shadow
 * root, so it is styled by `<invite-dialog>` and its parts are `<invite-dialog>`'s. Loaded with
 * import() on first use. Not public API: use `<invite-dialog>`.
 * @internal
 */
export class InviteDialogFlow extends DialogContentElement {
  static override properties = {
    email: { state: true },
    inviteRole: { state: true },
    phoneNumber: { state: true },
    moveNumber: { state: true },
    sendTried: { state: true },
    emailSettled: { state: true },
    sending: { state: true },
    sendError: { state: true },
    quoteState: { state: true },
  };

  declare private email: string;
  declare private inviteRole: Role;
  declare private phoneNumber: string;
  /** The inviter confirmed that the chosen number, which rings someone, moves to the invitee. */
  declare private moveNumber: boolean;
  /** Send Invite was pressed since the number last changed: an unconfirmed move is an error now. */
  declare private sendTried: boolean;
  declare private emailSettled: boolean;
  declare private sending: boolean;
  declare private sendError: unknown;
  declare private quoteState: QuoteState;

  protected readonly focusSelector = '#email:not([disabled])';
  /** Field errors from the backend, kept until that field changes. */
  private serverErrors: Partial<Record<FieldName, string>> = {};
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private quotedBilling: BillingSummary | null = null;
  private quoteAbort: AbortController | null = null;

  constructor() {
    super();
    this.email = '';
    this.inviteRole = 'agent';
    this.phoneNumber = '';
    this.moveNumber = false;
    this.sendTried = false;
    this.emailSettled = false;
    this.sending = false;
    this.sendError = null;
    this.quoteState = { status: 'idle' };
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.settleTimer);
    this.quoteAbort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.maybeQuote();
  }

  /** What was typed is kept until an invitation is sent; the price is asked again next time. */
  protected override dialogClosed(): void {
    this.quoteAbort?.abort();
    this.quotedBilling = null;
    this.quoteState = { status: 'idle' };
  }

  /** Asks for a new quote when the dialog opens and whenever the billing summary changes. */
  private maybeQuote(): void {
    const store = this.store;
    if (!this.open || !store || store.status !== 'ready' || !store.billing) return;
    if (!store.decide('invite').allowed) return;
    if (this.quotedBilling === store.billing) return;
    this.quotedBilling = store.billing;
    this.quoteAbort?.abort();
    const abort = new AbortController();
    this.quoteAbort = abort;
    this.quoteState = { status: 'loading' };
    store.quote({ kind: 'invite' }, { signal: abort.signal }).then(
      (quote) => {
        if (!abort.signal.aborted) this.quoteState = { status: 'ready', quote };
      },
      (error: unknown) => {
        if (!abort.signal.aborted) this.quoteState = { status: 'error', error };
      },
    );
  }

  private check(snapshot: TeamSnapshot | null): InviteCheck | null {
    if (!snapshot) return null;
    return validateInvite(
      {
        email: this.email,
        role: this.inviteRole,
        phoneNumber: this.phoneNumber || null,
        moveNumber: this.moveNumber,
      },
      snapshot,
    );
  }

  private onEmail(value: string): void {
    this.email = value;
    delete this.serverErrors.email;
    this.sendError = null;
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => {
      this.emailSettled = this.email.trim() !== '';
    }, SETTLE_MS);
  }

  private onEmailBlur(): void {
    clearTimeout(this.settleTimer);
    if (this.email.trim() !== '') this.emailSettled = true;
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const store = this.store;
    if (this.sending || !store) return;
    this.emailSettled = true;
    this.sendTried = true;
    const snapshot = safeSnapshot(store);
    const check = this.check(snapshot);
    if (!check?.invite || check.problems.length > 0 || !this.quoteAllows()) {
      await this.updateComplete;
      let invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
      // An unconfirmed move is answered where it is confirmed: the checkbox.
      if (invalid?.id === 'phone' && check?.problems.some((p) => p.code === 'number_in_use'))
        invalid = this.renderRoot.querySelector<HTMLElement>('#move-number') ?? invalid;
      invalid?.focus();
      return;
    }
    const invite = check.invite;
    this.sending = true;
    this.sendError = null;
    this.serverErrors = {};
    try {
      // The store keeps one key per intended invite: a retry after a lost answer sends it again.
      const invitation = await store.invite(invite);
      this.dispatchEvent(new InvitedEvent(invitation));
      this.announcement = localize(this).t('invite.sent', { email: invitation.email });
      this.reset();
      this.open = false;
    } catch (error) {
      this.sendError = error;
      if (isSeatkitError(error)) {
        this.serverErrors = detailsByField(error.details, (d) => this.detailText(d, snapshot));
        // The number was given to someone after the team loaded: load who it rings now, so the
        // move shows and can be confirmed.
        if (error.details.some((d) => d.code === 'number_in_use' || d.code === 'owner_number'))
          void store.refresh().catch(() => undefined);
      }
      await this.updateComplete;
      const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
      (invalid ?? this.renderRoot.querySelector<HTMLElement>('#send-error'))?.focus();
    } finally {
      this.sending = false;
    }
  }

  private detailText(
    detail: { code: string; message: string },
    snapshot: TeamSnapshot | null,
  ): string {
    return problemText(localize(this).t, detail, {
      email: this.email,
      role: this.inviteRole,
      phoneNumber: this.phoneNumber || null,
      team: snapshot,
    });
  }

  private onPhone(value: string): void {
    this.phoneNumber = value;
    // A confirmation is for the move that was shown: another number needs its own.
    this.moveNumber = false;
    this.sendTried = false;
    delete this.serverErrors.phoneNumber;
    this.sendError = null;
  }

  private quoteAllows(): boolean {
    const q = this.quoteState;
    return !(q.status === 'ready' && !q.quote.allowed);
  }

  private reset(): void {
    this.email = '';
    this.inviteRole = 'agent';
    this.phoneNumber = '';
    this.moveNumber = false;
    this.sendTried = false;
    this.emailSettled = false;
    this.sendError = null;
    this.serverErrors = {};
  }

  private renderHeader(l: Localizer): TemplateResult {
    return dialogHeader(l.t('invite.title'), l.t('invite.close'), this.close);
  }

  protected renderContent(l: Localizer): TemplateResult {
    const store = this.store;
    if (!store) return this.renderMessage(l, l.t('invite.loading'), false);
    const forbidden = store.status === 'error' && store.error?.code === 'forbidden';
    if (forbidden || (store.viewer && !store.decide('invite').allowed)) {
      return html`<div class="body" part="form">
        ${this.renderHeader(l)}
        <p class="alert" part="not-allowed">
          <strong>${l.t('invite.notAllowed')}</strong> ${l.t('invite.notAllowed.reason')}
        </p>
        <footer>
          <button type="button" part="cancel" data-autofocus @click=${this.close}>
            ${l.t('invite.close')}
          </button>
        </footer>
      </div>`;
    }
    if (!store.billing) {
      if (store.status === 'error') {
        return this.renderMessage(
          l,
          l.t('invite.loadFailed', { reason: errorText(store.error, l) }),
          true,
        );
      }
      return this.renderMessage(l, l.t('invite.loading'), false);
    }
    return this.renderForm(l, store);
  }

  private renderMessage(l: Localizer, text: string, retry: boolean): TemplateResult {
    return html`<div class="body" part="form">
      ${this.renderHeader(l)}
      <p role=${retry ? 'alert' : 'status'}>${text}</p>
      <footer>
        ${
          retry
            ? html`<button type="button" data-autofocus @click=${this.retry}>
                ${l.t('invite.retry')}
              </button>`
            : nothing
        }
        <button type="button" part="cancel" @click=${this.close}>${l.t('invite.cancel')}</button>
      </footer>
    </div>`;
  }

  private renderForm(l: Localizer, store: TeamStore): TemplateResult {
    const snapshot = safeSnapshot(store);
    const check = this.check(snapshot);
    const messageOf = (field: 'email' | 'role' | 'phone_number'): string => {
      const problem = check?.problems.find((p) => p.field === field);
      if (!problem) return '';
      // The move and its confirmation are on screen: not confirming is a problem once Send is pressed.
      if (problem.code === 'number_in_use' && !this.sendTried) return '';
      return problemText(l.t, problem, {
        email: this.email,
        role: this.inviteRole,
        phoneNumber: this.phoneNumber || null,
        team: snapshot,
      });
    };
    const definitive = check?.problems.some(
      (p) => p.code === 'already_member' || p.code === 'already_invited',
    );
    const emailError =
      this.serverErrors.email ?? (this.emailSettled || definitive ? messageOf('email') : '');
    const billing = store.billing;
    const phoneError = this.serverErrors.phoneNumber ?? messageOf('phone_number');
    const choices = numberChoices(l, store.phoneNumbers, snapshot);
    const note = moveNote(l, this.phoneNumber, store.phoneNumbers, snapshot);
    const quoteRefused = this.quoteState.status === 'ready' && !this.quoteState.quote.allowed;
    const canSend = !this.sending && !quoteRefused;
    return html`<form part="form" novalidate @submit=${this.send}>
      ${this.renderHeader(l)}
      <p class="intro">${l.t('invite.intro')}</p>
      ${renderFields(
        l,
        {
          email: this.email,
          role: this.inviteRole,
          phoneNumber: this.phoneNumber,
          emailError,
          roleError: this.serverErrors.role ?? messageOf('role'),
          phoneError,
          plan: billing?.plan ?? null,
          phoneNumbers: choices,
          phoneNote: choices.some((c) => c.disabled) ? l.t('invite.phone.ownerOnly') : '',
          move: note
            ? {
                note,
                confirmed: this.moveNumber,
                invalid:
                  !this.moveNumber &&
                  check?.problems.some((p) => p.code === 'number_in_use') === true &&
                  phoneError !== '',
              }
            : null,
          disabled: false,
        },
        {
          onEmail: (v) => this.onEmail(v),
          onEmailBlur: () => this.onEmailBlur(),
          onRole: (v) => {
            this.inviteRole = v;
            delete this.serverErrors.role;
            this.sendError = null;
          },
          onPhone: (v) => this.onPhone(v),
          onMove: (confirmed) => {
            this.moveNumber = confirmed;
            delete this.serverErrors.phoneNumber;
            this.sendError = null;
          },
        },
      )}
      ${renderInvitePreview(l, this.quoteState, billing)}
      ${
        this.sendError
          ? html`<p id="send-error" class="alert" role="alert" part="error" tabindex="-1">
              ${errorText(this.sendError, l, { retrySafe: true })}
            </p>`
          : nothing
      }
      <footer>
        <button type="button" part="cancel" @click=${this.close}>${l.t('invite.cancel')}</button>
        <button
          type="submit"
          class="primary"
          part="submit"
          ?disabled=${!canSend}
          aria-describedby=${quoteRefused ? 'refusal' : nothing}
        >
          ${this.sending ? l.t('invite.sending') : l.t('invite.submit')}
        </button>
      </footer>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seatkit-invite-dialog-flow': InviteDialogFlow;
  }
}
