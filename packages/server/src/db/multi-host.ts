/**
 * Multi-host PostgreSQL URLs for automatic failover (issue 17 §2), which node-postgres does not
 * parse: `postgres://user@h1:5432,h2:5432/db?target_session_attrs=read-write`, as libpq and
 * `pg_autoctl show uri` write them. Each new pooled connection tries the hosts in turn, starting
 * with the one that answered last, and with `read-write` takes only a server that is not in
 * recovery: after pg_auto_failover promotes the standby, new connections find it. Connections
 * to the old primary fail and leave the pool; a request caught by the switch gets a 503 and is
 * retried by its caller.
 */
import pg from 'pg';

export interface HostPort {
  readonly host: string;
  readonly port: number;
}

export interface MultiHostUrl {
  readonly hosts: readonly HostPort[];
  /** The URL with only the first host, for everything else in it (user, database, options). */
  readonly firstUrl: string;
  /** The URL with only host `h`. */
  urlOf(h: HostPort): string;
  readonly readWrite: boolean;
}

/** Parse a multi-host URL; null when it names one host (node-postgres handles those itself). */
export function parseMultiHost(url: string): MultiHostUrl | null {
  const m = /^(postgres(?:ql)?:\/\/(?:[^@/]*@)?)([^/?]+)(.*)$/.exec(url);
  if (m === null || !(m[2] ?? '').includes(',')) {
    return null;
  }
  const hosts = (m[2] ?? '').split(',').map((hp) => {
    const i = hp.lastIndexOf(':');
    const host = i > 0 && !hp.endsWith(']') ? hp.slice(0, i) : hp;
    const port = i > 0 && !hp.endsWith(']') ? Number(hp.slice(i + 1)) : 5432;
    return { host: host.replace(/^\[|\]$/g, ''), port };
  });
  const rest = m[3] ?? '';
  const q = rest.indexOf('?');
  const params = new URLSearchParams(q >= 0 ? rest.slice(q + 1) : '');
  const readWrite =
    params.get('target_session_attrs') === 'read-write' || params.get('target_session_attrs') === 'primary';
  params.delete('target_session_attrs');
  const query = params.toString();
  const urlOf = (h: HostPort): string =>
    `${m[1] ?? ''}${h.host.includes(':') ? `[${h.host}]` : h.host}:${h.port}${q >= 0 ? rest.slice(0, q) : rest}${query === '' ? '' : `?${query}`}`;
  return { hosts, readWrite, firstUrl: urlOf(hosts[0] ?? { host: 'localhost', port: 5432 }), urlOf };
}

type Callback = ((err: Error) => void) | ((err: null, c: pg.Client) => void);

/** A pg.Client class that connects to the first suitable host of `target`. */
export function multiHostClient(target: MultiHostUrl): typeof pg.Client {
  let preferred = 0;
  class MultiHostClient extends pg.Client {
    private async pick(): Promise<HostPort> {
      const problems: string[] = [];
      for (let k = 0; k < target.hosts.length; k++) {
        const i = (preferred + k) % target.hosts.length;
        const h = target.hosts[i] as HostPort;
        const probe = new pg.Client({ connectionString: target.urlOf(h), connectionTimeoutMillis: 3000 });
        try {
          await probe.connect();
          const r = await probe.query<{ ro: boolean }>('SELECT pg_is_in_recovery() AS ro');
          if (target.readWrite && r.rows[0]?.ro === true) {
            problems.push(`${h.host}:${h.port} is read-only`);
            continue;
          }
          preferred = i;
          return h;
        } catch (e) {
          problems.push(`${h.host}:${h.port}: ${e instanceof Error ? e.message : String(e)}`);
        } finally {
          await probe.end().catch(() => undefined);
        }
      }
      throw Object.assign(
        new Error(`no ${target.readWrite ? 'read-write ' : ''}server answered: ${problems.join('; ')}`),
        { code: 'ECONNREFUSED' },
      );
    }

    override connect(): Promise<pg.Client>;
    override connect(callback: Callback): void;
    override connect(callback?: Callback): Promise<pg.Client> | void {
      const done = this.pick().then((h) => {
        const self = this as unknown as { host: string; port: number; connectionParameters: HostPort };
        self.host = h.host;
        self.port = h.port;
        Object.assign(self.connectionParameters, { host: h.host, port: h.port });
        return super.connect();
      });
      if (callback === undefined) {
        return done;
      }
      const cb = callback as (err: Error | null, c?: pg.Client) => void;
      done.then(
        (c) => cb(null, c),
        (e: unknown) => cb(e instanceof Error ? e : new Error(String(e))),
      );
    }
  }
  return MultiHostClient;
}

/** Pool options for `url`: a multi-host URL gets the failover client. */
export function poolConfigOf(url: string): pg.PoolConfig {
  const multi = parseMultiHost(url);
  return multi === null
    ? { connectionString: url }
    : { connectionString: multi.firstUrl, Client: multiHostClient(multi) };
}
