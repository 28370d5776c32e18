import { errorTraits, type ErrorWords } from '../../api/error-traits.js';
import type { Localizer } from '../../i18n/index.js';

/**
 * Something that went wrong, as every element meets it: a SeatkitError from the adapter, a
 * refusal from a quote (`{ code, message }`), or anything else that was thrown.
 */
export interface ProblemLike {
  code?: unknown;
  message?: unknown;
  retryAfter?: unknown;
  details?: unknown;
}

export interface ErrorTextOptions {
  /**
   * The request is safe to send again with the same idempotency key (the invite dialogs): say
   * "nothing is sent twice" where a retry is the advice.
   */
  retrySafe?: boolean;
}

function seconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/**
 * How many passwords may still be tried before the lock: the `attempts_left` detail of a
 * wrong_password problem (its message is the number), else a number in the backend's sentence
 * ("… 4 attempts left …"); null when neither says.
 */
function attemptsLeft(problem: ProblemLike): number | null {
  const details = Array.isArray(problem.details)
    ? (problem.details as { code?: unknown; message?: unknown }[])
    : [];
  const detail = details.find((d) => d?.code === 'attempts_left');
  const count = Number(detail?.message);
  if (detail && Number.isInteger(count) && count >= 0) return count;
  const message = typeof problem.message === 'string' ? problem.message : '';
  const match = /(\d+)\s+attempt/iu.exec(message);
  return match ? Number(match[1]) : null;
}

/** The catalogue's words for a known code (ERROR_TRAITS' `words`), with its numbers when it has them. */
function byCode(words: ErrorWords, problem: ProblemLike, l: Localizer, safe: boolean): string {
  const wait = seconds(problem.retryAfter);
  if (words.wait && wait !== null)
    return words.wait.unit === 'seconds'
      ? l.t(words.wait.key, { seconds: wait })
      : l.tp(words.wait.key, Math.max(1, Math.ceil(wait / 60)));
  const left = words.attemptsLeft ? attemptsLeft(problem) : null;
  if (words.attemptsLeft && left !== null) return l.tp(words.attemptsLeft, left);
  return l.t(safe && words.safe ? words.safe : words.key);
}

/**
 * A failure or refusal in words a person can act on, in the page's language — the one function
 * all four elements use.
 *
 * - Codes the client words itself (`clientWords` in ERROR_TRAITS: network, timeout, server
 *   error, rate limit with "Try again in N seconds", version conflict, a wrong password with the
 *   attempts left, a lock-out with its minutes, …) always come from the catalogue, by the
 *   table's `words`, numbers in proper plural forms.
 * - Refusals the backend or the rules explain (owner protected,
 *   capacity, already a member or invited, …): in English the backend's own sentence (it is
 *   English and often more specific); in any other language the catalogue's, by the stable code
 *   (with its parameters, e.g. the lock-out minutes).
 * - Unknown codes: the backend's message in every language; nothing usable: a generic sentence.
 */
export function errorText(error: unknown, l: Localizer, options: ErrorTextOptions = {}): string {
  if (typeof error !== 'object' || error === null) return l.t('error.generic');
  const problem = error as ProblemLike;
  const code = typeof problem.code === 'string' ? problem.code : '';
  const message = typeof problem.message === 'string' ? problem.message.trim() : '';
  const safe = options.retrySafe === true;
  if (code) {
    const traits = errorTraits(code);
    if (traits && (traits.clientWords || l.language !== 'en' || !message))
      return byCode(traits.words, problem, l, safe);
    if (message) return message;
    return l.t('error.generic');
  }
  return message ? l.t('error.other', { message }) : l.t('error.generic');
}
