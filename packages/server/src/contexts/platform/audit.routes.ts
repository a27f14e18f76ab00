/**
 * /api/audit: read the audit trail and verify its hash chain (auditors, system admins;
 * department admins and leaders see their own department's rows).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, fileResponses, handle, responses, rolesAccess, sendDownload } from './http/route';
import { auditFilterSchema, exportAuditRows, listAuditRows, verifyAudit } from './audit-query.service';
import type { ServiceDeps } from './context';

const auditRowSchema = z.object({
  seq: z.number(),
  at: z.string(),
  actorName: z.string().nullable(),
  actorRole: z.string().nullable(),
  departmentCode: z.string().nullable(),
  ownerDepartment: z.string().nullable(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  hash: z.string(),
});

/** Register audit routes. */
export async function registerAuditRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    {
      config: { access: rolesAccess('auditor', 'system_admin', 'dept_admin', 'leader') },
      schema: {
        tags: ['audit'],
        summary: '审计日志 / audit trail',
        querystring: auditFilterSchema.extend({
          page: z.coerce.number().int().min(1).max(1_000_000).default(1),
          pageSize: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: responses(z.object({ items: z.array(auditRowSchema), total: z.number() })),
      },
    },
    async (request, reply) => {
      const res = await listAuditRows(deps, actorOf(request), request.query);
      return handle(reply, res);
    },
  );
  r.get(
    '/api/audit/export',
    {
      config: { access: rolesAccess('auditor', 'system_admin', 'dept_admin', 'leader') },
      schema: {
        tags: ['audit'],
        summary: '导出审计日志 / export the audit rows of a search (xlsx or csv)',
        querystring: auditFilterSchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
        response: fileResponses(),
      },
    },
    async (request, reply) => {
      const { format, ...f } = request.query;
      const res = await exportAuditRows(deps, actorOf(request), f, format);
      return sendDownload(reply, res);
    },
  );
  r.get(
    '/api/audit/verify',
    {
      config: { access: rolesAccess('auditor', 'system_admin') },
      schema: {
        tags: ['audit'],
        summary: '校验审计链 / verify the audit hash chain',
        response: responses(
          z.object({
            ok: z.boolean(),
            rows: z.number(),
            brokenAt: z.number().nullable(),
            reason: z.string().nullable(),
            expected: z.string().nullable(),
            actual: z.string().nullable(),
          }),
        ),
      },
    },
    async () => verifyAudit(deps),
  );
}
