/**
 * Organisation service: departments, units and user accounts (system administration).
 */
import {
  checkPasswordPolicy,
  domainError,
  err,
  ok,
  roleSchema,
  type DomainError,
  type Result,
  type Role,
} from '@openssj/core';
import { z } from 'zod';
import { canReadDepartment, forbiddenDepartment, type Actor, type AuditContext } from './auth/actor';
import { hashPassword } from './auth/password';
import { findDepartment, insertDepartments, listDepartments, listRegions, listUnits } from './org.repo';
import { deleteUserSessions } from './session.repo';
import {
  findUserById,
  findUserByUsername,
  insertUsers,
  listUsers,
  updateUser,
  type UserFilter,
  type UserRow,
} from './user.repo';
import { inTransaction } from '../../db/tx';
import { audit } from './audit.service';
import type { ServiceDeps } from './context';

export interface UserView {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly departmentCode: string;
  readonly roles: Role[];
  readonly active: boolean;
  readonly lockedUntil: string | null;
  readonly inspectorBadge: string | null;
}

const rolesSchema = z.array(roleSchema);

function userView(u: UserRow): UserView {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    departmentCode: u.departmentCode,
    roles: rolesSchema.parse(u.roles),
    active: u.active,
    lockedUntil: u.lockedUntil?.toISOString() ?? null,
    inspectorBadge: u.inspectorBadge,
  };
}

/** Regions, departments and units (names and codes are not secret). */
export async function getOrg(deps: ServiceDeps) {
  const db = deps.database.db;
  const [regions, departments, units] = await Promise.all([
    listRegions(db),
    listDepartments(db),
    listUnits(db),
  ]);
  return { regions, departments, units };
}

/** Users: system admins and auditors see all; others their own department. */
export async function getUsers(
  deps: ServiceDeps,
  actor: Actor,
  departmentCode?: string,
  filter: UserFilter = {},
): Promise<Result<UserView[], DomainError>> {
  const dept =
    departmentCode ??
    (actor.roles.includes('system_admin') || actor.roles.includes('auditor')
      ? undefined
      : actor.departmentCode);
  if (dept !== undefined && !canReadDepartment(actor, dept)) {
    return err(forbiddenDepartment(dept));
  }
  return ok((await listUsers(deps.database.db, dept, filter)).map(userView));
}

export const newUserSchema = z.object({
  username: z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '3–32 lower-case letters, digits, _ . -'),
  displayName: z.string().min(1).max(50),
  departmentCode: z.string().min(1).max(40),
  roles: z.array(roleSchema).min(1),
  password: z.string().min(1).max(256),
  inspectorBadge: z.string().max(40).nullable().optional(),
});

/** Create a user account (system admin). */
export async function createUser(
  deps: ServiceDeps,
  ctx: AuditContext,
  input: z.infer<typeof newUserSchema>,
): Promise<Result<UserView, DomainError>> {
  const db = deps.database.db;
  if ((await findDepartment(db, input.departmentCode)) === undefined) {
    return err(
      domainError(
        'VALIDATION',
        `部门不存在：${input.departmentCode}`,
        `unknown department ${input.departmentCode}`,
        {
          issues: [
            {
              field: 'departmentCode',
              value: input.departmentCode,
              messageZh: '部门不存在',
              messageEn: 'unknown department',
            },
          ],
        },
      ),
    );
  }
  const policy = checkPasswordPolicy(input.password, input.username);
  if (!policy.ok) {
    return err(
      domainError('PASSWORD_POLICY', policy.error.messageZh, policy.error.messageEn, {
        issues: [policy.error],
      }),
    );
  }
  if ((await findUserByUsername(db, input.username)) !== undefined) {
    return err(
      domainError(
        'CONFLICT',
        `用户名已存在：${input.username}`,
        `username already exists: ${input.username}`,
      ),
    );
  }
  const passwordHash = await hashPassword(input.password);
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await insertUsers(tx, [
      {
        username: input.username,
        displayName: input.displayName,
        departmentCode: input.departmentCode,
        roles: [...new Set(input.roles)],
        passwordHash,
        inspectorBadge: input.inspectorBadge ?? null,
        createdAt: now,
        passwordChangedAt: now,
        // the administrator knows this password: the user replaces it at the first login
        mustChangePassword: true,
      },
    ]);
    const created = await findUserByUsername(tx, input.username);
    if (created === undefined) {
      throw new Error('bug: user vanished after insert');
    }
    const view = userView(created.user);
    await audit(
      tx,
      ctx,
      {
        action: 'user.created',
        entityType: 'user',
        entityId: view.id,
        departmentCode: view.departmentCode,
        after: view,
      },
      now,
    );
    return ok(view);
  });
}

export const userPatchSchema = z
  .object({
    displayName: z.string().min(1).max(50).optional(),
    departmentCode: z.string().min(1).max(40).optional(),
    roles: z.array(roleSchema).min(1).optional(),
    active: z.boolean().optional(),
    unlock: z.boolean().optional(),
    password: z.string().min(1).max(256).optional(),
    /** Link to the inspector record (执法证号); null unlinks. */
    inspectorBadge: z.string().min(1).max(40).nullable().optional(),
  })
  .refine((p) => Object.values(p).some((v) => v !== undefined), {
    message: 'nothing to change: give at least one field',
    params: { messageZh: '没有要修改的内容：至少填写一个字段' },
  });

/** Change a user (system admin): roles, department, active, unlock, reset password. */
export async function patchUser(
  deps: ServiceDeps,
  ctx: AuditContext,
  id: string,
  patch: z.infer<typeof userPatchSchema>,
): Promise<Result<UserView, DomainError>> {
  const db = deps.database.db;
  const found = await findUserById(db, id);
  if (found === undefined) {
    return err(domainError('NOT_FOUND', '用户不存在', 'no such user'));
  }
  if (patch.departmentCode !== undefined && (await findDepartment(db, patch.departmentCode)) === undefined) {
    return err(
      domainError(
        'VALIDATION',
        `部门不存在：${patch.departmentCode}`,
        `unknown department ${patch.departmentCode}`,
      ),
    );
  }
  let passwordHash: string | undefined;
  if (patch.password !== undefined) {
    const policy = checkPasswordPolicy(patch.password, found.user.username);
    if (!policy.ok) {
      return err(
        domainError('PASSWORD_POLICY', policy.error.messageZh, policy.error.messageEn, {
          issues: [policy.error],
        }),
      );
    }
    passwordHash = await hashPassword(patch.password);
  }
  const now = deps.clock();
  const before = userView(found.user);
  return inTransaction(db, async (tx) => {
    const updated = await updateUser(tx, id, {
      ...(patch.displayName !== undefined ? { displayName: patch.displayName } : {}),
      ...(patch.departmentCode !== undefined ? { departmentCode: patch.departmentCode } : {}),
      ...(patch.roles !== undefined ? { roles: [...new Set(patch.roles)] } : {}),
      ...(patch.active !== undefined ? { active: patch.active } : {}),
      ...(patch.unlock === true ? { failedLogins: 0, lockedUntil: null } : {}),
      ...(patch.inspectorBadge !== undefined ? { inspectorBadge: patch.inspectorBadge } : {}),
      ...(passwordHash !== undefined
        ? { passwordHash, passwordChangedAt: now, mustChangePassword: true }
        : {}),
    });
    if (updated === undefined) {
      return err(domainError('NOT_FOUND', '用户不存在', 'no such user'));
    }
    if (
      patch.active === false ||
      passwordHash !== undefined ||
      patch.roles !== undefined ||
      patch.departmentCode !== undefined
    ) {
      await deleteUserSessions(tx, id);
    }
    const after = userView(updated);
    await audit(
      tx,
      ctx,
      {
        action: 'user.updated',
        entityType: 'user',
        entityId: id,
        departmentCode: after.departmentCode,
        before,
        after: { ...after, passwordReset: passwordHash !== undefined },
      },
      now,
    );
    return ok(after);
  });
}

export const newDepartmentSchema = z.object({
  code: z.string().regex(/^\d{6}-[A-Z0-9]{2,12}$/, 'region code + "-" + short code, e.g. 500112-SCJG'),
  name: z.string().min(2).max(60),
  shortName: z.string().min(1).max(20),
  regionCode: z.string().regex(/^\d{6}$/),
});

/** Create a department (system admin). Its code must carry its region. */
export async function createDepartment(
  deps: ServiceDeps,
  ctx: AuditContext,
  input: z.infer<typeof newDepartmentSchema>,
): Promise<Result<z.infer<typeof newDepartmentSchema>, DomainError>> {
  if (!input.code.startsWith(`${input.regionCode}-`)) {
    return err(
      domainError(
        'VALIDATION',
        '部门编码须以所属行政区划代码开头',
        'the department code must start with its region code',
      ),
    );
  }
  const db = deps.database.db;
  const regions = await listRegions(db);
  if (!regions.some((r) => r.code === input.regionCode)) {
    return err(
      domainError(
        'VALIDATION',
        `行政区划不在本平台：${input.regionCode}`,
        `region not in this deployment: ${input.regionCode}`,
      ),
    );
  }
  if ((await findDepartment(db, input.code)) !== undefined) {
    return err(
      domainError('CONFLICT', `部门编码已存在：${input.code}`, `department code exists: ${input.code}`),
    );
  }
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await insertDepartments(tx, [{ ...input, createdAt: now }]);
    await audit(
      tx,
      ctx,
      {
        action: 'department.created',
        entityType: 'department',
        entityId: input.code,
        departmentCode: input.code,
        after: input,
      },
      now,
    );
    return ok(input);
  });
}
