/**
 * The explainable credit-risk score (issue 6): each indicator's observed value becomes risk
 * units (capped), units × weight become points, points sum to the score, and cut-offs give
 * the tier. All arithmetic is in integer hundredths, so a score is exactly reproducible.
 */
import { z } from 'zod';
import { lookupIndustry } from '../reference/industry';
import type { RiskTier } from '../targets/target';
import {
  INDUSTRY_GROUP_LABELS,
  INDUSTRY_GROUP_UNITS,
  industryGroupOf,
  RISK_INDICATORS,
  RISK_INDICATOR_LABELS,
  type IndustryRiskGroup,
  type RiskIndicator,
} from './indicators';
import type { RiskModelConfig } from './model-config';

/** What the model knows about one target (counts are whole numbers ≥ 0). */
export interface RiskFacts {
  readonly abnormalListed: boolean;
  readonly penalties3y: number;
  /** Past inspections (within the lookback) with at least one problem found. */
  readonly inspectionProblems: number;
  readonly complaints12m: number;
  /** Registration date YYYY-MM-DD, or null when unknown (then the indicator scores nothing). */
  readonly registeredOn: string | null;
  readonly industryCode: string | null;
  readonly riskWarning: boolean;
  readonly annualReportOverdue: boolean;
  /** Risk alerts in force (issue 16): not dismissed or referred, not expired; absent = 0. */
  readonly riskAlerts?: number;
}

/** One indicator's part in a score. */
export interface RiskContribution {
  readonly indicator: RiskIndicator;
  /** Observed value: 1/0 for yes/no, a count, full years since registration (null = unknown), or the industry group's units. */
  readonly value: number | null;
  /** Risk units counted (after the cap). */
  readonly units: number;
  /** Points, exact, two decimals (e.g. "12.50"). */
  readonly points: string;
  readonly labelZh: string;
  readonly labelEn: string;
  readonly detailZh: string;
  readonly detailEn: string;
}

export interface RiskScore {
  /** Exact decimal with two places. */
  readonly score: string;
  /** The score in hundredths (integer), for sums and comparisons. */
  readonly scoreCenti: number;
  readonly tier: RiskTier;
  readonly contributions: readonly RiskContribution[];
}

/** A number of hundredths as a decimal string with two places. */
export function formatCenti(c: number): string {
  const sign = c < 0 ? '-' : '';
  const a = Math.abs(c);
  return `${sign}${Math.floor(a / 100)}.${String(a % 100).padStart(2, '0')}`;
}

/** A decimal string with up to two places (as formatCenti writes) as integer hundredths. */
export function parseCenti(s: string): number {
  const neg = s.startsWith('-');
  const [int = '0', frac = ''] = (neg ? s.slice(1) : s).split('.');
  const c = Number(int) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
  return neg ? -c : c;
}

/** A two-decimal number as integer hundredths (validated configs only hold such numbers). */
export function toCenti(n: number): number {
  return Math.round(n * 100);
}

/** Full years from `from` to `to` (YYYY-MM-DD); 0 when `from` is not before `to`. */
export function fullYearsBetween(from: string, to: string): number {
  const y = Number(to.slice(0, 4)) - Number(from.slice(0, 4));
  const years = to.slice(5) < from.slice(5) ? y - 1 : y;
  return Math.max(0, years);
}

/** The tier a score (hundredths) reaches under the cut-offs. */
export function tierOfScore(scoreCenti: number, cutoffs: RiskModelConfig['cutoffs']): RiskTier {
  if (scoreCenti >= toCenti(cutoffs.D)) {
    return 'D';
  }
  if (scoreCenti >= toCenti(cutoffs.C)) {
    return 'C';
  }
  return scoreCenti >= toCenti(cutoffs.B) ? 'B' : 'A';
}

function count(n: number): number {
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : 0;
}

function groupOfUnits(units: number): IndustryRiskGroup {
  return units >= INDUSTRY_GROUP_UNITS.high
    ? 'high'
    : units >= INDUSTRY_GROUP_UNITS.medium
      ? 'medium'
      : 'low';
}

/** The bilingual detail line of one indicator, e.g. 「3 次，按上限 2 次计」. */
function describe(
  indicator: RiskIndicator,
  value: number | null,
  units: number,
  industryCode: string | null,
): { zh: string; en: string } {
  switch (indicator) {
    case 'abnormalList':
    case 'riskWarningTag':
    case 'annualReportOverdue':
      return value === 1 ? { zh: '是', en: 'yes' } : { zh: '否', en: 'no' };
    case 'riskAlerts': {
      const v = value ?? 0;
      return v > units
        ? { zh: `${v} 条，按上限 ${units} 条计`, en: `${v} alert(s), capped at ${units}` }
        : { zh: `${v} 条`, en: `${v} alert(s)` };
    }
    case 'penalties':
    case 'inspectionProblems':
    case 'complaints': {
      const v = value ?? 0;
      return v > units
        ? { zh: `${v} 次，按上限 ${units} 次计`, en: `${v}, capped at ${units}` }
        : { zh: `${v} 次`, en: `${v}` };
    }
    case 'newRegistration':
      return value === null
        ? { zh: '成立日期不详', en: 'registration date unknown' }
        : { zh: `成立满 ${value} 年`, en: `registered ${value} full year(s) ago` };
    case 'industryGroup': {
      const g = INDUSTRY_GROUP_LABELS[groupOfUnits(units)];
      const name = industryCode === null ? undefined : lookupIndustry(industryCode)?.name;
      const what =
        industryCode === null
          ? { zh: '行业不详', en: 'industry unknown' }
          : { zh: `${industryCode} ${name ?? ''}`.trim(), en: industryCode };
      return { zh: `${what.zh} · ${g.zh}`, en: `${what.en} · ${g.en}` };
    }
  }
}

function contribution(
  indicator: RiskIndicator,
  value: number | null,
  units: number,
  pointsCenti: number,
  industryCode: string | null,
): RiskContribution {
  const label = RISK_INDICATOR_LABELS[indicator];
  const d = describe(indicator, value, units, industryCode);
  return {
    indicator,
    value,
    units,
    points: formatCenti(pointsCenti),
    labelZh: label.zh,
    labelEn: label.en,
    detailZh: d.zh,
    detailEn: d.en,
  };
}

// Bulk runs look up the same few hundred industry codes a million times: remember them per group list.
const groupCache = new WeakMap<RiskModelConfig['industryGroups'], Map<string, IndustryRiskGroup>>();
function cachedGroup(code: string | null, groups: RiskModelConfig['industryGroups']): IndustryRiskGroup {
  if (code === null) {
    return 'low';
  }
  let m = groupCache.get(groups);
  if (m === undefined) {
    m = new Map();
    groupCache.set(groups, m);
  }
  let g = m.get(code);
  if (g === undefined) {
    g = industryGroupOf(code, groups);
    m.set(code, g);
  }
  return g;
}

/** Observed value and counted units of each indicator. */
function measure(
  facts: RiskFacts,
  config: RiskModelConfig,
  asOf: string,
): Record<RiskIndicator, { value: number | null; units: number }> {
  const flag = (b: boolean) => ({ value: b ? 1 : 0, units: b ? 1 : 0 });
  const capped = (n: number, cap: number) => ({ value: count(n), units: Math.min(count(n), cap) });
  const age = facts.registeredOn === null ? null : fullYearsBetween(facts.registeredOn, asOf);
  const groupUnits = INDUSTRY_GROUP_UNITS[cachedGroup(facts.industryCode, config.industryGroups)];
  return {
    abnormalList: flag(facts.abnormalListed),
    penalties: capped(facts.penalties3y, config.caps.penalties),
    inspectionProblems: capped(facts.inspectionProblems, config.caps.inspectionProblems),
    complaints: capped(facts.complaints12m, config.caps.complaints),
    newRegistration: {
      value: age,
      units: age === null ? 0 : Math.max(0, config.caps.newRegistrationYears - age),
    },
    industryGroup: { value: groupUnits, units: groupUnits },
    riskWarningTag: flag(facts.riskWarning),
    annualReportOverdue: flag(facts.annualReportOverdue),
    riskAlerts: capped(facts.riskAlerts ?? 0, config.caps.riskAlerts),
  };
}

/** Score one target on `asOf` (YYYY-MM-DD) under a validated config: score, tier and every indicator's part. */
export function scoreTarget(facts: RiskFacts, config: RiskModelConfig, asOf: string): RiskScore {
  const m = measure(facts, config, asOf);
  let total = 0;
  const contributions = RISK_INDICATORS.map((k) => {
    const pointsCenti = m[k].units * toCenti(config.weights[k]);
    total += pointsCenti;
    return contribution(k, m[k].value, m[k].units, pointsCenti, facts.industryCode);
  });
  return {
    score: formatCenti(total),
    scoreCenti: total,
    tier: tierOfScore(total, config.cutoffs),
    contributions,
  };
}

/** A score without labels, for bulk runs: the same arithmetic as scoreTarget, stored form only. */
export interface CompactScore {
  readonly score: string;
  readonly scoreCenti: number;
  readonly tier: RiskTier;
  readonly stored: StoredContributions;
}

/** Score one target for storage (bulk path): score, tier and the non-zero parts as [value, units, points×100]. */
export function scoreCompact(facts: RiskFacts, config: RiskModelConfig, asOf: string): CompactScore {
  const m = measure(facts, config, asOf);
  let total = 0;
  const stored: StoredContributions = {};
  for (const k of RISK_INDICATORS) {
    const p = m[k].units * toCenti(config.weights[k]);
    if (p !== 0) {
      stored[k] = [m[k].value, m[k].units, p];
      total += p;
    }
  }
  return { score: formatCenti(total), scoreCenti: total, tier: tierOfScore(total, config.cutoffs), stored };
}

/** Stored form of contributions: only the indicators that scored, as [value, units, points×100]. */
export const storedContributionsSchema = z.partialRecord(
  z.enum(RISK_INDICATORS),
  z.tuple([z.number().nullable(), z.int(), z.int()]),
);
export type StoredContributions = z.infer<typeof storedContributionsSchema>;

/** Compact contributions for storage (only non-zero points). */
export function compactContributions(s: RiskScore): StoredContributions {
  const out: StoredContributions = {};
  for (const c of s.contributions) {
    const centi = parseCenti(c.points);
    if (centi !== 0) {
      out[c.indicator] = [c.value, c.units, centi];
    }
  }
  return out;
}

/** Every indicator's part again from the stored form (indicators not stored scored zero). */
export function expandContributions(
  stored: StoredContributions,
  industryCode: string | null,
): RiskContribution[] {
  return RISK_INDICATORS.map((k) => {
    const s = stored[k];
    return s === undefined
      ? contribution(k, null, 0, 0, industryCode)
      : contribution(k, s[0], s[1], s[2], industryCode);
  });
}
