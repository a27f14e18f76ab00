/**
 * /api/evaluation (考核, issue 6): a region's criteria and weights, the yearly report of every
 * department (照单履责、照单考核), and its xlsx export. Leaders and auditors read; the region's
 * market-regulation admin or a system admin sets the criteria, or drops them to inherit again.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  attachment,
  actorOf,
  fileResponses,
  handle,
  responses,
  rolesAccess,
  sendError,
  SHEET_TYPES,
  type ServiceDeps,
  endpoints,
} from '../platform';
import {
  criteriaViewSchema,
  evaluationReport,
  evaluationReportSchema,
  evaluationXlsx,
  getCriteria,
  putCriteria,
  resetCriteria,
} from './evaluation.service';
import { riskRegionSchema } from '../risk';

const READERS = rolesAccess('leader', 'auditor', 'system_admin', 'dept_admin');
const reportQuery = z.object({
  region: riskRegionSchema.optional(),
  year: z.coerce.number().int().min(2000).max(2100),
});

/** Register the evaluation routes. */
export async function registerEvaluationRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const evaluation = endpoints(app, 'evaluation');

  evaluation.get({
    url: '/api/evaluation/criteria',
    summary: '考核指标与权重 / criteria and weights of a region',
    access: READERS,
    query: z.object({ region: riskRegionSchema.optional() }),
    response: criteriaViewSchema,
    run: (c) => getCriteria(deps, c.actor, c.query.region ?? c.actor.regionCode),
  });

  r.put(
    '/api/evaluation/criteria',
    {
      config: { access: rolesAccess('dept_admin', 'system_admin') },
      schema: {
        tags: ['evaluation'],
        summary: '设置考核指标 / set the criteria of a region',
        body: z.object({ regionCode: z.string().regex(/^\d{6}$/), config: z.unknown() }),
        response: responses(criteriaViewSchema),
      },
    },
    async (request, reply) => {
      const res = await putCriteria(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.body.regionCode,
        request.body.config,
      );
      return handle(reply, res);
    },
  );

  r.delete(
    '/api/evaluation/criteria',
    {
      config: { access: rolesAccess('dept_admin', 'system_admin') },
      schema: {
        tags: ['evaluation'],
        summary: "恢复继承的考核指标 / drop a region's own criteria, inheriting again",
        querystring: z.object({ region: z.string().regex(/^\d{6}$/) }),
        response: responses(criteriaViewSchema),
      },
    },
    async (request, reply) => {
      const res = await resetCriteria(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.query.region,
      );
      return handle(reply, res);
    },
  );

  evaluation.get({
    url: '/api/evaluation/report',
    summary: '考核报表 / every department scored for a year',
    access: READERS,
    query: reportQuery,
    response: evaluationReportSchema,
    run: (c) => evaluationReport(deps, c.actor, c.query.region ?? c.actor.regionCode, c.query.year),
  });

  r.get(
    '/api/evaluation/export',
    {
      config: { access: READERS },
      schema: {
        tags: ['evaluation'],
        summary: '导出考核报表 / the report as xlsx',
        querystring: reportQuery,
        response: fileResponses([SHEET_TYPES[0]]),
      },
    },
    async (request, reply) => {
      const res = await evaluationXlsx(
        deps,
        actorOf(request),
        request.query.region ?? actorOf(request).regionCode,
        request.query.year,
      );
      if (!res.ok) {
        return sendError(reply, res.error);
      }
      return reply
        .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', attachment(res.value.fileName))
        .send(res.value.stream);
    },
  );
}
