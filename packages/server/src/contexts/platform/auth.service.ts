/**
 * Login, sessions and logout: argon2 passwords, lockout after repeated failures, idle
 * timeout, CSRF tokens (等保 2.0 level 3).
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  checkPasswordPolicy,
  domainError,
  err,
  ok,
  roleSchema,
  type DomainError,
  type Result,
} from '@openssj/core';
import { z } from 'zod';
import type { Actor, AuditContext } from './auth/actor';
import { dummyHash, hashPassword, verifyPassword } from './auth/password';
import { deleteSession, deleteUserSessions, findSession, insertSession, touchSession } from './session.repo';
import {
  clearFailedLogins,
  findUserById,
  findUserByUsername,
  lockAccount,
  reserveLoginAttempt,
  updateUser,
  type UserWithDepartment,
} from './user.repo';
import { inTransaction } from '../../db/tx';
import { audit } from './audit.service';
import type { ServiceDeps } from './context';

export interface Me {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly roles: z.infer<typeof roleSchema>[];
  readonly department: { code: string; name: string; regionCode: string; regionName: string };
  /** The password was set by an administrator: the user must choose a new one before anything else. */
  readonly mustChangePassword: boolean;
}

export interface LoginOutcome {
  readonly me: Me;
  readonly token: string;
  readonly csrfToken: string;
}

const rolesSchema = z.array(roleSchema);

/** The session id stored for a cookie token. */
export function sessionIdOf(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function toMe(u: UserWithDepartment): Me {
  return {
    id: u.user.id,
    username: u.user.username,
    displayName: u.user.displayName,
    roles: rolesSchema.parse(u.user.roles),
    department: {
      code: u.user.departmentCode,
      name: u.departmentName,
      regionCode: u.regionCode,
      regionName: u.regionName,
    },
    mustChangePassword: u.user.mustChangePassword,
  };
}

const badCredentials = (): DomainError =>
  domainError('BAD_CREDENTIALS', '用户名或密码错误', 'wrong username or password');

/** The refusal of a locked account; `justNow` when this attempt's failure locked it. */
function lockedError(until: Date, justNow: boolean): DomainError {
  const iso = until.toISOString();
  return justNow
    ? domainError(
        'LOCKED',
        `连续登录失败次数过多，账号已锁定至 ${iso}`,
        `too many failed logins: account locked until ${iso}`,
        { details: { lockedUntil: iso } },
      )
    : domainError('LOCKED', `账号已锁定，请于 ${iso} 后再试`, `account locked until ${iso}`, {
        details: { lockedUntil: iso },
      });
}

/**
 * Check a username and password with the lockout rules (failures counted and audited), without
 * opening a session: login uses it, and so does a teammate confirming on another's phone.
 */
export async function authenticate(
  deps: ServiceDeps,
  input: { username: string; password: string; ip: string | null; requestId: string | null },
): Promise<Result<UserWithDepartment, DomainError>> {
  const { db } = deps.database;
  const now = deps.clock();
  const found = await findUserByUsername(db, input.username);
  if (found === undefined || !found.user.active) {
    await verifyPassword(await dummyHash(), input.password);
    return err(badCredentials());
  }
  const u = found.user;
  const ctx: AuditContext = { actor: null, requestId: input.requestId };
  const lockUntil = new Date(now.getTime() + deps.config.SSJ_LOGIN_LOCK_MINUTES * 60_000);
  const max = deps.config.SSJ_LOGIN_MAX_FAILURES;
  // The attempt is counted before the password is checked, in one atomic UPDATE, so that parallel
  // guesses cannot all pass a "not locked yet" check together (issue 10 §4).
  const slot = await reserveLoginAttempt(db, u.id, now, max, lockUntil);
  if (slot.lockedUntil !== null && slot.lockedUntil > now) {
    return err(lockedError(slot.lockedUntil, false));
  }
  const good = await verifyPassword(u.passwordHash, input.password);
  if (!good) {
    const locked = slot.attempt >= max;
    await inTransaction(db, async (tx) => {
      const until = locked ? await lockAccount(tx, u.id, now, lockUntil) : null;
      await audit(
        tx,
        ctx,
        {
          action: locked ? 'auth.locked' : 'auth.login_failed',
          entityType: 'user',
          entityId: u.id,
          departmentCode: u.departmentCode,
          after: {
            username: u.username,
            failedLogins: slot.attempt,
            ip: input.ip,
            ...(until !== null ? { lockedUntil: until.toISOString() } : {}),
          },
        },
        now,
      );
      return ok(undefined);
    });
    return err(locked ? lockedError(lockUntil, true) : badCredentials());
  }
  // the attempt was counted before the check: a right password ends the run of failures
  await clearFailedLogins(db, u.id);
  return ok(found);
}

/** Check a username and password and open a session. */
export async function login(
  deps: ServiceDeps,
  input: {
    username: string;
    password: string;
    ip: string | null;
    userAgent: string | null;
    requestId: string;
  },
): Promise<Result<LoginOutcome, DomainError>> {
  const { db } = deps.database;
  const now = deps.clock();
  const checked = await authenticate(deps, input);
  if (!checked.ok) {
    return checked;
  }
  const found = checked.value;
  const u = found.user;
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  await inTransaction(db, async (tx) => {
    await clearFailedLogins(tx, u.id);
    await insertSession(tx, {
      id: sessionIdOf(token),
      userId: u.id,
      csrfToken,
      createdAt: now,
      lastSeenAt: now,
      ip: input.ip,
      userAgent: input.userAgent?.slice(0, 300) ?? null,
    });
    await audit(
      tx,
      { actor: null, requestId: input.requestId },
      {
        action: 'auth.login',
        entityType: 'user',
        entityId: u.id,
        departmentCode: u.departmentCode,
        after: { username: u.username, ip: input.ip },
      },
      now,
    );
    return ok(undefined);
  });
  return ok({ me: toMe(found), token, csrfToken });
}

export interface ResolvedSession {
  readonly actor: Actor;
  readonly me: Me;
  readonly csrfToken: string;
}

/** Resolve a cookie token to an actor; expired (idle) sessions are ended. */
export async function resolveSession(
  deps: ServiceDeps,
  token: string,
): Promise<Result<ResolvedSession, DomainError>> {
  const { db } = deps.database;
  const now = deps.clock();
  const id = sessionIdOf(token);
  const s = await findSession(db, id);
  if (s === undefined) {
    return err(
      domainError('SESSION_EXPIRED', '会话已失效，请重新登录', 'session expired: please log in again'),
    );
  }
  const idleMs = deps.config.SSJ_SESSION_IDLE_MINUTES * 60_000;
  if (now.getTime() - s.lastSeenAt.getTime() > idleMs) {
    await deleteSession(db, id);
    return err(
      domainError(
        'SESSION_EXPIRED',
        '会话因长时间未操作已过期，请重新登录',
        'session expired after inactivity: please log in again',
      ),
    );
  }
  const found = await findUserById(db, s.userId);
  if (found === undefined || !found.user.active) {
    await deleteSession(db, id);
    return err(
      domainError('SESSION_EXPIRED', '账号已停用，请重新登录', 'account disabled: please log in again'),
    );
  }
  if (now.getTime() - s.lastSeenAt.getTime() > 30_000) {
    await touchSession(db, id, now);
  }
  const me = toMe(found);
  return ok({
    me,
    csrfToken: s.csrfToken,
    actor: {
      userId: me.id,
      username: me.username,
      displayName: me.displayName,
      departmentCode: me.department.code,
      regionCode: me.department.regionCode,
      roles: me.roles,
      sessionId: id,
    },
  });
}

/** End the caller's session. */
export async function logout(deps: ServiceDeps, ctx: AuditContext & { actor: Actor }): Promise<void> {
  const { db } = deps.database;
  await inTransaction(db, async (tx) => {
    await deleteSession(tx, ctx.actor.sessionId);
    await audit(
      tx,
      ctx,
      { action: 'auth.logout', entityType: 'user', entityId: ctx.actor.userId },
      deps.clock(),
    );
    return ok(undefined);
  });
}

/** Change the caller's own password (checks the current one and the policy; ends other sessions). */
export async function changePassword(
  deps: ServiceDeps,
  ctx: AuditContext & { actor: Actor },
  input: { currentPassword: string; newPassword: string },
): Promise<Result<void, DomainError>> {
  const { db } = deps.database;
  const found = await findUserById(db, ctx.actor.userId);
  if (found === undefined || !(await verifyPassword(found.user.passwordHash, input.currentPassword))) {
    return err(domainError('BAD_CREDENTIALS', '当前密码错误', 'current password is wrong'));
  }
  if (input.newPassword === input.currentPassword) {
    return err(
      domainError(
        'PASSWORD_POLICY',
        '新密码不能与当前密码相同',
        'the new password must differ from the current one',
        {
          issues: [
            {
              field: 'newPassword',
              messageZh: '新密码不能与当前密码相同',
              messageEn: 'the new password must differ from the current one',
            },
          ],
        },
      ),
    );
  }
  const policy = checkPasswordPolicy(input.newPassword, found.user.username);
  if (!policy.ok) {
    return err(
      domainError('PASSWORD_POLICY', policy.error.messageZh, policy.error.messageEn, {
        issues: [policy.error],
      }),
    );
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = deps.clock();
  return inTransaction(db, async (tx) => {
    await updateUser(tx, ctx.actor.userId, {
      passwordHash,
      passwordChangedAt: now,
      mustChangePassword: false,
    });
    await deleteUserSessions(tx, ctx.actor.userId);
    await audit(
      tx,
      ctx,
      { action: 'auth.password_changed', entityType: 'user', entityId: ctx.actor.userId },
      now,
    );
    return ok(undefined);
  });
}
