import { html, nothing, type PropertyValues } from 'lit';
import { SeatkitElement } from '../shared/seatkit-element.js';
import type { SeatkitAdapter } from '../../api/adapter.js';
import { loadEnglish, localize, type Localizer } from '../../i18n/index.js';
import { SeatkitError } from '../../api/errors.js';
import type { Change, Role } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import { StoreController } from '../../state/store-controller.js';
import { HostContextController, type Theme } from '../shared/host-context.js';
import { errorText } from '../shared/errors.js';
import { decisionText } from '../shared/reasons.js';
import type { Quoting } from './quote-view.js';
import { renderSummary } from './summary-view.js';
import { styles } from './seat-billing-preview.styles.js';

/**
 * @summary The plan, seats and next invoice; or, with `change` set, what that change would cost.
 *
 * @attr theme - `dark` or `light` pins the colour scheme (default: the closest ancestor's `theme`, else the system setting).
 * @attr heading - Shows a heading ("Billing" or "Cost of this change") above the content.
 *
 * @csspart base - The outer box.
 * @csspart heading - The heading (with the `heading` attribute).
 * @csspart summary - The summary list (plan, seats, paid seats, pending invitations, next invoice).
 * @csspart plan - The plan and billing period.
 * @csspart seats - Active seats against the plan limit ("4 of 5 seats"); also `active-seats`.
 * @csspart paid-seats - Seats paid this cycle.
 * @csspart pending - Pending invitations.
 * @csspart next-invoice - The next invoice's amount, seats and date (summary and quote).
 * @csspart capacity - Seats left under the plan limit (or "4 of 5 seats" in a quote).
 * @csspart over-capacity - More seats in use than the plan allows (after a downgrade), and how many to free to invite again; also `capacity`.
 * @csspart amount - Every money amount.
 * @csspart quote - The quote list (due now, next invoice).
 * @csspart due-now - What the change costs now (or when the invitation is accepted).
 * @csspart explanation - The proration sentence ("$14.50 for the 15 days left in this cycle") or the no-refund note.
 * @csspart refusal - Why a planned change is not possible (shown with $0.00 due).
 * @csspart error - Why the billing or the quote could not be loaded (the same look as `<team-members>`' error), with Retry.
 * @csspart retry - The "Retry" button after a failed load or quote.
 *
 * @cssprop --seatkit-billing-background - Background of the box.
 * @cssprop --seatkit-billing-gap - Space between the labels and values of the lists (default the `--seatkit-spacing`).
 * @cssprop --seatkit-stack-gap - Space above the element when it directly follows another Seatkit element (default twice `--seatkit-spacing`).
 */
export class SeatBillingPreview extends SeatkitElement {
  static override properties = {
    adapter: { attribute: false },
    change: { attribute: false },
    heading: { type: Boolean, reflect: true },
    theme: { type: String, reflect: true },
  };
  static override styles = styles;

  /** Used when no `<seatkit-provider>` is above this element. */
  declare adapter: SeatkitAdapter | null;
  /** A planned change to price; `null` shows the summary. */
  declare change: Change | null;
  /** Show a heading above the summary or quote. */
  declare heading: boolean;
  /** `dark` or `light` pins the colour scheme; unset follows the closest ancestor's `theme`, else the system. */
  declare theme: Theme | undefined;

  private readonly stores = new StoreController(this);
  private readonly hostContext = new HostContextController(this, { stacks: true });
  /** Bumps on every store change so the quote is recomputed when the team changes. */
  private revision = 0;

  /**
   * The quote of `change`: its request, its state and how it reads are their own chunk, loaded
   * when a change is first set, so a page that shows only the summary never downloads them.
   */
  private quoting: Quoting | null = null;
  private quotingLoading: Promise<void> | null = null;
  private quotingFailed: unknown = null;

  constructor() {
    super();
    this.adapter = null;
    this.change = null;
    this.heading = false;
  }

  private loadQuoting(): void {
    this.quotingFailed = null;
    this.quotingLoading ??= Promise.all([import('./quote-view.js'), loadEnglish('quote')]).then(
      ([view]) => {
        this.quoting = new view.Quoting(this, () => [
          this.change,
          this.stores.store,
          this.revision,
        ]);
        this.requestUpdate();
      },
      (cause: unknown) => {
        // Offline when the first change was set: Retry downloads it again.
        this.quotingLoading = null;
        this.quotingFailed = new SeatkitError('network_error', 'Could not download the quote.', {
          cause,
        });
        this.requestUpdate();
      },
    );
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (this.change && !this.quoting && !this.quotingFailed) this.loadQuoting();
    // A quote depends on the billing state: re-ask when the summary changes.
    const billing = this.stores.store?.billing ?? null;
    if (billing !== this.lastBilling) {
      this.lastBilling = billing;
      this.revision += 1;
    }
    super.willUpdate(changed);
  }
  private lastBilling: unknown = null;

  protected override render() {
    const l = localize(this);
    const store = this.stores.store;
    const title = this.change ? l.t('quote.title') : l.t('billing.title');
    return html`<section part="base" aria-label=${title} aria-busy=${this.busy ? 'true' : 'false'}>
      ${this.heading ? html`<h2 part="heading">${title}</h2>` : nothing}
      <div aria-live="polite">${store ? this.renderBody() : l.t('error.noAdapter')}</div>
    </section>`;
  }

  private get busy(): boolean {
    const store = this.stores.store;
    if (!store || store.status === 'loading' || store.status === 'idle') return true;
    return this.change !== null && !this.quotingFailed && (this.quoting?.pending ?? true);
  }

  /** The role of the member the change is for (a reactivation refused for its role names it). */
  private memberRole(store: TeamStore): Role | undefined {
    const change = this.change;
    const entry = change && 'memberId' in change ? store.entry(change.memberId) : undefined;
    return entry?.kind === 'member' ? entry.role : undefined;
  }

  private renderBody() {
    const l = localize(this);
    const store = this.stores.store!;
    if (store.status === 'error')
      return html`<div class="error-box" part="error" role="alert">
        <p>${l.t('billing.error')} ${store.error ? errorText(store.error, l) : ''}</p>
        <button
          type="button"
          part="retry"
          @click=${() => void store.refresh().catch(() => undefined)}
        >
          ${l.t('action.retry')}
        </button>
      </div>`;
    if (store.status !== 'ready') return html`<p>${l.t('billing.loading')}</p>`;
    const billing = store.billing;
    if (!billing) {
      const decision = store.decide('viewBilling');
      return html`<p>
        ${
          decision.allowed
            ? l.t('billing.error')
            : decisionText(decision, { action: 'viewBilling', actor: store.viewer }, l)
        }
      </p>`;
    }
    if (!this.change) return renderSummary(billing, l);
    const loading = () => html`<p>${l.t('quote.loading')}</p>`;
    if (this.quotingFailed)
      return this.renderQuoteError(this.quotingFailed, l, () => this.loadQuoting());
    if (!this.quoting) return loading();
    return this.quoting.render(billing, l, this.memberRole(store), loading, (error, retry) =>
      this.renderQuoteError(error, l, retry),
    );
  }

  /** Why the price could not be calculated, with a Retry. */
  private renderQuoteError(error: unknown, l: Localizer, retry: () => void) {
    return html`<div class="error-box" part="error" role="alert">
      <p>${l.t('quote.error')} ${errorText(error, l)}</p>
      <button type="button" part="retry" @click=${retry}>${l.t('action.retry')}</button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seat-billing-preview': SeatBillingPreview;
  }
}
