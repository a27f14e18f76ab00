/**
 * The Fastify application: zod type provider, OpenAPI at /api/docs, the security guard
 * (security.ts: headers, rate limits, sessions, roles and CSRF before any body is read),
 * one error mapping, and the built web app.
 */
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import fastifyMultipart from '@fastify/multipart';
import { domainError } from '@openssj/core';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  type ServiceDeps,
  sendError,
  type Access,
  registerSecurity,
  registerReadRouting,
  registerMetrics,
  SESSION_COOKIE,
  frameworkErrors,
  installErrorHandling,
  loggerOptions,
  type LogStream,
  guardedValidatorCompiler,
  documentStatuses,
  fixOpenApi,
} from './contexts/platform';
import { trustProxyOf } from './config';
import { registerRoutes } from './contexts/routes';
import { METRIC_SOURCES } from './contexts/metric-sources';

export { SESSION_COOKIE };

/** The largest JSON body a route takes unless it declares its own `bodyLimit`. */
export const DEFAULT_BODY_LIMIT = 1024 * 1024;

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
  /** 'replica': the route reads from a read replica when one is fresh enough (issue 17 §1). */
  readonly readsFrom?: 'replica';
}

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
    // Small by default; the few routes that take more (photos, signatures) say so. Files come
    // as multipart, limited by the multipart plugin.
    bodyLimit: DEFAULT_BODY_LIMIT,
    trustProxy: trustProxyOf(opts.config),
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
      const readsFrom = r.config?.readsFrom;
      routes.push({ method: m, url: r.url, access: r.config?.access, ...(readsFrom ? { readsFrom } : {}) });
      if (r.config?.access === undefined && !isPluginRoute(r.url)) {
        throw new Error(`route ${m} ${r.url} declares no access (config.access)`);
      }
    }
  });

  app.decorateRequest('actor', null);
  app.decorateRequest('csrfToken', null);

  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1 } });
  await registerSecurity(app, opts);
  registerReadRouting(app, opts.database);
  registerMetrics(app, opts, METRIC_SOURCES);
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'OpenSSJ API', description: '双随机、一公开 监管平台 API', version: '0.1.0' },
    },
    transform: jsonSchemaTransform,
    transformObject: fixOpenApi,
  });
  // No validator badge: it would load an image from validator.swagger.io (and break the CSP).
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });

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
