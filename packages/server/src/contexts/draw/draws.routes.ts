/**
 * /api/tasks/:id/draws (freezing a new draw, spec §1 step 1) and /api/draws: the ceremony's steps (commit, run), direct assignment, abandoning, the staff view
 * and printable notices (spec ssj-draw/1 §1, §5–7).
 */
import { commitmentObjectSchema, overrideSchema, POOL_EXCLUSION_CODES } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, sessionAccess, type ServiceDeps, endpoints } from '../platform';
import { overrideInputSchema, overrideTeam } from './draw-admin.service';
import {
  abandonDecisionSchema,
  abandonInputSchema,
  abandonListQuerySchema,
  abandonRequestSchema,
  decideAbandon,
  listAbandon,
  requestAbandon,
} from './abandon.service';
import { commitFrozenDraw, commitInputSchema, runCommittedDraw, runInputSchema } from './draw.service';
import { getDrawDetail, getNotice } from './draw-view.service';
import { drawProgressOf } from './draw-progress';
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
const drawProgressSchema = z.object({
  running: z.boolean(),
  progress: z
    .object({
      operation: z.enum(['freeze', 'commit', 'run']),
      step: z.enum(['frames', 'scan', 'assign', 'write']),
      stratum: z.string().nullable(),
      lines: z.number(),
      total: z.number().nullable(),
      strataDone: z.number(),
      strata: z.number(),
      startedAt: z.string(),
    })
    .nullable(),
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
  /** With the USCC, identifies the business on the portal for objections and credit repair; null before the visit exists. */
  noticeCode: z.string().nullable(),
});

/** Register draw routes. */
export async function registerDrawRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const draws = endpoints(app, 'draws');
  draws.get({
    url: '/api/draws/:id',
    summary: '摇号详情 / a draw (staff view)',
    access: READERS,
    params: idParams,
    response: drawDetailSchema,
    run: (c) => getDrawDetail(deps, c.actor, c.params.id),
  });
  draws.post({
    url: '/api/tasks/:id/draws',
    summary: '冻结名单与人员库 / freeze a new draw',
    access: rolesAccess('dept_admin'),
    params: taskIdParams,
    body: freezeInputSchema,
    response: drawSummarySchema,
    status: 201,
    run: (c) => freezeDraw(deps, c.audit, c.params.id, c.body),
  });
  draws.get({
    url: '/api/tasks/:id/draw-progress',
    summary: '摇号进度 / progress of the task’s running freeze, commit or draw',
    access: READERS,
    params: taskIdParams,
    response: drawProgressSchema,
    run: (c) => Promise.resolve(drawProgressOf(c.actor, c.params.id)),
  });
  draws.post({
    url: '/api/draws/:id/commit',
    summary: '提交承诺 / commit (spec §6)',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: commitInputSchema,
    response: drawSummarySchema,
    run: (c) => commitFrozenDraw(deps, c.audit, c.params.id, c.body),
  });
  draws.post({
    url: '/api/draws/:id/run',
    summary: '输入种子并摇号 / seed and draw',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: runInputSchema,
    response: drawSummarySchema.extend({ selected: z.number(), unfilled: z.number() }),
    run: (c) => runCommittedDraw(deps, c.audit, c.params.id, c.body),
  });
  draws.post({
    url: '/api/draws/:id/abandon-requests',
    summary:
      '申请作废摇号（须说明理由，另一人审批）/ ask to abandon, with a reason, for a second person to approve',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: abandonInputSchema,
    status: 201,
    response: abandonRequestSchema,
    run: (c) => requestAbandon(deps, c.audit, c.params.id, c.body),
  });
  draws.get({
    url: '/api/abandon-requests',
    summary: '作废申请 / abandonment requests',
    access: READERS,
    query: abandonListQuerySchema,
    response: z.array(abandonRequestSchema),
    run: (c) => listAbandon(deps, c.actor, c.query),
  });
  draws.post({
    url: '/api/abandon-requests/:id/decision',
    summary: '审批作废申请（批准即作废）/ approve (abandons the draw) or reject',
    access: rolesAccess('leader'),
    params: z.object({
      id: z.coerce
        .number()
        .int()
        .min(1)
        .max(2 ** 53 - 1),
    }),
    body: abandonDecisionSchema,
    response: abandonRequestSchema,
    run: (c) => decideAbandon(deps, c.audit, c.params.id, c.body),
  });
  draws.post({
    url: '/api/draws/:id/overrides',
    summary: '直接委派 / direct assignment',
    access: rolesAccess('dept_admin'),
    params: idParams,
    body: overrideInputSchema,
    response: drawSummarySchema,
    run: (c) => overrideTeam(deps, c.audit, c.params.id, c.body),
  });
  draws.get({
    url: '/api/draws/:id/notices/:targetId',
    summary: '检查通知书 / notice for a drawn target',
    access: sessionAccess,
    params: idParams.extend({ targetId: z.string().min(1).max(100) }),
    response: noticeSchema,
    run: (c) => getNotice(deps, c.actor, c.params.id, c.params.targetId),
  });
}
