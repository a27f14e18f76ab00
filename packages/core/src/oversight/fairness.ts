/**
 * The fairness monitor (issue 6: 双随机 stays trustworthy over time). Across a year's draws, a
 * target's selection count is a sum of independent Bernoulli trials, one per frame it was in,
 * with p = k ÷ N (sample size over frame size). We compare the observed count with that chance
 * model, and the repeats of an inspector–target pair with the inspector's share of visits.
 */
import { binomialUpperTail, chiSquareSurvival, poissonBinomialUpperTail } from './statistics';

/** One target's year: the selection probability of every frame it was in, and how often it was drawn. */
export interface TargetSelection {
  readonly targetId: string;
  readonly probabilities: readonly number[];
  readonly observed: number;
}

export interface TargetFairness {
  readonly targetId: string;
  readonly draws: number;
  readonly observed: number;
  /** Σ k/N over the draws the target was in. */
  readonly expected: number;
  /** (O − E)² ÷ Σ p(1 − p): chi-square with 1 degree of freedom. */
  readonly statistic: number;
  /** Exact P(X ≥ observed) under chance (Poisson-binomial upper tail). */
  readonly pValue: number;
  readonly flagged: boolean;
}

export interface FairnessSummary {
  readonly targets: number;
  /** Σ of the per-target statistics; df = targets with a non-zero variance. */
  readonly statistic: number;
  readonly df: number;
  readonly pValue: number;
  readonly flagged: number;
}

/** Test each target's selection count against chance; flag those drawn more often than p < alpha allows. */
export function targetFairness(
  rows: readonly TargetSelection[],
  alpha = 0.01,
): { rows: TargetFairness[]; summary: FairnessSummary } {
  let total = 0;
  let df = 0;
  const out = rows.map((r): TargetFairness => {
    const expected = r.probabilities.reduce((a, p) => a + p, 0);
    const variance = r.probabilities.reduce((a, p) => a + p * (1 - p), 0);
    const statistic = variance > 0 ? (r.observed - expected) ** 2 / variance : 0;
    if (variance > 0) {
      total += statistic;
      df += 1;
    }
    const pValue = poissonBinomialUpperTail(r.probabilities, r.observed);
    return {
      targetId: r.targetId,
      draws: r.probabilities.length,
      observed: r.observed,
      expected,
      statistic,
      pValue,
      flagged: r.observed > expected && pValue < alpha,
    };
  });
  const pValue = df === 0 ? 1 : chiSquareSurvival(total, df);
  return {
    rows: out,
    summary: {
      targets: rows.length,
      statistic: total,
      df,
      pValue,
      flagged: out.filter((r) => r.flagged).length,
    },
  };
}

/** An inspector–target pair seen together `together` times out of the target's `targetVisits` visits. */
export interface PairRepeat {
  readonly inspectorId: string;
  readonly targetId: string;
  readonly together: number;
  readonly targetVisits: number;
  /** The inspector's chance of being on one visit's team: their visits ÷ their department's visits that year. */
  readonly share: number;
}

export interface PairFairness extends PairRepeat {
  readonly expected: number;
  readonly pValue: number;
  readonly flagged: boolean;
}

/** Test repeated inspector–target pairs against Binomial(visits, share); flag repeats with p < alpha. */
export function pairFairness(rows: readonly PairRepeat[], alpha = 0.01): PairFairness[] {
  return rows.map((r) => {
    const share = Math.min(1, Math.max(0, r.share));
    const pValue = binomialUpperTail(r.together, r.targetVisits, share);
    return {
      ...r,
      share,
      expected: r.targetVisits * share,
      pValue,
      flagged: r.together >= 2 && pValue < alpha,
    };
  });
}
