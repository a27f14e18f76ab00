/**
 * Starts the real server as `ssj serve` in a child process, on a fresh data dir (PGlite) or
 * a fresh PostgreSQL database, and waits until it answers.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import pg from 'pg';
import { DEMO_PASSWORD } from './accounts';

export interface RunningServer {
  readonly url: string;
  readonly output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

const root = path.resolve(import.meta.dirname, '../..');

export interface ServerOptions {
  /** Seed the demo data (default); false starts as a new deployment does, with SSJ_DEMO=off. */
  readonly demo?: boolean;
  /** Runs before `ssj serve` with the server's environment (e.g. `ssj users bootstrap` on its data dir). */
  readonly prepare?: (env: Readonly<Record<string, string>>) => Promise<void>;
}

/** Run an `ssj` command to its end; resolves with its standard output, rejects on a non-zero exit. */
export async function runSsj(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['packages/cli/bin/ssj.mjs', ...args], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let errOut = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (errOut += d.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve(out) : reject(new Error(`ssj ${args.join(' ')} exited ${code}:\n${out}${errOut}`)),
    );
  });
}

/** Start `ssj serve` on the given engine, with demo data unless options.demo is false. */
export async function startServer(
  engine: 'pglite' | 'postgres' = 'pglite',
  options: ServerOptions = {},
): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ssj-e2e-'));
  let dbName: string | null = null;
  const base = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
  const env: Record<string, string> = {
    ...process.env,
    PORT: String(port),
    SSJ_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    // Every journey logs in from 127.0.0.1 to one shared server per engine: more than the default
    // 20 logins a minute per IP. The limit itself is tested in packages/server/test/auth.routes.test.ts.
    SSJ_LOGIN_RATE_PER_MINUTE: '600',
    // likewise the anonymous API limit (portal pages, /api/auth/me before each login)
    SSJ_ANON_RATE_PER_MINUTE: '6000',
    // a real first start generates a random password; the journeys log in with this one
    SSJ_DEMO_PASSWORD: DEMO_PASSWORD,
    SSJ_DEMO: options.demo === false ? 'off' : 'auto',
  };
  delete env['DATABASE_URL'];
  if (engine === 'postgres') {
    dbName = `ssj_e2e_${process.pid}_${port}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${dbName}`);
    await admin.end();
    const u = new URL(base);
    u.pathname = `/${dbName}`;
    env['DATABASE_URL'] = u.toString();
  }
  await options.prepare?.(env);
  let out = '';
  const child: ChildProcess = spawn(process.execPath, ['packages/cli/bin/ssj.mjs', 'serve'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  // generous: seeding the demo data on a busy CI machine can take minutes
  const deadline = Date.now() + 480_000;
  for (;;) {
    if (child.exitCode !== null) {
      throw new Error(`server exited (${child.exitCode}):\n${out}`);
    }
    try {
      const r = await fetch(`${url}/api/health`);
      if (r.ok) {
        break;
      }
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`server did not start in time:\n${out}`);
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    output: () => out,
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) {
        child.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
      if (dbName !== null) {
        const admin = new pg.Client({ connectionString: base });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
        await admin.end();
      }
    },
  };
}
