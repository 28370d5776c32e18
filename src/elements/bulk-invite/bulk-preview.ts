import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/index.js';
import type { QuoteState } from '../invite-dialog/invite-preview.js';
import { errorText } from '../shared/errors.js';

/**
 * Billing for the ready rows: billed per seat when each invitee accepts, what it would cost if
 * all accepted today, the next invoice, and the plan limit (or the refusal).
 */
export function renderBulkPreview(
  l: Localizer,
  state: QuoteState,
  count: number,
  currency: string,
  planName: string,
): TemplateResult {
  return html`<section class="preview" part="preview" aria-labelledby="preview-title">
    <h3 id="preview-title">${l.t('bulk.preview.title')}</h3>
    <p class="note">${l.t('bulk.preview.perSeat')}</p>
    ${body(l, state, count, currency, planName)}
  </section>`;
}

function body(l: Localizer, state: QuoteState, count: number, currency: string, planName: string) {
  if (count === 0) return nothing;
  switch (state.status) {
    case 'idle':
    case 'loading':
      return html`<p class="note">${l.t('bulk.preview.loading')}</p>`;
    case 'error':
      return html`<p class="error">
        ${l.t('bulk.preview.failed', { reason: errorText(state.error, l) })}
      </p>`;
    case 'ready':
      break;
  }
  const q = state.quote;
  const money = (cents: number) => l.money(cents, currency);
  if (!q.allowed) {
    const text =
      q.refusal?.code === 'capacity_exceeded' && q.capacity.max !== null
        ? l.t('bulk.preview.refused', { plan: planName, max: q.capacity.max })
        : l.t('bulk.preview.refusedOther', { reason: q.refusal ? errorText(q.refusal, l) : '' });
    return html`<p class="refusal" id="refusal" part="refusal">${text}</p>`;
  }
  const ifAll =
    q.chargedSeats > 0
      ? l.tp('bulk.preview.ifAll', q.chargedSeats, {
          amount: money(q.dueNow),
          charged: q.chargedSeats,
          perSeat: money(q.proration.amount),
          days: q.proration.remainingDays,
        })
      : l.t('bulk.preview.ifAll.none', { amount: money(0) });
  return html`<dl>
    <dt>${l.t('bulk.preview.ifAllLabel', { count })}</dt>
    <dd part="due-now">${ifAll}</dd>
    <dt>${l.t('bulk.preview.nextLabel')}</dt>
    <dd part="next-invoice">
      ${l.tp('bulk.preview.next', q.nextInvoice.seats, {
        amount: money(q.nextInvoice.amount),
        seats: q.nextInvoice.seats,
        date: l.date(q.nextInvoice.date),
      })}
    </dd>
    <dt>${l.t('bulk.preview.limitLabel')}</dt>
    <dd part="plan-limit">
      ${
        q.capacity.max === null
          ? l.t('bulk.preview.noLimit', { plan: planName })
          : l.t('bulk.preview.limit', {
              plan: planName,
              used: q.capacity.used,
              max: q.capacity.max,
            })
      }
    </dd>
  </dl>`;
}
