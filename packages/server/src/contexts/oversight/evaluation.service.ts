/**
 * Department evaluation (考核, issue 6: 照单履责、照单考核): the criteria and weights of a region
 * (settings, nearest region up the chain, else the core default), each department's rates for the
 * year from the dashboard metrics plus plans published on time, scored in core; with an xlsx export.
 */
import {
  DEFAULT_EVALUATION_CONFIG,
  EVALUATION_CRITERIA,
  evaluationConfigSchema,
  ok,
  rateOf,
  scoreDepartment,
  validateEvaluationConfig,
  type DomainError,
  type EvaluationConfig,
  type Result,
} from '@openssj/core';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import { type Actor, xlsxStream, type ServiceDeps } from '../platform';
import { plansPublishedOnTime } from './evaluation.repo';
import { dashboardMetrics } from './metrics.service';
import { regionSetting, regionSettingViewSchema } from '../risk';

export const EVALUATION_SETTING = 'evaluationCriteria';

export const criteriaViewSchema = regionSettingViewSchema(evaluationConfigSchema);
const part = z.object({
  key: z.enum(EVALUATION_CRITERIA),
  value: z.number().nullable(),
  weight: z.number(),
  target: z.number(),
  points: z.number().nullable(),
});
export const evaluationReportSchema = z.object({
  regionCode: z.string(),
  year: z.number(),
  config: evaluationConfigSchema,
  rows: z.array(
    z.object({
      rank: z.number().nullable(),
      departmentCode: z.string(),
      name: z.string(),
      /** 照单履责: the department's item list and how much of it was inspected. */
      items: z.number(),
      itemsInspected: z.number(),
      tasks: z.number(),
      inspections: z.number(),
      total: z.number().nullable(),
      parts: z.array(part),
    }),
  ),
});
export type EvaluationReport = z.infer<typeof evaluationReportSchema>;

const criteria = regionSetting({
  key: EVALUATION_SETTING,
  schema: evaluationConfigSchema,
  fallback: DEFAULT_EVALUATION_CONFIG,
  // the same per-field messages as the console's editor
  validate: validateEvaluationConfig,
  action: 'evaluation.criteria',
});

/** The criteria that apply to a region and where they come from. */
export const getCriteria = criteria.get;
/** Set a region's criteria and weights (market-regulation admin of the region, or system admin); audited. */
export const putCriteria = criteria.put;
/** Drop a region's own criteria so it inherits again (up the chain, else the default); audited. */
export const resetCriteria = criteria.reset;

/** Plans of the year published before their first task began, per department (004: plans are published first). */
async function plansOnTime(
  deps: ServiceDeps,
  region: string,
  year: number,
): Promise<Map<string, { plans: number; onTime: number }>> {
  const rows = await plansPublishedOnTime(deps.database.db, region, year);
  return new Map(rows.map((x) => [x.dept, { plans: x.plans, onTime: x.on_time }]));
}

/** Score every department of a region for a year under the region's criteria, ranked. */
export async function evaluationReport(
  deps: ServiceDeps,
  actor: Actor,
  region: string,
  year: number,
): Promise<Result<EvaluationReport, DomainError>> {
  const criteria = await getCriteria(deps, actor, region);
  if (!criteria.ok) {
    return criteria;
  }
  const metrics = await dashboardMetrics(deps, actor, { region, year });
  if (!metrics.ok) {
    return metrics;
  }
  const config: EvaluationConfig = criteria.value.config;
  const plans = await plansOnTime(deps, region, year);
  const rows = metrics.value.departments.map((d) => {
    const p = plans.get(d.code);
    const s = scoreDepartment(
      {
        planOnTime: rateOf(p?.onTime ?? 0, p?.plans ?? 0),
        coverage: d.coverage,
        jointShare: d.jointShare,
        onTimePublication: d.onTimePublication,
        followUpClosure: d.followUpClosure,
        riskUsage: d.riskUsage,
        problemDiscovery: d.problemRate,
      },
      config,
    );
    return {
      departmentCode: d.code,
      name: d.name,
      items: d.items,
      itemsInspected: d.itemsInspected,
      tasks: d.tasks,
      inspections: d.inspections,
      total: s.total,
      parts: [...s.parts],
    };
  });
  rows.sort((a, b) => (b.total ?? -1) - (a.total ?? -1) || a.departmentCode.localeCompare(b.departmentCode));
  const ranked = rows.map((r, i) => ({ ...r, rank: r.total === null ? null : i + 1 }));
  return ok({ regionCode: region, year, config, rows: ranked });
}

const CRITERION_ZH: Readonly<Record<(typeof EVALUATION_CRITERIA)[number], string>> = {
  planOnTime: '计划按时公布率',
  coverage: '事项清单覆盖率',
  jointShare: '联合抽查占比',
  onTimePublication: '结果按时公示率',
  followUpClosure: '后续处置办结率',
  riskUsage: '信用风险分类使用率',
  problemDiscovery: '问题发现率',
};

const pct = (v: number | null): string => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/** The report as an xlsx stream (cells neutralised against formula injection by the sheet writer). */
export async function evaluationXlsx(
  deps: ServiceDeps,
  actor: Actor,
  region: string,
  year: number,
): Promise<Result<{ fileName: string; stream: Readable }, DomainError>> {
  const rep = await evaluationReport(deps, actor, region, year);
  if (!rep.ok) {
    return rep;
  }
  const crit = rep.value.config.criteria;
  const header = [
    '排名',
    '部门代码',
    '部门',
    '事项数',
    '已检查事项',
    '任务数',
    '检查户次',
    ...crit.flatMap((c) => [`${CRITERION_ZH[c.key]}`, `${CRITERION_ZH[c.key]}得分（满分 ${c.weight}）`]),
    '总分',
  ];
  const body = rep.value.rows.map((r) => [
    r.rank === null ? '—' : String(r.rank),
    r.departmentCode,
    r.name,
    String(r.items),
    String(r.itemsInspected),
    String(r.tasks),
    String(r.inspections),
    ...r.parts.flatMap((p) => [pct(p.value), p.points === null ? '不适用' : p.points.toFixed(2)]),
    r.total === null ? '—' : r.total.toFixed(2),
  ]);
  async function* rows() {
    yield body;
  }
  return ok({ fileName: `考核-${region}-${year}.xlsx`, stream: xlsxStream(`${year} 考核`, header, rows()) });
}
