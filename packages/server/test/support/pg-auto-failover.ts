/**
 * A pg_auto_failover formation on loopback (issue 17 §2), made by the HA test under /tmp: a
 * monitor and two Postgres nodes, each run by its own `pg_autoctl` keeper, with health checks
 * tightened so that a dead primary is replaced in seconds (docs/deploy.md gives production
 * values). Needs Debian's postgresql-15-auto-failover (`pg_autoctl`).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { freePort } from './pg-clusters';

const PG_CTL = '/usr/lib/postgresql/15/bin/pg_ctl';

/** Whether pg_autoctl is installed. */
export const hasPgAutoctl = existsSync('/usr/bin/pg_autoctl');

export interface NodeState {
  readonly nodename: string;
  readonly nodeport: number;
  readonly current_group_state: string;
  readonly assigned_group_state: string;
}

export interface Formation {
  /** `postgres://…@127.0.0.1:P1,127.0.0.1:P2/ssj?target_session_attrs=read-write` */
  readonly uri: string;
  state(): NodeState[];
  /** Stop a node's keeper and Postgres at once (a crash). */
  crash(nodename: string): void;
  /** Wait until `pred` holds of the formation's state. */
  waitFor(pred: (s: NodeState[]) => boolean, what: string, timeoutMs?: number): Promise<void>;
  destroy(): void;
}

async function sleep(ms: number): Promise<void> {
  await new Promise((r) => setTimeout(r, ms));
}

/** Create the monitor and two nodes; resolves when node_1 is primary and node_2 secondary. */
export async function makeFormation(log: (line: string) => void = () => undefined): Promise<Formation> {
  const root = mkdtempSync(path.join(os.tmpdir(), 'ssj-paf-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    chownSync(root, Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })), 0);
  }
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: path.join(root, 'cfg'),
    XDG_DATA_HOME: path.join(root, 'data'),
  };
  const argv = (args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', 'pg_autoctl', ...args]] : ['pg_autoctl', args];
  const autoctl = (args: string[]): string => {
    const [cmd, a] = argv(args);
    return execFileSync(cmd, a, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  };
  const children: ChildProcess[] = [];
  const background = (args: string[]): void => {
    const [cmd, a] = argv(args);
    const child = spawn(cmd, a, { env, stdio: 'ignore' });
    children.push(child);
  };
  const dir = (name: string): string => path.join(root, name);
  const ports = { monitor: await freePort(), node_1: await freePort(), node_2: await freePort() };
  const psqlMonitor = (sql: string): string =>
    execFileSync(
      'psql',
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(ports.monitor),
        '-U',
        'postgres',
        '-d',
        'pg_auto_failover',
        '-Atqc',
        sql,
      ],
      {
        encoding: 'utf8',
      },
    );

  const common = ['--hostname', '127.0.0.1', '--auth', 'trust', '--no-ssl', '--pgctl', PG_CTL];
  autoctl(['create', 'monitor', '--pgdata', dir('monitor'), '--pgport', String(ports.monitor), ...common]);
  background(['run', '--pgdata', dir('monitor')]);
  const monitorUri = `postgres://autoctl_node@127.0.0.1:${ports.monitor}/pg_auto_failover?sslmode=disable`;

  const formation: Formation = {
    uri: `postgres://postgres@127.0.0.1:${ports.node_1},127.0.0.1:${ports.node_2}/ssj?target_session_attrs=read-write`,
    state() {
      try {
        return JSON.parse(autoctl(['show', 'state', '--pgdata', dir('monitor'), '--json'])) as NodeState[];
      } catch {
        return [];
      }
    },
    crash(nodename) {
      autoctl(['stop', '--pgdata', dir(nodename), '--immediate']);
    },
    async waitFor(pred, what, timeoutMs = 120_000) {
      const until = Date.now() + timeoutMs;
      for (;;) {
        const s = this.state();
        if (pred(s)) {
          return;
        }
        if (Date.now() > until) {
          throw new Error(`pg_auto_failover: ${what} not reached: ${JSON.stringify(s)}`);
        }
        await sleep(500);
      }
    },
    destroy() {
      for (const name of ['node_2', 'node_1', 'monitor']) {
        try {
          autoctl(['stop', '--pgdata', dir(name), '--immediate']);
        } catch {
          // not running
        }
      }
      for (const c of children) {
        c.kill('SIGKILL');
      }
      rmSync(root, { recursive: true, force: true });
    },
  };

  try {
    await formation.waitFor(
      () => {
        try {
          psqlMonitor('SELECT 1');
          return true;
        } catch {
          return false;
        }
      },
      'monitor up',
      60_000,
    );
    // seconds, not the production defaults: a dead primary is detected after ~2 s and, being
    // dead, cannot demote itself, so the monitor waits primary_demote_timeout before promoting
    for (const [k, v] of [
      ['health_check_period', 1000],
      ['health_check_timeout', 1000],
      ['health_check_max_retries', 1],
      ['health_check_retry_delay', 500],
      ['node_considered_unhealthy_timeout', 2000],
      ['primary_demote_timeout', 3000],
    ] as const) {
      psqlMonitor(`ALTER SYSTEM SET pgautofailover.${k} = ${v}`);
    }
    psqlMonitor('SELECT pg_reload_conf()');
    log('monitor up');
    for (const name of ['node_1', 'node_2'] as const) {
      background([
        'create',
        'postgres',
        '--pgdata',
        dir(name),
        '--pgport',
        String(ports[name]),
        '--monitor',
        monitorUri,
        '--dbname',
        'ssj',
        '--name',
        name,
        ...common,
        '--run',
      ]);
      if (name === 'node_1') {
        await formation.waitFor(
          (s) => s.some((n) => n.nodename === 'node_1' && n.current_group_state === 'single'),
          'node_1 single',
        );
        log('node_1 up');
      }
    }
    // the standby's pg_basebackup waits for a checkpoint: ask for it rather than wait minutes
    await formation.waitFor((s) => {
      if (!s.some((n) => n.nodename === 'node_2' && n.current_group_state === 'secondary')) {
        try {
          execFileSync('psql', [
            '-h',
            '127.0.0.1',
            '-p',
            String(ports.node_1),
            '-U',
            'postgres',
            '-d',
            'ssj',
            '-qc',
            'CHECKPOINT',
          ]);
        } catch {
          // not ready yet
        }
        return false;
      }
      return s.some((n) => n.nodename === 'node_1' && n.current_group_state === 'primary');
    }, 'node_1 primary and node_2 secondary');
    log('formation ready');
    return formation;
  } catch (e) {
    formation.destroy();
    throw e;
  }
}
