/**
 * /api/risk: credit-risk tiers (信用风险分级分类, issue 6) — the score model per region, scoring
 * runs with progress and cancel, a target's explanation, the tier distribution and the usage
 * rate. Staff of a region read; a market-regulation dept_admin of the region or a system admin writes.
 */
import { mapOk } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { type Actor, rolesAccess, type ServiceDeps, endpoints } from '../platform';
import { riskRegionSchema } from './risk-access';
import { getRiskModel, putRiskModel, riskModelViewSchema } from './risk-config.service';
import {
  cancelRiskRun,
  getRiskRun,
  listRiskRuns,
  riskRunViewSchema,
  startRiskRun,
  startRunSchema,
} from './risk-run.service';
import {
  distributionSchema,
  explainTarget,
  riskDistribution,
  riskUsage,
  targetRiskViewSchema,
  usageSchema,
} from './risk.service';

const READERS = rolesAccess('dept_admin', 'leader', 'auditor', 'system_admin');
const WRITERS = rolesAccess('dept_admin', 'system_admin');
const regionQuery = z.object({ region: riskRegionSchema.optional() });
const runParams = z.object({ id: z.uuid() });

/** Register the credit-risk routes. */
export async function registerRiskRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const risk = endpoints(app, 'risk');
  const regionOf = (actor: Actor, region: string | undefined) => region ?? actor.regionCode;

  risk.get({
    url: '/api/risk/model',
    summary: '信用风险分类模型配置 / the score model of a region (inherited if none)',
    access: READERS,
    query: regionQuery,
    response: riskModelViewSchema,
    run: (c) => getRiskModel(deps, c.actor, regionOf(c.actor, c.query.region)),
  });

  risk.put({
    url: '/api/risk/model',
    summary: '修改信用风险分类模型 / set the score model of a region (weights, caps, cut-offs)',
    access: WRITERS,
    body: z.object({ regionCode: riskRegionSchema, config: z.unknown() }),
    response: riskModelViewSchema,
    run: (c) => putRiskModel(deps, c.audit, c.body.regionCode, c.body.config),
  });

  risk.post({
    url: '/api/risk/runs',
    summary: '开始评分 / score all targets of a region (background job)',
    access: WRITERS,
    body: startRunSchema,
    response: riskRunViewSchema,
    status: 201,
    run: (c) => startRiskRun(deps, c.audit, c.body),
  });

  risk.get({
    url: '/api/risk/runs',
    summary: '评分任务列表 / latest scoring runs of a region',
    access: READERS,
    query: regionQuery,
    response: z.object({ items: z.array(riskRunViewSchema) }),
    run: async (c) =>
      mapOk(await listRiskRuns(deps, c.actor, regionOf(c.actor, c.query.region)), (items) => ({ items })),
  });

  risk.get({
    url: '/api/risk/runs/:id',
    summary: '评分进度 / progress of a scoring run',
    access: READERS,
    params: runParams,
    response: riskRunViewSchema,
    run: (c) => getRiskRun(deps, c.actor, c.params.id),
  });

  risk.post({
    url: '/api/risk/runs/:id/cancel',
    summary: '取消评分 / cancel a scoring run',
    access: WRITERS,
    params: runParams,
    response: riskRunViewSchema,
    run: (c) => cancelRiskRun(deps, c.audit, c.params.id),
  });

  risk.get({
    url: '/api/risk/targets/:id',
    summary: '为什么是这个等级？ / a target’s tiers and the indicators behind its score',
    access: rolesAccess('dept_admin', 'leader', 'auditor', 'system_admin', 'inspector'),
    params: z.object({ id: z.string().min(1).max(120) }),
    response: targetRiskViewSchema,
    run: (c) => explainTarget(deps, c.actor, c.params.id),
  });

  risk.get({
    url: '/api/risk/distribution',
    summary: '信用风险等级分布 / tier distribution of a region',
    access: READERS,
    query: regionQuery,
    response: distributionSchema,
    run: (c) => riskDistribution(deps, c.actor, regionOf(c.actor, c.query.region)),
  });

  risk.get({
    url: '/api/risk/usage',
    summary: '信用风险分类使用率 / share of tasks using tiers, per department',
    access: READERS,
    query: regionQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: usageSchema,
    run: (c) => riskUsage(deps, c.actor, regionOf(c.actor, c.query.region), c.query.year ?? null),
  });
}
