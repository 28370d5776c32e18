/** What a planned change costs (<seat-billing-preview> with a `change`, the bulk confirmation): loaded with the first price shown. */
export const quote = {
  'quote.dueOnAcceptance': 'Due when accepted',
  'quote.dueOnAcceptanceAll': 'Due if all accept today',
  'quote.dueNow': 'Due now',
  'quote.proration.one': '{amount} for the {days} day left in this cycle',
  'quote.proration.other': '{amount} for the {days} days left in this cycle',
  'quote.prorationSeats': '{seats} × {amount} for the {days} days left in this cycle',
  'quote.alreadyPaid': 'No charge: the seat is already paid for this cycle.',
  'quote.noRefund': 'No refund. Your seat count drops at the next renewal on {date}.',
  'quote.refused': 'Not possible: {reason}',
  'quote.capacity': '{plan} allows up to {max} seats',
};
