// SeatkitError is recognised by its brand, and every reader of a code reads one table.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SeatkitError, STATUS_BY_CODE, isSeatkitError } from '../../../src/api/index.js';
import { ERROR_TRAITS } from '../../../src/api/error-traits.js';
import { ERROR_CODES } from '../../../src/schemas/index.js';

/** What a second copy of the SDK on the page makes: its own class, the same registered brand. */
class OtherCopyError extends Error {
  constructor(message: string) {
    super(message);
    Object.defineProperty(this, Symbol.for('seatkit.error'), { value: true });
  }
  readonly code = 'version_conflict';
  readonly status = 412;
  readonly details = [];
  readonly retryAfter = undefined;
}

describe('SeatkitError: a brand, not a class', () => {
  it('isSeatkitError and instanceof recognise an error from another copy of the SDK', () => {
    const other = new OtherCopyError('Changed meanwhile');
    assert.equal(isSeatkitError(other), true);
    assert.equal(other instanceof SeatkitError, true);
  });

  it('this copy’s errors carry the registered brand', () => {
    const error = new SeatkitError('timeout', 'Slow');
    assert.equal((error as unknown as Record<symbol, unknown>)[Symbol.for('seatkit.error')], true);
    assert.equal(isSeatkitError(error), true);
  });

  it('look-alikes without the brand are not SeatkitErrors', () => {
    for (const value of [
      new Error('x'),
      { code: 'timeout', message: 'x' },
      { [Symbol('seatkit.error')]: true },
      null,
      undefined,
      'timeout',
    ]) {
      assert.equal(isSeatkitError(value), false, String(value));
      assert.equal(value instanceof SeatkitError, false);
    }
  });
});

describe('one table of error traits', () => {
  it('has a row for every code and nothing else', () => {
    assert.deepEqual(Object.keys(ERROR_TRAITS).sort(), [...ERROR_CODES].sort());
  });

  it('STATUS_BY_CODE is the table’s status', () => {
    for (const code of ERROR_CODES) assert.equal(STATUS_BY_CODE[code], ERROR_TRAITS[code].status);
  });

  it('SeatkitError.retryable is the table’s', () => {
    for (const code of ERROR_CODES)
      assert.equal(new SeatkitError(code, '').retryable, ERROR_TRAITS[code].retryable, code);
  });

  it('an unknown outcome is reconciled and its intent kept', () => {
    for (const code of ERROR_CODES) {
      const t = ERROR_TRAITS[code];
      if (t.outcomeUnknown) {
        assert.equal(t.reloadAfter, true, `${code} reloads`);
        assert.equal(t.keepIntent, true, `${code} keeps its intent`);
      }
    }
    assert.deepEqual(
      ERROR_CODES.filter((code) => ERROR_TRAITS[code].outcomeUnknown),
      ['server_error', 'network_error', 'timeout', 'aborted', 'malformed_response'],
    );
  });
});
