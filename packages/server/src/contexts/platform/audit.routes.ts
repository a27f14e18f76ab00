/**
 * /api/audit: read the audit trail and verify its hash chain (auditors, system admins;
 * department admins and leaders see their own department's rows).
 */
import { ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess } from './http/route';
import { endpoints } from './http/endpoint';
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
  const audit = endpoints(app, 'audit');
  audit.get({
    url: '/api/audit',
    summary: '审计日志 / audit trail',
    access: rolesAccess('auditor', 'system_admin', 'dept_admin', 'leader'),
    query: auditFilterSchema.extend({
      page: z.coerce.number().int().min(1).max(1_000_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(50),
    }),
    response: z.object({ items: z.array(auditRowSchema), total: z.number() }),
    run: (c) => listAuditRows(deps, c.actor, c.query),
  });
  audit.download({
    url: '/api/audit/export',
    summary: '导出审计日志 / export the audit rows of a search (xlsx or csv)',
    access: rolesAccess('auditor', 'system_admin', 'dept_admin', 'leader'),
    query: auditFilterSchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx') }),
    run: (c) => {
      const { format, ...f } = c.query;
      return exportAuditRows(deps, c.actor, f, format);
    },
  });
  audit.get({
    url: '/api/audit/verify',
    summary: '校验审计链 / verify the audit hash chain',
    access: rolesAccess('auditor', 'system_admin'),
    response: z.object({
      ok: z.boolean(),
      rows: z.number(),
      brokenAt: z.number().nullable(),
      reason: z.string().nullable(),
      expected: z.string().nullable(),
      actual: z.string().nullable(),
    }),
    run: async () => ok(await verifyAudit(deps)),
  });
}
