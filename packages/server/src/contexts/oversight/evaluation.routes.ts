/**
 * /api/evaluation (考核, issue 6): a region's criteria and weights, the yearly report of every
 * department (照单履责、照单考核), and its xlsx export. Leaders and auditors read; the region's
 * market-regulation admin or a system admin sets the criteria, or drops them to inherit again.
 */
import { mapOk } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, SHEET_TYPES, type ServiceDeps, endpoints } from '../platform';
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
  const evaluation = endpoints(app, 'evaluation');

  evaluation.get({
    url: '/api/evaluation/criteria',
    summary: '考核指标与权重 / criteria and weights of a region',
    access: READERS,
    query: z.object({ region: riskRegionSchema.optional() }),
    response: criteriaViewSchema,
    run: (c) => getCriteria(deps, c.actor, c.query.region ?? c.actor.regionCode),
  });

  evaluation.put({
    url: '/api/evaluation/criteria',
    summary: '设置考核指标 / set the criteria of a region',
    access: rolesAccess('dept_admin', 'system_admin'),
    body: z.object({ regionCode: z.string().regex(/^\d{6}$/), config: z.unknown() }),
    response: criteriaViewSchema,
    run: (c) => putCriteria(deps, c.audit, c.body.regionCode, c.body.config),
  });

  evaluation.delete({
    url: '/api/evaluation/criteria',
    summary: "恢复继承的考核指标 / drop a region's own criteria, inheriting again",
    access: rolesAccess('dept_admin', 'system_admin'),
    query: z.object({ region: z.string().regex(/^\d{6}$/) }),
    response: criteriaViewSchema,
    run: (c) => resetCriteria(deps, c.audit, c.query.region),
  });

  evaluation.get({
    url: '/api/evaluation/report',
    summary: '考核报表 / every department scored for a year',
    access: READERS,
    query: reportQuery,
    response: evaluationReportSchema,
    run: (c) => evaluationReport(deps, c.actor, c.query.region ?? c.actor.regionCode, c.query.year),
  });

  evaluation.download({
    url: '/api/evaluation/export',
    summary: '导出考核报表 / the report as xlsx',
    access: READERS,
    query: reportQuery,
    contentTypes: [SHEET_TYPES[0]],
    run: async (c) =>
      mapOk(await evaluationXlsx(deps, c.actor, c.query.region ?? c.actor.regionCode, c.query.year), (f) => ({
        ...f,
        contentType: SHEET_TYPES[0],
      })),
  });
}
