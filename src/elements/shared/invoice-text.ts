import type { Localizer } from '../../i18n/index.js';
import type { Invoice } from '../../schemas/index.js';

/** "$203.00 on Dec 1, 2026 (7 seats)": an invoice as the billing summary, quotes and the bulk confirmation show it. */
export function invoiceText(invoice: Invoice, currency: string, l: Localizer): string {
  return l.tp('billing.invoiceValue', invoice.seats, {
    amount: l.money(invoice.amount, currency),
    date: l.date(invoice.date),
    seats: invoice.seats,
  });
}
