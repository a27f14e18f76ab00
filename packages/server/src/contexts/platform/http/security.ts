/**
 * The app's guard at the door (issue 10 §4): security headers (CSP and friends), rate limits for
 * anonymous callers, and the session, role, CSRF and must-change-password checks, which run in
 * `onRequest`, before any body is read or validated: an anonymous caller gets its 401 without the
 * server parsing a byte of its payload, and never sees field errors.
 */
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import { domainError } from '@openssj/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { servedOverHttps } from '../../../config';
import { resolveSession } from '../auth.service';
import type { ServiceDeps } from '../context';
import { sendError } from './route';

/** The session cookie's name. */
export const SESSION_COOKIE = 'ssj_sid';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable by an account that still has to change its initial password (change it, log out). */
    passwordChangeExempt?: boolean;
  }
  interface FastifyRequest {
    /** The caller's account must change its password before doing anything else. */
    passwordChangeRequired: boolean;
  }
}

/**
 * The Content-Security-Policy. Scripts only from the app's own origin (Vite emits no inline script);
 * styles also inline, because Ant Design's CSS-in-JS writes <style> elements at run time (and Swagger
 * UI sets style attributes); images also as data:/blob: (photo previews, ECharts exports).
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[] | null> {
  return {
    'default-src': ["'self'"],
    'base-uri': ["'self'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'frame-ancestors': ["'none'"],
    'form-action': ["'self'"],
    // Over plain http (a local demo) an upgrade would break every request.
    'upgrade-insecure-requests': https ? [] : null,
  };
}

/** Should the session cookie carry `Secure`? Over TLS (as seen through a trusted proxy) or an https public URL. */
export function secureCookie(deps: ServiceDeps, request: FastifyRequest): boolean {
  return (
    deps.config.SSJ_SECURE_COOKIES === 'true' || servedOverHttps(deps.config) || request.protocol === 'https'
  );
}

/** Register headers, anonymous rate limits and the onRequest access check. */
export async function registerSecurity(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const https = servedOverHttps(deps.config);
  await app.register(fastifyHelmet, {
    contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
    // HSTS only means something when the public address is https.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
  });

  app.decorateRequest('passwordChangeRequired', false);

  // Sessions, roles, CSRF and the forced password change, from each route's declared access. An
  // app-level onRequest hook: it runs before the content-type parser and the schema validation.
  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    let sessionProblem = null;
    if (token !== undefined && token !== '') {
      const s = await resolveSession(deps, token);
      if (s.ok) {
        request.actor = s.value.actor;
        request.csrfToken = s.value.csrfToken;
        request.passwordChangeRequired = s.value.me.mustChangePassword;
      } else {
        sessionProblem = s.error;
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      }
    }
    if (access.kind === 'public') {
      return;
    }
    if (request.actor === null) {
      return sendError(reply, sessionProblem ?? domainError('UNAUTHENTICATED', '请先登录', 'please log in'));
    }
    if (request.passwordChangeRequired && request.routeOptions.config.passwordChangeExempt !== true) {
      return sendError(
        reply,
        domainError(
          'FORBIDDEN',
          '请先修改初始密码，再使用本平台',
          'change your initial password before doing anything else',
          { details: { reason: 'PASSWORD_CHANGE_REQUIRED' } },
        ),
      );
    }
    if (access.kind === 'roles' && !request.actor.roles.some((r) => access.roles.includes(r))) {
      return sendError(
        reply,
        domainError('FORBIDDEN', '当前角色无权执行此操作', 'your role may not do this', {
          details: { required: access.roles },
        }),
      );
    }
    if (!SAFE_METHODS.has(request.method) && request.headers['x-csrf-token'] !== request.csrfToken) {
      return sendError(
        reply,
        domainError(
          'CSRF',
          '缺少或错误的 CSRF 令牌，请刷新页面',
          'missing or wrong CSRF token: reload the page',
        ),
      );
    }
  });

  // Registered after the access hook, so its per-route onRequest hooks see `request.actor`:
  // anonymous callers of /api are limited per IP; signed-in staff are not (they are accountable).
  await app.register(fastifyRateLimit, {
    global: true,
    max: deps.config.SSJ_ANON_RATE_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request) => request.actor !== null || !request.url.startsWith('/api/'),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: {
        code: 'RATE_LIMITED',
        message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`,
        messageEn: `too many requests: retry in ${Math.ceil(ctx.ttl / 1000)} s`,
      },
    }),
  });
}
