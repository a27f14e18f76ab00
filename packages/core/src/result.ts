/**
 * Result: the success/error type for expected failures. Exceptions are for bugs only.
 */

/** A successful value. */
export interface Ok<T> {
  readonly ok: true;
  readonly value: T;
}

/** An expected failure. */
export interface Err<E> {
  readonly ok: false;
  readonly error: E;
}

export type Result<T, E> = Ok<T> | Err<E>;

/** Wrap a value as a success. */
export function ok<T>(value: T): Ok<T> {
  return { ok: true, value };
}

/** Wrap an error as a failure. */
export function err<E>(error: E): Err<E> {
  return { ok: false, error };
}

/** For exhaustive switches: reaching this is a bug. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}

/** The success value changed by `f`; a failure passes through. */
export function mapOk<T, U, E>(r: Result<T, E>, f: (value: T) => U): Result<U, E> {
  return r.ok ? ok(f(r.value)) : r;
}
