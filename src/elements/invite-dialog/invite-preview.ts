import { html, nothing, type TemplateResult } from 'lit';
import type { BillingSummary, Quote } from '../../schemas/index.js';
import type { Localizer } from '../../i18n/index.js';
import { errorText } from '../shared/errors.js';
import { overCapacityText } from '../shared/reasons.js';

export type QuoteState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'ready'; quote: Quote }
  | { status: 'error'; error: unknown };

/**
 * The refusal sentence of a quote, e.g. "Essentials allows up to 5 seats. …", or, with more seats
 * in use than the plan allows (a downgrade), how many to free ("6 of 5 seats: …").
 */
export function refusalText(l: Localizer, quote: Quote, billing: BillingSummary | null): string {
  const refusal = quote.refusal;
  if (refusal?.code === 'capacity_exceeded' && quote.capacity.max !== null) {
    return (
      overCapacityText(billing, l) ||
      l.t('invite.refusal.capacity', { plan: billing?.plan.name ?? '', max: quote.capacity.max })
    );
  }
  return l.t('invite.refusal.other', { reason: refusal ? errorText(refusal, l) : '' });
}

/**
 * What inviting one more member costs: due on acceptance (with the proration explained), the
 * next invoice and its date, or the refusal with its reason.
 */
export function renderInvitePreview(
  l: Localizer,
  state: QuoteState,
  billing: BillingSummary | null,
): TemplateResult {
  return html`<section class="preview" part="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${l.t('invite.preview.title')}</h3>
    ${previewBody(l, state, billing)}
  </section>`;
}

function previewBody(l: Localizer, state: QuoteState, billing: BillingSummary | null) {
  const currency = billing?.currency ?? 'USD';
  switch (state.status) {
    case 'idle':
    case 'loading':
      return html`<p class="note" part="preview-loading">${l.t('invite.preview.loading')}</p>`;
    case 'error':
      return html`<p class="error" part="preview-error">
        ${l.t('invite.preview.failed', { reason: errorText(state.error, l) })}
      </p>`;
    case 'ready':
      break;
  }
  const q = state.quote;
  if (!q.allowed) {
    return html`<p class="refusal" id="refusal" part="refusal">${refusalText(l, q, billing)}</p>`;
  }
  const money = (cents: number) => l.money(cents, currency);
  const due =
    q.chargedSeats > 0
      ? l.tp('invite.preview.prorated', q.proration.remainingDays, {
          amount: money(q.dueNow),
          days: q.proration.remainingDays,
        })
      : l.t('invite.preview.alreadyPaid', { amount: money(0) });
  return html`<dl>
      <dt>${l.t('invite.preview.dueLabel')}</dt>
      <dd part="due-now">${due}</dd>
      <dt>${l.t('invite.preview.nextLabel')}</dt>
      <dd part="next-invoice">
        ${l.tp('invite.preview.next', q.nextInvoice.seats, {
          amount: money(q.nextInvoice.amount),
          seats: q.nextInvoice.seats,
          date: l.date(q.nextInvoice.date),
        })}
      </dd>
    </dl>
    ${
      q.chargedSeats > 0
        ? html`<p class="note">
            ${l.t('invite.preview.proration', {
              price: money(q.proration.perSeat),
              days: q.proration.remainingDays,
              cycleDays: q.proration.cycleDays,
            })}
          </p>`
        : nothing
    }
    ${
      q.capacity.max !== null
        ? html`<p class="note">
            ${l.t('invite.preview.capacity', { used: q.capacity.used, max: q.capacity.max })}
          </p>`
        : nothing
    }
    <p class="note">${l.t('invite.preview.notCharged')}</p>`;
}
