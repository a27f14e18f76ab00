/**
 * /api/public and /api/health: no login (一公开).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { listDepartments } from './org.repo';
import { isDemoDatabase } from './setting.repo';
import { publicAccess, responses } from './http/route';
import type { ServiceDeps } from './context';
import { countRegionsAndDepartments } from './org.repo';

/** Register public routes. */
export async function registerPublicRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/health',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '健康检查 / health',
        response: responses(
          z.object({
            ok: z.literal(true),
            engine: z.string(),
            /** The database holds the demo data set: the console shows 演示环境. */
            demo: z.boolean(),
          }),
        ),
      },
    },
    async () => ({
      ok: true as const,
      engine: deps.database.engine,
      demo: await isDemoDatabase(deps.database.db),
    }),
  );
  r.get(
    '/api/public/overview',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '公示概况 / public overview',
        response: responses(z.object({ regions: z.number(), departments: z.number() })),
      },
    },
    async () => countRegionsAndDepartments(deps.database.db),
  );
  r.get(
    '/api/public/departments',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '部门名称 / department names by code (public pages show names, not codes)',
        response: responses(
          z.object({
            items: z.array(z.object({ code: z.string(), name: z.string(), shortName: z.string() })),
          }),
        ),
      },
    },
    async () => ({
      items: (await listDepartments(deps.database.db)).map((d) => ({
        code: d.code,
        name: d.name,
        shortName: d.shortName,
      })),
    }),
  );
}
