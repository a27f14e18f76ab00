/**
 * Savings written as plain positive reductions (issue 11): the label already says 减少 / saved,
 * so the figure reads "8.2 %", never "−8.2 %". A negative value (more visits than alone) says so.
 */
import type { Language } from '../../../i18n/types';

/** A reduction ratio (0.082) as "8.2 %"; a rise as "增加 3.0 %" / "3.0 % more"; null as "—". */
export function formatReduction(ratio: number | null, lang: Language): string {
  if (ratio === null || !Number.isFinite(ratio)) {
    return '—';
  }
  const pct = `${(Math.abs(ratio) * 100).toFixed(1)} %`;
  if (ratio >= 0) {
    return pct;
  }
  return lang === 'en' ? `${pct} more` : `增加 ${pct}`;
}

/** The reduction from `alone` visits to `made` visits, as a ratio (null without visits). */
export function reductionRatio(alone: number, made: number): number | null {
  return alone === 0 ? null : (alone - made) / alone;
}
