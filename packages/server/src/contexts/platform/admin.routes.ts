/**
 * Administration routes added by issue 11: password resets and bulk account import (用户管理),
 * regions, department renames and supervising units (组织机构).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { roleSchema } from '@openssj/core';
import { fileResponses, handle, responses, rolesAccess, sendError, auditContextOf } from './http/route';
import { attachment, saveUpload } from './http/upload';
import { accountTemplate, importAccounts } from './account-import.service';
import { resetPassword } from './account.service';
import type { ServiceDeps } from './context';
import {
  addRegion,
  createUnit,
  departmentPatchSchema,
  newRegionSchema,
  newUnitSchema,
  patchDepartment,
  patchUnit,
  unitPatchSchema,
} from './org-admin.service';
import { userViewSchema } from './org.routes';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const issueSchema = z.object({
  row: z.number(),
  column: z.string(),
  columnEn: z.string(),
  value: z.string(),
  messageZh: z.string(),
  messageEn: z.string(),
});

const accountImportSchema = z.object({
  fileName: z.string(),
  dryRun: z.boolean(),
  rows: z.number(),
  accepted: z.number(),
  rejected: z.number(),
  added: z.number(),
  written: z.boolean(),
  issues: z.array(issueSchema),
  issuesOmitted: z.number(),
  credentials: z.array(
    z.object({
      username: z.string(),
      displayName: z.string(),
      departmentCode: z.string(),
      roles: z.array(roleSchema),
      inspectorBadge: z.string().nullable(),
      oneTimePassword: z.string(),
    }),
  ),
});

const unitSchema = z.object({ code: z.string(), name: z.string(), departmentCode: z.string() });

/** Register the administration routes. */
export async function registerAdminRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/users/:id/reset-password',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['org'],
        summary: '重置密码 / reset a password to a one-time password, shown once',
        params: z.object({ id: z.uuid() }),
        response: responses(z.object({ user: userViewSchema, oneTimePassword: z.string() })),
      },
    },
    async (request, reply) => {
      const res = await resetPassword(deps, auditContextOf(request), request.params.id);
      return handle(reply, res);
    },
  );

  r.get(
    '/api/users/import/template',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['org'],
        summary: '用户导入模板 / the account import template (xlsx)',
        response: fileResponses([XLSX]),
      },
    },
    async (_request, reply) => {
      const t = await accountTemplate();
      return reply
        .header('content-type', XLSX)
        .header('content-disposition', attachment(t.fileName))
        .send(t.bytes);
    },
  );

  r.post(
    '/api/users/import',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['org'],
        summary:
          '批量导入用户 / import accounts (multipart; all-or-nothing; one-time passwords in the reply)',
        querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
        response: responses(accountImportSchema),
      },
    },
    async (request, reply) => {
      const upload = await saveUpload(request);
      if (!upload.ok) {
        return sendError(reply, upload.error);
      }
      const res = await importAccounts(
        deps,
        auditContextOf(request),
        upload.value,
        request.query.dryRun === 'true',
      );
      if (!res.ok) {
        return sendError(reply, res.error);
      }
      const o = res.value;
      return {
        fileName: o.fileName,
        dryRun: o.dryRun,
        rows: o.rows,
        accepted: o.accepted,
        rejected: o.rejected,
        added: o.added,
        written: o.written,
        issues: [...o.issues],
        issuesOmitted: o.issuesOmitted,
        credentials: o.credentials.map((c) => ({ ...c, roles: [...c.roles] })),
      };
    },
  );

  r.post(
    '/api/regions',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['org'],
        summary: '添加行政区划 / add a GB/T 2260 region (and its parents)',
        body: newRegionSchema,
        response: responses(
          z.object({ code: z.string(), name: z.string(), fullName: z.string(), level: z.string() }),
          201,
        ),
      },
    },
    async (request, reply) => {
      const res = await addRegion(deps, auditContextOf(request), request.body);
      return handle(reply, res, 201);
    },
  );

  r.patch(
    '/api/departments/:code',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['org'],
        summary: '修改部门名称 / rename a department',
        params: z.object({ code: z.string().max(40) }),
        body: departmentPatchSchema,
        response: responses(
          z.object({ code: z.string(), name: z.string(), shortName: z.string(), regionCode: z.string() }),
        ),
      },
    },
    async (request, reply) => {
      const res = await patchDepartment(deps, auditContextOf(request), request.params.code, request.body);
      return handle(reply, res);
    },
  );

  r.post(
    '/api/units',
    {
      config: { access: rolesAccess('system_admin', 'dept_admin') },
      schema: {
        tags: ['org'],
        summary: '新建所 / create a supervising unit (a department admin: in its own department)',
        body: newUnitSchema,
        response: responses(unitSchema, 201),
      },
    },
    async (request, reply) => {
      const res = await createUnit(deps, auditContextOf(request), request.body);
      return handle(reply, res, 201);
    },
  );

  r.patch(
    '/api/units/:code',
    {
      config: { access: rolesAccess('system_admin', 'dept_admin') },
      schema: {
        tags: ['org'],
        summary: '修改所名称 / rename a supervising unit',
        params: z.object({ code: z.string().max(60) }),
        body: unitPatchSchema,
        response: responses(unitSchema),
      },
    },
    async (request, reply) => {
      const res = await patchUnit(deps, auditContextOf(request), request.params.code, request.body);
      return handle(reply, res);
    },
  );
}
