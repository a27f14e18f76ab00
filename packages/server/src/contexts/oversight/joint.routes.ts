/**
 * /api/joint (部门联合抽查, issue 6): merger suggestions with the visits they save, proposals and
 * each department's answer (the last acceptance creates the joint task); and /api/cross-region:
 * adjacent regions as each other's fallback pool (spec §5).
 */
import { ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, type ServiceDeps, endpoints } from '../platform';
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
  suggestionSchema,
} from './joint.service';
import { respondToProposal } from './joint-task.service';
import { riskRegionSchema } from '../risk';

const READERS = rolesAccess('dept_admin', 'leader', 'auditor', 'system_admin');
const yearQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100) });

/** Register the joint-inspection and cross-region routes. */
export async function registerJointRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
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

  joint.post({
    url: '/api/joint/proposals',
    summary: '提议合并为联合抽查 / propose merging two tasks',
    access: rolesAccess('dept_admin', 'system_admin'),
    body: proposeSchema,
    response: proposalSchema,
    status: 201,
    run: (c) => proposeJoint(deps, c.audit, c.body),
  });

  joint.post({
    url: '/api/joint/proposals/:id/respond',
    summary: '确认或拒绝合并 / accept or decline (all accept: the joint task is created)',
    access: rolesAccess('dept_admin'),
    params: z.object({ id: z.uuid() }),
    body: respondSchema,
    response: proposalSchema,
    run: (c) => respondToProposal(deps, c.audit, c.params.id, c.body),
  });

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

  joint.put({
    url: '/api/cross-region/fallback',
    summary: '配置相邻地区（双向）/ set adjacent regions, both ways',
    access: rolesAccess('system_admin'),
    body: fallbackInputSchema,
    response: fallbackViewSchema,
    run: (c) => putFallbackRegions(deps, c.audit, c.body),
  });
}
