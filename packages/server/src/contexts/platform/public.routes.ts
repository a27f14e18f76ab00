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
import { freshnessOf } from './http/read-routing';

const REPLICA = { readsFrom: 'replica' } as const;

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
    config: REPLICA,
    run: async () => ok(await countRegionsAndDepartments(deps.database.db)),
  });
  publicApi.get({
    url: '/api/public/departments',
    summary: '部门名称 / department names by code (public pages show names, not codes)',
    access: publicAccess,
    response: z.object({
      items: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string() })),
    }),
    config: REPLICA,
    run: async () =>
      ok({
        items: (await listDepartments(deps.database.db)).map((d) => ({
          code: d.code,
          name: d.name,
          shortName: d.shortName,
        })),
      }),
  });
  publicApi.get({
    url: '/api/public/freshness',
    summary: '公示数据的新鲜度 / how fresh the portal’s data is (primary, or a replica and its lag)',
    access: publicAccess,
    response: z.object({
      source: z.enum(['primary', 'replica']),
      lagSeconds: z.number(),
      replicas: z.int(),
      usable: z.int(),
      checkedAt: z.iso.datetime().nullable(),
    }),
    run: async () => {
      const f = freshnessOf(deps.database);
      return ok({ ...f, checkedAt: f.checkedAt?.toISOString() ?? null });
    },
  });
}
