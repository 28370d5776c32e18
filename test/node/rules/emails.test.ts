import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { INVISIBLE_RANGES, canonicalEmail, checkEmail } from '../../../src/rules/index.js';

const local = (n: number) => 'a'.repeat(n);
/** A valid address of exactly `n` characters with a short local part. */
function addressOfLength(n: number): string {
  const prefix = 'ana@';
  const labels: string[] = [];
  let remaining = n - prefix.length - 4; // '.com'
  while (remaining > 0) {
    const size = Math.min(63, remaining);
    labels.push('b'.repeat(size));
    remaining -= size + 1;
  }
  let domain = labels.join('.');
  // Fix an off-by-one from the last dot.
  domain = domain.slice(0, n - prefix.length - 4);
  if (domain.endsWith('.')) domain = `${domain.slice(0, -1)}c`;
  return `${prefix}${domain}.com`;
}

describe('emails', () => {
  const ok: [string, string, string][] = [
    ['  Ana@Example.COM ', 'Ana@Example.COM', 'ana@example.com'],
    [
      'ana.souza+team@mail.example.co.uk',
      'ana.souza+team@mail.example.co.uk',
      'ana.souza+team@mail.example.co.uk',
    ],
    ['\tana@example.com\n', 'ana@example.com', 'ana@example.com'],
    ['jörg@münchen.de', 'jörg@münchen.de', 'jörg@münchen.de'],
    ['ana@xn--mnchen-3ya.de', 'ana@xn--mnchen-3ya.de', 'ana@xn--mnchen-3ya.de'],
    ['ana@例え.テスト', 'ana@例え.テスト', 'ana@例え.テスト'],
    [`${local(64)}@example.com`, `${local(64)}@example.com`, `${local(64)}@example.com`],
  ];
  for (const [raw, email, canonical] of ok) {
    it(`accepts ${JSON.stringify(raw.length > 40 ? `${raw.slice(0, 20)}…` : raw)}`, () => {
      assert.deepEqual(checkEmail(raw), { ok: true, email, canonical });
    });
  }

  const refused: [string, string, RegExp][] = [
    ['empty', '   ', /Enter an email address/],
    ['no @', 'ana.example.com', /^ana\.example\.com is missing an @\.$/],
    ['two @', 'ana@@example.com', /more than one @/],
    ['nothing before @', '@example.com', /missing the part before @/],
    ['nothing after @', 'ana@', /missing the domain after @/],
    ['space inside', 'ana souza@example.com', /contains a space/],
    [
      'local part of 65',
      `${local(65)}@example.com`,
      /^The part before @ is longer than 64 characters\.$/,
    ],
    ['no dot in domain', 'ana@localhost', /missing a dot/],
    ['empty label', 'ana@example..com', /empty part between dots/],
    ['label of 64', `ana@${'b'.repeat(64)}.com`, /longer than 63 characters/],
    ['hyphen at label start', 'ana@-example.com', /isn't allowed/],
    ['leading dot', '.ana@example.com', /start or end with a dot/],
    ['double dot in local part', 'ana..s@example.com', /two dots in a row/],
    ['angle brackets', 'Ana <ana@example.com>', /contains a space|isn't allowed/],
    ['numeric TLD', 'ana@10.0.0.1', /doesn't end in a name/],
  ];
  for (const [name, raw, message] of refused) {
    it(`refuses ${name}`, () => {
      const result = checkEmail(raw);
      assert.equal(result.ok, false);
      if (!result.ok) {
        assert.equal(result.code, 'invalid_email');
        assert.match(result.message, message);
      }
    });
  }

  it('254 characters is accepted, 255 refused', () => {
    const a254 = addressOfLength(254);
    const a255 = addressOfLength(255);
    assert.equal(a254.length, 254);
    assert.equal(a255.length, 255);
    assert.equal(checkEmail(a254).ok, true);
    const result = checkEmail(a255);
    assert.deepEqual(result, {
      ok: false,
      code: 'invalid_email',
      message: 'The address is longer than 254 characters.',
    });
  });

  it('identity is case-insensitive and ignores surrounding spaces', () => {
    assert.equal(canonicalEmail('  ANA@Example.com '), 'ana@example.com');
    assert.equal(canonicalEmail('Ana@Example.com'), canonicalEmail('ana@EXAMPLE.COM'));
  });
});

// Unicode's DerivedCoreProperties.txt, Default_Ignorable_Code_Point, every range (issue 13, item 1),
// and the characters that show as a blank without being default-ignorable.
const INVISIBLE: [number, number, string][] = [
  [0x00ad, 0x00ad, 'soft hyphen'],
  [0x034f, 0x034f, 'combining grapheme joiner'],
  [0x061c, 0x061c, 'Arabic letter mark'],
  [0x115f, 0x1160, 'Hangul choseong/jungseong fillers'],
  [0x17b4, 0x17b5, 'Khmer inherent vowels'],
  [0x180b, 0x180f, 'Mongolian variation selectors and vowel separator'],
  [0x200b, 0x200f, 'zero width space … right-to-left mark'],
  [0x202a, 0x202e, 'bidi embeddings and overrides'],
  [0x2060, 0x206f, 'word joiner … nominal digit shapes'],
  [0x3164, 0x3164, 'Hangul filler'],
  [0xfe00, 0xfe0f, 'variation selectors 1–16'],
  [0xfeff, 0xfeff, 'zero width no-break space'],
  [0xffa0, 0xffa0, 'halfwidth Hangul filler'],
  [0xfff0, 0xfff8, 'reserved specials'],
  [0x1bca0, 0x1bca3, 'shorthand format controls'],
  [0x1d173, 0x1d17a, 'musical beam and phrase controls'],
  [0xe0000, 0xe0fff, 'tags and variation selectors 17–256'],
  [0x2800, 0x2800, 'Braille pattern blank'],
  [0x1d159, 0x1d159, 'musical symbol null notehead'],
  [0x16fe4, 0x16fe4, 'Khitan small script filler'],
];

describe('emails: invisible and blank-looking code points', () => {
  const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  for (const [first, last, name] of INVISIBLE) {
    for (const cp of first === last ? [first] : [first, last]) {
      it(`refuses ${hex(cp)} (${name}) in the local part and in the domain`, () => {
        const ch = String.fromCodePoint(cp);
        for (const email of [`olivia${ch}@example.com`, `olivia@exam${ch}ple.com`]) {
          const result = checkEmail(email);
          assert.equal(result.ok, false, JSON.stringify(email));
          if (!result.ok) assert.ok(result.message.includes(hex(cp)), result.message);
        }
      });
    }
  }

  it('the rules’ table is Default_Ignorable_Code_Point (as this engine knows it) plus the blanks', () => {
    const engine = /\p{Default_Ignorable_Code_Point}/u;
    const blanks = new Set([0x2800, 0x1d159, 0x16fe4]);
    const wrong: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const expected = engine.test(String.fromCodePoint(cp)) || blanks.has(cp);
      const listed = INVISIBLE_RANGES.some(([a, b]) => cp >= a && cp <= b);
      if (expected !== listed) wrong.push(hex(cp));
    }
    assert.deepEqual(wrong, []);
  });

  it('refuses a megabyte-long cell at once, without echoing it', () => {
    const result = checkEmail(`${'"'.repeat(5_000_000)}@example.com`);
    assert.deepEqual(result, {
      ok: false,
      code: 'invalid_email',
      message: 'The address is longer than 254 characters.',
    });
  });

  it('keeps accepting what looks like a letter (accents, scripts, emoji-free IDNs)', () => {
    for (const email of ['josé@example.com', 'ana@例え.テスト', 'ünal@bücher.example'])
      assert.equal(checkEmail(email).ok, true, email);
  });
});

describe('emails: canonical form', () => {
  it('NFD and NFC spellings are one identity', () => {
    assert.equal(canonicalEmail('jose\u0301@example.com'), canonicalEmail('jos\u00e9@example.com'));
  });
});
