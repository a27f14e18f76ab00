/**
 * /api/inspectors: the inspector library (执法检查人员名录库) — search, create, change,
 * activate/deactivate, export; /api/recusals: recusal declarations (回避) and their withdrawal.
 */
import { inspectorInputSchema, inspectorPatchSchema, newRecusalSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  actorOf,
  fileResponses,
  handle,
  responses,
  rolesAccess,
  sendError,
  sessionAccess,
  type ServiceDeps,
  auditContextOf,
  sendDownload,
} from '../platform';
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
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/inspectors',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['inspectors'],
        summary: '执法检查人员名录库 / inspector library',
        querystring: inspectorQuerySchema,
        response: responses(z.object({ items: z.array(inspectorViewSchema), total: z.int() })),
      },
    },
    async (request, reply) => {
      const res = await listInspectors(deps, actorOf(request), request.query);
      return handle(reply, res);
    },
  );

  r.get(
    '/api/inspectors/certificate-alerts',
    {
      config: { access: rolesAccess('dept_admin', 'system_admin', 'leader', 'auditor') },
      schema: {
        tags: ['inspectors'],
        summary: '行政执法证到期提醒（30 日内到期与已过期）/ certificates expired or expiring within 30 days',
        response: responses(
          z.object({
            today: z.string(),
            warnDays: z.int(),
            expired: z.array(inspectorViewSchema),
            expiring: z.array(inspectorViewSchema),
            unrecorded: z.int(),
          }),
        ),
      },
    },
    async (request, reply) => {
      const res = await certificateAlerts(deps, actorOf(request));
      return handle(reply, res);
    },
  );

  r.get(
    '/api/inspectors/export',
    {
      config: { access: rolesAccess('dept_admin', 'system_admin', 'auditor', 'leader') },
      schema: {
        tags: ['inspectors'],
        summary: '导出检查人员 / export inspectors (xlsx or csv)',
        querystring: inspectorQuerySchema
          .omit({ limit: true, offset: true })
          .extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: fileResponses(),
      },
    },
    async (request, reply) => {
      const { format, ...q } = request.query;
      const res = await exportInspectorSheet(deps, actorOf(request), q, format);
      return sendDownload(reply, res);
    },
  );

  r.post(
    '/api/inspectors',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['inspectors'],
        summary: '新增检查人员 / add an inspector',
        body: inspectorInputSchema,
        response: responses(inspectorViewSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await createInspector(deps, auditContextOf(request), request.body);
      return handle(reply, res, 201);
    },
  );

  r.get(
    '/api/inspectors/:id',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['inspectors'],
        summary: '检查人员详情 / an inspector',
        params: idParams,
        response: responses(inspectorViewSchema),
      },
    },
    async (request, reply) => {
      const res = await getInspector(deps, actorOf(request), request.params.id);
      return handle(reply, res);
    },
  );

  r.patch(
    '/api/inspectors/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags: ['inspectors'],
        summary: '修改、启用或停用检查人员 / change, activate or deactivate',
        params: idParams,
        body: inspectorPatchSchema,
        response: responses(inspectorViewSchema),
      },
    },
    async (request, reply) => {
      const res = await patchInspector(deps, auditContextOf(request), request.params.id, request.body);
      return handle(reply, res);
    },
  );

  r.get(
    '/api/recusals',
    {
      config: { access: sessionAccess },
      schema: {
        tags: ['inspectors'],
        summary: '回避登记 / recusal declarations',
        querystring: recusalQuerySchema,
        response: responses(z.object({ items: z.array(recusalViewSchema) })),
      },
    },
    async (request, reply) => {
      const res = await listRecusalsFor(deps, actorOf(request), request.query);
      return res.ok ? { items: res.value } : sendError(reply, res.error);
    },
  );

  r.post(
    '/api/recusals',
    {
      config: { access: DECLARERS },
      schema: {
        tags: ['inspectors'],
        summary: '登记回避 / declare a recusal',
        body: newRecusalSchema.extend({ inspectorId: z.string().min(1).max(60) }),
        response: responses(recusalViewSchema, 201),
      },
    },
    async (request, reply) => {
      const { inspectorId, ...input } = request.body;
      const res = await declareRecusal(deps, auditContextOf(request), inspectorId, input);
      return handle(reply, res, 201);
    },
  );

  r.post(
    '/api/recusals/:id/withdraw',
    {
      config: { access: DECLARERS },
      schema: {
        tags: ['inspectors'],
        summary: '撤回回避登记 / withdraw a recusal',
        params: z.object({ id: z.uuid() }),
        response: responses(recusalViewSchema),
      },
    },
    async (request, reply) => {
      const res = await withdrawRecusalById(deps, auditContextOf(request), request.params.id);
      return handle(reply, res);
    },
  );
}
