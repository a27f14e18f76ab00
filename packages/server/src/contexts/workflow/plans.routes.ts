/**
 * /api/plans: annual plans (年度抽查计划), their flow, the city-wide view, scheme generation
 * and adding tasks. Thin: parse, authorise, call a service, reply.
 */
import { taskSpecSchema, ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, type ServiceDeps, endpoints } from '../platform';
import {
  cityPlanView,
  generateScheme,
  schemeRequestSchema,
  schemeResultSchema,
} from './plan-overview.service';
import {
  createPlan,
  getPlanDetail,
  listPlansFor,
  newPlanSchema,
  planActionSchema,
  transitionPlan,
  updatePlanTitle,
} from './plan.service';
import { createTask } from './task.service';
import { planViewSchema, revisionViewSchema, taskViewSchema } from './workflow-views';

const READERS = rolesAccess('system_admin', 'dept_admin', 'leader', 'auditor');
const idParams = z.object({ id: z.uuid() });
const overlapSchema = z.object({
  a: z.string(),
  b: z.string(),
  commonTargets: z.number(),
  suggestionZh: z.string(),
  suggestionEn: z.string(),
});

/** Register plan routes. */
export async function registerPlanRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const plans = endpoints(app, 'plans');
  plans.get({
    url: '/api/plans',
    summary: '年度抽查计划列表 / annual plans',
    access: READERS,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: z.object({ items: z.array(planViewSchema) }),
    run: async (c) => ok({ items: await listPlansFor(deps, c.actor, c.query.year) }),
  });
  plans.post({
    url: '/api/plans',
    summary: '新建年度计划 / create a plan',
    access: rolesAccess('dept_admin'),
    body: newPlanSchema,
    response: planViewSchema,
    status: 201,
    run: (c) => createPlan(deps, c.audit, c.body),
  });
  plans.get({
    url: '/api/plans/city',
    summary: '全市计划汇总与重叠提示 / city-wide view with overlaps',
    access: READERS,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    response: z.object({
      year: z.number(),
      plans: z.array(planViewSchema),
      tasks: z.array(taskViewSchema),
      overlaps: z.array(overlapSchema),
      pairsChecked: z.number(),
      pairsTotal: z.number(),
    }),
    run: async (c) => ok(await cityPlanView(deps, c.actor, c.query.year)),
  });
  plans.get({
    url: '/api/plans/:id',
    summary: '计划详情 / a plan with tasks and revisions',
    access: READERS,
    params: idParams,
    response: z.object({
      plan: planViewSchema,
      tasks: z.array(taskViewSchema),
      /** Task id → its frame estimated now (in scope, 在营, under the yearly cap). */
      frames: z.record(z.string(), z.int()),
      revisions: z.array(revisionViewSchema),
    }),
    run: (c) => getPlanDetail(deps, c.actor, c.params.id),
  });
  plans.patch({
    url: '/api/plans/:id',
    summary: '修改计划名称 / rename a plan',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: z.object({ title: newPlanSchema.shape.title }),
    response: planViewSchema,
    run: (c) => updatePlanTitle(deps, c.audit, c.params.id, c.body.title),
  });
  plans.post({
    url: '/api/plans/:id/actions',
    summary: '提交、审批、退回、公示、修订 / submit, approve, return, publish, revise',
    access: rolesAccess('dept_admin', 'leader'),
    params: idParams,
    body: planActionSchema,
    response: planViewSchema,
    run: (c) => transitionPlan(deps, c.audit, c.params.id, c.body),
  });
  plans.post({
    url: '/api/plans/:id/scheme',
    summary: '抽查方案自动生成 / generate a scheme',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: schemeRequestSchema,
    response: schemeResultSchema,
    run: (c) => generateScheme(deps, c.actor, c.params.id, c.body),
  });
  plans.post({
    url: '/api/plans/:id/tasks',
    summary: '新建抽查任务 / add a task',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: taskSpecSchema,
    response: taskViewSchema,
    status: 201,
    run: (c) => createTask(deps, c.audit, c.params.id, c.body),
  });
}
