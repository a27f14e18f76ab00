/**
 * /api/risk: credit-risk tiers (信用风险分级分类, issue 6) — the score model per region, scoring
 * runs with progress and cancel, a target's explanation, the tier distribution and the usage
 * rate. Staff of a region read; a market-regulation dept_admin of the region or a system admin writes.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, handle, responses, rolesAccess, sendError, type ServiceDeps, endpoints } from '../platform';
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
  const r = app.withTypeProvider<ZodTypeProvider>();
  const risk = endpoints(app, 'risk');
  const regionOf = (request: { actor: Parameters<typeof actorOf>[0]['actor'] }, region: string | undefined) =>
    region ?? actorOf(request).regionCode;

  r.get(
    '/api/risk/model',
    {
      config: { access: READERS },
      schema: {
        tags: ['risk'],
        summary: '信用风险分类模型配置 / the score model of a region (inherited if none)',
        querystring: regionQuery,
        response: responses(riskModelViewSchema),
      },
    },
    async (request, reply) => {
      const res = await getRiskModel(deps, actorOf(request), regionOf(request, request.query.region));
      return handle(reply, res);
    },
  );

  r.put(
    '/api/risk/model',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['risk'],
        summary: '修改信用风险分类模型 / set the score model of a region (weights, caps, cut-offs)',
        body: z.object({ regionCode: riskRegionSchema, config: z.unknown() }),
        response: responses(riskModelViewSchema),
      },
    },
    async (request, reply) => {
      const res = await putRiskModel(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.body.regionCode,
        request.body.config,
      );
      return handle(reply, res);
    },
  );

  r.post(
    '/api/risk/runs',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['risk'],
        summary: '开始评分 / score all targets of a region (background job)',
        body: startRunSchema,
        response: responses(riskRunViewSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await startRiskRun(deps, { actor: actorOf(request), requestId: request.id }, request.body);
      return handle(reply, res, 201);
    },
  );

  r.get(
    '/api/risk/runs',
    {
      config: { access: READERS },
      schema: {
        tags: ['risk'],
        summary: '评分任务列表 / latest scoring runs of a region',
        querystring: regionQuery,
        response: responses(z.object({ items: z.array(riskRunViewSchema) })),
      },
    },
    async (request, reply) => {
      const res = await listRiskRuns(deps, actorOf(request), regionOf(request, request.query.region));
      return res.ok ? { items: res.value } : sendError(reply, res.error);
    },
  );

  risk.get({
    url: '/api/risk/runs/:id',
    summary: '评分进度 / progress of a scoring run',
    access: READERS,
    params: runParams,
    response: riskRunViewSchema,
    run: (c) => getRiskRun(deps, c.actor, c.params.id),
  });

  r.post(
    '/api/risk/runs/:id/cancel',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['risk'],
        summary: '取消评分 / cancel a scoring run',
        params: runParams,
        response: responses(riskRunViewSchema),
      },
    },
    async (request, reply) => {
      const res = await cancelRiskRun(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.params.id,
      );
      return handle(reply, res);
    },
  );

  risk.get({
    url: '/api/risk/targets/:id',
    summary: '为什么是这个等级？ / a target’s tiers and the indicators behind its score',
    access: rolesAccess('dept_admin', 'leader', 'auditor', 'system_admin', 'inspector'),
    params: z.object({ id: z.string().min(1).max(120) }),
    response: targetRiskViewSchema,
    run: (c) => explainTarget(deps, c.actor, c.params.id),
  });

  r.get(
    '/api/risk/distribution',
    {
      config: { access: READERS },
      schema: {
        tags: ['risk'],
        summary: '信用风险等级分布 / tier distribution of a region',
        querystring: regionQuery,
        response: responses(distributionSchema),
      },
    },
    async (request, reply) => {
      const res = await riskDistribution(deps, actorOf(request), regionOf(request, request.query.region));
      return handle(reply, res);
    },
  );

  r.get(
    '/api/risk/usage',
    {
      config: { access: READERS },
      schema: {
        tags: ['risk'],
        summary: '信用风险分类使用率 / share of tasks using tiers, per department',
        querystring: regionQuery.extend({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: responses(usageSchema),
      },
    },
    async (request, reply) => {
      const res = await riskUsage(
        deps,
        actorOf(request),
        regionOf(request, request.query.region),
        request.query.year ?? null,
      );
      return handle(reply, res);
    },
  );
}
