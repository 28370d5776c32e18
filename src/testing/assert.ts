// Tiny assertions with no dependency, so the suite runs under any test framework and in browsers.

export class ConformanceFailure extends Error {
  override readonly name = 'ConformanceFailure';
}

function show(value: unknown): string {
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}

function stable(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stable).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${stable((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return show(value);
}

export function ok(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceFailure(message);
}

export function equal<T>(actual: T, expected: T, what: string): void {
  if (!Object.is(actual, expected)) {
    throw new ConformanceFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

export function deepEqual(actual: unknown, expected: unknown, what: string): void {
  if (stable(actual) !== stable(expected)) {
    throw new ConformanceFailure(`${what}: expected ${show(expected)}, got ${show(actual)}`);
  }
}

/** The error an adapter rejects with: a SeatkitError (checked by shape, so two copies of the SDK agree). */
export interface ErrorLike {
  name: string;
  code: string;
  message: string;
  details: readonly { field?: string; row?: number; code: string; message: string }[];
  retryAfter?: number;
}

/** Awaits a promise that must reject with a SeatkitError of `code`; returns the error. */
export async function rejects(
  promise: Promise<unknown>,
  code: string,
  what: string,
): Promise<ErrorLike> {
  let value: unknown;
  try {
    value = await promise;
  } catch (error) {
    const e = error as Partial<ErrorLike> | null;
    ok(e && typeof e === 'object', `${what}: rejected with ${show(error)}, not a SeatkitError`);
    equal(e.name, 'SeatkitError', `${what}: error name`);
    equal(e.code, code, `${what}: error code (message: ${e.message})`);
    ok(typeof e.message === 'string' && e.message.length > 0, `${what}: the error has a message`);
    ok(Array.isArray(e.details), `${what}: the error has details (an array)`);
    return e as ErrorLike;
  }
  throw new ConformanceFailure(
    `${what}: expected a ${code} refusal, but it resolved with ${show(value)}`,
  );
}
