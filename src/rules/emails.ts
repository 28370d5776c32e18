/**
 * Email addresses as people type them. Deliberately permissive about the local part (anything
 * printable without spaces, `@` or `"`-quoting) and strict about what a mail server would refuse:
 * RFC 5321 limits (local part ≤ 64, address ≤ 254, each domain label ≤ 63), a dotted domain
 * whose labels are letters/digits/hyphens. Unicode (IDN) domains are accepted as typed; lengths
 * are counted in characters as typed. Identity is case-insensitive and Unicode-normalised
 * (NFC): `canonicalEmail` normalises and lower-cases, and every comparison of two addresses (the
 * rules, the scenario, the backend) goes through it. Characters that show as nothing or as a blank
 * are refused (`invisibleCodePoint`), so no two different identities look the same on screen.
 */
import { canonicalEmail } from '../schemas/email.js';

export { canonicalEmail };

export type EmailCheck =
  | { ok: true; email: string; canonical: string }
  | { ok: false; code: 'invalid_email'; message: string };

/**
 * Code points an address may not contain because they show as nothing or as a blank, as
 * inclusive ranges. One table, read by `invisibleCodePoint`; the backend refuses with the same.
 *
 * Source: Default_Ignorable_Code_Point from Unicode's DerivedCoreProperties.txt (Unicode 16.0 and
 * 17.0; the reserved code points in it are listed too, so that characters assigned there later are
 * refused as well), written out rather than as `\p{Default_Ignorable_Code_Point}` so that every
 * engine and every backend refuses the same set whatever Unicode version it ships; then the
 * characters that are not default-ignorable but render as a blank (the last three rows).
 * White space (`\s`) and other control and format characters (`\p{Cc}`, `\p{Cf}`) are refused too.
 */
export const INVISIBLE_RANGES: readonly (readonly [first: number, last: number])[] = [
  [0x00ad, 0x00ad], // SOFT HYPHEN
  [0x034f, 0x034f], // COMBINING GRAPHEME JOINER
  [0x061c, 0x061c], // ARABIC LETTER MARK
  [0x115f, 0x1160], // HANGUL CHOSEONG FILLER, HANGUL JUNGSEONG FILLER
  [0x17b4, 0x17b5], // KHMER VOWEL INHERENT AQ, AA
  [0x180b, 0x180f], // MONGOLIAN FREE VARIATION SELECTORS ONE–FOUR, VOWEL SEPARATOR
  [0x200b, 0x200f], // ZERO WIDTH SPACE, ZWNJ, ZWJ, LEFT-TO-RIGHT MARK, RIGHT-TO-LEFT MARK
  [0x202a, 0x202e], // BIDI EMBEDDINGS, POP, OVERRIDES
  [0x2060, 0x206f], // WORD JOINER, INVISIBLE OPERATORS, BIDI ISOLATES, DEPRECATED FORMAT CHARACTERS
  [0x3164, 0x3164], // HANGUL FILLER
  [0xfe00, 0xfe0f], // VARIATION SELECTOR-1–16
  [0xfeff, 0xfeff], // ZERO WIDTH NO-BREAK SPACE (BOM)
  [0xffa0, 0xffa0], // HALFWIDTH HANGUL FILLER
  [0xfff0, 0xfff8], // reserved
  [0x1bca0, 0x1bca3], // SHORTHAND FORMAT LETTER OVERLAP … UP STEP
  [0x1d173, 0x1d17a], // MUSICAL SYMBOL BEGIN BEAM … END PHRASE
  [0xe0000, 0xe0fff], // LANGUAGE TAG, TAG characters, VARIATION SELECTOR-17–256, reserved
  // Not default-ignorable, but a blank on screen:
  [0x2800, 0x2800], // BRAILLE PATTERN BLANK
  [0x16fe4, 0x16fe4], // KHITAN SMALL SCRIPT FILLER
  [0x1d159, 0x1d159], // MUSICAL SYMBOL NULL NOTEHEAD
];

const hex = (cp: number) => cp.toString(16).padStart(4, '0');
/** Built on first use, so a page that never checks an email does not carry or build it. */
let invisible: RegExp | null = null;

/**
 * The first code point of `text` that shows as nothing or as a blank (`INVISIBLE_RANGES`, controls,
 * format characters), or null. Spaces are left to the caller, which words them on their own.
 */
export function invisibleCodePoint(text: string): number | null {
  invisible ??= new RegExp(
    `[\\p{Cc}\\p{Cf}${INVISIBLE_RANGES.map(([a, b]) => (a === b ? `\\u{${hex(a)}}` : `\\u{${hex(a)}}-\\u{${hex(b)}}`)).join('')}]`,
    'u',
  );
  const match = invisible.exec(text);
  return match ? (match[0].codePointAt(0) ?? null) : null;
}

/** `U+034F`, as Unicode writes a code point. */
function codePointName(cp: number): string {
  return `U+${hex(cp).toUpperCase()}`;
}

/** Longer than any address can be, in UTF-16 units, even typed decomposed (NFD): refused unread. */
const MAX_RAW_LENGTH = 4 * 254;

const LOCAL_CHAR = /^[^\s@"(),:;<>[\\\]]+$/u;
const LABEL = /^[\p{L}\p{N}](?:[\p{L}\p{N}\p{M}-]*[\p{L}\p{N}\p{M}])?$/u;

/** Length in characters as typed (astral characters count once); cheap for the usual ASCII. */
function codePoints(s: string): number {
  return /[\uD800-\uDBFF]/.test(s) ? [...s].length : s.length;
}

function refuse(message: string): EmailCheck {
  return { ok: false, code: 'invalid_email', message };
}

export function checkEmail(raw: string): EmailCheck {
  const trimmed = raw.trim();
  // A cell of megabytes (a hostile CSV) is refused before any work, and never echoed.
  if (trimmed.length > MAX_RAW_LENGTH) return refuse('The address is longer than 254 characters.');
  // NFC so an accent typed as one character or as letter + combining mark is one address.
  const email = trimmed.normalize('NFC');
  if (email === '') return refuse('Enter an email address.');
  const at = email.lastIndexOf('@');
  if (at === -1) return refuse(`${email} is missing an @.`);
  if (email.indexOf('@') !== at) return refuse(`${email} has more than one @.`);
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local === '') return refuse(`${email} is missing the part before @.`);
  if (domain === '') return refuse(`${email} is missing the domain after @.`);
  // Invisible and blank-looking characters (zero-width space, combining grapheme joiner, Hangul
  // fillers, variation selectors, bidi overrides, the Braille blank) make two different identities
  // look the same on screen.
  const invisible = invisibleCodePoint(email);
  if (invisible !== null)
    return refuse(
      `${JSON.stringify(email)} contains an invisible or blank character (${codePointName(invisible)}). Type the address again.`,
    );
  if (/\s/u.test(email)) return refuse(`${email} contains a space.`);
  if (codePoints(local) > 64) return refuse('The part before @ is longer than 64 characters.');
  if (codePoints(email) > 254) return refuse('The address is longer than 254 characters.');
  if (!LOCAL_CHAR.test(local))
    return refuse(`The part before @ in ${email} contains a character that isn't allowed.`);
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..'))
    return refuse(
      `The part before @ in ${email} can't start or end with a dot or have two dots in a row.`,
    );
  const labels = domain.split('.');
  if (labels.length < 2) return refuse(`The domain ${domain} is missing a dot (like example.com).`);
  for (const label of labels) {
    if (label === '') return refuse(`The domain ${domain} has an empty part between dots.`);
    if (codePoints(label) > 63)
      return refuse(`The domain ${domain} has a part longer than 63 characters.`);
    if (!LABEL.test(label))
      return refuse(`The domain ${domain} contains a character that isn't allowed.`);
  }
  if (/^\d+$/u.test(labels.at(-1) ?? ''))
    return refuse(`The domain ${domain} doesn't end in a name (like .com).`);
  return { ok: true, email, canonical: canonicalEmail(email) };
}
