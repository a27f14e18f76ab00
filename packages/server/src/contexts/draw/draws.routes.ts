/**
 * /api/tasks/:id/draws (freezing a new draw, spec §1 step 1) and /api/draws: the ceremony's steps (commit, run), direct assignment, abandoning, the staff view
 * and printable notices (spec ssj-draw/1 §1, §5–7).
 */
import { commitmentObjectSchema, overrideSchema, POOL_EXCLUSION_CODES } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  handle,
  responses,
  rolesAccess,
  sessionAccess,
  type ServiceDeps,
  auditContextOf,
} from '../platform';
import { abandonDraw, abandonInputSchema, overrideInputSchema, overrideTeam } from './draw-admin.service';
import { commitFrozenDraw, commitInputSchema, runCommittedDraw, runInputSchema } from './draw.service';
import { getDrawDetail, getNotice } from './draw-view.service';
import { freezeDraw, freezeInputSchema } from './freeze.service';
import { drawSummarySchema } from '../workflow';

const READERS = rolesAccess('system_admin', 'dept_admin', 'leader', 'auditor');
const taskIdParams = z.object({ id: z.string().regex(/^T-\d{4}-\d{4,}$/, 'T-YYYY-NNNN') });
const idParams = z.object({ id: z.string().regex(/^D-\d{4}-\d{4,}-\d+$/, 'D-YYYY-NNNN-N') });

const teamMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  badgeNo: z.string().nullable(),
  departmentCode: z.string(),
  expert: z.boolean(),
  override: z.boolean(),
});
export const drawDetailSchema = z.object({
  draw: drawSummarySchema,
  task: z.object({
    id: z.string(),
    title: z.string(),
    leadDepartmentCode: z.string(),
    quota: z.record(z.string(), z.number()),
    windowStart: z.string(),
    windowEnd: z.string(),
  }),
  commitmentObject: commitmentObjectSchema.nullable(),
  poolSize: z.number(),
  pairExclusions: z.record(z.string(), z.number()),
  selections: z.array(
    z.object({
      stratum: z.string(),
      id: z.string(),
      ticket: z.string(),
      name: z.string(),
      address: z.string(),
      status: z.enum(['filled', 'unfilled']),
      open: z.record(z.string(), z.number()),
      inspectionId: z.string().nullable(),
      inspectionStatus: z.string().nullable(),
      plannedDate: z.string().nullable(),
      team: z.array(teamMemberSchema),
    }),
  ),
  /** Published overrides with the staff-only reason beside the public one. */
  overrides: z.array(overrideSchema.extend({ internalReason: z.string().nullable() })),
  /** Inspectors left out of the pool at freeze, with the rule's code (staff only: names). */
  poolExclusions: z.array(
    z.object({
      inspectorId: z.string(),
      badgeNo: z.string().nullable(),
      name: z.string(),
      department: z.string(),
      fallback: z.boolean(),
      reason: z.enum(POOL_EXCLUSION_CODES),
      expiresOn: z.string().nullable(),
    }),
  ),
});
const noticeSchema = z.object({
  drawId: z.string(),
  task: z.object({
    id: z.string(),
    title: z.string(),
    leadDepartmentCode: z.string(),
    windowStart: z.string(),
    windowEnd: z.string(),
  }),
  departments: z.array(z.object({ code: z.string(), name: z.string() })),
  target: z.object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    legalRep: z.string().nullable(),
  }),
  items: z.array(z.object({ name: z.string(), legalBasis: z.string(), departmentCode: z.string() })),
  inspectors: z.array(
    z.object({
      name: z.string(),
      badgeNo: z.string().nullable(),
      departmentCode: z.string(),
      expert: z.boolean(),
    }),
  ),
  plannedDate: z.string().nullable(),
});

/** Register draw routes. */
export async function registerDrawRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/draws/:id',
    {
      config: { access: READERS },
      schema: {
        tags: ['draws'],
        summary: '摇号详情 / a draw (staff view)',
        params: idParams,
        response: responses(drawDetailSchema),
      },
    },
    async (request, reply) => {
      const res = await getDrawDetail(deps, actorOf(request), request.params.id);
      return handle(reply, res);
    },
  );
  r.post(
    '/api/tasks/:id/draws',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['draws'],
        summary: '冻结名单与人员库 / freeze a new draw',
        params: taskIdParams,
        body: freezeInputSchema,
        response: responses(drawSummarySchema, 201),
      },
    },
    async (request, reply) => {
      const res = await freezeDraw(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res, 201);
    },
  );
  r.post(
    '/api/draws/:id/commit',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['draws'],
        summary: '提交承诺 / commit (spec §6)',
        params: idParams,
        body: commitInputSchema,
        response: responses(drawSummarySchema),
      },
    },
    async (request, reply) => {
      const res = await commitFrozenDraw(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );
  r.post(
    '/api/draws/:id/run',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['draws'],
        summary: '输入种子并摇号 / seed and draw',
        params: idParams,
        body: runInputSchema,
        response: responses(drawSummarySchema.extend({ selected: z.number(), unfilled: z.number() })),
      },
    },
    async (request, reply) => {
      const res = await runCommittedDraw(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );
  r.post(
    '/api/draws/:id/abandon',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['draws'],
        summary: '作废摇号（须说明理由）/ abandon with a reason',
        params: idParams,
        body: abandonInputSchema,
        response: responses(drawSummarySchema),
      },
    },
    async (request, reply) => {
      const res = await abandonDraw(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );
  r.post(
    '/api/draws/:id/overrides',
    {
      config: { access: rolesAccess('dept_admin') },
      schema: {
        tags: ['draws'],
        summary: '直接委派 / direct assignment',
        params: idParams,
        body: overrideInputSchema,
        response: responses(drawSummarySchema),
      },
    },
    async (request, reply) => {
      const res = await overrideTeam(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );
  r.get(
    '/api/draws/:id/notices/:targetId',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['draws'],
        summary: '检查通知书 / notice for a drawn target',
        params: idParams.extend({ targetId: z.string().min(1).max(100) }),
        response: responses(noticeSchema),
      },
    },
    async (request, reply) => {
      const res = await getNotice(deps, actorOf(request), request.params.id, request.params.targetId);
      return handle(reply, res);
    },
  );
}
