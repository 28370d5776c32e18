import { SeatkitError } from '../api/errors.js';
import { STATUS_BY_CODE } from '../api/routes.js';
import type { ErrorCode, ProblemDetail } from '../schemas/index.js';

/** A refusal: a SeatkitError whose HTTP status is the one its code travels with. */
export class Refusal extends SeatkitError {
  constructor(
    code: ErrorCode,
    message: string,
    extra: { errors?: ProblemDetail[]; retryAfter?: number; status?: number } = {},
  ) {
    super(code, message, {
      status: extra.status ?? STATUS_BY_CODE[code],
      details: extra.errors ?? [],
      ...(extra.retryAfter === undefined ? {} : { retryAfter: extra.retryAfter }),
    });
  }
}

/** The request itself is malformed: 422 `validation_failed`, naming the field. */
export function invalid(field: string, code: string, message: string): Refusal {
  return new Refusal('validation_failed', message, { errors: [{ field, code, message }] });
}
