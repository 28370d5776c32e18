import { html, nothing, type PropertyValues } from 'lit';
import { SeatkitElement } from '../shared/seatkit-element.js';
import { Task, TaskStatus } from '@lit/task';
import type { SeatkitAdapter } from '../../api/adapter.js';
import { localize } from '../../i18n/index.js';
import type { Change, Role } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import { StoreController } from '../../state/store-controller.js';
import { HostContextController, type Theme } from '../shared/host-context.js';
import { errorText } from '../shared/errors.js';
import { decisionText } from '../shared/reasons.js';
import { renderQuote } from './quote-view.js';
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

  private readonly quoteTask = new Task(this, {
    task: async ([change], { signal }) => {
      const store = this.stores.store;
      if (!change || !store) return null;
      return store.quote(change, { signal });
    },
    args: () => [this.change, this.stores.store, this.revision] as const,
  });

  constructor() {
    super();
    this.adapter = null;
    this.change = null;
    this.heading = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
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
    return this.change !== null && this.quoteTask.status === TaskStatus.PENDING;
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
    return this.quoteTask.render({
      pending: () => html`<p>${l.t('quote.loading')}</p>`,
      complete: (quote) =>
        quote ? renderQuote(quote, billing, l, this.memberRole(store)) : nothing,
      error: (error) =>
        html`<div class="error-box" part="error" role="alert">
          <p>${l.t('quote.error')} ${errorText(error, l)}</p>
          <button type="button" part="retry" @click=${() => void this.quoteTask.run()}>
            ${l.t('action.retry')}
          </button>
        </div>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seat-billing-preview': SeatBillingPreview;
  }
}
