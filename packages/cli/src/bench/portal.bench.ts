/**
 * The portal under load (issue 17 §6): N targets and their published results in a scratch
 * PostgreSQL database (the search bench's data), the real server on 127.0.0.1, and autocannon
 * offering --rate (500) req/s for --seconds (60) of the public results search, cycling through
 * the four queries people send: a full USCC, a USCC prefix, a 2-character Chinese substring
 * (餐饮) and a rare name. Goal: p99 ≤ 50 ms and no errors. Then EXPLAIN ANALYZE of each
 * statement, to show which index answers it (pg_trgm cannot index 2-character Chinese queries:
 * the stored bigram GIN index does).
 */
import process from 'node:process';
import { buildApp, loadConfig, migrate, openPostgres, queryOne } from '@openssj/server/bench';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { autocannonOffThread } from './autocannon-worker';
import { loadAverage, withDb } from './bench-db';
import { explainPortalSearch, loadData } from './search.bench';

export interface PortalBenchOptions {
  readonly targets: number;
  readonly databaseUrl: string;
  readonly rate?: number;
  readonly seconds?: number;
  readonly log?: (line: string) => void;
}

const GOAL_P99_MS = 50;

/** Run the portal load bench and print its figures. */
export async function benchPortal(opts: PortalBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const rate = opts.rate ?? 500;
  const seconds = opts.seconds ?? 60;
  const dbName = `ssj_bench_portal_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDb(opts.databaseUrl, dbName);
  const database = await openPostgres(url, { poolSize: 10 });
  const app = await buildApp({
    database,
    config: loadConfig({ SSJ_ANON_RATE_PER_MINUTE: '100000' }),
    clock: () => new Date(),
    webDist: null,
  });
  try {
    await migrate(database);
    log(
      `公示门户压测 / portal load bench — PostgreSQL (single node), ${opts.targets.toLocaleString('en-US')} targets; ${rate} req/s offered for ${seconds} s, mixed queries`,
    );
    const t0 = performance.now();
    await loadData(database, url, opts.targets, 5, '/usr/bin/psql');
    const sample = await queryOne(
      database.db,
      sql`SELECT uscc FROM published_results WHERE uscc IS NOT NULL ORDER BY inspection_id LIMIT 1 OFFSET 777`,
      z.object({ uscc: z.string() }),
    );
    const uscc = sample?.uscc ?? '';
    log(`  data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const queries = [
      { label: 'full USCC', q: uscc },
      { label: 'USCC prefix (15)', q: uscc.slice(0, 15) },
      { label: '餐饮', q: '餐饮' },
      { label: 'rare name 鹿鸣', q: '鹿鸣' },
    ];
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const paths = queries.map((c) => `/api/public/results?q=${encodeURIComponent(c.q)}`);
    for (const p of paths) {
      await fetch(`${base}${p}`); // warm the plans and caches
    }
    const r = await autocannonOffThread({
      url: base,
      connections: 32,
      overallRate: rate,
      duration: seconds,
      timeout: 10,
      requests: paths.map((path) => ({ method: 'GET', path })),
    });
    const ok = r.latency.p99 <= GOAL_P99_MS && r.non2xx === 0 && r.errors === 0 && r.timeouts === 0;
    log(
      `  mixed portal search: ${r.requests.average.toFixed(0)} req/s held (offered ${rate}), ${r.requests.total} requests; ` +
        `p50 ${r.latency.p50} ms, p90 ${r.latency.p90} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms; ` +
        `non-2xx ${r.non2xx}, errors ${r.errors}, timeouts ${r.timeouts} ` +
        `(goal ≥ ${rate} req/s, p99 ≤ ${GOAL_P99_MS} ms, 0 errors: ${ok && r.requests.average >= rate * 0.98 ? 'met' : 'NOT met'})  load ${loadAverage()}`,
    );
    for (const c of queries) {
      const n = await explainPortalSearch(database, c, log);
      log(`  ${c.label}: ${n} published results (counted up to the cap)`);
    }
  } finally {
    await app.close();
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}
