import type { billing } from '../billing.js';

/** German for every key of `billing` (the compiler checks that none is missing or extra). */
export const billingDe: { [K in keyof typeof billing]: string } = {
  'billing.title': 'Plätze und Abrechnung',
  'billing.plan': 'Tarif',
  'billing.planValue': '{plan}, {period} abgerechnet',
  'billing.period.monthly': 'monatlich',
  'billing.period.annual': 'jährlich',
  'billing.left.one': 'Einladungen zählen zur Obergrenze: noch {left} Platz frei.',
  'billing.left.other': 'Einladungen zählen zur Obergrenze: noch {left} Plätze frei.',
  'billing.full':
    'Keine Plätze frei: {plan} erlaubt höchstens {max} Plätze, offene Einladungen eingeschlossen.',
  'billing.seatsOfMax': '{used} von {max} Plätzen',
  'billing.seatsNoMax.one': '{used} Platz (ohne Obergrenze)',
  'billing.seatsNoMax.other': '{used} Plätze (ohne Obergrenze)',
  'billing.activeSeats': 'Aktive Plätze',
  'billing.paidSeats': 'In diesem Zeitraum bezahlte Plätze',
  'billing.pending': 'Offene Einladungen',
  'billing.deactivated': 'Deaktivierte Mitglieder (nicht berechnet)',
  'billing.nextInvoice': 'Nächste Rechnung',
  'billing.invoiceValue.one': '{amount} am {date} ({seats} Platz)',
  'billing.invoiceValue.other': '{amount} am {date} ({seats} Plätze)',
  'billing.loading': 'Abrechnung wird geladen…',
  'billing.error': 'Die Abrechnung konnte nicht geladen werden.',
  'billing.minSeats': 'Jeder Tarif berechnet mindestens {min} Plätze.',
  'quote.title': 'Was das kostet',
  'quote.loading': 'Wird berechnet…',
  'quote.error': 'Der Preis konnte nicht berechnet werden.',
};
