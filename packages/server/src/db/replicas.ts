/**
 * Read replicas (issue 17 §1): PostgreSQL streaming replicas named by DATABASE_READ_URLS take the
 * reads of routes that declare `readsFrom: 'replica'` (the public portal, dashboards, exports).
 *
 * - A check every second measures each replica's lag against the primary's WAL position. A replica
 *   that has replayed everything the primary had written is 0 s behind; otherwise its lag is the age
 *   of the last transaction it replayed. Past the bound (SSJ_REPLICA_MAX_LAG_SECONDS) or when it
 *   cannot be reached, reads go to the primary.
 * - A query that finds its replica gone (refused, reset, shut down) is retried on the primary at
 *   once, and the replica is left out until a check finds it back: stopping a replica costs no
 *   request an error.
 * - The choice is made once per request and held in an AsyncLocalStorage scope, which the
 *   Database's `db` getter reads; everything else (writes, sessions, reads that must see the
 *   caller's own write) stays on the primary.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { Db } from './client';

export type ReadSource = 'primary' | 'replica';

/** How fresh the data behind a read is: what the portal shows. */
export interface Freshness {
  readonly source: ReadSource;
  /** Seconds behind the primary (0 on the primary). */
  readonly lagSeconds: number;
  /** Replicas configured, and how many are usable now. */
  readonly replicas: number;
  readonly usable: number;
  /** When the replicas were last checked (null: never, or none configured). */
  readonly checkedAt: Date | null;
}

/** The database chosen for one request's reads. */
export interface ReadChoice {
  readonly db: Db;
  readonly freshness: Freshness;
}

/** The request's read database, set for routes that read from a replica. */
export const readScope = new AsyncLocalStorage<Db>();

interface Replica {
  readonly name: string;
  readonly pool: pg.Pool;
  readonly db: Db;
  /** The pool's own query, without the fall-back to the primary (for the lag check). */
  readonly rawQuery: (text: string) => Promise<pg.QueryResult>;
  up: boolean;
  lagSeconds: number;
}

/** The replicas and the choice between them. */
export interface ReadReplicas {
  /** The replica with the least lag within the bound, else the primary. */
  choose(): ReadChoice;
  /** Measure every replica now (also done every second in the background). */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** Errors that mean the server is gone, not that the query is wrong. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND']);

/** Whether `e` (or an error it wraps: the query layer's, or a pool's) says the connection failed. */
export function isConnectionError(e: unknown): boolean {
  for (let c: unknown = e, depth = 0; c instanceof Error && depth < 5; c = c.cause, depth++) {
    const code = (c as { code?: unknown }).code;
    if (typeof code === 'string' && (CONNECTION_CODES.has(code) || /^(08|57P0)/.test(code))) {
      return true;
    }
    if (/Connection terminated|connection timeout|timeout exceeded when trying to connect/i.test(c.message)) {
      return true;
    }
  }
  return false;
}

/**
 * A hot standby cancels a read that conflicts with the WAL it replays (SQLSTATE 40001, "canceling
 * statement due to conflict with recovery"): the same read succeeds on the primary.
 */
export function isRecoveryConflict(e: unknown): boolean {
  return (
    (e as { code?: unknown } | null)?.code === '40001' &&
    /conflict with recovery/i.test(String((e as Error).message))
  );
}

/** An LSN such as `0/3000148` as a number of bytes. */
function lsnBytes(lsn: string): bigint {
  const [hi = '0', lo = '0'] = lsn.split('/');
  return (BigInt(`0x${hi}`) << 32n) + BigInt(`0x${lo}`);
}

/** The URL without its password, for logs. */
export function safeUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@]*@/, '//$1:***@');
}

/**
 * A replica pool whose queries and connections fall back to the primary when the replica is gone,
 * marking it down.
 */
function replicaPool(url: string, primary: pg.Pool, down: () => void): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 2000 });
  // An idle client whose server went away emits 'error' on the pool: not a crash.
  pool.on('error', down);
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  const connect = pool.connect.bind(pool) as (...args: unknown[]) => Promise<pg.PoolClient> | undefined;
  const primaryQuery = primary.query.bind(primary) as (...args: unknown[]) => Promise<unknown>;
  Object.assign(pool, {
    query: (...args: unknown[]) =>
      query(...args).catch((e: unknown) => {
        if (isRecoveryConflict(e)) {
          return primaryQuery(...args); // the replica is fine; this read lost to its replay
        }
        if (!isConnectionError(e)) {
          throw e;
        }
        down();
        return primaryQuery(...args);
      }),
    connect: (...args: unknown[]) => {
      if (args.length > 0) {
        return connect(...args); // the callback form, which pool.query uses: its own fall-back covers it
      }
      return (connect() as Promise<pg.PoolClient>).catch((e: unknown) => {
        if (!isConnectionError(e)) {
          throw e;
        }
        down();
        return primary.connect();
      });
    },
  });
  return pool;
}

export interface ReplicaOptions {
  readonly urls: readonly string[];
  readonly maxLagSeconds: number;
  /** Wrap a pool in the query layer (client.ts's drizzle call). */
  readonly wrap: (pool: pg.Pool) => Db;
  /** How often to measure the lag; 0: only when check() is called. */
  readonly checkEveryMs?: number;
  readonly onChange?: (line: string) => void;
}

/** Open the replicas; the first check has run when this resolves. */
export async function openReplicas(
  primary: pg.Pool,
  primaryDb: Db,
  opts: ReplicaOptions,
): Promise<ReadReplicas> {
  const replicas: Replica[] = opts.urls.map((url) => {
    const r: Replica = {
      name: safeUrl(url),
      pool: undefined as unknown as pg.Pool,
      db: undefined as unknown as Db,
      rawQuery: undefined as unknown as Replica['rawQuery'],
      up: false,
      lagSeconds: Number.POSITIVE_INFINITY,
    };
    const pool = replicaPool(url, primary, () => {
      if (r.up) {
        opts.onChange?.(
          `只读副本不可用，读取改走主库 / replica ${r.name} unreachable: reads go to the primary`,
        );
      }
      r.up = false;
    });
    const raw = pg.Pool.prototype.query.bind(pool) as (text: string) => Promise<pg.QueryResult>;
    Object.assign(r, { pool, db: opts.wrap(pool), rawQuery: raw });
    return r;
  });
  let checkedAt: Date | null = null;
  let checking: Promise<void> | null = null;

  async function measure(r: Replica, primaryLsn: bigint): Promise<void> {
    const wasUp = r.up;
    try {
      const res = await r.rawQuery(
        `SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS lsn,
                extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 AS age`,
      );
      const row = res.rows[0] as { standby: boolean; lsn: string | null; age: number | null };
      if (!row.standby || row.lsn === null) {
        r.up = false; // promoted, or not a replica of anything: not a read target
      } else {
        r.up = true;
        r.lagSeconds = lsnBytes(row.lsn) >= primaryLsn ? 0 : Math.max(0, row.age ?? Number.POSITIVE_INFINITY);
      }
    } catch {
      r.up = false;
    }
    if (wasUp !== r.up) {
      opts.onChange?.(
        r.up
          ? `只读副本可用 / replica ${r.name} up (lag ${r.lagSeconds.toFixed(1)} s)`
          : `只读副本不可用 / replica ${r.name} down`,
      );
    }
  }

  async function check(): Promise<void> {
    checking ??= (async () => {
      try {
        const p = await primary.query('SELECT pg_current_wal_lsn()::text AS lsn');
        const primaryLsn = lsnBytes((p.rows[0] as { lsn: string }).lsn);
        await Promise.all(replicas.map((r) => measure(r, primaryLsn)));
        checkedAt = new Date();
      } catch {
        // the primary is unreachable: leave the last measure; writes will report it
      } finally {
        checking = null;
      }
    })();
    return checking;
  }

  await check();
  const timer =
    (opts.checkEveryMs ?? 1000) > 0 ? setInterval(() => void check(), opts.checkEveryMs ?? 1000) : null;
  timer?.unref();

  return {
    choose() {
      const usable = replicas.filter((r) => r.up && r.lagSeconds <= opts.maxLagSeconds);
      const best = usable.sort((a, b) => a.lagSeconds - b.lagSeconds)[0];
      const base = { replicas: replicas.length, usable: usable.length, checkedAt };
      return best === undefined
        ? { db: primaryDb, freshness: { source: 'primary', lagSeconds: 0, ...base } }
        : { db: best.db, freshness: { source: 'replica', lagSeconds: best.lagSeconds, ...base } };
    },
    check,
    async close() {
      if (timer !== null) {
        clearInterval(timer);
      }
      await checking;
      await Promise.all(replicas.map((r) => r.pool.end()));
    },
  };
}
