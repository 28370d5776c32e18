// The catalogue's key types, not the localizer's module (which speaks of DOM nodes): a Node-only
// program using seatkit/api needs no DOM types.
import type { MessageKey, PluralKey } from '../i18n/catalogue.js';
import type { ErrorCode } from '../schemas/index.js';

/** How the elements word a code: the catalogue key, and its variants. */
export interface ErrorWords {
  /** The words when nothing more is known. */
  readonly key: MessageKey;
  /** When the request is safe to send again with the same idempotency key ("nothing is sent twice"). */
  readonly safe?: MessageKey;
  /** When the error says how long to wait (`retryAfter` seconds), shown in this unit. */
  readonly wait?:
    | { readonly key: MessageKey; readonly unit: 'seconds' }
    | { readonly key: PluralKey; readonly unit: 'minutes' };
  /** A wrong password: the words when the problem says how many attempts are left. */
  readonly attemptsLeft?: PluralKey;
}

/** Everything the SDK knows about one error code. */
export interface ErrorTraits {
  /** The HTTP status it travels with; 0 for failures that never come from a backend. */
  readonly status: number;
  /** Sending the same request again (same idempotency key) may succeed: `SeatkitError.retryable`. */
  readonly retryable: boolean;
  /**
   * The change may or may not have been applied (the answer was lost, cut off or unreadable): the
   * store reconciles with the backend, and a retry must be the same request again.
   */
  readonly outcomeUnknown: boolean;
  /** The store keeps the change's idempotency key and version, so the user's retry replays it. */
  readonly keepIntent: boolean;
  /** The list may not show what the backend holds (or the outcome is unknown): the store reloads it. */
  readonly reloadAfter: boolean;
  /**
   * The elements word it themselves in every language: the backend's sentence adds nothing (a
   * transport failure, a conflict). Otherwise the backend's English is shown in English pages.
   */
  readonly clientWords: boolean;
  /** The elements' words for it. */
  readonly words: ErrorWords;
}

/** A refusal the backend decides and explains: nothing to retry, reload or reword. */
const refusal = (status: number, key: MessageKey): ErrorTraits => ({
  status,
  retryable: false,
  outcomeUnknown: false,
  keepIntent: false,
  reloadAfter: false,
  clientWords: false,
  words: { key },
});

/** A refusal that says the list is stale (the target changed or is gone): reload it. */
const stale = (status: number, key: MessageKey, clientWords = false): ErrorTraits => ({
  ...refusal(status, key),
  reloadAfter: true,
  clientWords,
});

/** The change may have been applied: keep its key, reconcile, word it ourselves. */
const unknownOutcome = (status: number, retryable: boolean, words: ErrorWords): ErrorTraits => ({
  status,
  retryable,
  outcomeUnknown: true,
  keepIntent: true,
  reloadAfter: true,
  clientWords: true,
  words,
});

/**
 * One row per error code, read by everyone who branches on a code: `SeatkitError.retryable`, the
 * store (keep the intent, reload, reconcile), the elements' wording (`errorText`), the route
 * table's `STATUS_BY_CODE` (and through it the backend's problem responses and the OpenAPI
 * document). A new code does not compile until it has a row.
 */
export const ERROR_TRAITS: Readonly<Record<ErrorCode, ErrorTraits>> = {
  unauthenticated: { ...refusal(401, 'error.unauthenticated'), clientWords: true },
  forbidden: refusal(403, 'error.forbidden'),
  not_found: stale(404, 'error.notFound'),
  validation_failed: refusal(422, 'error.validationFailed'),
  capacity_exceeded: refusal(409, 'error.capacityExceeded'),
  role_not_on_plan: refusal(409, 'error.roleNotOnPlan'),
  already_member: refusal(409, 'error.alreadyMember'),
  already_invited: refusal(409, 'error.alreadyInvited'),
  invitation_expired: refusal(409, 'error.invitationExpired'),
  invitation_closed: stale(409, 'error.invitationClosed'),
  owner_protected: stale(409, 'error.ownerProtected'),
  // Worded here in every language, with the numbers in proper plural forms (backends tend to
  // write "attempt(s)").
  wrong_password: {
    ...refusal(403, 'error.wrongPassword'),
    clientWords: true,
    words: { key: 'error.wrongPassword', attemptsLeft: 'error.wrongPassword.attemptsLeft' },
  },
  locked_out: {
    ...refusal(423, 'error.lockedOutNow'),
    clientWords: true,
    words: { key: 'error.lockedOutNow', wait: { key: 'error.lockedOut', unit: 'minutes' } },
  },
  version_conflict: stale(412, 'error.versionConflict', true),
  idempotency_conflict: { ...refusal(422, 'error.idempotencyConflict'), clientWords: true },
  conflict: stale(409, 'error.conflict'),
  // Refused before anything was done: the same request may be sent again later, as it was.
  rate_limited: {
    ...refusal(429, 'error.rateLimitedNow'),
    retryable: true,
    keepIntent: true,
    clientWords: true,
    words: { key: 'error.rateLimitedNow', wait: { key: 'error.rateLimited', unit: 'seconds' } },
  },
  // A 5xx may come from a proxy after the backend committed the change.
  server_error: unknownOutcome(500, true, { key: 'error.server', safe: 'error.server.safe' }),
  network_error: unknownOutcome(0, true, { key: 'error.network' }),
  timeout: unknownOutcome(504, true, { key: 'error.timeout', safe: 'error.timeout.safe' }),
  // Cancelled by the caller after it may have reached the backend.
  aborted: unknownOutcome(0, false, { key: 'error.aborted' }),
  // A 2xx answer that could not be read: the change was most likely applied.
  malformed_response: unknownOutcome(502, false, { key: 'error.malformedResponse' }),
};

/** The traits of `code`, or undefined for a code this SDK does not know (a newer backend's). */
export function errorTraits(code: unknown): ErrorTraits | undefined {
  return typeof code === 'string' && Object.hasOwn(ERROR_TRAITS, code)
    ? ERROR_TRAITS[code as ErrorCode]
    : undefined;
}
