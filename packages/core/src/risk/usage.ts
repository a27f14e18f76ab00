/**
 * The credit-risk usage rate (信用风险分级分类监管部门使用率, 003: goal 80 %): a task uses tiers
 * when one of its strata names tiers A–D or it chose a tier source.
 */
import { RISK_TIERS } from '../targets/target';

/** The usage goal of 003. */
export const RISK_USAGE_GOAL = 0.8;

/** Does a task (its strata JSON and tier source) use credit-risk tiers? */
export function taskUsesTiers(strata: unknown, tierSource: string | null): boolean {
  if (tierSource !== null && tierSource !== '') {
    return true;
  }
  if (!Array.isArray(strata)) {
    return false;
  }
  const tiers: readonly string[] = RISK_TIERS;
  return strata.some((s: unknown) => {
    if (typeof s !== 'object' || s === null) {
      return false;
    }
    const t: unknown = 'tiers' in s ? s.tiers : null;
    const name: unknown = 'name' in s ? s.name : null;
    return (
      (Array.isArray(t) && t.some((x: unknown) => typeof x === 'string' && tiers.includes(x))) ||
      (typeof name === 'string' && tiers.includes(name))
    );
  });
}

/** A share as an exact ratio plus a rounded percentage (one decimal); null when nothing to count. */
export function shareOf(
  part: number,
  whole: number,
): { part: number; whole: number; percent: number | null } {
  return { part, whole, percent: whole === 0 ? null : Math.round((part * 1000) / whole) / 10 };
}
