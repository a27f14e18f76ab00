/**
 * The first system administrator of a deployment without demo data (`ssj users bootstrap`, issue 10
 * §2): creates the top region and its department when they are missing, and the administrator with
 * a one-time password that must be changed at the first login. Refused once a system admin exists.
 */
import { randomInt } from 'node:crypto';
import { checkPasswordPolicy, domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import { hashPassword } from './auth/password';
import { findDepartment, insertDepartments, insertRegions, listRegions } from './org.repo';
import { countActiveSystemAdmins, findUserByUsername, insertUsers } from './user.repo';
import { inTransaction } from '../../db/tx';
import { audit } from './audit.service';
import type { ServiceDeps } from './context';

export const bootstrapInputSchema = z.object({
  username: z.string().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '3–32 lower-case letters, digits, _ . -'),
  displayName: z.string().min(1).max(50),
  regionCode: z.string().regex(/^\d{6}$/, 'six digits (GB/T 2260), e.g. 500000'),
  regionName: z.string().min(2).max(60),
  departmentCode: z
    .string()
    .regex(/^\d{6}-[A-Z0-9]{2,12}$/, 'region code + "-" + short code, e.g. 500000-SCJG'),
  departmentName: z.string().min(2).max(60),
});

export type BootstrapInput = z.infer<typeof bootstrapInputSchema>;

export interface Bootstrapped {
  readonly username: string;
  readonly departmentCode: string;
  /** Shown once; the account must replace it at its first login. */
  readonly oneTimePassword: string;
}

const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time password of 20 characters that meets the password policy for `username`. */
export function oneTimePassword(username: string): string {
  for (;;) {
    const body = Array.from({ length: 18 }, () => ALPHABET[randomInt(ALPHABET.length)] ?? 'x').join('');
    const candidate = `${body.slice(0, 9)}-${body.slice(9)}!`;
    if (checkPasswordPolicy(candidate, username).ok) {
      return candidate;
    }
  }
}

/** The level of a region from its code: xx0000 province, xxxx00 city, otherwise district. */
function levelOf(code: string): 'province' | 'city' | 'district' {
  if (code.endsWith('0000')) {
    return 'province';
  }
  return code.endsWith('00') ? 'city' : 'district';
}

/** Create the first system administrator (and its region and department when missing). */
export async function bootstrapSystemAdmin(
  deps: ServiceDeps,
  input: BootstrapInput,
): Promise<Result<Bootstrapped, DomainError>> {
  const db = deps.database.db;
  if (!input.departmentCode.startsWith(`${input.regionCode}-`)) {
    return err(
      domainError(
        'VALIDATION',
        '部门编码须以所属行政区划代码开头',
        'the department code must start with its region code',
      ),
    );
  }
  if ((await countActiveSystemAdmins(db)) > 0) {
    return err(
      domainError(
        'CONFLICT',
        '已有系统管理员：请由其在「用户」中新建账号或重置密码',
        'a system administrator exists already: they create accounts and reset passwords',
      ),
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
  const password = oneTimePassword(input.username);
  const passwordHash = await hashPassword(password);
  const now = deps.clock();
  const regionExists = (await listRegions(db)).some((r) => r.code === input.regionCode);
  const departmentExists = (await findDepartment(db, input.departmentCode)) !== undefined;
  return inTransaction(db, async (tx) => {
    if (!regionExists) {
      await insertRegions(tx, [
        {
          code: input.regionCode,
          name: input.regionName,
          fullName: input.regionName,
          level: levelOf(input.regionCode),
          parentCode: null,
        },
      ]);
    }
    if (!departmentExists) {
      await insertDepartments(tx, [
        {
          code: input.departmentCode,
          name: input.departmentName,
          shortName: input.departmentName.slice(0, 20),
          regionCode: input.regionCode,
          createdAt: now,
        },
      ]);
    }
    await insertUsers(tx, [
      {
        username: input.username,
        displayName: input.displayName,
        departmentCode: input.departmentCode,
        roles: ['system_admin'],
        passwordHash,
        createdAt: now,
        passwordChangedAt: now,
        mustChangePassword: true,
      },
    ]);
    await audit(
      tx,
      { actor: null, requestId: null },
      {
        action: 'user.bootstrapped',
        entityType: 'user',
        entityId: input.username,
        departmentCode: input.departmentCode,
        after: {
          ...input,
          roles: ['system_admin'],
          regionCreated: !regionExists,
          departmentCreated: !departmentExists,
        },
      },
      now,
    );
    return ok({ username: input.username, departmentCode: input.departmentCode, oneTimePassword: password });
  });
}
