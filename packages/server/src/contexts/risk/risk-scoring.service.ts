/**
 * Scoring targets in bulk (issue 6): keyset batches of targets with their facts gathered in
 * SQL, scored by core's model, written with one multi-row upsert per batch, with progress and
 * cancellation between batches. Used by the background run jobs and by the bench.
 */
import { findingCounts, scoreCompact, type RiskTier } from '@openssj/core';
import type { Db } from '../../db/client';
import {
  activeAlertCounts,
  factBatch,
  problemDates,
  settledFindings,
  writeScores,
  type RiskFactRow,
  type ScoreWrite,
} from './risk.repo';
import type { RunCounts } from './risk-run.repo';
import { modelResolver } from './risk-config.service';

export interface ScoreRunOptions {
  /** A region code, or 'all'. */
  readonly region: string;
  /** The scoring date (YYYY-MM-DD): registration age and the inspection lookback count from it. */
  readonly asOf: string;
  readonly runId: string | null;
  readonly at: Date;
  readonly batchSize?: number;
  /**
   * Batches written at once, each in its own transaction on its own pooled connection (PostgreSQL
   * uses a core per writer; PGlite runs them one after another). Default 2.
   */
  readonly writers?: number;
  readonly signal?: AbortSignal;
  /** Called inside each batch's transaction with the running total. */
  readonly onBatch?: (tx: Db, processed: number) => Promise<void>;
}

export interface ScoreRunOutcome {
  readonly processed: number;
  readonly counts: RunCounts;
  readonly cancelled: boolean;
}

/** The same day `years` years earlier (29 Feb falls back to 28 Feb). */
export function yearsBefore(date: string, years: number): string {
  const y = Number(date.slice(0, 4)) - years;
  const md = date.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** Score every target in business of a region, batch by batch; stops between batches when the signal aborts. */
export async function scoreTargets(db: Db, opts: ScoreRunOptions): Promise<ScoreRunOutcome> {
  const resolve = await modelResolver(db);
  const batchSize = opts.batchSize ?? 10_000;
  const writers = Math.max(1, opts.writers ?? 2);
  // Batches touch disjoint targets, so their writes may overlap; `written` counts finished ones.
  const inflight = new Set<Promise<void>>();
  let failure: Error | null = null;
  let written = 0;
  const drain = async (): Promise<void> => {
    await Promise.all(inflight);
    if (failure !== null) {
      throw failure;
    }
  };
  const counts: Record<RiskTier, number> = { A: 0, B: 0, C: 0, D: 0 };
  let processed = 0;
  const sinceFor = (years: number): string => yearsBefore(opts.asOf, years);
  // The next batch is read while this one is scored and written (another pooled connection on PostgreSQL).
  let next: Promise<RiskFactRow[]> | null = factBatch(db, opts.region, '', batchSize);
  while (next !== null) {
    const rows: RiskFactRow[] = await next;
    const last = rows[rows.length - 1];
    if (opts.signal?.aborted === true || failure !== null) {
      await drain();
      return { processed: written, counts, cancelled: true };
    }
    if (last === undefined) {
      break;
    }
    next = rows.length < batchSize ? null : factBatch(db, opts.region, last.id, batchSize);
    const models = rows.map((r) => resolve(r.division_code));
    const longest = models.reduce((a, m) => Math.max(a, m.config.inspectionLookbackYears), 1);
    const ids = rows.map((r) => r.id);
    const problems = await problemDates(db, ids, yearsBefore(opts.asOf, longest));
    // withdrawn results and approved credit repairs stop counting (issue 16 part 2)
    const settled = await settledFindings(
      db,
      [...problems.values()].flatMap((f) => f.map((x) => x.inspectionId)),
    );
    const alerts = await activeAlertCounts(db, ids, opts.asOf);
    const writes: ScoreWrite[] = rows.map((r, i) => {
      const m = models[i] ?? resolve(r.division_code);
      const since = sinceFor(m.config.inspectionLookbackYears);
      const s = scoreCompact(
        {
          abnormalListed: r.abnormal_listed,
          penalties3y: r.penalties_3y,
          inspectionProblems: (problems.get(r.id) ?? []).filter(
            (f) =>
              f.day >= since &&
              f.day <= opts.asOf &&
              findingCounts(settled.get(f.inspectionId) ?? [], opts.asOf),
          ).length,
          complaints12m: r.complaints_12m,
          registeredOn: r.registered_on,
          industryCode: r.industry_code,
          riskWarning: r.warn,
          annualReportOverdue: r.annual_report_overdue,
          riskAlerts: alerts.get(r.id) ?? 0,
        },
        m.config,
        opts.asOf,
      );
      counts[s.tier] += 1;
      return {
        targetId: r.id,
        score: s.score,
        tier: s.tier,
        indicators: JSON.stringify(s.stored),
        modelVersion: m.modelVersion,
        preferImported: m.config.effectiveSource === 'imported',
      };
    });
    processed += rows.length;
    const write: Promise<void> = db
      .transaction(async (tx) => {
        await writeScores(tx, writes, { asOf: opts.asOf, runId: opts.runId, at: opts.at });
        written += writes.length;
        await opts.onBatch?.(tx, written);
      })
      .catch((e: unknown) => {
        failure ??= e instanceof Error ? e : new Error(JSON.stringify(e));
      })
      .finally(() => inflight.delete(write));
    inflight.add(write);
    if (inflight.size >= writers) {
      await Promise.race(inflight);
    }
  }
  await drain();
  return { processed, counts, cancelled: false };
}
