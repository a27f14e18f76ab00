/**
 * /api/public and /api/health: no login (一公开).
 */
import { ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { listDepartments } from './org.repo';
import { isDemoDatabase } from './setting.repo';
import { publicAccess } from './http/route';
import { endpoints } from './http/endpoint';
import type { ServiceDeps } from './context';
import { countRegionsAndDepartments } from './org.repo';

/** Register public routes. */
export async function registerPublicRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const publicApi = endpoints(app, 'public');

  publicApi.get({
    url: '/api/health',
    summary: '健康检查 / health',
    access: publicAccess,
    response: z.object({
      ok: z.literal(true),
      engine: z.string(),
      /** The database holds the demo data set: the console shows 演示环境. */
      demo: z.boolean(),
    }),
    run: async () =>
      ok({ ok: true as const, engine: deps.database.engine, demo: await isDemoDatabase(deps.database.db) }),
  });
  publicApi.get({
    url: '/api/public/overview',
    summary: '公示概况 / public overview',
    access: publicAccess,
    response: z.object({ regions: z.number(), departments: z.number() }),
    run: async () => ok(await countRegionsAndDepartments(deps.database.db)),
  });
  publicApi.get({
    url: '/api/public/departments',
    summary: '部门名称 / department names by code (public pages show names, not codes)',
    access: publicAccess,
    response: z.object({
      items: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string() })),
    }),
    run: async () =>
      ok({
        items: (await listDepartments(deps.database.db)).map((d) => ({
          code: d.code,
          name: d.name,
          shortName: d.shortName,
        })),
      }),
  });
}
