/**
 * Administration routes added by issue 11: password resets and bulk account import (用户管理),
 * regions, department renames and supervising units (组织机构).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roleSchema, mapOk, ok } from '@openssj/core';
import { rolesAccess } from './http/route';
import { endpoints } from './http/endpoint';
import { saveUpload } from './http/upload';
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
  const org = endpoints(app, 'org');
  org.post({
    url: '/api/users/:id/reset-password',
    summary: '重置密码 / reset a password to a one-time password, shown once',
    access: rolesAccess('system_admin'),
    params: z.object({ id: z.uuid() }),
    response: z.object({ user: userViewSchema, oneTimePassword: z.string() }),
    run: (c) => resetPassword(deps, c.audit, c.params.id),
  });

  org.download({
    url: '/api/users/import/template',
    summary: '用户导入模板 / the account import template (xlsx)',
    access: rolesAccess('system_admin'),
    contentTypes: [XLSX],
    run: async () => ok({ ...(await accountTemplate()), contentType: XLSX }),
  });

  org.post({
    url: '/api/users/import',
    summary: '批量导入用户 / import accounts (multipart; all-or-nothing; one-time passwords in the reply)',
    access: rolesAccess('system_admin'),
    query: z.object({ dryRun: z.enum(['true', 'false']).default('false') }),
    response: accountImportSchema,
    run: async (c) => {
      const upload = await saveUpload(c.request);
      if (!upload.ok) {
        return upload;
      }
      const res = await importAccounts(deps, c.audit, upload.value, c.query.dryRun === 'true');
      return mapOk(res, (o) => ({
        ...o,
        issues: [...o.issues],
        credentials: o.credentials.map((cr) => ({ ...cr, roles: [...cr.roles] })),
      }));
    },
  });

  org.post({
    url: '/api/regions',
    summary: '添加行政区划 / add a GB/T 2260 region (and its parents)',
    access: rolesAccess('system_admin'),
    body: newRegionSchema,
    response: z.object({ code: z.string(), name: z.string(), fullName: z.string(), level: z.string() }),
    status: 201,
    run: (c) => addRegion(deps, c.audit, c.body),
  });

  org.patch({
    url: '/api/departments/:code',
    summary: '修改部门名称 / rename a department',
    access: rolesAccess('system_admin'),
    params: z.object({ code: z.string().max(40) }),
    body: departmentPatchSchema,
    response: z.object({ code: z.string(), name: z.string(), shortName: z.string(), regionCode: z.string() }),
    run: (c) => patchDepartment(deps, c.audit, c.params.code, c.body),
  });

  org.post({
    url: '/api/units',
    summary: '新建所 / create a supervising unit (a department admin: in its own department)',
    access: rolesAccess('system_admin', 'dept_admin'),
    body: newUnitSchema,
    response: unitSchema,
    status: 201,
    run: (c) => createUnit(deps, c.audit, c.body),
  });

  org.patch({
    url: '/api/units/:code',
    summary: '修改所名称 / rename a supervising unit',
    access: rolesAccess('system_admin', 'dept_admin'),
    params: z.object({ code: z.string().max(60) }),
    body: unitPatchSchema,
    response: unitSchema,
    run: (c) => patchUnit(deps, c.audit, c.params.code, c.body),
  });
}
