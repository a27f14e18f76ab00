/**
 * Department evaluation (考核, issue 6: 照单履责、照单考核): configurable criteria and weights per
 * region score each department per year from its rates. A criterion whose rate cannot be measured
 * (no tasks, no follow-ups) is left out and the others are rescaled, so no one is punished for it.
 */
import { z } from 'zod';

export const EVALUATION_CRITERIA = [
  'planOnTime',
  'coverage',
  'jointShare',
  'onTimePublication',
  'followUpClosure',
  'riskUsage',
  'problemDiscovery',
] as const;
export const evaluationCriterionSchema = z.enum(EVALUATION_CRITERIA);
export type EvaluationCriterion = z.infer<typeof evaluationCriterionSchema>;

export const evaluationConfigSchema = z.object({
  criteria: z
    .array(
      z.object({
        key: evaluationCriterionSchema,
        /** Points the criterion is worth. */
        weight: z.number().min(0).max(100),
        /** The rate that earns full points (e.g. joint share 0.22 in 003); below it points scale linearly. */
        target: z.number().gt(0).max(1).default(1),
      }),
    )
    .min(1)
    .max(EVALUATION_CRITERIA.length)
    .refine((cs) => new Set(cs.map((c) => c.key)).size === cs.length, 'each criterion once'),
});
export type EvaluationConfig = z.infer<typeof evaluationConfigSchema>;

/** The default criteria: 004 (plans and results on time), 001 (joint share), 003 (risk usage 80 %). */
export const DEFAULT_EVALUATION_CONFIG: EvaluationConfig = {
  criteria: [
    { key: 'planOnTime', weight: 15, target: 1 },
    { key: 'coverage', weight: 20, target: 1 },
    { key: 'jointShare', weight: 15, target: 0.22 },
    { key: 'onTimePublication', weight: 20, target: 1 },
    { key: 'followUpClosure', weight: 15, target: 1 },
    { key: 'riskUsage', weight: 15, target: 0.8 },
  ],
};

export interface CriterionScore {
  readonly key: EvaluationCriterion;
  readonly value: number | null;
  readonly weight: number;
  readonly target: number;
  /** Points earned, null when the criterion was not measurable. */
  readonly points: number | null;
}

export interface EvaluationScore {
  /** 0–100, rescaled over the measurable criteria; null when none was measurable. */
  readonly total: number | null;
  readonly parts: readonly CriterionScore[];
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

/** Score one department's rates (0–1, null = not measurable) under a region's criteria. */
export function scoreDepartment(
  values: Readonly<Partial<Record<EvaluationCriterion, number | null>>>,
  config: EvaluationConfig,
): EvaluationScore {
  const parts = config.criteria.map((c): CriterionScore => {
    const v = values[c.key];
    const value = v === undefined ? null : v;
    const points = value === null ? null : round2(c.weight * Math.min(1, Math.max(0, value) / c.target));
    return { key: c.key, value, weight: c.weight, target: c.target, points };
  });
  const measured = parts.filter((p) => p.points !== null);
  const weight = measured.reduce((a, p) => a + p.weight, 0);
  const earned = measured.reduce((a, p) => a + (p.points ?? 0), 0);
  return { total: weight === 0 ? null : round2((earned / weight) * 100), parts };
}
