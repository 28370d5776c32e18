import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { SeatkitAdapter } from '../../api/adapter.ts';
import { localize } from '../../i18n/index.ts';
import type { Change } from '../../schemas/index.ts';
import { StoreController } from '../../state/store-controller.ts';
import { renderQuote } from './quote-view.ts';
import { renderSummary } from './summary-view.ts';
import { styles } from './seat-billing-preview.styles.ts';

/**
 * @summary The plan, seats and next invoice; or, with `change` set, what that change would cost.
 *
 * @csspart base - The outer box.
 * @csspart summary - The summary list (plan, seats, active, paid, pending, next invoice).
 * @csspart quote - The quote list (due now, next invoice).
 * @csspart amount - Every money amount.
 * @csspart refusal - Why a planned change is not possible.
 * @cssprop --seatkit-billing-background - Background of the box.
 */
export class SeatBillingPreview extends LitElement {
  static override properties = {
    adapter: { attribute: false },
    change: { attribute: false },
    heading: { type: Boolean, reflect: true },
  };
  static override styles = styles;

  /** Used when no `<seatkit-provider>` is above this element. */
  declare adapter: SeatkitAdapter | null;
  /** A planned change to price; `null` shows the summary. */
  declare change: Change | null;
  /** Show a heading above the summary or quote. */
  declare heading: boolean;

  private readonly stores = new StoreController(this);
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

  private renderBody() {
    const l = localize(this);
    const store = this.stores.store!;
    if (store.status === 'error')
      return html`<p role="alert">${l.t('billing.error')} ${store.error?.message ?? ''}</p>
        <button part="retry" @click=${() => void store.refresh().catch(() => undefined)}>
          ${l.t('action.retry')}
        </button>`;
    if (store.status !== 'ready') return html`<p>${l.t('billing.loading')}</p>`;
    const billing = store.billing;
    if (!billing) {
      const decision = store.decide('viewBilling');
      return html`<p>${decision.allowed ? l.t('billing.error') : decision.reason}</p>`;
    }
    if (!this.change) return renderSummary(billing, l);
    return this.quoteTask.render({
      pending: () => html`<p>${l.t('quote.loading')}</p>`,
      complete: (quote) => (quote ? renderQuote(quote, billing, l) : nothing),
      error: (error) =>
        html`<p role="alert">
            ${l.t('quote.error')} ${error instanceof Error ? error.message : ''}
          </p>
          <button part="retry" @click=${() => void this.quoteTask.run()}>
            ${l.t('action.retry')}
          </button>`,
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'seat-billing-preview': SeatBillingPreview;
  }
}
