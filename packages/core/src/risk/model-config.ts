/**
 * The score model's configuration (per region, issue 6): weights per indicator as points per
 * risk unit (≥ 0, at most two decimals so that sums are exact in hundredths), caps on the
 * counted units, industry groups, and the tier cut-offs (strictly ascending B < C < D).
 */
import { z } from 'zod';
import { domainError, type DomainError, type FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';

/** A non-negative decimal with at most two places (points, cut-offs). */
export const points2Schema = z
  .number()
  .min(0)
  .max(10_000)
  .refine((n) => Math.abs(n * 100 - Math.round(n * 100)) < 1e-6, { message: 'at most two decimal places' });

const industryPrefix = z
  .string()
  .regex(/^([A-T]|\d{2,4})$/, 'a section letter A–T or a 2–4 digit GB/T 4754 code');

export const riskModelConfigSchema = z.object({
  /** Points per risk unit of each indicator. */
  weights: z.object({
    abnormalList: points2Schema,
    penalties: points2Schema,
    inspectionProblems: points2Schema,
    complaints: points2Schema,
    newRegistration: points2Schema,
    industryGroup: points2Schema,
    riskWarningTag: points2Schema,
    annualReportOverdue: points2Schema,
    /** Added with alert intake (issue 16): a config saved before it takes the default. */
    riskAlerts: points2Schema.default(5),
  }),
  /** Units counted at most (the transform is linear up to the cap). */
  caps: z.object({
    penalties: z.int().min(1).max(100),
    inspectionProblems: z.int().min(1).max(100),
    complaints: z.int().min(1).max(1000),
    /** A target registered fewer than this many full years ago scores (years − age) units. */
    newRegistrationYears: z.int().min(1).max(50),
    /** Alerts in force counted at most. */
    riskAlerts: z.int().min(1).max(100).default(3),
  }),
  /** Past inspections counted for 'problems found', in years before the scoring date. */
  inspectionLookbackYears: z.int().min(1).max(20),
  industryGroups: z.object({
    high: z.array(industryPrefix).max(500),
    medium: z.array(industryPrefix).max(500),
  }),
  /** A score at or above a cut-off reaches that tier; below B is A. */
  cutoffs: z.object({ B: points2Schema, C: points2Schema, D: points2Schema }),
  /** Which tier targets.risk_tier shows when both exist (the other fills in when one is missing). */
  effectiveSource: z.enum(['computed', 'imported']),
});
export type RiskModelConfig = z.infer<typeof riskModelConfigSchema>;

// food, drink, drugs, chemicals, fuels, boilers, lifting equipment and elevators, rides, gas,
// food and drug wholesale and retail, fuel retail, hazardous goods transport and storage, catering
const DEFAULT_INDUSTRY_GROUPS: { high: string[]; medium: string[] } = {
  high: [
    '13',
    '14',
    '15',
    '25',
    '26',
    '27',
    '3411',
    '343',
    '2461',
    '45',
    '512',
    '515',
    '522',
    '525',
    '5265',
    '5266',
    '5435',
    '594',
    '62',
  ],
  medium: ['B', 'C', 'D', 'E', 'F', 'G', 'H'],
};

/** Defaults: an abnormal-list entry alone reaches C; with a penalty, D. */
export const DEFAULT_RISK_MODEL: RiskModelConfig = {
  weights: {
    abnormalList: 30,
    penalties: 10,
    inspectionProblems: 8,
    complaints: 2,
    newRegistration: 3,
    industryGroup: 6,
    riskWarningTag: 15,
    annualReportOverdue: 10,
    riskAlerts: 5,
  },
  caps: { penalties: 3, inspectionProblems: 3, complaints: 5, newRegistrationYears: 3, riskAlerts: 3 },
  inspectionLookbackYears: 3,
  industryGroups: DEFAULT_INDUSTRY_GROUPS,
  cutoffs: { B: 10, C: 25, D: 45 },
  effectiveSource: 'computed',
};

/** Parse and check a model config: the schema, then cut-offs strictly ascending. */
export function validateRiskModel(input: unknown): Result<RiskModelConfig, DomainError> {
  const parsed = riskModelConfigSchema.safeParse(input);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      field: i.path.join('.'),
      messageZh: `配置项 ${i.path.join('.')} 无效：${i.message}`,
      messageEn: `${i.path.join('.')}: ${i.message}`,
    }));
    return err(
      domainError('VALIDATION', '信用风险模型配置无效', 'invalid credit-risk model configuration', {
        issues,
      }),
    );
  }
  const c = parsed.data.cutoffs;
  if (!(c.B < c.C && c.C < c.D)) {
    return err(
      domainError('VALIDATION', '分级阈值须递增：B < C < D', 'tier cut-offs must ascend: B < C < D', {
        issues: [
          {
            field: 'cutoffs',
            value: `${c.B}/${c.C}/${c.D}`,
            messageZh: '分级阈值须递增：B < C < D',
            messageEn: 'tier cut-offs must ascend: B < C < D',
          },
        ],
      }),
    );
  }
  return ok(parsed.data);
}
