/**
 * What the database benches share: a scratch database's URL beside the one given, the load
 * average to print beside figures, and `psql \copy` of the bench targets' COPY file.
 */
import { execFile, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
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

/** `psql \copy` a file written by writeCopyCsv into `table` (default `targets`). */
export async function psqlCopyTargets(
  psql: string,
  url: string,
  copyPath: string,
  table = 'targets',
): Promise<void> {
  await run(psql, [
    url,
    '-v',
    'ON_ERROR_STOP=1',
    '-q',
    '-c',
    `\\copy ${table}(${COPY_COLUMNS}) FROM '${copyPath}' WITH (FORMAT csv)`,
  ]);
}

/** Peak resident memory (VmHWM) of a running process in MB, or null off Linux or once it has ended. */
function peakRssMb(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m === null ? null : Number(m[1]) / 1024;
  } catch {
    return null;
  }
}

/**
 * Run a command to its end: its wall time, and its peak resident memory as last read from /proc
 * every 100 ms (null where /proc is not there). A non-zero exit is an error carrying its stderr.
 */
export async function timedRun(
  cmd: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
): Promise<{ ms: number; peakMb: number | null; stdout: string }> {
  const t0 = performance.now();
  const child = spawn(cmd, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  let peak: number | null = null;
  const poll = setInterval(() => {
    const p = child.pid === undefined ? null : peakRssMb(child.pid);
    if (p !== null) {
      peak = Math.max(peak ?? 0, p);
    }
  }, 100);
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  clearInterval(poll);
  if (code !== 0) {
    throw new Error(`${cmd} ${args.join(' ')} exited with ${String(code)}: ${stderr.slice(-2000)}`);
  }
  return { ms: performance.now() - t0, peakMb: peak, stdout };
}
