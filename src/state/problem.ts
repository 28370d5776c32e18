import { SeatkitError, isSeatkitError } from '../api/errors.js';

/** Anything a request threw, as the SeatkitError the store's callers get. */
export function toSeatkitError(error: unknown): SeatkitError {
  if (isSeatkitError(error)) return error;
  if (error instanceof DOMException && error.name === 'AbortError')
    return new SeatkitError('aborted', 'The request was cancelled.', { cause: error });
  return new SeatkitError('server_error', 'Unexpected error.', { cause: error });
}
