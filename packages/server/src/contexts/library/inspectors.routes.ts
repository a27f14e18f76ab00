/**
 * /api/inspectors: the inspector library (执法检查人员名录库) — search, create, change,
 * activate/deactivate, export; /api/recusals: recusal declarations (回避) and their withdrawal.
 */
import { inspectorInputSchema, inspectorPatchSchema, newRecusalSchema, mapOk } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, sessionAccess, type ServiceDeps, endpoints } from '../platform';
import { inspectorViewSchema } from './inspector-view';
import {
  createInspector,
  getInspector,
  inspectorQuerySchema,
  certificateAlerts,
  listInspectors,
  patchInspector,
} from './inspector.service';
import { exportInspectorSheet } from './library-export';
import {
  declareRecusal,
  listRecusalsFor,
  recusalQuerySchema,
  recusalViewSchema,
  withdrawRecusalById,
} from './recusal.service';

const idParams = z.object({ id: z.string().min(1).max(60) });
const WRITERS = rolesAccess('dept_admin', 'system_admin');
const DECLARERS = rolesAccess('inspector', 'dept_admin', 'system_admin');

/** Register inspector library and recusal routes. */
export async function registerInspectorRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const inspectors = endpoints(app, 'inspectors');
  inspectors.get({
    url: '/api/inspectors',
    summary: '执法检查人员名录库 / inspector library',
    access: sessionAccess,
    query: inspectorQuerySchema,
    response: z.object({ items: z.array(inspectorViewSchema), total: z.int() }),
    run: (c) => listInspectors(deps, c.actor, c.query),
  });

  inspectors.get({
    url: '/api/inspectors/certificate-alerts',
    summary: '行政执法证到期提醒（30 日内到期与已过期）/ certificates expired or expiring within 30 days',
    access: rolesAccess('dept_admin', 'system_admin', 'leader', 'auditor'),
    response: z.object({
      today: z.string(),
      warnDays: z.int(),
      expired: z.array(inspectorViewSchema),
      expiring: z.array(inspectorViewSchema),
      unrecorded: z.int(),
    }),
    run: (c) => certificateAlerts(deps, c.actor),
  });

  inspectors.download({
    url: '/api/inspectors/export',
    summary: '导出检查人员 / export inspectors (xlsx or csv)',
    access: rolesAccess('dept_admin', 'system_admin', 'auditor', 'leader'),
    query: inspectorQuerySchema
      .omit({ limit: true, offset: true })
      .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    run: (c) => {
      const { format, ...q } = c.query;
      return exportInspectorSheet(deps, c.actor, q, format);
    },
  });

  inspectors.post({
    url: '/api/inspectors',
    summary: '新增检查人员 / add an inspector',
    access: WRITERS,
    body: inspectorInputSchema,
    response: inspectorViewSchema,
    status: 201,
    run: (c) => createInspector(deps, c.audit, c.body),
  });

  inspectors.get({
    url: '/api/inspectors/:id',
    summary: '检查人员详情 / an inspector',
    access: sessionAccess,
    params: idParams,
    response: inspectorViewSchema,
    run: (c) => getInspector(deps, c.actor, c.params.id),
  });

  inspectors.patch({
    url: '/api/inspectors/:id',
    summary: '修改、启用或停用检查人员 / change, activate or deactivate',
    access: WRITERS,
    params: idParams,
    body: inspectorPatchSchema,
    response: inspectorViewSchema,
    run: (c) => patchInspector(deps, c.audit, c.params.id, c.body),
  });

  inspectors.get({
    url: '/api/recusals',
    summary: '回避登记 / recusal declarations',
    access: sessionAccess,
    query: recusalQuerySchema,
    response: z.object({ items: z.array(recusalViewSchema) }),
    run: async (c) => mapOk(await listRecusalsFor(deps, c.actor, c.query), (items) => ({ items })),
  });

  inspectors.post({
    url: '/api/recusals',
    summary: '登记回避 / declare a recusal',
    access: DECLARERS,
    body: newRecusalSchema.extend({ inspectorId: z.string().min(1).max(60) }),
    response: recusalViewSchema,
    status: 201,
    run: (c) => {
      const { inspectorId, ...input } = c.body;
      return declareRecusal(deps, c.audit, inspectorId, input);
    },
  });

  inspectors.post({
    url: '/api/recusals/:id/withdraw',
    summary: '撤回回避登记 / withdraw a recusal',
    access: DECLARERS,
    params: z.object({ id: z.uuid() }),
    response: recusalViewSchema,
    run: (c) => withdrawRecusalById(deps, c.audit, c.params.id),
  });
}
