/**
 * The fairness monitor (issue 6): across a year's draws, each target's selection count against
 * chance given its frame memberships (p = sample size ÷ frame size of each stratum it was in),
 * and repeated inspector–target pairs against the inspector's share of visits. Sums run in SQL;
 * the exact tail probabilities (statistics in core) run on the targets drawn at least once.
 */
import {
  chiSquareSurvival,
  ok,
  pairFairness,
  targetFairness,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import type { Actor, ServiceDeps } from '../platform';
import { fairnessSums } from './fairness.repo';
import { metricsScope } from './metrics.service';
import { riskRegionSchema } from '../risk';

export const fairnessQuerySchema = z.object({
  region: riskRegionSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
  alpha: z.coerce.number().gt(0).max(0.2).default(0.01),
});

const flagged = z.object({ statistic: z.number(), pValue: z.number() });
export const fairnessSchema = z.object({
  region: z.string(),
  year: z.number(),
  alpha: z.number(),
  draws: z.number(),
  targets: z.object({
    inFrames: z.number(),
    selected: z.number(),
    statistic: z.number(),
    df: z.number(),
    pValue: z.number(),
    flagged: z.number(),
  }),
  targetOutliers: z.array(
    flagged.extend({
      targetId: z.string(),
      name: z.string().nullable(),
      draws: z.number(),
      observed: z.number(),
      expected: z.number(),
    }),
  ),
  pairs: z.object({ repeated: z.number(), flagged: z.number() }),
  pairOutliers: z.array(
    flagged.omit({ statistic: true }).extend({
      inspectorId: z.string(),
      targetId: z.string(),
      together: z.number(),
      targetVisits: z.number(),
      share: z.number(),
      expected: z.number(),
    }),
  ),
});
export type FairnessReport = z.infer<typeof fairnessSchema>;

/** The year's fairness report for a region: overall chi-square, outlying targets and inspector–target pairs. */
export async function fairnessReport(
  deps: ServiceDeps,
  actor: Actor,
  q: z.infer<typeof fairnessQuerySchema>,
): Promise<Result<FairnessReport, DomainError>> {
  const sc = metricsScope(actor, { year: q.year, ...(q.region === undefined ? {} : { region: q.region }) });
  if (!sc.ok) {
    return sc;
  }
  const region = sc.value.region;
  // spec: the overall statistic covers every target in a frame, drawn or not: Σ (O − E)² / V, df = targets with V > 0.
  // One pass over the frames gives the totals and the targets drawn more often than expected; the pair
  // counts run beside it on another connection. Each is one transaction with room to aggregate in memory.
  const { targetRows, pairRows } = await fairnessSums(deps.database.db, region, q.year);
  const totals = targetRows[0];
  const drawn = targetRows.flatMap((r) =>
    r.target_id === null || r.ps === null || r.observed === null
      ? []
      : [{ target_id: r.target_id, ps: r.ps, observed: r.observed, name: r.name }],
  );
  const names = new Map(drawn.map((d) => [d.target_id, d.name]));
  const tested = targetFairness(
    drawn.map((d) => ({ targetId: d.target_id, probabilities: d.ps, observed: d.observed })),
    q.alpha,
  );
  const pairs = pairFairness(
    pairRows.map((p) => ({
      inspectorId: p.badge,
      targetId: p.target_id,
      together: p.together,
      targetVisits: p.target_visits,
      share: p.share ?? 1,
    })),
    q.alpha,
  );
  const t = totals ?? { draws: 0, in_frames: 0, selected: 0, statistic: 0, df: 0 };
  return ok({
    region,
    year: q.year,
    alpha: q.alpha,
    draws: t.draws,
    targets: {
      inFrames: t.in_frames,
      selected: t.selected,
      statistic: t.statistic,
      df: t.df,
      pValue: t.df === 0 ? 1 : chiSquareSurvival(t.statistic, t.df),
      flagged: tested.summary.flagged,
    },
    targetOutliers: tested.rows
      .filter((r) => r.flagged)
      .sort((a, b) => a.pValue - b.pValue)
      .slice(0, 200)
      .map((r) => ({
        targetId: r.targetId,
        name: names.get(r.targetId) ?? null,
        draws: r.draws,
        observed: r.observed,
        expected: r.expected,
        statistic: r.statistic,
        pValue: r.pValue,
      })),
    pairs: { repeated: pairs.length, flagged: pairs.filter((p) => p.flagged).length },
    pairOutliers: pairs
      .filter((p) => p.flagged)
      .sort((a, b) => a.pValue - b.pValue)
      .slice(0, 200)
      .map((p) => ({
        inspectorId: p.inspectorId,
        targetId: p.targetId,
        together: p.together,
        targetVisits: p.targetVisits,
        share: p.share,
        expected: p.expected,
        pValue: p.pValue,
      })),
  });
}
