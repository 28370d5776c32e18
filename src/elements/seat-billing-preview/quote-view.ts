import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { Task, TaskStatus } from '@lit/task';
import type { Localizer } from '../../i18n/index.js';
import type { BillingSummary, Change, Quote, Role } from '../../schemas/index.js';
import type { TeamStore } from '../../state/store.js';
import { errorText } from '../shared/errors.js';
import { overCapacityText, reactivateRoleText } from '../shared/reasons.js';
import { invoiceText } from '../shared/invoice-text.js';

/**
 * The refusal in the page's language when we know its code; the backend's words otherwise.
 * `role` is the role of the member a reactivation quote is for, when known.
 */
export function refusalText(
  quote: Quote,
  billing: BillingSummary | null,
  l: Localizer,
  role?: Role,
): string {
  const refusal = quote.refusal;
  if (!refusal) return '';
  if (refusal.code === 'capacity_exceeded' && billing && quote.capacity.max !== null)
    return (
      overCapacityText(billing, l, quote.change.kind === 'reactivate' ? 'reactivate' : 'invite') ||
      l.t('quote.capacity', { plan: billing.plan.name, max: quote.capacity.max })
    );
  if (refusal.code === 'role_not_on_plan' && quote.change.kind === 'reactivate' && role)
    return reactivateRoleText(role, l);
  return errorText(refusal, l);
}

function dueLabel(quote: Quote, l: Localizer): string {
  switch (quote.change.kind) {
    case 'invite':
      return l.t('quote.dueOnAcceptance');
    case 'bulkInvite':
      return l.t('quote.dueOnAcceptanceAll');
    default:
      return l.t('quote.dueNow');
  }
}

function explanation(quote: Quote, l: Localizer, currency: string): string {
  const kind = quote.change.kind;
  if (kind === 'remove' || kind === 'deactivate')
    return l.t('quote.noRefund', { date: l.date(quote.nextInvoice.date) });
  if (quote.chargedSeats === 0) return l.t('quote.alreadyPaid');
  const amount = l.money(quote.proration.amount, currency);
  const days = quote.proration.remainingDays;
  if (quote.chargedSeats > 1)
    return l.t('quote.prorationSeats', { seats: quote.chargedSeats, amount, days });
  return l.tp('quote.proration', days, { amount, days });
}

/** Due now (with the proration sentence), next invoice; or the refusal, with nothing due. */
export function renderQuote(
  quote: Quote,
  billing: BillingSummary | null,
  l: Localizer,
  role?: Role,
): TemplateResult {
  const currency = billing?.currency ?? 'USD';
  if (!quote.allowed)
    return html`<p part="refusal" role="alert">
        ${l.t('quote.refused', { reason: refusalText(quote, billing, l, role) })}
      </p>
      <dl part="quote">
        <dt>${dueLabel(quote, l)}</dt>
        <dd part="amount due-now">${l.money(quote.dueNow, currency)}</dd>
      </dl>`;
  const invoice = quote.nextInvoice;
  return html`
    <dl part="quote">
      <dt>${dueLabel(quote, l)}</dt>
      <dd part="amount due-now">${l.money(quote.dueNow, currency)}</dd>
      <dt>${l.t('billing.nextInvoice')}</dt>
      <dd part="next-invoice">${invoiceText(invoice, currency, l)}</dd>
    </dl>
    <p class="note" part="explanation">${explanation(quote, l, currency)}</p>
    ${
      quote.capacity.max !== null
        ? html`<p class="note" part="capacity">
            ${l.t('billing.seatsOfMax', { used: quote.capacity.used, max: quote.capacity.max })}
          </p>`
        : nothing
    }
  `;
}

/**
 * The quote of a planned change: asks the store (again whenever `args` change: another change,
 * store or billing state) and renders what it answered, while it is asked, or why it failed.
 */
export class Quoting {
  private readonly task: Task<readonly [Change | null, TeamStore | null, number], Quote | null>;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    args: () => readonly [Change | null, TeamStore | null, number],
  ) {
    this.task = new Task(host, {
      task: ([change, store], { signal }) =>
        change && store ? store.quote(change, { signal }) : Promise.resolve(null),
      args,
    });
  }

  get pending(): boolean {
    return this.task.status === TaskStatus.INITIAL || this.task.status === TaskStatus.PENDING;
  }

  /** The quote; `loading` while it is asked; `failed` (with a retry) when that failed. */
  render(
    billing: BillingSummary,
    l: Localizer,
    role: Role | undefined,
    loading: () => TemplateResult,
    failed: (error: unknown, retry: () => void) => TemplateResult,
  ): unknown {
    return this.task.render({
      initial: loading,
      pending: loading,
      complete: (quote) => (quote ? renderQuote(quote, billing, l, role) : nothing),
      error: (error) => failed(error, () => void this.task.run()),
    });
  }
}
