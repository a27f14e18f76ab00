/**
 * Dashboard bench (issue 6: 1 M inspections aggregated in ≤ 1 s on PostgreSQL): loads N synthetic
 * inspections (with results, follow-ups, joint tasks across 20 departments of 4 districts) into a
 * scratch database, then times the dashboard metrics, a drill-down page, the evaluation report and
 * the fairness monitor through the services the API uses. The scratch database is dropped at the end.
 */
import process from 'node:process';
import {
  type Actor,
  loadConfig,
  openPostgres,
  migrate,
  rebuildRollups,
  rollupDrift,
  queryRows,
  type ServiceDeps,
  evaluationReport,
  fairnessReport,
  dashboardRecords,
  dashboardMetrics,
} from '@openssj/server/bench';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { withDb } from './bench-db';

export interface DashboardBenchOptions {
  readonly inspections: number;
  readonly databaseUrl: string;
  readonly log?: (line: string) => void;
}

const ms = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ms`;
const AUDITOR: Actor = {
  userId: 'bench',
  username: 'bench',
  displayName: 'bench',
  departmentCode: '500000-SCJG',
  regionCode: '500000',
  roles: ['auditor'],
  sessionId: 'bench',
};

/** Run the dashboard bench and print its figures. */
export async function benchDashboard(opts: DashboardBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const n = opts.inspections;
  const tasksN = Math.max(20, Math.round(n / 1000));
  const targetsN = Math.max(1000, Math.round(n / 2));
  const dbName = `ssj_bench_dash_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const database = await openPostgres(withDb(opts.databaseUrl, dbName), { poolSize: 4 });
  try {
    await migrate(database);
    const db = database.db;
    log(
      `统计分析 bench / dashboard bench — PostgreSQL, ${n.toLocaleString('en-US')} inspections, ${tasksN.toLocaleString('en-US')} tasks, ${targetsN.toLocaleString('en-US')} targets`,
    );
    let t0 = performance.now();
    await db.execute(sql`INSERT INTO regions (code, name, full_name, level, parent_code) VALUES ('500000', '重庆市', '重庆市', 'province', NULL),
      ('500112', '渝北区', '重庆市渝北区', 'district', '500000'), ('500103', '渝中区', '重庆市渝中区', 'district', '500000'),
      ('500105', '江北区', '重庆市江北区', 'district', '500000'), ('500106', '沙坪坝区', '重庆市沙坪坝区', 'district', '500000')`);
    await db.execute(sql`INSERT INTO departments (code, name, short_name, region_code)
      SELECT r || '-' || k, r || k, k, r FROM unnest(ARRAY['500112','500103','500105','500106']) r, unnest(ARRAY['SCJG','MZ','WJ','HB','XF']) k
      UNION ALL SELECT '500000-SCJG', '市场监管局', '市场监管', '500000'`);
    await db.execute(sql`INSERT INTO inspection_items (id, department_code, code, published)
      SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, d.code, 'B' || i, true
      FROM (SELECT code, row_number() OVER (ORDER BY code) AS rn FROM departments WHERE code <> '500000-SCJG') d, generate_series(1, 12) g,
      LATERAL (SELECT (d.rn * 100 + g) AS i) x`);
    await db.execute(sql`INSERT INTO plans (id, department_code, year, title, status, published_at)
      SELECT ('00000000-0000-4000-9000-' || lpad(to_hex(rn::int), 12, '0'))::uuid, code, 2026, code || ' 2026', 'published', timestamptz '2026-01-15 02:00+00'
      FROM (SELECT code, row_number() OVER (ORDER BY code) AS rn FROM departments) d`);
    await db.execute(sql`INSERT INTO targets (id, type, name, division_code, status)
      SELECT 'BT' || lpad(i::text, 8, '0'), '企业', '看板测试' || i, (ARRAY['500112','500103','500105','500106'])[1 + i % 4], '在营' FROM generate_series(1, ${targetsN}) i`);
    await db.execute(sql`WITH d AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM departments WHERE code <> '500000-SCJG')
      INSERT INTO tasks (id, plan_id, lead_department_code, title, scope, strata, window_start, window_end, quota, status, results_published_at)
      SELECT 'T-B-' || lpad(i::text, 6, '0'), p.id, d.code, '任务' || i, '{}', '[{"name":"all","tiers":null,"ratio":"0.05","min":0,"max":null}]',
        date '2026-01-05' + (i % 300), date '2026-01-05' + (i % 300) + 30, '{}', 'published',
        CASE WHEN i % 5 = 0 THEN NULL ELSE (date '2026-01-05' + (i % 300) + 30 + (i % 40))::timestamptz END
      FROM generate_series(1, ${tasksN}) i JOIN d ON d.k = i % 20 JOIN plans p ON p.department_code = d.code`);
    // every fourth task is joint with the next department of its district
    await db.execute(sql`INSERT INTO task_participants (task_id, department_code, status)
      SELECT k.id, CASE WHEN k.lead_department_code LIKE '%-SCJG' THEN left(k.lead_department_code, 6) || '-MZ' ELSE left(k.lead_department_code, 6) || '-SCJG' END, 'accepted'
      FROM tasks k WHERE right(k.id, 1) IN ('0', '4')`);
    await db.execute(sql`INSERT INTO task_items (task_id, item_id, item_version, department_code)
      SELECT k.id, it.id, 1, it.department_code FROM tasks k JOIN LATERAL (SELECT id, department_code FROM inspection_items WHERE department_code = k.lead_department_code ORDER BY code LIMIT 3) it ON true`);
    await db.execute(sql`INSERT INTO draws (id, task_id, status, frozen_at, drawn_at, strata, frame_exclusion_counts, pool_digest, pair_exclusions_digest)
      SELECT 'D' || substr(k.id, 2), k.id, 'drawn', k.window_start::timestamptz, k.window_start::timestamptz,
        jsonb_build_array(jsonb_build_object('name', 'all', 'ratio', '0.05', 'min', 0, 'max', null, 'frameSize', ${targetsN}::int, 'frameDigest', 'x', 'sampleSize', ${Math.ceil(n / tasksN)}::int)), '{}', 'x', 'x'
      FROM tasks k`);
    const perTask = Math.ceil(n / tasksN);
    // The bulk load bypasses the rollup triggers (session_replication_role = replica, a superuser
    // setting); the rollups are then recounted in one pass, and the triggers are timed below.
    await db.transaction(async (tx) => {
      await tx.execute(sql`SET LOCAL session_replication_role = replica`);
      await tx.execute(sql`INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status, visited_at)
        SELECT k.id, 'D' || substr(k.id, 2), 'BT' || lpad((1 + (abs(hashtext(k.id)::bigint) + j * 7919) % ${targetsN}::int)::text, 8, '0'), 2026,
          ARRAY['P' || (abs(hashtext(k.id)::bigint) + j) % 400, 'P' || (abs(hashtext(k.id)::bigint) + j + 1) % 400], 'published', k.window_start::timestamptz + (j % 30) * interval '1 day'
        FROM tasks k CROSS JOIN generate_series(1, ${perTask}::int) j
        ON CONFLICT DO NOTHING`);
      await tx.execute(sql`INSERT INTO inspection_results (inspection_id, item_id, item_version, department_code, category, recorded_by, recorded_at)
        SELECT i.id, ti.item_id, 1, ti.department_code, CASE WHEN abs(hashtext(i.id::text)::bigint) % 10 = 0 THEN '发现问题已责令改正' ELSE '未发现问题' END, 'bench', now()
        FROM inspections i JOIN LATERAL (SELECT item_id, department_code FROM task_items WHERE task_id = i.task_id ORDER BY item_id LIMIT 1) ti ON true`);
      // each inspection's result summary, as the results trigger would have left it
      await tx.execute(sql`UPDATE inspections i SET result_categories = x.cats, result_items = x.items
        FROM (SELECT inspection_id, array_agg(DISTINCT category ORDER BY category) AS cats, array_agg(DISTINCT item_id ORDER BY item_id) AS items
              FROM inspection_results GROUP BY inspection_id) x WHERE i.id = x.inspection_id`);
      await tx.execute(sql`INSERT INTO follow_ups (inspection_id, target_id, department_code, kind, detail, status, created_by)
        SELECT r.inspection_id, i.target_id, r.department_code, 'correction_order', '限期改正', CASE WHEN abs(hashtext(r.inspection_id::text)::bigint) % 3 = 0 THEN 'open' ELSE 'closed' END, 'bench'
        FROM inspection_results r JOIN inspections i ON i.id = r.inspection_id WHERE r.category <> '未发现问题'`);
      await tx.execute(sql`INSERT INTO draw_frames (draw_id, stratum, target_id)
        SELECT d.id, 'all', i.target_id FROM draws d JOIN inspections i ON i.draw_id = d.id ON CONFLICT DO NOTHING`);
    });
    log(`  data loaded in ${ms(performance.now() - t0)}`);
    t0 = performance.now();
    await db.transaction((tx) => rebuildRollups(tx));
    log(
      `  rollups recounted from ${n.toLocaleString('en-US')} inspections in ${ms(performance.now() - t0)} (ssj rollups rebuild)`,
    );
    await db.execute(sql`VACUUM ANALYZE`);
    // What the triggers cost: one statement of 1,000 new inspections (a draw), their results, then single-row saves.
    t0 = performance.now();
    await db.execute(sql`INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status, visited_at)
      SELECT 'T-B-000001', 'D-B-000001', 'BT' || lpad(j::text, 8, '0'), 2026, ARRAY['P1', 'P2'], 'assigned', NULL
      FROM generate_series(1, 1000) j ON CONFLICT DO NOTHING`);
    const drawMs = performance.now() - t0;
    t0 = performance.now();
    await db.execute(sql`INSERT INTO inspection_results (inspection_id, item_id, item_version, department_code, category, recorded_by, recorded_at)
      SELECT i.id, ti.item_id, 1, ti.department_code, '发现问题待后续处理', 'bench', now()
      FROM inspections i JOIN LATERAL (SELECT item_id, department_code FROM task_items WHERE task_id = i.task_id ORDER BY item_id LIMIT 1 OFFSET 1) ti ON true
      WHERE i.task_id = 'T-B-000001' AND i.status = 'assigned'`);
    const resultsMs = performance.now() - t0;
    const one = await queryRows(
      db,
      sql`SELECT id::text AS id FROM inspections WHERE task_id = 'T-B-000002' ORDER BY id LIMIT 100`,
      z.object({ id: z.string() }),
    );
    t0 = performance.now();
    for (const r of one) {
      await db.execute(
        sql`UPDATE inspection_results SET category = '发现问题已责令改正' WHERE inspection_id = ${r.id}::uuid`,
      );
    }
    const singleMs = (performance.now() - t0) / Math.max(1, one.length);
    log(
      `  with the rollup triggers: 1,000 inspections in one statement ${ms(drawMs)}, their 1,000 results ${ms(resultsMs)}, one result saved ${singleMs.toFixed(1)} ms`,
    );
    t0 = performance.now();
    const drift = await rollupDrift(db);
    log(
      `  rollups checked against a recount in ${ms(performance.now() - t0)}: ${drift.length === 0 ? 'they agree' : `DRIFT ${JSON.stringify(drift)}`}`,
    );

    const deps: ServiceDeps = {
      database,
      config: loadConfig({}),
      clock: () => new Date('2026-11-20T02:00:00Z'),
    };
    const time = async (label: string, run: () => Promise<unknown>, goal?: number) => {
      await run(); // warm
      t0 = performance.now();
      await run();
      const took = performance.now() - t0;
      log(
        `  ${label.padEnd(46)} ${ms(took).padStart(10)}${goal === undefined ? '' : `  (goal ≤ ${ms(goal)}: ${took <= goal ? 'met' : 'NOT met'})`}`,
      );
    };
    await time(
      'dashboard metrics, all regions, 2026',
      () => dashboardMetrics(deps, AUDITOR, { region: 'all', year: 2026 }),
      n >= 1_000_000 ? 1000 : undefined,
    );
    await time('dashboard metrics, one district, Q2', () =>
      dashboardMetrics(deps, AUDITOR, { region: '500112', year: 2026, quarter: 2 }),
    );
    await time('dashboard metrics, one department', () =>
      dashboardMetrics(deps, AUDITOR, { region: 'all', department: '500112-SCJG', year: 2026 }),
    );
    await time('drill-down: problem inspections, page 50', () =>
      dashboardRecords(deps, AUDITOR, {
        kind: 'inspections',
        region: 'all',
        year: 2026,
        problem: true,
        page: 50,
        pageSize: 20,
      }),
    );
    await time('evaluation report, all regions', () => evaluationReport(deps, AUDITOR, 'all', 2026));
    await time('fairness monitor, all regions', () =>
      fairnessReport(deps, AUDITOR, { region: 'all', year: 2026, alpha: 0.01 }),
    );
  } finally {
    await database.close();
    if (process.env['SSJ_BENCH_KEEP'] === undefined) {
      await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    } else {
      log(`  kept database ${dbName} (SSJ_BENCH_KEEP)`);
    }
    await admin.end();
  }
}
