/**
 * /api/targets: the target library (检查对象名录库): search, detail, single entry and
 * edits, dated status changes, claims (认领) by ids, filter or uploaded list, and export.
 */
import { targetRawSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { targetFilterSchema } from '../../db/target-filter';
import { rolesAccess, sessionAccess, saveUpload, type ServiceDeps, endpoints } from '../platform';
import { claimOrUnclaim } from './target-claim.service';
import { claimFromUpload, exportTargets } from './target-list.service';
import {
  changeTargetStatus,
  createTarget,
  getTarget,
  searchTargetLibrary,
  statusChangeSchema,
  updateTarget,
} from './target.service';
import { targetViewSchema } from './target-view';

const WRITERS = rolesAccess('system_admin', 'dept_admin');
const idParams = z.object({ id: z.string().min(1).max(120) });

const searchQuery = targetFilterSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});

const detailSchema = targetViewSchema.extend({
  statusHistory: z.array(
    z.object({
      status: z.string(),
      effectiveDate: z.string(),
      recordedBy: z.string().nullable(),
      recordedAt: z.string(),
    }),
  ),
  claims: z.array(
    z.object({ departmentCode: z.string(), claimedBy: z.string().nullable(), claimedAt: z.string() }),
  ),
});

const claimBody = z
  .object({
    action: z.enum(['claim', 'unclaim']),
    departmentCode: z.string().max(40).optional(),
    ids: z.array(z.string().min(1).max(120)).min(1).max(10_000).optional(),
    filter: targetFilterSchema.optional(),
  })
  .refine((b) => (b.ids === undefined) !== (b.filter === undefined), { message: 'give either ids or filter' })
  .refine((b) => b.filter === undefined || Object.values(b.filter).some((v) => v !== undefined && v !== ''), {
    message: 'the filter must set at least one criterion',
  });

/** Register target library routes. */
export async function registerTargetRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const targets = endpoints(app, 'targets');
  targets.get({
    url: '/api/targets',
    summary: '检索检查对象 / search the target library',
    access: sessionAccess,
    query: searchQuery,
    response: z.object({
      items: z.array(
        targetViewSchema.extend({
          claimedByMe: z.boolean(),
          /** Risk alerts in force (issue 16): not dismissed or referred, not expired. */
          alertsInForce: z.number(),
        }),
      ),
      total: z.number(),
      totalExact: z.boolean(),
      page: z.number(),
      pageSize: z.number(),
    }),
    run: (c) => {
      const { page, pageSize, ...filter } = c.query;
      return searchTargetLibrary(deps, c.actor, filter, page, pageSize);
    },
  });

  targets.download({
    url: '/api/targets/export',
    summary: '导出检查对象 / export a filtered list (xlsx or csv)',
    access: sessionAccess,
    query: targetFilterSchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    run: async (c) => {
      const { format, ...filter } = c.query;
      return exportTargets(deps, c.actor, filter, format);
    },
  });

  targets.get({
    url: '/api/targets/:id',
    summary: '检查对象详情 / a target with status history and claims',
    access: sessionAccess,
    params: idParams,
    response: detailSchema,
    run: (c) => getTarget(deps, c.actor, c.params.id),
  });

  targets.post({
    url: '/api/targets',
    summary: '新增检查对象 / create a target',
    access: WRITERS,
    body: targetRawSchema,
    response: targetViewSchema,
    status: 201,
    run: (c) => createTarget(deps, c.audit, c.body),
  });

  targets.put({
    url: '/api/targets/:id',
    summary: '修改检查对象 / edit a target (not its status)',
    access: WRITERS,
    params: idParams,
    body: targetRawSchema,
    response: targetViewSchema,
    run: (c) => updateTarget(deps, c.audit, c.params.id, c.body),
  });

  targets.post({
    url: '/api/targets/:id/status',
    summary: '变更登记状态 / change the status, dated',
    access: WRITERS,
    params: idParams,
    body: statusChangeSchema,
    response: targetViewSchema,
    run: (c) => changeTargetStatus(deps, c.audit, c.params.id, c.body),
  });

  targets.post({
    url: '/api/targets/claims',
    summary: '认领 / 取消认领（按所选或按筛选条件） / claim or unclaim by ids or filter',
    access: WRITERS,
    body: claimBody,
    response: z.object({ affected: z.number() }),
    run: (c) => {
      const b = c.body;
      const selection = b.ids !== undefined ? { ids: b.ids } : { filter: b.filter ?? {} };
      return claimOrUnclaim(deps, c.audit, {
        action: b.action,
        departmentCode: b.departmentCode ?? c.actor.departmentCode,
        selection,
      });
    },
  });

  targets.post({
    url: '/api/targets/claims/upload',
    summary: '按上传名单认领 / claim or unclaim by an uploaded list (multipart file)',
    access: WRITERS,
    query: z.object({
      action: z.enum(['claim', 'unclaim']).default('claim'),
      departmentCode: z.string().max(40).optional(),
    }),
    response: z.object({
      affected: z.number(),
      listed: z.number(),
      notFound: z.number(),
      notFoundSample: z.array(z.string()),
    }),
    run: async (c) => {
      const upload = await saveUpload(c.request);
      if (!upload.ok) {
        return upload;
      }
      const departmentCode = c.query.departmentCode ?? c.actor.departmentCode;
      return claimFromUpload(deps, c.audit, c.query.action, departmentCode, upload.value);
    },
  });
}
