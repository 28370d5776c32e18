import { html, type TemplateResult } from 'lit';

/**
 * An email address that may wrap only where a reader expects it to: before the `@` and after a
 * `.`, `-`, `_` or `+` (a `<wbr>` there), never in the middle of a word. A piece longer than the
 * whole line still wraps (`overflow-wrap: break-word` on its box) rather than overflow.
 */
export function breakableEmail(email: string): TemplateResult {
  const pieces = email.split(/(?<=[.\-_+])|(?=@)/u);
  return html`${pieces.map((piece, i) => (i === 0 ? piece : html`<wbr />${piece}`))}`;
}
