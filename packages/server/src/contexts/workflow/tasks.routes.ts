/**
 * /api/tasks: tasks (抽查任务) — read, edit, delete, participation of joint departments; the scope
 * picker's options and live frame estimate. Freezing
 * a task's new draw (POST /api/tasks/:id/draws) is a draw route (draws.routes.ts).
 */
import { taskSpecSchema, ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, type ServiceDeps, endpoints } from '../platform';
import { editTask, participationSchema, removeTask, respondToTask } from './task.service';
import { getTaskDetail, listTasksFor } from './task-query.service';
import {
  estimateScopeFrames,
  frameEstimateInputSchema,
  frameEstimateSchema,
  scopeOptions,
  scopeOptionsSchema,
} from './scope.service';
import { drawSummarySchema, taskViewSchema } from './workflow-views';

const READERS = rolesAccess('system_admin', 'dept_admin', 'leader', 'auditor');
const PLANNERS = rolesAccess('dept_admin', 'leader');
const idParams = z.object({ id: z.string().regex(/^T-\d{4}-\d{4,}$/, 'T-YYYY-NNNN') });
const estimateSchema = z.object({
  strata: z.array(z.object({ name: z.string(), frameSize: z.number(), sampleSize: z.number() })),
  cap: z.string().nullable(),
  overallPercent: z.string().nullable(),
  within: z.boolean(),
});

/** Register task routes. */
export async function registerTaskRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const tasks = endpoints(app, 'tasks');
  tasks.get({
    url: '/api/tasks',
    summary: '抽查任务列表 / tasks',
    access: READERS,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: z.object({ items: z.array(taskViewSchema) }),
    run: async (c) => ok({ items: await listTasksFor(deps, c.actor, c.query.year) }),
  });
  tasks.get({
    url: '/api/tasks/scope-options',
    summary: '抽查范围可选项（本辖区的行政区划、行业、标签及在营户数）/ the scope picker’s options',
    access: PLANNERS,
    response: scopeOptionsSchema,
    run: (c) => scopeOptions(deps, c.actor),
  });
  tasks.post({
    url: '/api/tasks/frame-estimate',
    summary: '按抽查范围估算名录户数 / the frame size of a scope, live',
    access: PLANNERS,
    body: frameEstimateInputSchema,
    response: frameEstimateSchema,
    run: (c) => estimateScopeFrames(deps, c.actor, c.body),
  });
  tasks.get({
    url: '/api/tasks/:id',
    summary: '任务详情、摇号与估算 / a task with draws and estimate',
    access: READERS,
    params: idParams,
    response: z.object({ task: taskViewSchema, draws: z.array(drawSummarySchema), estimate: estimateSchema }),
    run: (c) => getTaskDetail(deps, c.actor, c.params.id),
  });
  tasks.put({
    url: '/api/tasks/:id',
    summary: '修改任务 / edit a task',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: taskSpecSchema,
    response: taskViewSchema,
    run: (c) => editTask(deps, c.audit, c.params.id, c.body),
  });
  tasks.delete({
    url: '/api/tasks/:id',
    summary: '删除未摇号的任务 / delete an undrawn task',
    access: rolesAccess('dept_admin'),
    params: idParams,
    response: z.object({ deleted: z.string() }),
    run: (c) => removeTask(deps, c.audit, c.params.id),
  });
  tasks.post({
    url: '/api/tasks/:id/participation',
    summary: '参与部门确认 / accept or decline a joint task',
    access: rolesAccess('dept_admin', 'leader'),
    params: idParams,
    body: participationSchema,
    response: taskViewSchema,
    run: (c) => respondToTask(deps, c.audit, c.params.id, c.body),
  });
}
