/**
 * Accounts made by an administrator (用户管理, issue 11): a generated one-time password shown
 * once to the admin (never stored in clear, never audited), password resets, and the link from an
 * account to its inspector record (执法证号) in the same department.
 */
import { randomInt } from 'node:crypto';
import { checkPasswordPolicy, domainError, err, ok, type DomainError, type Result } from '@openssj/core';
import type { z } from 'zod';
import type { AuditContext } from './auth/actor';
import type { Db } from '../../db/client';
import { accountLinkedToBadge, findUserById, badgeDepartments } from './user.repo';
import type { ServiceDeps } from './context';
import {
  createUser,
  patchUser,
  type newUserSchema,
  type userPatchSchema,
  type UserView,
} from './org.service';

const UPPER = 'ABCDEFGHJKLMNPQRSTUVWXYZ';
const LOWER = 'abcdefghijkmnopqrstuvwxyz';
const DIGITS = '23456789';
const SYMBOLS = '#%+=@';

/** A random 14-character password of all four classes (no look-alike characters), passing the policy. */
export function generateOneTimePassword(username = ''): string {
  const all = UPPER + LOWER + DIGITS + SYMBOLS;
  const pick = (set: string) => set.charAt(randomInt(set.length));
  for (;;) {
    const chars = [pick(UPPER), pick(LOWER), pick(DIGITS), pick(SYMBOLS)];
    while (chars.length < 14) {
      chars.push(pick(all));
    }
    // Fisher–Yates with an unbiased crypto randomInt
    for (let i = chars.length - 1; i > 0; i--) {
      const j = randomInt(i + 1);
      const a = chars[i] ?? '';
      chars[i] = chars[j] ?? '';
      chars[j] = a;
    }
    const password = chars.join('');
    if (checkPasswordPolicy(password, username).ok) {
      return password;
    }
  }
}

function badgeError(badge: string, zh: string, en: string): DomainError {
  return domainError('VALIDATION', `执法证号 ${badge}：${zh}`, `badge ${badge}: ${en}`, {
    issues: [{ field: 'inspectorBadge', value: badge, messageZh: zh, messageEn: en }],
  });
}

/** Check that `badge` names an inspector of `departmentCode` that no other account is linked to. */
export async function checkInspectorLink(
  db: Db,
  badge: string,
  departmentCode: string,
  userId: string | null,
): Promise<Result<void, DomainError>> {
  const found = (await badgeDepartments(db, [badge])).get(badge);
  if (found === undefined) {
    return err(badgeError(badge, '名录库中没有该执法人员', 'no inspector with this badge in the library'));
  }
  if (found.departmentCode !== departmentCode) {
    return err(
      badgeError(
        badge,
        `该执法人员属于部门 ${found.departmentCode}，与账号部门不一致`,
        `the inspector belongs to ${found.departmentCode}, not the account's department`,
      ),
    );
  }
  const other = await accountLinkedToBadge(db, badge, userId);
  if (other !== undefined) {
    return err(badgeError(badge, `已关联账号 ${other}`, `already linked to account ${other}`));
  }
  return ok(undefined);
}

export type NewAccountInput = Omit<z.infer<typeof newUserSchema>, 'password'> & {
  readonly password?: string | undefined;
};

/** A created account and, when the server generated it, the one-time password to hand over. */
export type CreatedAccount = UserView & { readonly oneTimePassword: string | null };

/** Create an account; without a password the server generates a one-time password and returns it once. */
export async function createAccount(
  deps: ServiceDeps,
  ctx: AuditContext,
  input: NewAccountInput,
): Promise<Result<CreatedAccount, DomainError>> {
  const badge = input.inspectorBadge ?? null;
  if (badge !== null) {
    const link = await checkInspectorLink(deps.database.db, badge, input.departmentCode, null);
    if (!link.ok) {
      return link;
    }
  }
  const generated = input.password === undefined ? generateOneTimePassword(input.username) : null;
  const res = await createUser(deps, ctx, { ...input, password: input.password ?? generated ?? '' });
  return res.ok ? ok({ ...res.value, oneTimePassword: generated }) : res;
}

/** Reset a password to a generated one-time password, returned once; the user's sessions end. */
export async function resetPassword(
  deps: ServiceDeps,
  ctx: AuditContext,
  id: string,
): Promise<Result<{ user: UserView; oneTimePassword: string }, DomainError>> {
  const oneTimePassword = generateOneTimePassword();
  const res = await patchUser(deps, ctx, id, { password: oneTimePassword });
  return res.ok ? ok({ user: res.value, oneTimePassword }) : res;
}

/** Change an account (roles, department, active, unlock, inspector link) after checking the link. */
export async function changeAccount(
  deps: ServiceDeps,
  ctx: AuditContext,
  id: string,
  patch: z.infer<typeof userPatchSchema>,
): Promise<Result<UserView, DomainError>> {
  const badge = patch.inspectorBadge;
  const current = await findUserById(deps.database.db, id);
  if (current === undefined) {
    return err(domainError('NOT_FOUND', '用户不存在', 'no such user'));
  }
  if (badge !== undefined && badge !== null) {
    const link = await checkInspectorLink(
      deps.database.db,
      badge,
      patch.departmentCode ?? current.user.departmentCode,
      id,
    );
    if (!link.ok) {
      return link;
    }
  }
  return patchUser(deps, ctx, id, patch);
}
