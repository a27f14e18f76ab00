/**
 * The city-wide plan view (all departments' plans of a year merged, with overlaps of tasks of
 * different departments on the same targets and a suggestion to join them), plan scheme
 * generation (抽查方案自动生成) with estimated frames and visits, and the public plans list.
 */
import {
  estimateScheme,
  evaluateRatioCap,
  overlapCandidates,
  overlapSuggestion,
  schemeShapes,
  stratumSpecSchema,
  taskScopeSchema,
  type DomainError,
  type OverlapPair,
  type Result,
  err,
  ok,
  domainError,
  isoDateSchema,
} from '@openssj/core';
import { z } from 'zod';
import { forbiddenDepartment, hasAnyRole, type Actor, type ServiceDeps } from '../platform';
import { estimateFrames } from './frame-estimate.repo';
import { findPlan, listPlans, listRevisions } from './plan.repo';
import { listTasks } from './task.repo';
import { yearlyCap } from './workflow-settings';
import { planView, taskView } from './workflow-views';
import { currentItemVersions } from '../library';
import { commonTargetCount } from './scope-overlap.repo';

const MAX_PAIRS = 200;

/** The merged plans of a year, tasks, and overlap suggestions; dept admins see their own and joint plans. */
export async function cityPlanView(deps: ServiceDeps, actor: Actor, year: number) {
  const db = deps.database.db;
  const all = hasAnyRole(actor, ['system_admin', 'auditor', 'leader']);
  const visible = all ? {} : { visibleTo: [actor.departmentCode] };
  const planRows = await listPlans(db, { year, ...visible });
  const tasks = (await listTasks(db, { year, ...visible })).map(taskView);
  const candidates = overlapCandidates(
    tasks.map((t) => ({
      id: t.id,
      title: t.title,
      lead: t.leadDepartmentCode,
      participants: t.participants.map((p) => p.departmentCode),
      windowStart: t.windowStart,
      windowEnd: t.windowEnd,
    })),
  );
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const overlaps: OverlapPair[] = [];
  for (const [a, b] of candidates.slice(0, MAX_PAIRS)) {
    const ta = byId.get(a.id);
    const tb = byId.get(b.id);
    if (ta === undefined || tb === undefined) {
      continue;
    }
    const n = await commonTargetCount(db, ta.scope, tb.scope);
    if (n > 0) {
      overlaps.push(overlapSuggestion(a, b, n));
    }
  }
  return {
    year,
    plans: planRows.map(planView),
    tasks,
    overlaps,
    pairsChecked: Math.min(candidates.length, MAX_PAIRS),
    pairsTotal: candidates.length,
  };
}

export const schemeRequestSchema = z.object({
  titlePrefix: z.string().trim().min(1).max(100),
  cooperating: z.array(z.string().trim().min(1).max(40)).max(30).default([]),
  itemIds: z.array(z.uuid()).min(1).max(100),
  scope: taskScopeSchema,
  grouping: z.enum(['joint', 'byDepartment', 'byDivision']),
  strata: z.array(stratumSpecSchema).min(1).max(10),
  windowStart: isoDateSchema,
  windowEnd: isoDateSchema,
});

/** Generate a plan scheme: task list with estimated frame sizes, sample sizes, visits and the ratio-cap check. */
export async function generateScheme(
  deps: ServiceDeps,
  actor: Actor,
  planId: string,
  input: z.infer<typeof schemeRequestSchema>,
): Promise<Result<z.output<typeof schemeResultSchema>, DomainError>> {
  const db = deps.database.db;
  const plan = await findPlan(db, planId);
  if (plan === undefined) {
    return err(domainError('NOT_FOUND', '没有这个计划', 'no such plan'));
  }
  if (plan.departmentCode !== actor.departmentCode) {
    return err(forbiddenDepartment(plan.departmentCode));
  }
  const year = plan.year;
  const items = await currentItemVersions(db, input.itemIds);
  const depts = new Set([actor.departmentCode, ...input.cooperating]);
  const foreign = items.filter((i) => !depts.has(i.departmentCode));
  if (items.length !== new Set(input.itemIds).size || foreign.length > 0) {
    return err(
      domainError(
        'VALIDATION',
        '抽查事项须为本部门或配合部门的现行事项',
        'items must be current items of your department or a cooperating one',
      ),
    );
  }
  const req = { ...input, lead: actor.departmentCode, items };
  const shapes = schemeShapes(req);
  const cap = await yearlyCap(db, actor.departmentCode);
  const frames = [];
  for (const s of shapes) {
    frames.push(await estimateFrames(db, s.scope, input.strata, year, cap));
  }
  const tasks = estimateScheme(req, shapes, frames).map((t) => {
    const own = items
      .filter((i) => t.itemIds.includes(i.id))
      .map((i) => ({
        priority: i.priority === 'key' ? ('key' as const) : ('general' as const),
        ratioCap: i.ratioCap,
      }));
    const check = evaluateRatioCap(
      own,
      t.strata.map((s) => ({ name: s.name, ratio: s.ratio, frameSize: s.frameEstimate })),
    );
    return {
      ...t,
      ratioCap: check.ok
        ? { cap: check.value.cap, overallPercent: check.value.overallPercent, within: check.value.within }
        : null,
    };
  });
  const visits = tasks.reduce((a, t) => a + t.visits, 0);
  const separate = tasks.reduce((a, t) => a + t.separateVisits, 0);
  return ok(schemeResultSchema.parse({ tasks, visits, separateVisits: separate }));
}

export const schemeResultSchema = z.object({
  tasks: z.array(
    z.object({
      title: z.string(),
      lead: z.string(),
      participants: z.array(z.string()),
      itemIds: z.array(z.string()),
      scope: taskScopeSchema,
      strata: z.array(stratumSpecSchema.extend({ frameEstimate: z.number(), sampleEstimate: z.number() })),
      quota: z.record(z.string(), z.number()),
      windowStart: z.string(),
      windowEnd: z.string(),
      visits: z.number(),
      separateVisits: z.number(),
      ratioCap: z
        .object({ cap: z.string().nullable(), overallPercent: z.string().nullable(), within: z.boolean() })
        .nullable(),
    }),
  ),
  visits: z.number(),
  separateVisits: z.number(),
});

/** Published plans (ever published) with their tasks and revisions, for the portal. */
export async function publicPlans(deps: ServiceDeps, year?: number) {
  const db = deps.database.db;
  const rows = (await listPlans(db, year === undefined ? {} : { year })).filter(
    (r) => r.plan.publishedAt !== null,
  );
  const out = [];
  for (const r of rows) {
    const tasks = await listTasks(db, { planId: r.plan.id });
    out.push({
      plan: planView(r),
      tasks: tasks.map(taskView).map((t) => ({
        id: t.id,
        title: t.title,
        leadDepartmentCode: t.leadDepartmentCode,
        participants: t.participants.map((p) => p.departmentCode),
        windowStart: t.windowStart,
        windowEnd: t.windowEnd,
        strata: t.strata,
        items: t.items.map((i) => ({
          name: i.name,
          departmentCode: i.departmentCode,
          priority: i.priority,
        })),
      })),
      revisions: (await listRevisions(db, r.plan.id)).map((v) => ({
        revision: v.revision,
        reason: v.reason,
        createdAt: v.createdAt.toISOString(),
      })),
    });
  }
  return out;
}
