/**
 * What the contexts report to /metrics (issue 17 §5), wired here so that platform, which serves
 * the endpoint, imports no other context.
 */
import type { MetricSource } from './platform';
import { runningDrawOperations } from './draw';
import { importJobCounts } from './library';

export const METRIC_SOURCES: readonly MetricSource[] = [
  {
    name: 'ssj_import_jobs',
    help: 'Import jobs by status',
    labelNames: ['status'],
    collect: async (deps) =>
      (await importJobCounts(deps.database.db)).map((r) => ({ labels: { status: r.status }, value: r.n })),
  },
  {
    name: 'ssj_draw_operations_running',
    help: 'Draw operations (freeze, commit, run) running now',
    labelNames: ['operation'],
    collect: async () =>
      Object.entries(runningDrawOperations()).map(([operation, n]) => ({ labels: { operation }, value: n })),
  },
];
