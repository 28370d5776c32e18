/**
 * Email addresses as people type them. Deliberately permissive about the local part (anything
 * printable without spaces, `@` or `"`-quoting) and strict about what a mail server would refuse:
 * RFC 5321 limits (local part ≤ 64, address ≤ 254, each domain label ≤ 63), a dotted domain
 * whose labels are letters/digits/hyphens. Unicode (IDN) domains are accepted as typed; lengths
 * are counted in characters as typed. Identity is case-insensitive and Unicode-normalised
 * (NFC): `canonicalEmail` normalises and lower-cases. Invisible format characters are refused.
 */
export type EmailCheck =
  | { ok: true; email: string; canonical: string }
  | { ok: false; code: 'invalid_email'; message: string };

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
  // NFC so an accent typed as one character or as letter + combining mark is one address.
  const email = raw.trim().normalize('NFC');
  if (email === '') return refuse('Enter an email address.');
  const at = email.lastIndexOf('@');
  if (at === -1) return refuse(`${email} is missing an @.`);
  if (email.indexOf('@') !== at) return refuse(`${email} has more than one @.`);
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (local === '') return refuse(`${email} is missing the part before @.`);
  if (domain === '') return refuse(`${email} is missing the domain after @.`);
  if (/\s/u.test(email)) return refuse(`${email} contains a space.`);
  // Invisible format characters (zero-width space, soft hyphen, bidi overrides) make two
  // different identities look the same on screen.
  if (/[\p{Cc}\p{Cf}]/u.test(email))
    return refuse(`${JSON.stringify(email)} contains an invisible character. Type it again.`);
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

/** The identity of an address: trimmed, Unicode NFC and lower-cased. */
export function canonicalEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase();
}
