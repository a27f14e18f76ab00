/**
 * The credit-risk indicators (信用风险分类指标, issue 6; 003): what each measures, its labels,
 * and the industry risk groups over GB/T 4754 codes. Pure data and lookups.
 */
import { z } from 'zod';
import { lookupIndustry } from '../reference/industry';
import { RISK_TIERS, RISK_TIER_LABELS, type RiskTier } from '../targets/target';

/** RiskTier as a zod enum: A 低风险, B 一般风险, C 较高风险, D 高风险. */
export const riskTierSchema = z.enum(RISK_TIERS);
export { RISK_TIER_LABELS };
export type { RiskTier };

/** Where a target's tier comes from: our score model, or an outside classification. */
export const TIER_SOURCES = ['computed', 'imported'] as const;
export const tierSourceSchema = z.enum(TIER_SOURCES);
export type TierSource = z.infer<typeof tierSourceSchema>;

/** The indicators of the model, in explanation order. */
export const RISK_INDICATORS = [
  'abnormalList',
  'penalties',
  'inspectionProblems',
  'complaints',
  'newRegistration',
  'industryGroup',
  'riskWarningTag',
  'annualReportOverdue',
  'riskAlerts',
] as const;
export type RiskIndicator = (typeof RISK_INDICATORS)[number];

/** Bilingual labels of the indicators. */
export const RISK_INDICATOR_LABELS: Readonly<Record<RiskIndicator, { zh: string; en: string }>> = {
  abnormalList: { zh: '列入经营异常名录', en: 'on the abnormal-operations list' },
  penalties: { zh: '近三年行政处罚', en: 'administrative penalties in the last 3 years' },
  inspectionProblems: { zh: '以往抽查发现问题', en: 'problems found in past inspections' },
  complaints: { zh: '近一年投诉举报', en: 'complaints in the last 12 months' },
  newRegistration: { zh: '成立年限较短', en: 'recently registered' },
  industryGroup: { zh: '行业风险', en: 'industry risk group' },
  riskWarningTag: { zh: '“风险预警”标签', en: '“风险预警” (risk warning) tag' },
  annualReportOverdue: { zh: '未按时报送年度报告', en: 'annual report overdue' },
  riskAlerts: { zh: '有效期内的风险预警信息', en: 'risk alerts in force (明厨亮灶, elevators)' },
};

/** The tag that marks a target for risk warning (003: 标签式分类管理). */
export const RISK_WARNING_TAG = '风险预警';

/** Industry risk groups: high (food, drugs, special equipment, hazardous chemicals, gas…), medium, low. */
export const INDUSTRY_RISK_GROUPS = ['high', 'medium', 'low'] as const;
export type IndustryRiskGroup = (typeof INDUSTRY_RISK_GROUPS)[number];

export const INDUSTRY_GROUP_LABELS: Readonly<Record<IndustryRiskGroup, { zh: string; en: string }>> = {
  high: { zh: '高风险行业', en: 'high-risk industry' },
  medium: { zh: '中风险行业', en: 'medium-risk industry' },
  low: { zh: '低风险行业', en: 'low-risk industry' },
};

/** Risk units of a group: the industry indicator's weight is points per unit. */
export const INDUSTRY_GROUP_UNITS: Readonly<Record<IndustryRiskGroup, number>> = {
  high: 2,
  medium: 1,
  low: 0,
};

/** Industry codes by group: a section letter (A–T) or a 2–4 digit GB/T 4754 prefix. */
export interface IndustryGroups {
  readonly high: readonly string[];
  readonly medium: readonly string[];
}

/**
 * The group of an industry code: the longest matching digit prefix wins over a shorter one,
 * and any digit prefix wins over a section letter (so 14 食品制造业 is high inside section C).
 */
export function industryGroupOf(industryCode: string | null, groups: IndustryGroups): IndustryRiskGroup {
  if (industryCode === null || industryCode === '') {
    return 'low';
  }
  let best: IndustryRiskGroup = 'low';
  let bestLen = -1;
  let section: string | undefined;
  for (const g of ['high', 'medium'] as const) {
    for (const p of groups[g]) {
      let len: number;
      if (/^[A-T]$/.test(p)) {
        section ??= lookupIndustry(industryCode)?.section ?? '';
        len = section === p ? 0 : -1;
      } else {
        len = industryCode.startsWith(p) ? p.length : -1;
      }
      if (len > bestLen) {
        best = g;
        bestLen = len;
      }
    }
  }
  return best;
}
