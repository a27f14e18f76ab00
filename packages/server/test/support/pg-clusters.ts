/**
 * Throw-away PostgreSQL clusters on loopback ports, under /tmp (issue 17): a primary made by
 * initdb + pg_ctl, and streaming replicas made by `pg_basebackup -R`. As root the binaries run as
 * the `postgres` user (initdb refuses root). Each cluster lives in its own directory and is removed
 * by `destroy()`.
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';

const BIN = ['/usr/lib/postgresql/15/bin', '/usr/local/bin'].find((d) => existsSync(path.join(d, 'initdb')));

/** Whether this machine can make clusters (PostgreSQL 15 server binaries). */
export const canMakeClusters = BIN !== undefined;

function run(cmd: string, args: readonly string[]): string {
  const exe = path.join(BIN ?? '', cmd);
  const asPostgres = process.getuid?.() === 0;
  return execFileSync(
    asPostgres ? 'runuser' : exe,
    asPostgres ? ['-u', 'postgres', '--', exe, ...args] : args,
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
}

/** A free loopback port. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a !== null ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  readonly dir: string;
  readonly port: number;
  /** postgres://postgres@127.0.0.1:PORT/DB */
  url(db?: string): string;
  start(): void;
  /** Stop: `fast` shuts down cleanly, `immediate` is a crash. */
  stop(mode?: 'fast' | 'immediate'): void;
  psql(sql: string, db?: string): string;
}

function cluster(root: string, dir: string, port: number): Cluster {
  const opts = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=off -c wal_level=replica -c max_wal_senders=5`;
  return {
    dir,
    port,
    url: (db = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${db}`,
    start() {
      run('pg_ctl', ['-D', dir, '-o', opts, '-l', `${dir}.log`, '-w', 'start']);
    },
    stop(mode = 'fast') {
      run('pg_ctl', ['-D', dir, '-m', mode, '-w', 'stop']);
    },
    psql(sql, db = 'postgres') {
      return execFileSync(
        'psql',
        ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-Atqc', sql, db],
        {
          encoding: 'utf8',
        },
      ).trim();
    },
  };
}

export interface ClusterSet {
  readonly primary: Cluster;
  /** A streaming replica of the primary, started. */
  addReplica(): Promise<Cluster>;
  /** Stop every cluster and remove the files. */
  destroy(): void;
}

/** A started primary (trust auth, wal_level=replica) in a new directory under /tmp. */
export async function makePrimary(): Promise<ClusterSet> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ssj-pg-'));
  if (process.getuid?.() === 0) {
    chownSync(root, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
  }
  const primary = cluster(root, path.join(root, 'primary'), await freePort());
  run('initdb', [
    '-D',
    primary.dir,
    '-A',
    'trust',
    '-U',
    'postgres',
    '--no-sync',
    '-E',
    'UTF8',
    '--locale=C',
  ]);
  primary.start();
  const all: Cluster[] = [primary];
  return {
    primary,
    async addReplica() {
      const r = cluster(root, path.join(root, `replica${all.length}`), await freePort());
      run('pg_basebackup', [
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '-D',
        r.dir,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
      ]);
      r.start();
      all.push(r);
      return r;
    },
    destroy() {
      for (const c of all.reverse()) {
        try {
          c.stop('immediate');
        } catch {
          // already stopped
        }
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
}
