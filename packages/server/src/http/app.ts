/**
 * The Fastify application: zod type provider, OpenAPI at /api/docs, sessions and CSRF,
 * role checks on every route, one error mapping, and the built web app.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyMultipart from '@fastify/multipart';
import { domainError } from '@openssj/core';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { resolveSession } from '../services/auth.service';
import type { ServiceDeps } from '../services/context';
import { sendError, type Access } from './route';
import { frameworkErrors, installErrorHandling, loggerOptions, type LogStream } from './error-handler';
import { guardedValidatorCompiler } from './input-guard';
import { documentStatuses, fixOpenApi } from './openapi-statuses';
import { registerRoutes } from '../routes';

export const SESSION_COOKIE = 'ssj_sid';

export interface AppOptions extends ServiceDeps {
  /** Directory of the built web app; null to serve the API only. */
  readonly webDist: string | null;
  readonly logger?: boolean;
  /** Where log lines go (tests); stdout when absent. */
  readonly logStream?: LogStream;
}

export type App = FastifyInstance & { ssjRoutes: RouteInfo[] };

export interface RouteInfo {
  readonly method: string;
  readonly url: string;
  readonly access: Access | undefined;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Paths served by plugins (docs, static files) rather than declared routes. */
function isPluginRoute(url: string): boolean {
  return url.startsWith('/api/docs') || !url.startsWith('/api/');
}

/** Build the app (not listening). */
export async function buildApp(opts: AppOptions): Promise<App> {
  const app = Fastify({
    logger: loggerOptions(opts),
    frameworkErrors,
    genReqId: () => randomUUID(),
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: false,
  }).withTypeProvider<ZodTypeProvider>();
  const routes: RouteInfo[] = [];
  Object.assign(app, { ssjRoutes: routes });

  app.setValidatorCompiler(guardedValidatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.addHook('onRoute', documentStatuses);
  app.addHook('onRoute', (r) => {
    const methods = Array.isArray(r.method) ? r.method : [r.method];
    for (const m of methods) {
      if (m === 'HEAD') {
        continue;
      }
      routes.push({ method: m, url: r.url, access: r.config?.access });
      if (r.config?.access === undefined && !isPluginRoute(r.url)) {
        throw new Error(`route ${m} ${r.url} declares no access (config.access)`);
      }
    }
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1 } });
  await app.register(fastifyRateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      error: {
        code: 'RATE_LIMITED',
        message: `请求过于频繁，请 ${Math.ceil(ctx.ttl / 1000)} 秒后再试`,
        messageEn: `too many requests: retry in ${Math.ceil(ctx.ttl / 1000)} s`,
      },
    }),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'OpenSSJ API', description: '双随机、一公开 监管平台 API', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
    transformObject: fixOpenApi,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  // Sessions, roles and CSRF, from each route's declared access.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) {
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    let sessionProblem = null;
    if (token !== undefined && token !== '') {
      const s = await resolveSession(opts, token);
      if (s.ok) {
        request.actor = s.value.actor;
        request.csrfToken = s.value.csrfToken;
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

  installErrorHandling(app);

  await registerRoutes(app, opts);

  const webDist =
    opts.webDist !== null && existsSync(path.join(opts.webDist, 'index.html')) ? opts.webDist : null;
  if (webDist !== null) {
    await app.register(fastifyStatic, { root: webDist, wildcard: false, index: ['index.html'] });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || webDist === null || request.method !== 'GET') {
      return sendError(
        reply,
        domainError(
          'NOT_FOUND',
          `接口不存在：${request.method} ${request.url.split('?')[0] ?? ''}`,
          `no such endpoint: ${request.method} ${request.url.split('?')[0] ?? ''}`,
        ),
      );
    }
    // The single-page app routes everything else (and shows its own 404 page).
    return reply.type('text/html').sendFile('index.html');
  });

  return app as unknown as App;
}
