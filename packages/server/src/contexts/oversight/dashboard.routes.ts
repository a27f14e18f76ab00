/**
 * /api/dashboard (统计分析, issue 6): metrics by region, department and period, the records behind
 * each chart (drill-down, paginated), and the fairness monitor. Leaders and auditors read; staff see
 * their own region and those below it, auditors and system admins everywhere.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { actorOf, handle, responses, rolesAccess, type ServiceDeps } from '../platform';
import { fairnessQuerySchema, fairnessReport, fairnessSchema } from './fairness.service';
import { dashboardRecords, recordsQuerySchema, recordsSchema } from './metrics-records.service';
import { dashboardMetrics, dashboardSchema, metricsQuerySchema } from './metrics.service';

const READERS = rolesAccess('leader', 'auditor', 'system_admin');

/** Register the dashboard routes. */
export async function registerDashboardRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/dashboard/metrics',
    {
      config: { access: READERS },
      schema: {
        tags: ['dashboard'],
        summary: '统计分析 / metrics by region, department and period',
        querystring: metricsQuerySchema,
        response: responses(dashboardSchema),
      },
    },
    async (request, reply) => {
      const res = await dashboardMetrics(deps, actorOf(request), request.query);
      return handle(reply, res);
    },
  );

  r.get(
    '/api/dashboard/records',
    {
      config: { access: READERS },
      schema: {
        tags: ['dashboard'],
        summary: '下钻明细 / the records behind a chart (paginated)',
        querystring: recordsQuerySchema,
        response: responses(recordsSchema),
      },
    },
    async (request, reply) => {
      const res = await dashboardRecords(deps, actorOf(request), request.query);
      return handle(reply, res);
    },
  );

  r.get(
    '/api/dashboard/fairness',
    {
      config: { access: READERS },
      schema: {
        tags: ['dashboard'],
        summary: '公平性监测 / selection counts and inspector–target repeats against chance',
        querystring: fairnessQuerySchema,
        response: responses(fairnessSchema),
      },
    },
    async (request, reply) => {
      const res = await fairnessReport(deps, actorOf(request), request.query);
      return handle(reply, res);
    },
  );
}
