/**
 * /api/plans: annual plans (年度抽查计划), their flow, the city-wide view, scheme generation
 * and adding tasks. Thin: parse, authorise, call a service, reply.
 */
import { taskSpecSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { findPlan } from './plan.repo';
import {
  actorOf,
  handle,
  responses,
  rolesAccess,
  sendError,
  type ServiceDeps,
  forbiddenDepartment,
  auditContextOf,
} from '../platform';
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
import { domainError } from '@openssj/core';

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
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/plans',
    {
      config: { access: READERS },
      schema: {
        tags: ['plans'],
        summary: '年度抽查计划列表 / annual plans',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: responses(z.object({ items: z.array(planViewSchema) })),
      },
    },
    async (request) => ({ items: await listPlansFor(deps, actorOf(request), request.query.year) }),
  );
  r.post(
    '/api/plans',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['plans'],
        summary: '新建年度计划 / create a plan',
        body: newPlanSchema,
        response: responses(planViewSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await createPlan(deps, auditContextOf(request), request.body);
      return handle(reply, res, 201);
    },
  );
  r.get(
    '/api/plans/city',
    {
      config: { access: READERS },
      schema: {
        tags: ['plans'],
        summary: '全市计划汇总与重叠提示 / city-wide view with overlaps',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
        response: responses(
          z.object({
            year: z.number(),
            plans: z.array(planViewSchema),
            tasks: z.array(taskViewSchema),
            overlaps: z.array(overlapSchema),
            pairsChecked: z.number(),
            pairsTotal: z.number(),
          }),
        ),
      },
    },
    async (request) => cityPlanView(deps, actorOf(request), request.query.year),
  );
  r.get(
    '/api/plans/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['plans'],
        summary: '计划详情 / a plan with tasks and revisions',
        params: idParams,
        response: responses(
          z.object({
            plan: planViewSchema,
            tasks: z.array(taskViewSchema),
            revisions: z.array(revisionViewSchema),
          }),
        ),
      },
    },
    async (request, reply) => {
      const res = await getPlanDetail(deps, actorOf(request), request.params.id);
      return handle(reply, res);
    },
  );
  r.patch(
    '/api/plans/:id',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['plans'],
        summary: '修改计划名称 / rename a plan',
        params: idParams,
        body: z.object({ title: newPlanSchema.shape.title }),
        response: responses(planViewSchema),
      },
    },
    async (request, reply) => {
      const res = await updatePlanTitle(deps, auditContextOf(request), request.params.id, request.body.title);
      return handle(reply, res);
    },
  );
  r.post(
    '/api/plans/:id/actions',
    {
      config: { access: rolesAccess('dept_admin', 'leader') },
      schema: {
        tags: ['plans'],
        summary: '提交、审批、退回、公示、修订 / submit, approve, return, publish, revise',
        params: idParams,
        body: planActionSchema,
        response: responses(planViewSchema),
      },
    },
    async (request, reply) => {
      const res = await transitionPlan(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );
  r.post(
    '/api/plans/:id/scheme',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['plans'],
        summary: '抽查方案自动生成 / generate a scheme',
        params: idParams,
        body: schemeRequestSchema,
        response: responses(schemeResultSchema),
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const plan = await findPlan(deps.database.db, request.params.id);
      if (plan === undefined) {
        return sendError(reply, domainError('NOT_FOUND', '没有这个计划', 'no such plan'));
      }
      if (plan.departmentCode !== actor.departmentCode) {
        return sendError(reply, forbiddenDepartment(plan.departmentCode));
      }
      const res = await generateScheme(deps, actor, plan.year, request.body);
      return res.ok ? schemeResultSchema.parse(res.value) : sendError(reply, res.error);
    },
  );
  r.post(
    '/api/plans/:id/tasks',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['plans'],
        summary: '新建抽查任务 / add a task',
        params: idParams,
        body: taskSpecSchema,
        response: responses(taskViewSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await createTask(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res, 201);
    },
  );
}
