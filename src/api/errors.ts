import type { ErrorCode, ProblemDetail } from '../schemas/index.js';
import { ERROR_TRAITS } from './error-traits.js';

/**
 * The brand every SeatkitError carries. A registered symbol is the same in every copy of the SDK
 * on a page (an app and a widget bundling their own), where `instanceof` against one copy's class
 * would miss the other copy's errors.
 */
const BRAND: unique symbol = Symbol.for('seatkit.error') as never;

/**
 * Every adapter method rejects with a SeatkitError: a stable `code`, a message a person can
 * read, and per-field or per-row `details` for validation problems. Recognise one with
 * `isSeatkitError` (or `instanceof SeatkitError`, which checks the same brand), never by its class.
 */
export class SeatkitError extends Error {
  /** Any object carrying the brand is a SeatkitError, whichever copy of the SDK made it. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    return isSeatkitError(value);
  }

  override readonly name = 'SeatkitError';
  readonly [BRAND] = true;
  readonly code: ErrorCode;
  /** HTTP status when the error came from a response; 0 for network-level failures. */
  readonly status: number;
  readonly details: readonly ProblemDetail[];
  /** Seconds to wait before trying again (rate limits, lockouts), when the backend said. */
  readonly retryAfter: number | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: {
      status?: number;
      details?: readonly ProblemDetail[];
      retryAfter?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.status = options.status ?? 0;
    this.details = options.details ?? [];
    this.retryAfter = options.retryAfter;
  }

  /** True when sending the same request again (same idempotency key) may succeed. */
  get retryable(): boolean {
    return ERROR_TRAITS[this.code]?.retryable ?? false;
  }
}

/** Whether `value` is a SeatkitError from any copy of the SDK (by its brand, not its class). */
export function isSeatkitError(value: unknown): value is SeatkitError {
  return (
    typeof value === 'object' && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true
  );
}

/** Anything a request threw, as the SeatkitError the store's callers get. */
export function toSeatkitError(error: unknown): SeatkitError {
  if (isSeatkitError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new SeatkitError('aborted', 'The request was cancelled.', { cause: error });
  return new SeatkitError('server_error', 'Unexpected error.', { cause: error });
}
