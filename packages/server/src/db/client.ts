/**
 * Opens the database: embedded PGlite in the data dir (holding a cross-process lock), or a
 * PostgreSQL server at DATABASE_URL. Both sit behind the same Drizzle query layer.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema';
import { acquireDataDirLock, type DataDirLock } from './lock';

export type Schema = typeof schema;
/** The query layer every repository takes: a database or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  readonly db: Db;
  readonly engine: Engine;
  /** Where the data lives, for logs (no password). */
  readonly where: string;
  close(): Promise<void>;
}

/** Wrap an open PGlite instance (used by tests that start from a dumped template). */
export function fromPglite(client: PGlite, where: string, onClose?: () => void): Database {
  const db = drizzlePglite({ client, schema }) as unknown as Db;
  return {
    db,
    engine: 'pglite',
    where,
    async close() {
      await client.close();
      onClose?.();
    },
  };
}

/** Open embedded PGlite in `dataDir/pglite`, holding `dataDir/ssj.lock` while open. */
export async function openPglite(dataDir: string): Promise<Database> {
  mkdirSync(dataDir, { recursive: true });
  const lock: DataDirLock = acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create({ dataDir: path.join(dataDir, 'pglite') });
    return fromPglite(client, `PGlite ${path.resolve(dataDir)}`, () => lock.release());
  } catch (e) {
    lock.release();
    throw e;
  }
}

/** Connect to a PostgreSQL server. */
export async function openPostgres(url: string, poolSize = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const conn = await pool.connect();
  conn.release();
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  const safe = url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@');
  return {
    db,
    engine: 'postgres',
    where: `PostgreSQL ${safe}`,
    async close() {
      await pool.end();
    },
  };
}
