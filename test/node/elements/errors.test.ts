// The words of a failure as the elements show them: a wrong password's attempts left and a
// lock-out's minutes in the plural form their number needs, in English and German, never the
// backend's "attempt(s)".
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorText } from '../../../src/elements/shared/errors.js';
import { loadLanguage, localizerFor } from '../../../src/i18n/index.js';

const wrongPassword = (left: number) => ({
  code: 'wrong_password',
  message: `That password is not right. ${left} attempt(s) left before a 15-minute lock.`,
});
const lockedOut = (seconds: number) => ({
  code: 'locked_out',
  message: 'Too many wrong passwords. Try again in 1 minute(s).',
  retryAfter: seconds,
});

describe('errorText: numbers in words', async () => {
  await loadLanguage('de');
  const CASES: Array<[string, object, string, string]> = [
    [
      'four attempts left',
      wrongPassword(4),
      'The password is not right. 4 attempts left before a temporary lock.',
      'Das Passwort ist nicht richtig. Noch 4 Versuche bis zur vorübergehenden Sperre.',
    ],
    [
      'one attempt left',
      wrongPassword(1),
      'The password is not right. 1 attempt left before a temporary lock.',
      'Das Passwort ist nicht richtig. Noch 1 Versuch bis zur vorübergehenden Sperre.',
    ],
    [
      'a wrong password without a count',
      { code: 'wrong_password', message: 'Wrong.' },
      'The password is not right. Nothing was changed.',
      'Das Passwort ist nicht richtig. Es wurde nichts geändert.',
    ],
    [
      'locked for one minute',
      lockedOut(60),
      'Too many wrong passwords. Try again in 1 minute.',
      'Zu viele falsche Passwörter. Versuchen Sie es in 1 Minute erneut.',
    ],
    [
      'locked for 15 minutes',
      lockedOut(900),
      'Too many wrong passwords. Try again in 15 minutes.',
      'Zu viele falsche Passwörter. Versuchen Sie es in 15 Minuten erneut.',
    ],
  ];
  for (const [name, error, english, german] of CASES) {
    it(name, () => {
      assert.equal(errorText(error, localizerFor('en')), english);
      assert.equal(errorText(error, localizerFor('de')), german);
      assert.doesNotMatch(errorText(error, localizerFor('en')), /\(s\)/);
    });
  }
});
