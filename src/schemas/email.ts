/**
 * The identity of an email address: trimmed, Unicode NFC and lower-cased, so `José@` typed with a
 * precomposed é and `jose` + combining accent (what some keyboards and macOS produce) are one
 * address. Every comparison of two addresses uses it: the rules (`seatkit/rules` re-exports it
 * beside `checkEmail`), the scenario's consistency checks here, and the backend. It lives at the
 * bottom, with the schemas, because the scenario needs it and the schemas import no rules.
 */
export function canonicalEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
