/**
 * One area's messages: English first (its keys are the area's keys), then German with exactly
 * the same keys (the compiler checks this; a test checks it again at runtime).
 * Placeholders look like `{name}`. Plural messages use keys ending in `.one` / `.other`
 * (see `tp` in localize.ts).
 */
export function defineMessages<const T extends Record<string, string>>(
  en: T,
  de: { [K in keyof T]: string },
): { en: T; de: { [K in keyof T]: string } } {
  return { en, de };
}
