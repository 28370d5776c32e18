// Email identity defects found by the hardening work, now fixed in src/rules/emails.ts:
//
// D-EMAIL-1 invisible characters: checkEmail accepts format characters (Unicode Cf: U+200B zero
//   width space, U+00AD soft hyphen, U+2060 word joiner, U+202E right-to-left override) in the
//   local part. `a\u200B@example.com` displays exactly like `a@example.com` but is a different
//   canonical email, so an admin can be shown "invited" for an address that is in fact a member's
//   look-alike, and U+202E makes the displayed address lie. Fix: in checkEmail, after the
//   whitespace check, `if (/[\p{Cc}\p{Cf}]/u.test(email)) return refuse(`${JSON.stringify(email)}
//   contains an invisible character. Type the address again.`)`.
// D-EMAIL-2 Unicode normalisation: canonicalEmail does not normalise, so `josé@` typed with a
//   precomposed é and `jose\u0301@` (e + combining accent, what macOS file names and some
//   keyboards produce) are two identities: the same visible address can be invited twice. Fix:
//   canonicalEmail = `email.trim().normalize('NFC').toLowerCase()`, and checkEmail returns
//   `email: email.normalize('NFC')`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { canonicalEmail, checkEmail } from '../../../src/rules/index.js';
import { fileServer, outcome } from './support.js';

const { server, use } = fileServer();
before(() => server.listen({ onUnhandledRequest: 'error' }));
after(() => server.close());

const scenario = {
  plan: 'team',
  billing: 'monthly',
  cycleStart: '2026-11-01',
  now: '2026-11-16T09:30:00Z',
  actor: 'olivia@example.com',
  password: 'correct horse battery',
  members: [
    { name: 'Olivia Park', email: 'olivia@example.com', role: 'owner', status: 'active' },
    { name: 'José Luis', email: 'josé@example.com', role: 'agent', status: 'active' },
  ],
  invitations: [],
  phoneNumbers: [],
  ringGroups: [],
};

describe('PENDING D-EMAIL-1: invisible characters in an email are refused', () => {
  for (const [name, email] of [
    ['zero width space', 'olivia\u200B@example.com'],
    ['soft hyphen', 'oli\u00ADvia@example.com'],
    ['word joiner', 'olivia\u2060@example.com'],
    ['right-to-left override', 'moc.elpmaxe@\u202Eolivia'.split('@').reverse().join('@')],
    // Issue 13, item 1: every other Default_Ignorable_Code_Point and blank-looking character.
    ['combining grapheme joiner', 'olivia\u034F@example.com'],
    ['variation selector 16', 'olivia\uFE0F@example.com'],
    ['variation selector 17', 'olivia\u{E0100}@example.com'],
    ['tag character', 'olivia\u{E0041}@example.com'],
    ['Hangul filler', 'olivia\u3164@example.com'],
    ['halfwidth Hangul filler', 'olivia\uFFA0@example.com'],
    ['Hangul choseong filler', 'olivia\u115F@example.com'],
    ['Braille pattern blank', 'olivia\u2800@example.com'],
    ['Khmer inherent vowel', 'olivia\u17B4@example.com'],
  ]) {
    it(`${name}: checkEmail refuses it and the backend answers validation_failed`, async () => {
      assert.equal(checkEmail(email as string).ok, false);
      const { adapter } = use(scenario);
      assert.equal(
        await outcome(adapter.invite({ email: email as string, role: 'agent' })),
        'validation_failed',
      );
    });
  }
});

describe('PENDING D-EMAIL-2: the same address in two Unicode forms is one identity', () => {
  it('canonicalEmail(NFD) === canonicalEmail(NFC)', () => {
    assert.equal(canonicalEmail('jose\u0301@example.com'), canonicalEmail('jos\u00e9@example.com'));
  });
  it('inviting the decomposed form of a member is already_member', async () => {
    const { adapter } = use(scenario);
    assert.equal(
      await outcome(adapter.invite({ email: 'jose\u0301@example.com', role: 'agent' })),
      'already_member',
    );
  });
});
