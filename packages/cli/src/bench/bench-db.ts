/**
 * What the database benches share: a scratch database's URL beside the one given, the load
 * average to print beside figures, and `psql \copy` of the bench targets' COPY file.
 */
import { execFile } from 'node:child_process';
import { loadavg } from 'node:os';
import { promisify } from 'node:util';
import { COPY_COLUMNS } from './target-bench-data';

const run = promisify(execFile);

/** The URL of database `name` on the server of `url`. */
export function withDb(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** The 1, 5 and 15 minute load averages, for the figures' context. */
export function loadAverage(): string {
  return loadavg()
    .map((x) => x.toFixed(2))
    .join(' ');
}

/** `psql \copy` a file written by writeCopyCsv into `targets`. */
export async function psqlCopyTargets(psql: string, url: string, copyPath: string): Promise<void> {
  await run(psql, [
    url,
    '-v',
    'ON_ERROR_STOP=1',
    '-q',
    '-c',
    `\\copy targets(${COPY_COLUMNS}) FROM '${copyPath}' WITH (FORMAT csv)`,
  ]);
}
