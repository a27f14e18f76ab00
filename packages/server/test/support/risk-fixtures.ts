/**
 * Builders for credit-risk tests (issue 6): targets with risk facts, reviewed inspections with
 * result categories, tasks with strata for the usage rate, and an external tiers CSV.
 */
import { completeUscc } from '@openssj/core';
import type { Database } from '../../src/db/client';
import {
  draws,
  inspectionResults,
  inspections,
  plans,
  targetRiskFacts,
  targets,
  tasks,
} from '../../src/db/schema';

/** A valid USCC numbered n in a division (distinct for distinct n). */
export function riskUscc(n: number, division = '500112'): string {
  const c = completeUscc(`91${division}MA${n.toString().padStart(7, '0')}`.slice(0, 17));
  if (c === undefined) {
    throw new Error(`bad uscc ${n}`);
  }
  return c;
}

export interface RiskTargetSpec {
  readonly id: string;
  readonly division?: string;
  readonly industryCode?: string | null;
  readonly tags?: readonly string[];
  readonly status?: '在营' | '注销';
  readonly facts?: Partial<{
    registeredOn: string | null;
    abnormalListed: boolean;
    penalties3y: number;
    complaints12m: number;
    annualReportOverdue: boolean;
  }>;
}

/** Insert targets and (when given) their risk facts. */
export async function insertRiskTargets(database: Database, specs: readonly RiskTargetSpec[]): Promise<void> {
  const db = database.db;
  await db.insert(targets).values(
    specs.map((s) => ({
      id: s.id,
      uscc: s.id.includes(':') ? null : s.id,
      type: s.id.includes(':') ? '产品' : '企业',
      name: `风险测试对象 ${s.id}`,
      divisionCode: s.division ?? '500112',
      industryCode: s.industryCode ?? null,
      status: s.status ?? '在营',
      tags: [...(s.tags ?? [])],
    })),
  );
  const facts = specs.filter((s) => s.facts !== undefined);
  if (facts.length > 0) {
    await db.insert(targetRiskFacts).values(facts.map((s) => ({ targetId: s.id, ...s.facts })));
  }
}

let seq = 0;

async function plan(database: Database, departmentCode: string, year: number): Promise<string> {
  const [p] = await database.db
    .insert(plans)
    .values({ departmentCode, year, title: '风险测试计划', status: 'published' })
    .returning({ id: plans.id });
  if (p === undefined) {
    throw new Error('no plan');
  }
  return p.id;
}

/** A reviewed inspection of a target with one result per category (distinct item ids). */
export async function reviewedInspection(
  database: Database,
  targetId: string,
  visitedOn: string,
  categories: readonly string[],
  status: 'approved' | 'published' | 'submitted' = 'approved',
): Promise<void> {
  const db = database.db;
  const year = Number(visitedOn.slice(0, 4));
  const taskId = `T-${year}-R${String(++seq).padStart(3, '0')}`;
  const drawId = `D-${year}-R${String(seq).padStart(3, '0')}`;
  await db.insert(tasks).values({
    id: taskId,
    planId: await plan(database, '500112-SCJG', year),
    leadDepartmentCode: '500112-SCJG',
    title: '风险测试任务',
    scope: {},
    strata: [],
    windowStart: visitedOn,
    windowEnd: visitedOn,
    quota: {},
    status: 'inspecting',
  });
  await db.insert(draws).values({
    id: drawId,
    taskId,
    status: 'drawn',
    frozenAt: new Date(`${visitedOn}T01:00:00Z`),
    strata: [],
    frameExclusionCounts: {},
    poolDigest: 'x',
    pairExclusionsDigest: 'x',
  });
  const [ins] = await db
    .insert(inspections)
    .values({
      taskId,
      drawId,
      targetId,
      drawYear: year,
      inspectors: ['X-1', 'X-2'],
      status,
      visitedAt: new Date(`${visitedOn}T03:00:00Z`),
    })
    .returning({ id: inspections.id });
  for (const [i, category] of categories.entries()) {
    await db.insert(inspectionResults).values({
      inspectionId: ins?.id ?? '',
      itemId: `00000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}`,
      itemVersion: 1,
      departmentCode: '500112-SCJG',
      category,
      recordedBy: 'insp_a',
      recordedAt: new Date(`${visitedOn}T04:00:00Z`),
    });
  }
}

/** A task of a lead department with these strata and tier source (for the usage rate). */
export async function usageTask(
  database: Database,
  departmentCode: string,
  windowStart: string,
  strata: unknown,
  tierSource: 'computed' | 'imported' | null = null,
): Promise<string> {
  const id = `T-${windowStart.slice(0, 4)}-U${String(++seq).padStart(3, '0')}`;
  await database.db.insert(tasks).values({
    id,
    planId: await plan(database, departmentCode, Number(windowStart.slice(0, 4))),
    leadDepartmentCode: departmentCode,
    title: '使用率测试任务',
    scope: {},
    strata,
    tierSource,
    windowStart,
    windowEnd: windowStart,
    quota: {},
  });
  return id;
}

export const TIER_CSV_HEADER = ['统一社会信用代码', '对象编码', '信用风险等级', '评定日期', '来源'];
