/**
 * Engine-level backup and restore (issue 17 §4): what the platform's backup service
 * (contexts/platform/backup) builds on.
 *
 * - PostgreSQL: `pg_dump --format=custom` of one exported snapshot, so the manifest computed in
 *   the same REPEATABLE READ transaction describes exactly the rows dumped; `pg_restore --clean
 *   --single-transaction` puts it back all or nothing.
 * - PGlite: the data directory's tarball (`dumpDataDir`), taken while this process holds the data
 *   dir lock (no server can write); restore moves the old directory aside and loads the tarball.
 */
import { execFile } from 'node:child_process';
import { existsSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import type { Db } from './client';
import { driverOf } from './driver';
import { acquireDataDirLock } from './lock';
import { poolConfigOf } from './multi-host';
import * as schema from './schema';

const run = promisify(execFile);

/** Run `work` on a read-only REPEATABLE READ snapshot of `url`, while `dump(snapshotId)` copies it. */
export async function withExportedSnapshot<T>(
  url: string,
  work: (db: Db) => Promise<T>,
  dump: (snapshotId: string) => Promise<void>,
): Promise<T> {
  // a multi-host URL (issue 17 §2) snapshots the read-write server, which pg_dump's libpq also picks
  const config = poolConfigOf(url);
  const Client = (config.Client as typeof pg.Client | undefined) ?? pg.Client;
  const client = new Client({ connectionString: config.connectionString });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snap = await client.query<{ id: string }>('SELECT pg_export_snapshot() AS id');
    const id = snap.rows[0]?.id ?? '';
    const db = drizzlePg({ client, schema }) as unknown as Db;
    const value = await work(db);
    await dump(id);
    await client.query('COMMIT');
    return value;
  } finally {
    await client.end();
  }
}

/** The output of a failed tool, for the operator. */
function toolError(tool: string, e: unknown): Error {
  const stderr = (e as { stderr?: string }).stderr ?? '';
  return new Error(`${tool} 失败 / ${tool} failed: ${stderr.trim() || (e as Error).message}`, { cause: e });
}

/** `pg_dump` of the exported snapshot into `file` (custom format). */
export async function pgDump(url: string, snapshotId: string, file: string): Promise<void> {
  try {
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-acl',
      `--snapshot=${snapshotId}`,
      `--file=${file}`,
      `--dbname=${url}`,
    ]);
  } catch (e) {
    throw toolError('pg_dump', e);
  }
}

/** `pg_restore` of `file` over the database at `url`, in one transaction. */
export async function pgRestore(url: string, file: string): Promise<void> {
  try {
    await run('pg_restore', [
      '--clean',
      '--if-exists',
      '--no-owner',
      '--no-acl',
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${url}`,
      file,
    ]);
  } catch (e) {
    throw toolError('pg_restore', e);
  }
}

/** The PGlite data directory's gzipped tarball (the caller holds the data dir, so nothing writes). */
export async function pgliteDump(db: Db, file: string): Promise<void> {
  const driver = driverOf(db);
  const client = 'pglite' in driver ? driver.pglite : null;
  if (!(client instanceof PGlite)) {
    throw new Error('not an embedded PGlite database');
  }
  const blob = await client.dumpDataDir('gzip');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
}

/**
 * Replace the PGlite database in `dataDir` by the tarball in `file`. The old directory is kept
 * beside it as `pglite.before-restore-<time>`; returns its path (null when there was none).
 */
export async function pgliteRestore(dataDir: string, tarball: Blob, now: Date): Promise<string | null> {
  const lock = acquireDataDirLock(dataDir);
  try {
    const live = path.join(dataDir, 'pglite');
    let kept: string | null = null;
    if (existsSync(live)) {
      kept = `${live}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
      renameSync(live, kept);
    }
    try {
      const client = await PGlite.create({ dataDir: live, loadDataDir: tarball });
      await client.close();
    } catch (e) {
      rmSync(live, { recursive: true, force: true });
      if (kept !== null) {
        renameSync(kept, live); // put the old one back: nothing half-restored
      }
      throw e;
    }
    return kept;
  } finally {
    lock.release();
  }
}
