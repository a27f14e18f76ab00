/**
 * /api/org, /api/users, /api/departments: organisation and accounts.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { roleSchema, mapOk, ok } from '@openssj/core';
import { rolesAccess, sessionAccess } from './http/route';
import { endpoints } from './http/endpoint';
import type { ServiceDeps } from './context';
import { changeAccount, createAccount } from './account.service';
import {
  createDepartment,
  getOrg,
  getUsers,
  newDepartmentSchema,
  newUserSchema,
  userPatchSchema,
} from './org.service';

export const userViewSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  departmentCode: z.string(),
  roles: z.array(roleSchema),
  active: z.boolean(),
  lockedUntil: z.string().nullable(),
  inspectorBadge: z.string().nullable(),
});

const orgSchema = z.object({
  regions: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      fullName: z.string(),
      level: z.string(),
      parentCode: z.string().nullable(),
    }),
  ),
  departments: z.array(
    z.object({ code: z.string(), name: z.string(), shortName: z.string(), regionCode: z.string() }),
  ),
  units: z.array(z.object({ code: z.string(), name: z.string(), departmentCode: z.string() })),
});

/** Register organisation routes. */
export async function registerOrgRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const org = endpoints(app, 'org');

  org.get({
    url: '/api/org',
    summary: '组织机构 / regions, departments, units',
    access: sessionAccess,
    response: orgSchema,
    run: async () => {
      const org = await getOrg(deps);
      return ok({
        regions: org.regions,
        departments: org.departments.map((d) => ({
          code: d.code,
          name: d.name,
          shortName: d.shortName,
          regionCode: d.regionCode,
        })),
        units: org.units,
      });
    },
  });

  org.post({
    url: '/api/departments',
    summary: '新建部门 / create a department',
    access: rolesAccess('system_admin'),
    body: newDepartmentSchema,
    response: newDepartmentSchema,
    status: 201,
    run: (c) => createDepartment(deps, c.audit, c.body),
  });

  org.get({
    url: '/api/users',
    summary: '用户列表 / users',
    access: rolesAccess('system_admin', 'dept_admin', 'auditor', 'leader'),
    query: z.object({
      department: z.string().max(40).optional(),
      q: z.string().max(60).optional(),
      role: roleSchema.optional(),
      active: z.enum(['true', 'false']).optional(),
    }),
    response: z.object({ items: z.array(userViewSchema) }),
    run: async (c) => {
      const { department, q, role, active } = c.query;
      return mapOk(
        await getUsers(deps, c.actor, department, {
          q,
          role,
          active: active === undefined ? undefined : active === 'true',
        }),
        (items) => ({ items }),
      );
    },
  });

  org.post({
    url: '/api/users',
    summary: '新建用户 / create a user (no password: a one-time password is generated and shown once)',
    access: rolesAccess('system_admin'),
    body: newUserSchema.extend({ password: z.string().min(1).max(256).optional() }),
    response: userViewSchema.extend({ oneTimePassword: z.string().nullable() }),
    status: 201,
    run: (c) => createAccount(deps, c.audit, c.body),
  });

  org.patch({
    url: '/api/users/:id',
    summary: '修改用户 / change a user',
    access: rolesAccess('system_admin'),
    params: z.object({ id: z.uuid() }),
    body: userPatchSchema,
    response: userViewSchema,
    run: (c) => changeAccount(deps, c.audit, c.params.id, c.body),
  });
}
