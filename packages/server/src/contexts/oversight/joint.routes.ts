/**
 * /api/joint (部门联合抽查, issue 6): merger suggestions with the visits they save, proposals and
 * each department's answer (the last acceptance creates the joint task); and /api/cross-region:
 * adjacent regions as each other's fallback pool (spec §5).
 */
import { ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, handle, responses, rolesAccess, type ServiceDeps, endpoints } from '../platform';
import {
  fallbackInputSchema,
  fallbackListSchema,
  fallbackViewSchema,
  getFallbackRegions,
  listFallbackRegions,
  putFallbackRegions,
} from '../workflow';
import {
  jointSuggestions,
  listProposals,
  proposalSchema,
  proposeJoint,
  proposeSchema,
  respondSchema,
  respondToProposal,
  suggestionSchema,
} from './joint.service';
import { riskRegionSchema } from '../risk';

const READERS = rolesAccess('dept_admin', 'leader', 'auditor', 'system_admin');
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Register the joint-inspection and cross-region routes. */
export async function registerJointRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const joint = endpoints(app, 'joint');

  joint.get({
    url: '/api/joint/suggestions',
    summary: '联合抽查建议 / tasks to merge and the visits saved',
    access: READERS,
    query: yearQuery,
    response: z.object({ items: z.array(suggestionSchema) }),
    run: async (c) => ok({ items: await jointSuggestions(deps, c.actor, c.query.year) }),
  });

  joint.get({
    url: '/api/joint/proposals',
    summary: '合并提议 / merger proposals of a year',
    access: READERS,
    query: yearQuery,
    response: z.object({ items: z.array(proposalSchema) }),
    run: async (c) => ok({ items: await listProposals(deps, c.actor, c.query.year) }),
  });

  r.post(
    '/api/joint/proposals',
    {
      config: { access: rolesAccess('dept_admin', 'system_admin') },
      schema: {
        tags: ['joint'],
        summary: '提议合并为联合抽查 / propose merging two tasks',
        body: proposeSchema,
        response: responses(proposalSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await proposeJoint(deps, { actor: actorOf(request), requestId: request.id }, request.body);
      return handle(reply, res, 201);
    },
  );

  r.post(
    '/api/joint/proposals/:id/respond',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['joint'],
        summary: '确认或拒绝合并 / accept or decline (all accept: the joint task is created)',
        params: z.object({ id: z.uuid() }),
        body: respondSchema,
        response: responses(proposalSchema),
      },
    },
    async (request, reply) => {
      const res = await respondToProposal(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.params.id,
        request.body,
      );
      return handle(reply, res);
    },
  );

  joint.get({
    url: '/api/cross-region/fallback',
    summary: '相邻地区备用人员库 / adjacent regions used as fallback pool',
    access: READERS,
    query: z.object({ region: riskRegionSchema.optional() }),
    response: fallbackViewSchema,
    run: (c) => getFallbackRegions(deps, c.actor, c.query.region ?? c.actor.regionCode),
  });

  joint.get({
    url: '/api/cross-region/fallbacks',
    summary: '已配置的相邻地区 / every region with adjacent regions configured',
    access: READERS,
    response: fallbackListSchema,
    run: async (c) => ok(await listFallbackRegions(deps, c.actor)),
  });

  r.put(
    '/api/cross-region/fallback',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['joint'],
        summary: '配置相邻地区（双向）/ set adjacent regions, both ways',
        body: fallbackInputSchema,
        response: responses(fallbackViewSchema),
      },
    },
    async (request, reply) => {
      const res = await putFallbackRegions(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.body,
      );
      return handle(reply, res);
    },
  );
}
