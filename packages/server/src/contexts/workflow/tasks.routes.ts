/**
 * /api/tasks: tasks (抽查任务) — read, edit, delete, participation of joint departments. Freezing
 * a task's new draw (POST /api/tasks/:id/draws) is a draw route (draws.routes.ts).
 */
import { taskSpecSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, handle, responses, rolesAccess, type ServiceDeps, auditContextOf } from '../platform';
import {
  editTask,
  getTaskDetail,
  listTasksFor,
  participationSchema,
  removeTask,
  respondToTask,
} from './task.service';
import { drawSummarySchema, taskViewSchema } from './workflow-views';

const READERS = rolesAccess('system_admin', 'dept_admin', 'leader', 'auditor');
const idParams = z.object({ id: z.string().regex(/^T-\d{4}-\d{4,}$/, 'T-YYYY-NNNN') });
const estimateSchema = z.object({
  strata: z.array(z.object({ name: z.string(), frameSize: z.number(), sampleSize: z.number() })),
  cap: z.string().nullable(),
  overallPercent: z.string().nullable(),
  within: z.boolean(),
});

/** Register task routes. */
export async function registerTaskRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/tasks',
    {
      config: { access: READERS },
      schema: {
        tags: ['tasks'],
        summary: '抽查任务列表 / tasks',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: responses(z.object({ items: z.array(taskViewSchema) })),
      },
    },
    async (request) => ({ items: await listTasksFor(deps, actorOf(request), request.query.year) }),
  );
  r.get(
    '/api/tasks/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['tasks'],
        summary: '任务详情、摇号与估算 / a task with draws and estimate',
        params: idParams,
        response: responses(
          z.object({ task: taskViewSchema, draws: z.array(drawSummarySchema), estimate: estimateSchema }),
        ),
      },
    },
    async (request, reply) => {
      const res = await getTaskDetail(deps, actorOf(request), request.params.id);
      return handle(reply, res);
    },
  );
  r.put(
    '/api/tasks/:id',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['tasks'],
        summary: '修改任务 / edit a task',
        params: idParams,
        body: taskSpecSchema,
        response: responses(taskViewSchema),
      },
    },
    async (request, reply) => {
      const res = await editTask(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );
  r.delete(
    '/api/tasks/:id',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['tasks'],
        summary: '删除未摇号的任务 / delete an undrawn task',
        params: idParams,
        response: responses(z.object({ deleted: z.string() })),
      },
    },
    async (request, reply) => {
      const res = await removeTask(deps, auditContextOf(request), request.params.id);
      return handle(reply, res);
    },
  );
  r.post(
    '/api/tasks/:id/participation',
    {
      config: { access: rolesAccess('dept_admin', 'leader') },
      schema: {
        tags: ['tasks'],
        summary: '参与部门确认 / accept or decline a joint task',
        params: idParams,
        body: participationSchema,
        response: responses(taskViewSchema),
      },
    },
    async (request, reply) => {
      const res = await respondToTask(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );
}
