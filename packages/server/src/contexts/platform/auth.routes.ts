/**
 * /api/auth: login, who am I, logout, change password.
 */
import { mapOk, ok, roleSchema } from '@openssj/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { SESSION_COOKIE, secureCookie } from './http/security';
import { endpoints } from './http/endpoint';
import { publicAccess, sessionAccess } from './http/route';
import { changePassword, login, logout } from './auth.service';
import { whoAmI } from './auth/who-am-i';
import type { ServiceDeps } from './context';

export const meSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  roles: z.array(roleSchema),
  department: z.object({
    code: z.string(),
    name: z.string(),
    regionCode: z.string(),
    regionName: z.string(),
  }),
  /** An administrator set this password: only POST /api/auth/password (and logout) work until it is changed. */
  mustChangePassword: z.boolean(),
});

const sessionReply = z.object({ user: meSchema, csrfToken: z.string() });

/** Register the auth routes. */
export async function registerAuthRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const auth = endpoints(app, 'auth');
  const dropCookie = (reply: FastifyReply) => void reply.clearCookie(SESSION_COOKIE, { path: '/' });

  auth.post({
    url: '/api/auth/login',
    summary: '登录 / log in',
    access: publicAccess,
    // per IP, signed in or not (the anonymous allow-list of the global limit does not apply)
    config: {
      rateLimit: { max: deps.config.SSJ_LOGIN_RATE_PER_MINUTE, timeWindow: 60_000, allowList: () => false },
    },
    body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
    response: sessionReply,
    run: async (c) => {
      const res = await login(deps, {
        username: c.body.username,
        password: c.body.password,
        ip: c.request.ip,
        userAgent: c.request.headers['user-agent'] ?? null,
        requestId: c.request.id,
      });
      if (res.ok) {
        void c.reply.setCookie(SESSION_COOKIE, res.value.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: secureCookie(deps, c.request),
        });
      }
      return mapOk(res, (v) => ({ user: v.me, csrfToken: v.csrfToken }));
    },
  });

  auth.get({
    url: '/api/auth/me',
    summary: '当前用户 / who am I',
    access: publicAccess,
    response: sessionReply,
    run: (c) => whoAmI(deps, c.request),
  });

  auth.post({
    url: '/api/auth/logout',
    summary: '退出登录 / log out',
    access: sessionAccess,
    config: { passwordChangeExempt: true },
    response: z.object({ ok: z.literal(true) }),
    run: async (c) => {
      await logout(deps, c.audit);
      dropCookie(c.reply);
      return ok({ ok: true as const });
    },
  });

  auth.post({
    url: '/api/auth/password',
    summary: '修改密码 / change password',
    access: sessionAccess,
    config: { passwordChangeExempt: true },
    body: z.object({
      currentPassword: z.string().min(1).max(256),
      newPassword: z.string().min(1).max(256),
    }),
    response: z.object({ ok: z.literal(true) }),
    run: async (c) => {
      const res = await changePassword(deps, c.audit, c.body);
      if (res.ok) {
        dropCookie(c.reply); // every session of the account ended: log in again
      }
      return mapOk(res, () => ({ ok: true as const }));
    },
  });
}
