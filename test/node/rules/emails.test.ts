import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalEmail, checkEmail } from '../../../src/rules/index.js';

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
