/**
 * Review (复核), publication (公示) and deadlines: approve or return a visit, publish a
 * visit or a task's approved results, the 20-working-day countdowns and overdue list,
 * the national publicity export, and the holiday calendar's coverage (暂定 warning).
 */
import { ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  rolesAccess,
  sessionAccess,
  coverageSchema,
  holidayCoverage,
  type ServiceDeps,
  endpoints,
} from '../platform';
import { listTaskDeadlines, taskDeadlineSchema } from './deadline.service';
import { visitViewSchema } from './inspection-view';
import { exportPublicity } from './publication-export.service';
import { publishTaskResults, publishTaskResultSchema, publishVisit, reviewVisit } from './review.service';

const PUBLISHERS = rolesAccess('system_admin', 'dept_admin', 'leader');
const OVERSIGHT = rolesAccess('system_admin', 'dept_admin', 'leader', 'auditor');
const idParams = z.object({ id: z.uuid() });

/** Register review and publication routes. */
export async function registerReviewRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const calendar = endpoints(app, 'calendar');
  const review = endpoints(app, 'review');
  review.post({
    url: '/api/inspections/:id/review',
    summary: '复核：通过或退回 / review: approve, or return with a comment',
    access: rolesAccess('leader'),
    params: idParams,
    body: z.object({
      version: z.int().min(1),
      decision: z.enum(['approve', 'return']),
      comment: z.string().max(1000).optional(),
    }),
    response: visitViewSchema,
    run: (c) => reviewVisit(deps, c.audit, c.params.id, c.body),
  });

  review.post({
    url: '/api/inspections/:id/publish',
    summary: '公示一条已复核结果 / publish one approved result',
    access: PUBLISHERS,
    params: idParams,
    body: z.object({ version: z.int().min(1) }),
    response: visitViewSchema,
    run: (c) => publishVisit(deps, c.audit, c.params.id, c.body.version),
  });

  review.post({
    url: '/api/publication/tasks/:taskId/publish',
    summary: '公示任务的全部已复核结果 / publish a task’s approved results',
    access: PUBLISHERS,
    params: z.object({ taskId: z.string().min(1).max(60) }),
    response: publishTaskResultSchema,
    run: (c) => publishTaskResults(deps, c.audit, c.params.taskId),
  });

  review.get({
    url: '/api/publication/deadlines',
    summary: '结果公示期限（20 个工作日）与逾期任务 / publication countdowns and overdue tasks',
    access: OVERSIGHT,
    query: z.object({
      overdue: z.enum(['true', 'false']).default('false'),
      includePublished: z.enum(['true', 'false']).default('false'),
    }),
    response: z.object({ items: z.array(taskDeadlineSchema) }),
    run: async (c) =>
      ok({
        items: await listTaskDeadlines(deps, c.actor, {
          overdueOnly: c.query.overdue === 'true',
          includePublished: c.query.includePublished === 'true',
        }),
      }),
  });

  review.download({
    url: '/api/publication/export',
    summary: '全国公示导出（xlsx/csv）/ national publicity export',
    access: OVERSIGHT,
    config: { readsFrom: 'replica' },
    query: z.object({
      taskId: z.string().max(60).optional(),
      format: z.enum(['xlsx', 'csv']).default('xlsx'),
    }),
    run: async (c) => exportPublicity(deps, c.actor, c.query),
  });

  calendar.get({
    url: '/api/holidays/coverage',
    summary: '节假日表覆盖年份（缺表年份的期限为暂定）/ calendar coverage',
    access: sessionAccess,
    response: coverageSchema,
    run: async () => ok(await holidayCoverage(deps.database.db, deps.clock())),
  });
}
