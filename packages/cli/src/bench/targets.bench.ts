/**
 * Target library bench (issues 3 and 18): import N CSV rows into PostgreSQL with `ssj import`
 * beside `psql \copy` of the same rows into a plain table and into the indexed library in the
 * same run, with the import's peak memory; re-import the same file; import rows from xlsx; search p95 on
 * the loaded library (USCC, name substring, filter combinations); and EXPLAIN showing the
 * name-gram GIN index at work. Runs in a scratch database that it drops at the end.
 */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import {
  openPostgres,
  migrate,
  searchTargets,
  searchTargetsSql,
  type TargetFilter,
  queryRows,
  runImport,
  fileSource,
  TARGET_HEADERS,
  targetImportSpec,
} from '@openssj/server/bench';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { z } from 'zod';
import { benchUscc, COPY_COLUMNS, writeCopyCsv, writeTemplateCsv, writeXlsx } from './target-bench-data';
import { psqlCopyTargets, timedRun, withDb } from './bench-db';

export interface TargetBenchOptions {
  /** CSV rows imported (and copied with psql). */
  readonly rows: number;
  readonly databaseUrl: string;
  /** xlsx rows imported (default rows / 10, at most 100 000: 100 k for the 1 M run). */
  readonly xlsxRows?: number;
  /** Queries per search case (default 200, or 50 below 500 k rows). */
  readonly searchRuns?: number;
  readonly psql?: string;
  /** The `ssj` bin the imports run (default: the one running this bench). */
  readonly ssjBin?: string;
  readonly log?: (line: string) => void;
}

function rate(n: number, ms: number): string {
  return `${Math.round(n / (ms / 1000)).toLocaleString('en-US')} rows/s`;
}

function pct(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/** Run the target bench and print its figures. */
export async function benchTargets(opts: TargetBenchOptions): Promise<void> {
  const log = opts.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const n = opts.rows;
  const xlsxRows = opts.xlsxRows ?? Math.min(100_000, Math.max(1000, Math.ceil(n / 10)));
  const runs = opts.searchRuns ?? (n >= 500_000 ? 200 : 50);
  const dbName = `ssj_bench_targets_${process.pid}`;
  const admin = new pg.Client({ connectionString: opts.databaseUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
  await admin.query(`CREATE DATABASE ${dbName}`);
  const url = withDb(opts.databaseUrl, dbName);
  const dir = mkdtempSync(path.join(tmpdir(), 'ssj-bench-targets-'));
  const database = await openPostgres(url, { poolSize: 4 });
  try {
    await migrate(database);
    const db = database.db;
    const header = TARGET_HEADERS.map((h) => h.zh);
    log(
      `检查对象名录库 bench / target library bench — PostgreSQL, ${n.toLocaleString('en-US')} CSV rows, ${xlsxRows.toLocaleString('en-US')} xlsx rows`,
    );
    const csvPath = path.join(dir, 'targets.csv');
    const copyPath = path.join(dir, 'targets-copy.csv');
    const xlsxPath = path.join(dir, 'targets.xlsx');
    let t0 = performance.now();
    await Promise.all([writeTemplateCsv(csvPath, header, 0, n), writeCopyCsv(copyPath, 0, n)]);
    await writeXlsx(xlsxPath, header, n, xlsxRows);
    log(
      `  data generated in ${((performance.now() - t0) / 1000).toFixed(1)} s (csv ${(statSync(csvPath).size / 1e6).toFixed(0)} MB, xlsx ${(statSync(xlsxPath).size / 1e6).toFixed(0)} MB)`,
    );

    // 1. The peers: psql \copy of the same rows into a plain table, and into the (empty, fully indexed) targets.
    await db.execute(
      sql.raw(
        `CREATE TABLE plain_targets (${COPY_COLUMNS.split(', ')
          .map((c) => `${c} text`)
          .join(', ')})`,
      ),
    );
    t0 = performance.now();
    await psqlCopyTargets(opts.psql ?? '/usr/bin/psql', url, copyPath, 'plain_targets');
    const plainMs = performance.now() - t0;
    await db.execute(sql`DROP TABLE plain_targets`);
    log(
      `  psql \\copy, plain table  ${n.toLocaleString('en-US').padStart(10)} rows ${(plainMs / 1000).toFixed(1).padStart(7)} s  ${rate(n, plainMs)}`,
    );
    t0 = performance.now();
    await psqlCopyTargets(opts.psql ?? '/usr/bin/psql', url, copyPath);
    const copyMs = performance.now() - t0;
    log(
      `  psql \\copy, targets     ${n.toLocaleString('en-US').padStart(10)} rows ${(copyMs / 1000).toFixed(1).padStart(7)} s  ${rate(n, copyMs)}  (every index of the library)`,
    );
    await db.execute(sql`TRUNCATE target_status_history, targets CASCADE`);
    await db.execute(sql`VACUUM ANALYZE targets`);

    // 2. ssj import of the template CSV into the empty library (validation, COPY into a staging
    //    table, one merge, indexes rebuilt), as a user runs it: the compiled command in its own
    //    process, so its peak memory is its own. Then the same file again: every row unchanged.
    const ssjBin = opts.ssjBin ?? process.argv[1] ?? 'ssj';
    const env = { ...process.env, DATABASE_URL: url };
    const first = await timedRun(process.execPath, [ssjBin, 'import', 'targets', csvPath], env);
    const mb = (x: number | null): string => (x === null ? 'n/a' : `${x.toFixed(0)} MB`);
    log(
      `  ssj import (csv)       ${n.toLocaleString('en-US').padStart(10)} rows ${(first.ms / 1000).toFixed(1).padStart(7)} s  ${rate(n, first.ms)}  = ${(first.ms / copyMs).toFixed(2)}× \\copy into targets (goal ≤ 2×), peak RSS ${mb(first.peakMb)} (goal ≤ 300 MB)`,
    );
    const again = await timedRun(process.execPath, [ssjBin, 'import', 'targets', csvPath], env);
    const unchanged = /unchanged (\d+)/.exec(again.stdout);
    log(
      `  ssj re-import, same    ${n.toLocaleString('en-US').padStart(10)} rows ${(again.ms / 1000).toFixed(1).padStart(7)} s  ${rate(n, again.ms)}  (goal ≤ 10 s), peak RSS ${mb(again.peakMb)}${unchanged === null ? '' : `, ${unchanged[1] ?? ''} unchanged`}`,
    );

    // 3. xlsx import (streaming reader) into the library that now holds the CSV's rows.
    const ctx = { audit: { actor: null, requestId: null }, now: new Date() };
    t0 = performance.now();
    const x = await runImport(db, targetImportSpec, fileSource(xlsxPath, 'targets.xlsx'), {
      mode: 'all-or-nothing',
      dryRun: false,
      ctx,
      batchSize: 10_000,
      singlePass: true,
    });
    const xMs = performance.now() - t0;
    if (!x.ok || !x.value.written) {
      throw new Error(
        `bench xlsx import failed: ${x.ok ? `${x.value.rejected} rows rejected` : x.error.messageEn}`,
      );
    }
    log(
      `  ssj import (xlsx)     ${xlsxRows.toLocaleString('en-US').padStart(10)} rows ${(xMs / 1000).toFixed(1).padStart(7)} s  ${rate(xlsxRows, xMs)}`,
    );
    await db.execute(sql`VACUUM ANALYZE targets`);

    // 4. Search p95 on the loaded library, through the repository the API uses (page of 20 + capped count).
    const total = n + xlsxRows;
    const words = '华为鑫隆盛达丰源恒通宏远嘉禾金鼎瑞祥'.split('');
    const cases: readonly { name: string; filter: (i: number) => TargetFilter }[] = [
      { name: 'USCC lookup', filter: (i) => ({ uscc: benchUscc((i * 7919) % n) }) },
      {
        name: 'name substring (2 chars)',
        filter: (i) => ({
          q: `${words[i % words.length] ?? '华'}${words[(i * 3 + 1) % words.length] ?? '为'}`,
        }),
      },
      { name: 'name 华为 + division', filter: () => ({ q: '华为', division: '500112' }) },
      {
        name: 'division + tier + status',
        filter: (i) => ({ division: i % 2 === 0 ? '500112' : '500000', tier: 'D', status: '在营' }),
      },
      { name: 'industry + tag', filter: (i) => ({ industry: i % 2 === 0 ? 'F' : '6210', tag: '风险预警' }) },
    ];
    log(
      `  search on ${total.toLocaleString('en-US')} targets, ${runs} queries each (page of 20 + count capped at 10 000):`,
    );
    for (const c of cases) {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const s = performance.now();
        await searchTargets(db, c.filter(i), 20, 0);
        times.push(performance.now() - s);
      }
      times.sort((a, b) => a - b);
      log(
        `    ${c.name.padEnd(26)} p50 ${pct(times, 50).toFixed(1).padStart(6)} ms   p95 ${pct(times, 95).toFixed(1).padStart(6)} ms`,
      );
    }

    // 5. The plan of a name search: the GIN index over name grams must be used.
    const plan = await queryRows(
      db,
      sql`EXPLAIN (ANALYZE, COSTS OFF) ${searchTargetsSql({ q: '华为' }, 20, 0).count}`,
      z.object({ 'QUERY PLAN': z.string() }),
    );
    log('  EXPLAIN name substring 华为:');
    for (const p of plan) {
      log(`    ${p['QUERY PLAN']}`);
    }
    const used = plan.some((p) => p['QUERY PLAN'].includes('targets_name_grams_idx'));
    log(`  gram index used: ${used ? 'yes' : 'NO'}`);
  } finally {
    await database.close();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  }
}
