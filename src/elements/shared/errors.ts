import type { Localizer, MessageKey, Params } from '../../i18n/index.js';

/**
 * Something that went wrong, as every element meets it: a SeatkitError from the adapter, a
 * refusal from a quote (`{ code, message }`), or anything else that was thrown.
 */
export interface ProblemLike {
  code?: unknown;
  message?: unknown;
  retryAfter?: unknown;
}

export interface ErrorTextOptions {
  /**
   * The request is safe to send again with the same idempotency key (the invite dialogs): say
   * "nothing is sent twice" where a retry is the advice.
   */
  retrySafe?: boolean;
}

/**
 * Codes the client words itself in every language: the backend's text adds nothing (transport
 * failures), or the client says the same with numbers in proper plural forms (a wrong password's
 * attempts left, a lock-out's minutes), where backends tend to write "attempt(s)".
 */
const CLIENT_WORDED = new Set([
  'wrong_password',
  'locked_out',
  'network_error',
  'timeout',
  'server_error',
  'rate_limited',
  'version_conflict',
  'idempotency_conflict',
  'unauthenticated',
  'aborted',
  'malformed_response',
]);

function seconds(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? Math.ceil(value) : null;
}

/**
 * How many passwords may still be tried before the lock. The wire contract has no field for it;
 * the backend says it in its sentence ("… 4 attempt(s) left …"), so it is read from there, and a
 * sentence without it gives the plain "the password is not right".
 */
function attemptsLeft(problem: ProblemLike): number | null {
  const message = typeof problem.message === 'string' ? problem.message : '';
  const match = /(\d+)\s+attempt/iu.exec(message);
  return match ? Number(match[1]) : null;
}

/** The catalogue's words for `code`, or null when the catalogue has none. */
function byCode(code: string, problem: ProblemLike, l: Localizer, safe: boolean): string | null {
  const wait = seconds(problem.retryAfter);
  const key = (k: MessageKey, params?: Params) => l.t(k, params);
  switch (code) {
    case 'network_error':
      return key('error.network');
    case 'timeout':
      return key(safe ? 'error.timeout.safe' : 'error.timeout');
    case 'server_error':
      return key(safe ? 'error.server.safe' : 'error.server');
    case 'rate_limited':
      return wait ? key('error.rateLimited', { seconds: wait }) : key('error.rateLimitedNow');
    case 'version_conflict':
      return key('error.versionConflict');
    case 'idempotency_conflict':
      return key('error.idempotencyConflict');
    case 'unauthenticated':
      return key('error.unauthenticated');
    case 'aborted':
      return key('error.aborted');
    case 'malformed_response':
      return key('error.malformedResponse');
    case 'forbidden':
      return key('error.forbidden');
    case 'not_found':
      return key('error.notFound');
    case 'validation_failed':
      return key('error.validationFailed');
    case 'capacity_exceeded':
      return key('error.capacityExceeded');
    case 'role_not_on_plan':
      return key('error.roleNotOnPlan');
    case 'already_member':
      return key('error.alreadyMember');
    case 'already_invited':
      return key('error.alreadyInvited');
    case 'invitation_expired':
      return key('error.invitationExpired');
    case 'invitation_closed':
      return key('error.invitationClosed');
    case 'owner_protected':
      return key('error.ownerProtected');
    case 'wrong_password': {
      const left = attemptsLeft(problem);
      return left === null
        ? key('error.wrongPassword')
        : l.tp('error.wrongPassword.attemptsLeft', left);
    }
    case 'locked_out':
      return wait
        ? l.tp('error.lockedOut', Math.max(1, Math.ceil(wait / 60)))
        : key('error.lockedOutNow');
    case 'conflict':
      return key('error.conflict');
    default:
      return null;
  }
}

/**
 * A failure or refusal in words a person can act on, in the page's language — the one function
 * all four elements use.
 *
 * - Transport codes (network, timeout, server error, rate limit with "Try again in N seconds",
 *   version conflict, …) always come from the catalogue, and so do a wrong password (with the
 *   attempts left) and a lock-out (with its minutes), in proper plural forms.
 * - Refusals the backend or the rules explain (owner protected, wrong password, locked out,
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
    const catalogued = byCode(code, problem, l, safe);
    if (catalogued !== null && (CLIENT_WORDED.has(code) || l.language !== 'en' || !message))
      return catalogued;
    if (message) return message;
    return catalogued ?? l.t('error.generic');
  }
  return message ? l.t('error.other', { message }) : l.t('error.generic');
}
