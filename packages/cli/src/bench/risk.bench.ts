/**
 * Credit-risk scoring bench (issue 6: 1 M targets in ≤ 60 s on PostgreSQL): loads N synthetic
 * targets with risk facts and some reviewed inspections that found problems into a scratch
 * database, scores them all through the service the console's run uses, scores again (tiers
 * mostly unchanged), and prints the figures. The scratch database is dropped at the end.
 */
import process from 'node:process';
import { openPostgres, migrate, tierDistribution, scoreTargets } from '@openssj/server/bench';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { withDb } from './bench-db';

export interface RiskBenchOptions {
  readonly targets: number;
  readonly databaseUrl: string;
  readonly batchSize?: number;
  readonly log?: (line: string) => void;
}

const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

/** Run the scoring bench and print its figures. */
export async function benchRisk(opts: RiskBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const n = opts.targets;
  const dbName = `ssj_bench_risk_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const database = await openPostgres(withDb(opts.databaseUrl, dbName), { poolSize: 4 });
  try {
    await migrate(database);
    const db = database.db;
    log(`信用风险评分 bench / credit-risk scoring bench — PostgreSQL, ${n.toLocaleString('en-US')} targets`);
    let t0 = performance.now();
    await db.execute(sql`
      INSERT INTO targets (id, uscc, type, name, division_code, industry_code, status, tags)
      SELECT 'BENCH' || lpad(i::text, 9, '0'), NULL, '企业', '评分测试企业' || i,
        (ARRAY['500112','500103','500105','500106','440507','440511'])[1 + i % 6],
        (ARRAY['1431','5211','6210','7211','3011','5265','8010',NULL])[1 + i % 8],
        '在营', CASE WHEN i % 17 = 0 THEN ARRAY['风险预警'] ELSE '{}'::text[] END
      FROM generate_series(1, ${n}) AS i`);
    await db.execute(sql`
      INSERT INTO target_risk_facts (target_id, registered_on, abnormal_listed, penalties_3y, complaints_12m, annual_report_overdue)
      SELECT 'BENCH' || lpad(i::text, 9, '0'), date '2026-11-20' - (i % 7300), i % 23 = 0, (i % 11) / 8, (i % 13) / 6, i % 19 = 0
      FROM generate_series(1, ${n}) AS i WHERE i % 3 = 0`);
    // 1 % of targets had a reviewed inspection that found a problem
    await db.execute(
      sql`INSERT INTO regions (code, name, full_name, level) VALUES ('500000', '重庆市', '重庆市', 'province')`,
    );
    await db.execute(
      sql`INSERT INTO departments (code, name, short_name, region_code) VALUES ('500000-SCJG', '市场监管局', '市场监管', '500000')`,
    );
    await db.execute(
      sql`INSERT INTO plans (id, department_code, year, title, status) VALUES ('00000000-0000-4000-8000-00000000b001', '500000-SCJG', 2026, 'bench', 'published')`,
    );
    await db.execute(
      sql`INSERT INTO tasks (id, plan_id, lead_department_code, title, scope, strata, window_start, window_end, quota) VALUES ('T-BENCH', '00000000-0000-4000-8000-00000000b001', '500000-SCJG', 'bench', '{}', '[]', '2026-01-01', '2026-12-31', '{}')`,
    );
    await db.execute(
      sql`INSERT INTO draws (id, task_id, status, frozen_at, strata, frame_exclusion_counts, pool_digest, pair_exclusions_digest) VALUES ('D-BENCH', 'T-BENCH', 'drawn', now(), '[]', '{}', 'x', 'x')`,
    );
    await db.execute(sql`
      WITH ins AS (
        INSERT INTO inspections (task_id, draw_id, target_id, draw_year, inspectors, status, visited_at)
        SELECT 'T-BENCH', 'D-BENCH', 'BENCH' || lpad(i::text, 9, '0'), 2026, ARRAY['X1','X2'], 'approved', timestamptz '2026-06-01 03:00+00'
        FROM generate_series(1, ${n}) AS i WHERE i % 100 = 7
        RETURNING id, target_id)
      INSERT INTO inspection_results (inspection_id, item_id, item_version, department_code, category, recorded_by, recorded_at)
      SELECT id, '00000000-0000-4000-8000-00000000c001', 1, '500000-SCJG', CASE WHEN right(target_id, 1) IN ('0','1','2','3','4','5','6','7') THEN '发现问题已责令改正' ELSE '未发现问题' END, 'bench', now() FROM ins`);
    await db.execute(sql`VACUUM ANALYZE`);
    log(`  data loaded in ${secs(performance.now() - t0)}`);

    let last = 0;
    const batchSize = opts.batchSize ?? 10_000;
    for (const pass of ['first run (all tiers new)', 'second run (tiers unchanged)']) {
      t0 = performance.now();
      last = t0;
      const out = await scoreTargets(db, {
        region: 'all',
        asOf: '2026-11-20',
        runId: null,
        at: new Date('2026-11-20T02:00:00Z'),
        batchSize,
        onBatch: async (_tx, processed) => {
          const now = performance.now();
          if (now - last > 5000) {
            last = now;
            log(
              `    … ${processed.toLocaleString('en-US')} / ${n.toLocaleString('en-US')} in ${secs(now - t0)}`,
            );
          }
          await Promise.resolve();
        },
      });
      const ms = performance.now() - t0;
      log(
        `  ${pass.padEnd(30)} ${out.processed.toLocaleString('en-US').padStart(10)} targets ${secs(ms).padStart(8)}  ${Math.round(out.processed / (ms / 1000)).toLocaleString('en-US')} targets/s  A ${out.counts.A} B ${out.counts.B} C ${out.counts.C} D ${out.counts.D}${n >= 1_000_000 ? `  (goal ≤ 60 s: ${ms <= 60_000 ? 'met' : 'NOT met'})` : `  (≈ ${secs((ms * 1_000_000) / n)} per 1 M)`}`,
      );
    }
    t0 = performance.now();
    const d = await tierDistribution(db, 'all');
    log(
      `  tier distribution (3 sources) ${secs(performance.now() - t0)}: effective ${JSON.stringify(d.effective)}`,
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
