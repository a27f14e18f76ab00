/**
 * The driver connection under a Drizzle database or transaction, for what Drizzle does not
 * wrap: COPY in and out (copy-in.ts, copy-out.ts).
 */
import type { PGlite, Transaction } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from './client';

export type PgliteLike = Pick<PGlite | Transaction, 'query'>;

interface DrizzleInternals {
  readonly session?: { readonly client?: unknown };
}

/** The driver connection under a Drizzle database or transaction. */
export function driverOf(db: Db): { pool: pg.Pool } | { client: pg.ClientBase } | { pglite: PgliteLike } {
  const client = (db as unknown as DrizzleInternals).session?.client;
  if (client instanceof pg.Pool) {
    return { pool: client };
  }
  if (client instanceof pg.Client) {
    return { client };
  }
  if (
    typeof client === 'object' &&
    client !== null &&
    'query' in client &&
    typeof client.query === 'function'
  ) {
    return { pglite: client as PgliteLike };
  }
  throw new Error('unknown database driver');
}

/** Whether `db` runs on embedded PGlite (one connection, WASM memory) rather than a PostgreSQL server. */
export function isPglite(db: Db): boolean {
  return 'pglite' in driverOf(db);
}
