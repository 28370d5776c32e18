import { html, nothing, type TemplateResult } from 'lit';
import type { Localizer } from '../../i18n/index.js';
import type { BillingSummary } from '../../schemas/index.js';
import { overCapacityText } from '../shared/reasons.js';

/** Active seats against the plan limit: "4 of 5 seats" on Essentials. */
export function seatsText(billing: BillingSummary, l: Localizer): string {
  const used = billing.activeSeats;
  const max = billing.plan.maxSeats;
  return max === null
    ? l.tp('billing.seatsNoMax', used, { used })
    : l.t('billing.seatsOfMax', { used, max });
}

/** Pending invitations hold seats too: what is left under the limit, if there is one. */
function capacityText(billing: BillingSummary, l: Localizer): string {
  const max = billing.plan.maxSeats;
  if (max === null) return '';
  const left = Math.max(0, max - billing.activeSeats - billing.pendingInvitations);
  return left === 0
    ? l.t('billing.full', { plan: billing.plan.name, max })
    : l.tp('billing.left', left, { left });
}

/** Seats left under the limit; more in use than the plan allows (a downgrade) stands out. */
function renderCapacity(billing: BillingSummary, l: Localizer): TemplateResult | typeof nothing {
  if (billing.plan.maxSeats === null) return nothing;
  const over = overCapacityText(billing, l);
  return over
    ? html`<p part="capacity over-capacity">${over}</p>`
    : html`<p class="note" part="capacity">${capacityText(billing, l)}</p>`;
}

export function renderSummary(billing: BillingSummary, l: Localizer): TemplateResult {
  const invoice = billing.nextInvoice;
  return html`
    <dl part="summary">
      <dt>${l.t('billing.plan')}</dt>
      <dd part="plan">
        ${l.t('billing.planValue', {
          plan: billing.plan.name,
          period: l.t(`billing.period.${billing.cycle.period}`),
        })}
      </dd>
      <dt>${l.t('billing.activeSeats')}</dt>
      <dd part="seats active-seats">${seatsText(billing, l)}</dd>
      <dt>${l.t('billing.paidSeats')}</dt>
      <dd part="paid-seats">${billing.paidSeats}</dd>
      <dt>${l.t('billing.pending')}</dt>
      <dd part="pending">${billing.pendingInvitations}</dd>
      <dt>${l.t('billing.nextInvoice')}</dt>
      <dd part="amount next-invoice">
        ${l.tp('billing.invoiceValue', invoice.seats, {
          amount: l.money(invoice.amount, billing.currency),
          date: l.date(invoice.date),
          seats: invoice.seats,
        })}
      </dd>
    </dl>
    ${renderCapacity(billing, l)}
    <p class="note">${l.t('billing.minSeats', { min: billing.plan.minSeats })}</p>
  `;
}
