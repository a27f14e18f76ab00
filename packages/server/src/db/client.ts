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
import { poolConfigOf } from './multi-host';
import { openReplicas, readScope, safeUrl, type ReadReplicas } from './replicas';

export type Schema = typeof schema;
/** The query layer every repository takes: a database or a transaction. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export type Engine = 'pglite' | 'postgres';

export interface Database {
  /** The primary, or inside a replica-read request (replicas.ts) the replica chosen for it. */
  readonly db: Db;
  readonly engine: Engine;
  /** Read replicas (DATABASE_READ_URLS), when configured. */
  readonly reads?: ReadReplicas;
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

export interface PostgresOptions {
  readonly poolSize?: number;
  /** Streaming replicas for reads (issue 17 §1). */
  readonly readUrls?: readonly string[];
  readonly maxLagSeconds?: number;
  /** How often to measure replica lag (ms; 0: only on `reads.check()`, for tests). */
  readonly checkEveryMs?: number;
  readonly log?: (line: string) => void;
}

/** Connect to a PostgreSQL server (and its read replicas). */
export async function openPostgres(url: string, opts: PostgresOptions = {}): Promise<Database> {
  const pool = new pg.Pool({ ...poolConfigOf(url), max: opts.poolSize ?? 10 });
  // an idle connection whose server went away (a failover, a restart) leaves the pool: not a crash
  pool.on('error', (e) => opts.log?.(`数据库连接断开 / a database connection dropped: ${e.message}`));
  const conn = await pool.connect();
  conn.release();
  const primary = drizzlePg({ client: pool, schema }) as unknown as Db;
  const reads =
    opts.readUrls === undefined || opts.readUrls.length === 0
      ? undefined
      : await openReplicas(pool, primary, {
          urls: opts.readUrls,
          maxLagSeconds: opts.maxLagSeconds ?? 5,
          wrap: (p) => drizzlePg({ client: p, schema }),
          ...(opts.checkEveryMs === undefined ? {} : { checkEveryMs: opts.checkEveryMs }),
          ...(opts.log === undefined ? {} : { onChange: opts.log }),
        });
  const replicaNote = reads === undefined ? '' : ` + ${opts.readUrls?.length ?? 0} read replica(s)`;
  return {
    get db() {
      return readScope.getStore() ?? primary;
    },
    engine: 'postgres',
    where: `PostgreSQL ${safeUrl(url)}${replicaNote}`,
    ...(reads === undefined ? {} : { reads }),
    async close() {
      await reads?.close();
      await pool.end();
    },
  };
}
