/**
 * Small, exact statistics for oversight (issue 6): the chi-square survival function, binomial and
 * Poisson-binomial upper tails, and workload spread (Gini, coefficient of variation). Pure and
 * deterministic; the fairness monitor and the dashboards use them.
 */

const LANCZOS = [
  676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
  -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

/** ln Γ(x) for x > 0 (Lanczos, g = 7; about 15 significant digits). */
export function lnGamma(x: number): number {
  if (x < 0.5) {
    // reflection: Γ(x)Γ(1−x) = π / sin(πx)
    return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  }
  const z = x - 1;
  let a = 0.99999999999980993;
  const t = z + 7.5;
  LANCZOS.forEach((c, i) => {
    a += c / (z + i + 1);
  });
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Regularised upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a). */
export function gammaQ(a: number, x: number): number {
  if (x <= 0) {
    return 1;
  }
  const lead = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    // series for P(a, x)
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 1000; n++) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) {
        break;
      }
    }
    return Math.max(0, 1 - sum * Math.exp(lead));
  }
  // continued fraction for Q(a, x) (modified Lentz)
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 1000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    d = Math.abs(d) < tiny ? tiny : d;
    c = b + an / c;
    c = Math.abs(c) < tiny ? tiny : c;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) {
      break;
    }
  }
  return Math.min(1, Math.exp(lead) * h);
}

/** P(χ²_df ≥ x): the p-value of a chi-square statistic. */
export function chiSquareSurvival(x: number, df: number): number {
  if (!(df > 0)) {
    throw new RangeError(`chiSquareSurvival: df must be positive, got ${df}`);
  }
  return x <= 0 ? 1 : gammaQ(df / 2, x / 2);
}

/** P(X ≥ k) for X ~ Binomial(n, p), summed exactly in log space. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  if (k <= 0) {
    return 1;
  }
  if (k > n || p <= 0) {
    return 0;
  }
  if (p >= 1) {
    return 1;
  }
  const lnNf = lnGamma(n + 1);
  let sum = 0;
  for (let i = k; i <= n; i++) {
    sum += Math.exp(lnNf - lnGamma(i + 1) - lnGamma(n - i + 1) + i * Math.log(p) + (n - i) * Math.log1p(-p));
  }
  return Math.min(1, sum);
}

/** P(X ≥ k) for X a sum of independent Bernoulli(p_i) (Poisson-binomial), by dynamic programming. */
export function poissonBinomialUpperTail(ps: readonly number[], k: number): number {
  if (k <= 0) {
    return 1;
  }
  if (k > ps.length) {
    return 0;
  }
  // dist[j] = P(exactly j successes so far)
  let dist = [1];
  for (const p of ps) {
    const next = new Array<number>(dist.length + 1).fill(0);
    dist.forEach((v, j) => {
      next[j] = (next[j] ?? 0) + v * (1 - p);
      next[j + 1] = (next[j + 1] ?? 0) + v * p;
    });
    dist = next;
  }
  let below = 0;
  for (let j = 0; j < k; j++) {
    below += dist[j] ?? 0;
  }
  return Math.min(1, Math.max(0, 1 - below));
}

/** Gini coefficient of non-negative values (0 = equal; (n−1)/n = all on one). 0 for an empty or all-zero list. */
export function gini(values: readonly number[]): number {
  const n = values.length;
  const total = values.reduce((a, v) => a + v, 0);
  if (n === 0 || total === 0) {
    return 0;
  }
  const sorted = [...values].sort((a, b) => a - b);
  // G = Σ (2i − n − 1) x_(i) / (n Σx), i = 1..n over the sorted values
  const weighted = sorted.reduce((a, v, i) => a + (2 * (i + 1) - n - 1) * v, 0);
  return weighted / (n * total);
}

/** Coefficient of variation (population standard deviation ÷ mean); 0 when the mean is 0. */
export function coefficientOfVariation(values: readonly number[]): number {
  const n = values.length;
  if (n === 0) {
    return 0;
  }
  const mean = values.reduce((a, v) => a + v, 0) / n;
  if (mean === 0) {
    return 0;
  }
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / n;
  return Math.sqrt(variance) / mean;
}
