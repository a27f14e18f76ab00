/**
 * Name and USCC search bench (issue 18, part 1): N targets and their published results in a
 * scratch PostgreSQL database, the real server on 127.0.0.1, and autocannon offering a fixed
 * rate to the staff search (/api/targets?q=) and the portal search (/api/public/results?q=)
 * for 餐饮, 有限, a rare name, a full USCC and a USCC prefix; then EXPLAIN ANALYZE of each
 * statement behind them. Bounded in time; the scratch database is dropped at the end.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import autocannon from 'autocannon';
import {
  hashPassword,
  loadConfig,
  openPostgres,
  type Database,
  migrate,
  countPublishedSql,
  publishedPageSql,
  PORTAL_SORT_MATCHES_MAX as PORTAL_SORT_MAX,
  PORTAL_COUNT_CAP,
  TARGET_SORT_MATCHES_MAX as STAFF_SORT_MAX,
  searchTargetsSql,
  users,
  queryOne,
  queryRows,
  buildApp,
  publicResultFilter,
} from '@openssj/server/bench';
import { sql, type SQL } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { writeCopyCsv } from './target-bench-data';
import { loadAverage, psqlCopyTargets, withDb } from './bench-db';

export interface SearchBenchOptions {
  readonly targets: number;
  readonly databaseUrl: string;
  /** One target in this many has a published result (default 5). */
  readonly publishEvery?: number;
  /** Requests per second offered to each case (default 100). */
  readonly rate?: number;
  /** Seconds per case (default 10). */
  readonly seconds?: number;
  readonly psql?: string;
  readonly log?: (line: string) => void;
}

/** The p99 goal of every case, in ms. */
const GOAL_P99_MS = 100;
const BENCH_PASSWORD = 'bench-Search-2026';
export const RARE_NAME = '渝北区鹿鸣山居茶舍';

/** Targets by `\copy` (gram index built after), published results for one target in `every`, a staff user. */
export async function loadData(
  database: Database,
  url: string,
  n: number,
  every: number,
  psql: string,
): Promise<void> {
  const db = database.db;
  const dir = mkdtempSync(path.join(tmpdir(), 'ssj-bench-search-'));
  try {
    const copyPath = path.join(dir, 'targets.csv');
    await writeCopyCsv(copyPath, 0, n);
    await db.execute(sql`DROP INDEX targets_name_grams_idx`);
    await psqlCopyTargets(psql, url, copyPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await db.execute(
    sql`INSERT INTO targets (id, type, name, division_code, status) VALUES ('RARE-0001', '企业', ${RARE_NAME}, '500112', '在营')`,
  );
  await db.execute(sql`CREATE INDEX targets_name_grams_idx ON targets USING gin (name_grams)`);
  await db.execute(
    sql`INSERT INTO regions (code, name, full_name, level, parent_code) VALUES ('500000', '重庆市', '重庆市', 'province', NULL)`,
  );
  await db.execute(
    sql`INSERT INTO departments (code, name, short_name, region_code) VALUES ('500000-SCJG', '重庆市市场监督管理局', '市场监管', '500000')`,
  );
  await db.execute(sql`INSERT INTO plans (id, department_code, year, title, status, published_at)
    VALUES ('00000000-0000-4000-9000-000000000001', '500000-SCJG', 2026, '2026 年度抽查计划', 'published', timestamptz '2026-01-15 02:00+00')`);
  await db.execute(sql`INSERT INTO tasks (id, plan_id, lead_department_code, title, scope, strata, window_start, window_end, quota, status, results_published_at)
    SELECT 'T-S-' || lpad(i::text, 4, '0'), '00000000-0000-4000-9000-000000000001', '500000-SCJG', '抽查任务' || i, '{}',
      '[{"name":"all","tiers":null,"ratio":"0.05","min":0,"max":null}]', date '2026-01-05' + i, date '2026-01-05' + i + 30, '{}', 'published', NULL
    FROM generate_series(1, 200) i`);
  await db.execute(sql`INSERT INTO draws (id, task_id, status, frozen_at, drawn_at, strata, frame_exclusion_counts, pool_digest, pair_exclusions_digest)
    SELECT 'D' || substr(k.id, 2), k.id, 'drawn', k.window_start::timestamptz, k.window_start::timestamptz, '[]', '{}', 'x', 'x' FROM tasks k`);
  // Bulk load: the triggers are bypassed (a superuser setting) and published_results is filled
  // by the same INSERT … SELECT as the migration's backfill.
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(sql`INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status, visited_at, published_at)
      SELECT 'T-S-' || lpad((1 + x.rn % 200)::text, 4, '0'), 'D-S-' || lpad((1 + x.rn % 200)::text, 4, '0'), x.id, 2026, ARRAY['P1', 'P2'], 'published',
        timestamptz '2026-01-10 02:00+00' + (x.rn % 300) * interval '1 day', timestamptz '2026-01-20 02:00+00' + x.rn * interval '13 seconds'
      FROM (SELECT id, row_number() OVER (ORDER BY id) AS rn FROM targets WHERE abs(hashtext(id)) % ${every}::int = 0 OR id = 'RARE-0001') x`);
    await tx.execute(sql`INSERT INTO published_results (inspection_id, published_at, task_id, target_id, target_name, uscc)
      SELECT i.id, i.published_at, i.task_id, i.target_id, t.name, t.uscc FROM inspections i JOIN targets t ON t.id = i.target_id
      WHERE i.status = 'published' AND i.published_at IS NOT NULL`);
  });
  await db.insert(users).values({
    username: 'bench',
    displayName: '压测',
    departmentCode: '500000-SCJG',
    roles: ['system_admin'],
    passwordHash: await hashPassword(BENCH_PASSWORD),
  });
  await db.execute(sql`VACUUM ANALYZE`);
}

async function login(base: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench', password: BENCH_PASSWORD }),
  });
  const sid = /ssj_sid=([^;]+)/.exec(res.headers.get('set-cookie') ?? '')?.[1];
  if (res.status !== 200 || sid === undefined) {
    throw new Error(`bench login failed: ${res.status} ${await res.text()}`);
  }
  return `ssj_sid=${sid}`;
}

/** Print EXPLAIN (ANALYZE, BUFFERS) of `q`. */
export async function explain(
  database: Database,
  label: string,
  q: SQL,
  log: (l: string) => void,
  sortOff = false,
): Promise<void> {
  const plan = await database.db.transaction(async (tx) => {
    if (sortOff) {
      await tx.execute(sql`SET LOCAL enable_sort = off`);
    }
    return queryRows(tx, sql`EXPLAIN (ANALYZE, BUFFERS) ${q}`, z.object({ 'QUERY PLAN': z.string() }));
  });
  log(`  EXPLAIN ANALYZE ${label}:`);
  for (const p of plan) {
    log(`    ${p['QUERY PLAN']}`);
  }
}

const countRow = z.object({ n: z.number() });

/**
 * EXPLAIN the portal search's two statements for `c.q`, the page as the service picks it (fetched
 * whole and sorted only when the count is exact and small); returns the count.
 */
export async function explainPortalSearch(
  database: Database,
  c: { readonly label: string; readonly q: string },
  log: (l: string) => void,
): Promise<number> {
  const f = publicResultFilter(c.q, undefined);
  const n = (await queryOne(database.db, countPublishedSql(f), countRow))?.n ?? 0;
  await explain(database, `portal ${c.label}: count`, countPublishedSql(f), log);
  await explain(
    database,
    `portal ${c.label}: page`,
    publishedPageSql(f, 21, undefined, n <= PORTAL_COUNT_CAP && n <= PORTAL_SORT_MAX),
    log,
  );
  return n;
}

/** Run the search bench and print its figures. */
export async function benchSearch(opts: SearchBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const n = opts.targets;
  const every = opts.publishEvery ?? 5;
  const rate = opts.rate ?? 100;
  const seconds = opts.seconds ?? 10;
  const dbName = `ssj_bench_search_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDb(opts.databaseUrl, dbName);
  const database = await openPostgres(url, { poolSize: 10 });
  const app = await buildApp({
    database,
    // autocannon offers more than a visitor may send: the portal's anonymous limit is lifted here
    config: loadConfig({ SSJ_LOGIN_RATE_PER_MINUTE: '1000', SSJ_ANON_RATE_PER_MINUTE: '100000' }),
    clock: () => new Date(),
    webDist: null,
  });
  try {
    await migrate(database);
    log(
      `名称与信用代码检索 bench / name and USCC search bench — PostgreSQL, ${n.toLocaleString('en-US')} targets, one in ${every} with a published result; ${rate} req/s offered for ${seconds} s per case`,
    );
    const t0 = performance.now();
    await loadData(database, url, n, every, opts.psql ?? '/usr/bin/psql');
    const sample = await queryOne(
      database.db,
      sql`SELECT uscc FROM published_results WHERE uscc IS NOT NULL ORDER BY inspection_id LIMIT 1 OFFSET 1234`,
      z.object({ uscc: z.string() }),
    );
    const published = await queryOne(
      database.db,
      sql`SELECT count(*)::int AS n FROM published_results`,
      countRow,
    );
    log(
      `  data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s: ${(published?.n ?? 0).toLocaleString('en-US')} published results`,
    );
    const uscc = sample?.uscc ?? '';
    const cases = [
      { label: '餐饮 (common)', q: '餐饮' },
      { label: '有限 (very common)', q: '有限' },
      { label: '鹿鸣 (rare name)', q: '鹿鸣' },
      { label: 'full USCC', q: uscc },
      { label: 'USCC prefix (15)', q: uscc.slice(0, 15) },
    ];
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const base = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const cookie = await login(base);
    const surfaces = [
      {
        name: 'staff ',
        path: (q: string) => `/api/targets?q=${encodeURIComponent(q)}&page=1&pageSize=20`,
        headers: { cookie },
      },
      { name: 'portal', path: (q: string) => `/api/public/results?q=${encodeURIComponent(q)}`, headers: {} },
    ];
    let met = 0;
    for (const s of surfaces) {
      for (const c of cases) {
        const warm = await fetch(`${base}${s.path(c.q)}`, { headers: s.headers });
        const body = z.object({ total: z.number(), totalExact: z.boolean() }).safeParse(await warm.json());
        const found = body.success
          ? `${body.data.total}${body.data.totalExact ? '' : '+'}`
          : `HTTP ${warm.status}`;
        const r = await autocannon({
          url: `${base}${s.path(c.q)}`,
          connections: 10,
          overallRate: rate,
          duration: seconds,
          timeout: 10,
          headers: s.headers,
        });
        const ok = r.latency.p99 <= GOAL_P99_MS && r.non2xx === 0 && r.errors === 0;
        met += ok ? 1 : 0;
        log(
          `  ${s.name} ${c.label.padEnd(20)} found ${found.padStart(7)}  ${r.requests.average.toFixed(0).padStart(4)} req/s  p50 ${r.latency.p50.toFixed(0).padStart(5)} ms  p99 ${r.latency.p99.toFixed(0).padStart(5)} ms  non-2xx ${r.non2xx} errors ${r.errors}  (goal p99 ≤ ${GOAL_P99_MS} ms: ${ok ? 'met' : 'NOT met'})  load ${loadAverage()}`,
        );
      }
    }
    log(`  ${met} of ${surfaces.length * cases.length} cases met the goal`);
    // The statements behind each request, as the services choose them (few matches: fetched
    // whole and sorted; many: walked along the order index with sorting off).
    for (const c of cases) {
      const staff = searchTargetsSql({ q: c.q }, 20, 0);
      const sn = (await queryOne(database.db, staff.count, countRow))?.n ?? 0;
      await explain(database, `staff ${c.label}: count`, staff.count, log);
      const many = sn > STAFF_SORT_MAX;
      await explain(database, `staff ${c.label}: page`, many ? staff.manyPage : staff.fewPage, log, many);
      await explainPortalSearch(database, c, log);
    }
  } finally {
    await app.close();
    await database.close();
    if (process.env['SSJ_BENCH_KEEP'] === undefined) {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    } else {
      log(`  kept database ${dbName} (SSJ_BENCH_KEEP)`);
    }
    await admin.end();
  }
}
