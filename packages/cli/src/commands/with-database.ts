/**
 * What the database verbs share: open the configured database (DATABASE_URL or SSJ_DATA_DIR),
 * bring its schema up to date, run the work and close it. A database that cannot be opened is
 * reported on stderr with `failCode` (2: unusable input, unless the verb says otherwise).
 */
import process from 'node:process';
import { loadConfig, migrate, openDatabase, type Database } from '@openssj/server';

type Config = ReturnType<typeof loadConfig>;

/** Run `work` on the migrated database; returns its exit code. */
export async function withDatabase(
  work: (database: Database, config: Config) => Promise<number>,
  opts: { env?: NodeJS.ProcessEnv; prefix?: string; failCode?: number } = {},
): Promise<number> {
  const config = loadConfig(opts.env ?? process.env);
  let database: Database;
  try {
    database = await openDatabase(config);
  } catch (e) {
    process.stderr.write(`${opts.prefix ?? ''}${e instanceof Error ? e.message : String(e)}\n`);
    return opts.failCode ?? 2;
  }
  try {
    await migrate(database);
    return await work(database, config);
  } finally {
    await database.close();
  }
}
