/**
 * The transaction helper: runs a callback in one transaction, and rolls back when the
 * callback returns an error Result (house style), or throws.
 */
import type { Err, Result } from '@openssj/core';
import type { Db } from './client';

class Rollback<E> extends Error {
  constructor(readonly result: Err<E>) {
    super('rollback');
  }
}

/** Run `fn` in a transaction; commit on ok, roll back on an error result. */
export async function inTransaction<T, E>(
  db: Db,
  fn: (tx: Db) => Promise<Result<T, E>>,
): Promise<Result<T, E>> {
  try {
    return await db.transaction(async (tx) => {
      const r = await fn(tx);
      if (!r.ok) {
        throw new Rollback(r);
      }
      return r;
    });
  } catch (e) {
    if (e instanceof Rollback) {
      return (e as Rollback<E>).result;
    }
    throw e;
  }
}
