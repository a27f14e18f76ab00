/**
 * `ssj rollups check|rebuild`: compare the dashboard rollups (issue 6) with a recount over the
 * base tables, or recount them in one transaction. check exits 0 when they agree, 1 when not.
 */
import process from 'node:process';
import { withDatabase } from './with-database';
import { rebuildRollups, rollupDrift } from '@openssj/server';

export async function run(argv: readonly string[]): Promise<number> {
  const mode = argv[0];
  if ((mode !== 'check' && mode !== 'rebuild') || argv.length > 1) {
    process.stderr.write('usage: ssj rollups check|rebuild   (uses DATABASE_URL or SSJ_DATA_DIR)\n');
    return 2;
  }
  return withDatabase(async (database) => {
    if (mode === 'rebuild') {
      const t0 = performance.now();
      await database.db.transaction((tx) => rebuildRollups(tx));
      process.stdout.write(`统计汇总已重算 / rollups rebuilt in ${Math.round(performance.now() - t0)} ms\n`);
    }
    const drift = await rollupDrift(database.db);
    if (drift.length === 0) {
      process.stdout.write('统计汇总与明细一致 / rollups agree with the base tables\n');
      return 0;
    }
    for (const d of drift) {
      process.stdout.write(`统计汇总不一致 / rollup differs: ${d.rollup} ${d.rows} rows\n`);
    }
    process.stdout.write('修复 / repair: ssj rollups rebuild\n');
    return 1;
  });
}
