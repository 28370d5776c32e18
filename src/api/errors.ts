import type { ErrorCode, ProblemDetail } from '../schemas/index.js';

/**
 * Every adapter method rejects with a SeatkitError: a stable `code`, a message a person can
 * read, and per-field or per-row `details` for validation problems.
 */
export class SeatkitError extends Error {
  override readonly name = 'SeatkitError';
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
    return (
      this.code === 'network_error' ||
      this.code === 'timeout' ||
      this.code === 'server_error' ||
      this.code === 'rate_limited'
    );
  }
}

export function isSeatkitError(value: unknown): value is SeatkitError {
  return value instanceof SeatkitError;
}
