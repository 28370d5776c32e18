import type { quote } from '../quote.js';

/** German for every key of `quote` (the compiler checks that none is missing or extra). */
export const quoteDe: { [K in keyof typeof quote]: string } = {
  'quote.dueOnAcceptance': 'Fällig bei Annahme',
  'quote.dueOnAcceptanceAll': 'Fällig, wenn alle heute annehmen',
  'quote.dueNow': 'Jetzt fällig',
  'quote.proration.one': '{amount} für den {days} verbleibenden Tag dieses Abrechnungszeitraums',
  'quote.proration.other': '{amount} für die {days} verbleibenden Tage dieses Abrechnungszeitraums',
  'quote.prorationSeats':
    '{seats} × {amount} für die {days} verbleibenden Tage dieses Abrechnungszeitraums',
  'quote.alreadyPaid': 'Keine Kosten: Der Platz ist in diesem Zeitraum bereits bezahlt.',
  'quote.noRefund':
    'Keine Erstattung. Ihre Platzanzahl sinkt bei der nächsten Verlängerung am {date}.',
  'quote.refused': 'Nicht möglich: {reason}',
  'quote.capacity': '{plan} erlaubt höchstens {max} Plätze',
};
