/**
 * Fresh, migrated databases for tests, on both engines. PGlite starts from a dumped
 * template (loadDataDir) rather than from migrations each time; PostgreSQL clones a
 * template database with CREATE DATABASE … TEMPLATE.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { fromPglite, openPostgres, type Database, type Engine } from './client';
import { migrate, migrationsFingerprint } from './migrate';

export const ENGINES: readonly Engine[] = ['pglite', 'postgres'];

/** The server tests use: TEST_DATABASE_URL, or the local server's `test` database. */
export function testDatabaseUrl(): string {
  return process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
}

const cacheDir = path.resolve(import.meta.dirname, '../../../../.tmp');

async function pgliteTemplate(): Promise<Blob> {
  const file = path.join(cacheDir, `pglite-template-${migrationsFingerprint()}.tar.gz`);
  if (existsSync(file)) {
    return new Blob([readFileSync(file)]);
  }
  const client = await PGlite.create();
  const database = fromPglite(client, 'template');
  await migrate(database);
  const dump = await client.dumpDataDir('gzip');
  await client.close();
  mkdirSync(cacheDir, { recursive: true });
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
  renameSync(tmp, file);
  return dump;
}

function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function postgresTemplate(admin: pg.Client, baseUrl: string): Promise<string> {
  const name = `ssj_tmpl_${migrationsFingerprint()}`;
  await admin.query('SELECT pg_advisory_lock(90210)');
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      const building = `${name}_build_${randomBytes(3).toString('hex')}`;
      await admin.query(`CREATE DATABASE ${building}`);
      const database = await openPostgres(withDb(baseUrl, building), { poolSize: 1 });
      await migrate(database);
      await database.close();
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await admin.query('SELECT pg_advisory_unlock(90210)');
  }
  return name;
}

/** A fresh migrated database on `engine`; close() drops it. */
export async function freshDatabase(engine: Engine): Promise<Database> {
  if (engine === 'pglite') {
    const client = await PGlite.create({ loadDataDir: await pgliteTemplate() });
    return fromPglite(client, 'PGlite (memory, test)');
  }
  const baseUrl = testDatabaseUrl();
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try {
    const template = await postgresTemplate(admin, baseUrl);
    const name = `ssj_t_${process.pid}_${randomBytes(4).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const database = await openPostgres(withDb(baseUrl, name), { poolSize: 4 });
    return {
      ...database,
      async close() {
        await database.close();
        const a = new pg.Client({ connectionString: baseUrl });
        await a.connect();
        await a.query(`DROP DATABASE IF EXISTS ${name}`);
        await a.end();
      },
    };
  } finally {
    await admin.end();
  }
}
