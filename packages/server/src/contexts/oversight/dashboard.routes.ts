/**
 * /api/dashboard (统计分析, issue 6): metrics by region, department and period, the records behind
 * each chart (drill-down, paginated), and the fairness monitor. Leaders and auditors read; staff see
 * their own region and those below it, auditors and system admins everywhere. /api/workbench/todos:
 * every signed-in user's to-do list.
 */
import type { FastifyInstance } from 'fastify';
import { ok } from '@openssj/core';
import { z } from 'zod';
import { rolesAccess, sessionAccess, type ServiceDeps, endpoints } from '../platform';
import { fairnessQuerySchema, fairnessReport, fairnessSchema } from './fairness.service';
import { dashboardRecords, recordsQuerySchema, recordsSchema } from './metrics-records.service';
import { dashboardMetrics, dashboardSchema, metricsQuerySchema } from './metrics.service';
import { todoSchema, todosFor } from './todo.service';

const READERS = rolesAccess('leader', 'auditor', 'system_admin');

/** Register the dashboard routes. */
export async function registerDashboardRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const dashboard = endpoints(app, 'dashboard');

  dashboard.get({
    url: '/api/dashboard/metrics',
    summary: '统计分析 / metrics by region, department and period',
    access: READERS,
    config: { readsFrom: 'replica' },
    query: metricsQuerySchema,
    response: dashboardSchema,
    run: (c) => dashboardMetrics(deps, c.actor, c.query),
  });

  dashboard.get({
    url: '/api/dashboard/records',
    summary: '下钻明细 / the records behind a chart (paginated)',
    access: READERS,
    config: { readsFrom: 'replica' },
    query: recordsQuerySchema,
    response: recordsSchema,
    run: (c) => dashboardRecords(deps, c.actor, c.query),
  });

  dashboard.get({
    url: '/api/dashboard/fairness',
    summary: '公平性监测 / selection counts and inspector–target repeats against chance',
    access: READERS,
    config: { readsFrom: 'replica' },
    query: fairnessQuerySchema,
    response: fairnessSchema,
    run: (c) => fairnessReport(deps, c.actor, c.query),
  });

  endpoints(app, 'workbench').get({
    url: '/api/workbench/todos',
    summary: '待办事项 / the work waiting for the signed-in user, per role',
    access: sessionAccess,
    response: z.object({ items: z.array(todoSchema) }),
    run: async (c) => ok({ items: await todosFor(deps, c.actor) }),
  });
}
