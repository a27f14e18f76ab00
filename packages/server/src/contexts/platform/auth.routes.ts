/**
 * /api/auth: login, who am I, logout, change password.
 */
import { domainError, roleSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE, secureCookie } from './http/security';
import { actorOf, publicAccess, responses, sendError, sessionAccess } from './http/route';
import { findUserById } from './user.repo';
import { changePassword, login, logout } from './auth.service';
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
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/auth/login',
    {
      config: {
        access: publicAccess,
        // per IP, signed in or not (the anonymous allow-list of the global limit does not apply)
        rateLimit: {
          max: deps.config.SSJ_LOGIN_RATE_PER_MINUTE,
          timeWindow: 60_000,
          allowList: () => false,
        },
      },
      schema: {
        tags: ['auth'],
        summary: '登录 / log in',
        body: z.object({ username: z.string().min(1).max(64), password: z.string().min(1).max(256) }),
        response: responses(sessionReply),
      },
    },
    async (request, reply) => {
      const res = await login(deps, {
        username: request.body.username,
        password: request.body.password,
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? null,
        requestId: request.id,
      });
      if (!res.ok) {
        return sendError(reply, res.error);
      }
      void reply.setCookie(SESSION_COOKIE, res.value.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: secureCookie(deps, request),
      });
      return { user: res.value.me, csrfToken: res.value.csrfToken };
    },
  );

  r.get(
    '/api/auth/me',
    {
      config: { access: publicAccess },
      schema: { tags: ['auth'], summary: '当前用户 / who am I', response: responses(sessionReply) },
    },
    async (request, reply) => {
      if (request.actor === null || request.csrfToken === null) {
        return sendError(reply, domainError('UNAUTHENTICATED', '未登录', 'not logged in'));
      }
      const a = request.actor;
      const u = await findUserById(deps.database.db, a.userId);
      return {
        user: {
          id: a.userId,
          username: a.username,
          displayName: a.displayName,
          roles: [...a.roles],
          department: {
            code: a.departmentCode,
            name: u?.departmentName ?? a.departmentCode,
            regionCode: a.regionCode,
            regionName: u?.regionName ?? a.regionCode,
          },
          mustChangePassword: request.passwordChangeRequired,
        },
        csrfToken: request.csrfToken,
      };
    },
  );

  r.post(
    '/api/auth/logout',
    {
      config: { access: sessionAccess, passwordChangeExempt: true },
      schema: {
        tags: ['auth'],
        summary: '退出登录 / log out',
        response: responses(z.object({ ok: z.literal(true) })),
      },
    },
    async (request, reply) => {
      await logout(deps, { actor: actorOf(request), requestId: request.id });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );

  r.post(
    '/api/auth/password',
    {
      config: { access: sessionAccess, passwordChangeExempt: true },
      schema: {
        tags: ['auth'],
        summary: '修改密码 / change password',
        body: z.object({
          currentPassword: z.string().min(1).max(256),
          newPassword: z.string().min(1).max(256),
        }),
        response: responses(z.object({ ok: z.literal(true) })),
      },
    },
    async (request, reply) => {
      const res = await changePassword(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.body,
      );
      if (!res.ok) {
        return sendError(reply, res.error);
      }
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  );
}
