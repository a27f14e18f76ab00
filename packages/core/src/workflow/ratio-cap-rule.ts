/**
 * The ratio-cap rule of a task (domain.md): key items (重点) have no cap; a general item's cap
 * (一般) binds the task's overall ratio Σ(frame × ratio) ÷ Σ frame, computed exactly with
 * BigInt decimals before sample sizes are rounded up. A tier may exceed the cap as long as the
 * overall ratio stays within it. With several general items, the strictest cap binds.
 */
import { domainError, type DomainError } from '../errors';
import { err, ok, type Result } from '../result';
import { parseRatio, type Ratio } from '../draw/sample-size';

/** An item as the rule sees it. */
export interface CappedItem {
  readonly priority: 'key' | 'general';
  /** Canonical decimal (spec §3 form); null for key items. */
  readonly ratioCap: string | null;
}

/** A stratum's ratio and its frame size (actual at freeze, estimated when planning). */
export interface StratumLoad {
  readonly name: string;
  readonly ratio: string;
  readonly frameSize: number;
}

/** An exact fraction num/den (den > 0). */
export interface Fraction {
  readonly num: bigint;
  readonly den: bigint;
}

function cmp(a: Fraction, b: Fraction): number {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

/** The binding cap: the strictest general item's cap; null when only key items (no cap). */
export function bindingCap(items: readonly CappedItem[]): Ratio | null {
  let best: Ratio | null = null;
  for (const it of items) {
    if (it.priority !== 'general' || it.ratioCap === null) {
      continue;
    }
    const r = parseRatio(it.ratioCap);
    if (r.ok && (best === null || cmp(r.value, best) < 0)) {
      best = r.value;
    }
  }
  return best;
}

/** Σ(frame × ratio) ÷ Σ frame, exactly; null when every frame is empty. */
export function overallRatio(strata: readonly StratumLoad[]): Result<Fraction | null, DomainError> {
  let num = 0n;
  let den = 1n;
  let total = 0n;
  for (const s of strata) {
    const r = parseRatio(s.ratio);
    if (!r.ok) {
      return r;
    }
    // num/den + frame × r.num/r.den, over a common power-of-ten denominator
    const common = den > r.value.den ? den : r.value.den;
    num = num * (common / den) + BigInt(s.frameSize) * r.value.num * (common / r.value.den);
    den = common;
    total += BigInt(s.frameSize);
  }
  return ok(total === 0n ? null : { num, den: den * total });
}

/** Show an exact fraction as a percentage with up to `digits` decimals (rounded down), for messages. */
export function fractionPercent(f: Fraction, digits = 2): string {
  const scale = 10n ** BigInt(digits);
  const v = (f.num * 100n * scale) / f.den;
  const whole = v / scale;
  const frac = (v % scale).toString().padStart(digits, '0').replace(/0+$/, '');
  return frac === '' ? `${whole}%` : `${whole}.${frac}%`;
}

/** What the rule found: the binding cap, the overall ratio, and whether it is within. */
export interface RatioCapCheck {
  readonly cap: string | null;
  readonly overall: Fraction | null;
  readonly overallPercent: string | null;
  readonly within: boolean;
}

/** Evaluate the rule without failing (for previews and estimates). */
export function evaluateRatioCap(
  items: readonly CappedItem[],
  strata: readonly StratumLoad[],
): Result<RatioCapCheck, DomainError> {
  const cap = bindingCap(items);
  const overall = overallRatio(strata);
  if (!overall.ok) {
    return overall;
  }
  const o = overall.value;
  const within = cap === null || o === null || cmp(o, cap) <= 0;
  return ok({
    cap: cap?.text ?? null,
    overall: o,
    overallPercent: o === null ? null : fractionPercent(o),
    within,
  });
}

/** Enforce the rule: an error naming the overall ratio and the cap when it is exceeded. */
export function checkRatioCap(
  items: readonly CappedItem[],
  strata: readonly StratumLoad[],
): Result<RatioCapCheck, DomainError> {
  const r = evaluateRatioCap(items, strata);
  if (!r.ok || r.value.within) {
    return r;
  }
  const { cap, overallPercent } = r.value;
  const capPercent = cap === null ? '' : fractionPercent(parseRatioOrZero(cap));
  return err(
    domainError(
      'VALIDATION',
      `总体抽查比例 ${overallPercent ?? ''} 超过一般事项的比例上限 ${capPercent}（Σ(名单数×比例)÷Σ名单数，按精确小数计算）`,
      `the overall ratio ${overallPercent ?? ''} exceeds the general items' cap ${capPercent} (Σ(frame × ratio) ÷ Σ frame, exact)`,
      { details: { cap, overall: overallPercent, strata: strata.map((s) => ({ ...s })) } },
    ),
  );
}

function parseRatioOrZero(text: string): Fraction {
  const r = parseRatio(text);
  return r.ok ? r.value : { num: 0n, den: 1n };
}
