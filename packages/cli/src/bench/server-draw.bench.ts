/**
 * Server draw bench (issue 14, server part; issue 18 part 3): an N-target task drawn through the
 * HTTP API on PostgreSQL — freeze (frames written set-based, then streamed out by COPY and checked),
 * commit (streamed and digested again), run (streamed through the draw engine's scanner; the
 * record built in core) — with wall time, event-loop delay p50/p99/max and RSS per step, beside
 * `sha256sum` of the frame file the public downloads. The scratch database is dropped at the end.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { defaultChecklistForm } from '@openssj/core';
import {
  setCompiledDrawWorker,
  buildApp,
  hashPassword,
  loadConfig,
  migrate,
  openPostgres,
  users,
  type Database,
} from '@openssj/server/bench';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { writeCopyCsv } from './target-bench-data';
import { loadAverage, psqlCopyTargets, withDb } from './bench-db';

export interface ServerDrawBenchOptions {
  readonly targets: number;
  readonly databaseUrl: string;
  /** Inspectors in the pool (default 300). */
  readonly pool?: number;
  /** The stratum's ratio (default 0.01: 1 % of the targets). */
  readonly ratio?: string;
  readonly psql?: string;
  readonly log?: (line: string) => void;
}

const DEPT = '500000-SCJG';
const PASSWORD = 'bench-Draw-2026';
const DICE = '31415926535897932384626433832795';

/** Run f while a 5 ms timer measures how late its ticks come (a blocked loop shows as one long gap). */
async function sampled<T>(
  f: () => Promise<T>,
): Promise<{ value: T; ms: number; p50: number; p99: number; max: number; rssMiB: number }> {
  const gaps: number[] = [];
  let last = performance.now();
  let rss = process.memoryUsage.rss();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(Math.max(0, now - last - 5));
    last = now;
    rss = Math.max(rss, process.memoryUsage.rss());
  }, 5);
  const t = performance.now();
  const value = await f();
  const ms = performance.now() - t;
  clearInterval(timer);
  gaps.sort((a, b) => a - b);
  const q = (p: number): number => gaps[Math.min(gaps.length - 1, Math.floor((gaps.length * p) / 100))] ?? 0;
  return { value, ms, p50: q(50), p99: q(99), max: gaps.at(-1) ?? 0, rssMiB: rss / 2 ** 20 };
}

/** Targets by `\copy`, a department with a pool, an item, its administrator and leader. */
async function loadData(
  database: Database,
  url: string,
  n: number,
  pool: number,
  psql: string,
): Promise<void> {
  const db = database.db;
  const dir = mkdtempSync(path.join(tmpdir(), 'ssj-bench-draw-'));
  try {
    const copyPath = path.join(dir, 'targets.csv');
    await writeCopyCsv(copyPath, 0, n);
    await psqlCopyTargets(psql, url, copyPath);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await db.execute(
    sql`INSERT INTO regions (code, name, full_name, level, parent_code) VALUES ('500000', '重庆市', '重庆市', 'province', NULL)`,
  );
  await db.execute(
    sql`INSERT INTO departments (code, name, short_name, region_code) VALUES (${DEPT}, '重庆市市场监督管理局', '市场监管', '500000')`,
  );
  await db.execute(sql`INSERT INTO inspectors (id, badge_no, name, department_code, region_code)
    SELECT 'P' || lpad(i::text, 5, '0'), 'P' || lpad(i::text, 5, '0'), '检查员' || i, ${DEPT}, '500000'
    FROM generate_series(1, ${pool}::int) i`);
  await db.execute(
    sql`INSERT INTO inspection_items (id, department_code, code, published) VALUES ('00000000-0000-4000-9000-00000000b001', ${DEPT}, 'BENCH-1', true)`,
  );
  const guideline = {
    whatToCheck: '经营资质',
    how: '现场检查',
    legalBasis: '《食品安全法》',
    form: defaultChecklistForm(),
  };
  await db.execute(sql`INSERT INTO inspection_item_versions (item_id, version, effective_from, name, priority, ratio_cap, legal_basis, method, guideline)
    VALUES ('00000000-0000-4000-9000-00000000b001', 1, '2026-01-01', '食品经营许可情况检查', 'general', '0.05', '《中华人民共和国食品安全法》第一百一十条', 'onsite', ${JSON.stringify(guideline)}::jsonb)`);
  const passwordHash = await hashPassword(PASSWORD);
  await db.insert(users).values([
    {
      username: 'bench_admin',
      displayName: '压测管理员',
      departmentCode: DEPT,
      roles: ['dept_admin'],
      passwordHash,
    },
    {
      username: 'bench_leader',
      displayName: '压测领导',
      departmentCode: DEPT,
      roles: ['leader'],
      passwordHash,
    },
  ]);
  await db.execute(sql`VACUUM ANALYZE`);
}

type App = Awaited<ReturnType<typeof buildApp>>;

async function session(app: App, username: string): Promise<Record<string, string>> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username, password: PASSWORD },
  });
  const sid = res.cookies.find((c) => c.name === 'ssj_sid')?.value;
  const csrf = (res.json<{ csrfToken?: string }>().csrfToken ?? '') || '';
  if (res.statusCode !== 200 || sid === undefined) {
    throw new Error(`bench login failed: ${res.statusCode} ${res.body}`);
  }
  return { cookie: `ssj_sid=${sid}`, 'x-csrf-token': csrf };
}

async function call<T>(
  app: App,
  headers: Record<string, string>,
  method: 'GET' | 'POST',
  url: string,
  payload?: object,
): Promise<T> {
  const res = await app.inject({
    method,
    url,
    headers,
    ...(payload === undefined ? {} : { payload: { ...payload } }),
  });
  if (res.statusCode >= 300) {
    throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
  }
  return res.json<T>();
}

/** Run the bench and print its figures. */
export async function benchServerDraw(opts: ServerDrawBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const n = opts.targets;
  const dbName = `ssj_bench_draw_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDb(opts.databaseUrl, dbName);
  const database = await openPostgres(url, { poolSize: 4 });
  if (import.meta.url.endsWith('.mjs')) {
    // compiled `ssj bench`: the worker beside this chunk, as `ssj serve` does
    setCompiledDrawWorker(new URL('./server-draw-worker.mjs', import.meta.url));
  }
  const app = await buildApp({
    database,
    config: loadConfig({ SSJ_LOGIN_RATE_PER_MINUTE: '1000' }),
    clock: () => new Date('2026-03-02T02:00:00Z'),
    webDist: null,
  });
  try {
    await migrate(database);
    log(
      `摇号 bench / server draw through the API — PostgreSQL, ${n.toLocaleString('en-US')} targets · load ${loadAverage()}`,
    );
    const t0 = performance.now();
    await loadData(database, url, n, opts.pool ?? 300, opts.psql ?? '/usr/bin/psql');
    log(`  data loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const adminS = await session(app, 'bench_admin');
    const leaderS = await session(app, 'bench_leader');
    const plan = await call<{ id: string }>(app, adminS, 'POST', '/api/plans', {
      year: 2026,
      title: '2026 年度抽查计划',
    });
    const task = await call<{ id: string }>(app, adminS, 'POST', `/api/plans/${plan.id}/tasks`, {
      title: '全市食品经营抽查',
      itemIds: ['00000000-0000-4000-9000-00000000b001'],
      scope: { divisions: ['500000'] },
      strata: [{ name: 'all', tiers: null, ratio: opts.ratio ?? '0.01' }],
      windowStart: '2026-03-02',
      windowEnd: '2026-06-30',
    });
    await call(app, adminS, 'POST', `/api/plans/${plan.id}/actions`, { action: 'submit' });
    await call(app, leaderS, 'POST', `/api/plans/${plan.id}/actions`, { action: 'approve' });

    const steps: [string, Awaited<ReturnType<typeof sampled>>][] = [];
    const freeze = await sampled(() =>
      call<{ id: string; strata: { frameSize: number; sampleSize: number }[] }>(
        app,
        adminS,
        'POST',
        `/api/tasks/${task.id}/draws`,
        {},
      ),
    );
    steps.push(['freeze (frames, pool, pairs; COPY out, §4 checks, digest)', freeze]);
    const drawId = freeze.value.id;
    steps.push([
      'commit (COPY out, checks, digest, commitment)',
      await sampled(() => call(app, adminS, 'POST', `/api/draws/${drawId}/commit`, { seedSource: 'dice' })),
    ]);
    steps.push([
      'run (COPY out through the scanner; assignment; inspections)',
      await sampled(() => call(app, adminS, 'POST', `/api/draws/${drawId}/run`, { seed: DICE })),
    ]);
    const frame = await sampled(async () => {
      const res = await app.inject({ method: 'GET', url: `/api/public/draws/${drawId}/frames/all` });
      return res.rawPayload;
    });
    steps.push(['public frame download (GET …/frames/all)', frame]);
    const s = freeze.value.strata[0];
    log(
      `  frame ${(s?.frameSize ?? 0).toLocaleString('en-US')} lines (${(frame.value.length / 1e6).toFixed(1)} MB), sample ${(s?.sampleSize ?? 0).toLocaleString('en-US')}, pool ${opts.pool ?? 300}`,
    );
    for (const [name, r] of steps) {
      log(
        `  ${name.padEnd(60)} ${(r.ms / 1000).toFixed(2).padStart(6)} s · event-loop delay p50 ${r.p50.toFixed(1)} ms, p99 ${r.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms · RSS ≤ ${r.rssMiB.toFixed(0)} MiB`,
      );
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'ssj-bench-draw-'));
    try {
      const file = path.join(dir, 'frame.txt');
      writeFileSync(file, frame.value);
      const t = performance.now();
      execFileSync('sha256sum', [file]);
      log(
        `  sha256sum of the same frame file: ${(performance.now() - t).toFixed(0)} ms · load ${loadAverage()}`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    await app.close();
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
  }
}
