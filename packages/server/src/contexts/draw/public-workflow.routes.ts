/**
 * /api/public/plans and /api/public/draws: published plans and draws (一公开, no login) — the
 * commitment as soon as it exists, the record JSON and frame files for anyone to verify.
 */
import { drawRecordSchema, stratumSpecSchema, mapOk, ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicAccess, type ServiceDeps, endpoints } from '../platform';
import {
  getPublicDraw,
  getPublicFrame,
  getPublicRecord,
  listDrawsForPortal,
  publicDrawListQuery,
} from './draw-view.service';
import { publicPlans, planViewSchema } from '../workflow';
import { publicDrawSchema } from './public-draw.schema';

const drawIdParams = z.object({ id: z.string().regex(/^D-\d{4}-\d{4,}-\d+$/, 'D-YYYY-NNNN-N') });

/** Register the public workflow routes. */
export async function registerPublicWorkflowRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const publicApi = endpoints(app, 'public');

  publicApi.get({
    url: '/api/public/plans',
    summary: '公示的年度抽查计划 / published plans',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: z.object({
      items: z.array(
        z.object({
          plan: planViewSchema,
          tasks: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              leadDepartmentCode: z.string(),
              participants: z.array(z.string()),
              windowStart: z.string(),
              windowEnd: z.string(),
              strata: z.array(stratumSpecSchema),
              items: z.array(
                z.object({ name: z.string(), departmentCode: z.string(), priority: z.string() }),
              ),
            }),
          ),
          revisions: z.array(z.object({ revision: z.number(), reason: z.string(), createdAt: z.string() })),
        }),
      ),
    }),
    run: async (c) => ok({ items: await publicPlans(deps, c.query.year) }),
  });
  publicApi.get({
    url: '/api/public/draws',
    summary: '摇号公示列表 / public draws',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    query: publicDrawListQuery,
    response: z.object({
      total: z.number(),
      counts: z.record(z.string(), z.number()),
      items: z.array(
        z.object({
          id: z.string(),
          taskId: z.string(),
          taskTitle: z.string(),
          leadDepartmentCode: z.string(),
          status: z.string(),
          committedAt: z.string().nullable(),
          drawnAt: z.string().nullable(),
          seedSource: z.string().nullable(),
          supersedes: z.string().nullable(),
          selected: z.number().nullable(),
        }),
      ),
    }),
    run: async (c) => ok(await listDrawsForPortal(deps, c.query)),
  });
  publicApi.get({
    url: '/api/public/draws/:id',
    summary: '摇号公示详情 / a public draw',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    params: drawIdParams,
    response: publicDrawSchema,
    run: async (c) => mapOk(await getPublicDraw(deps, c.params.id), (v) => publicDrawSchema.parse(v)),
  });
  publicApi.get({
    url: '/api/public/draws/:id/record',
    summary: '摇号记录 JSON（spec §7）/ the draw record',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    params: drawIdParams,
    response: drawRecordSchema,
    run: async (c) => {
      const res = await getPublicRecord(deps, c.params.id);
      if (res.ok) {
        c.reply.header('content-disposition', `attachment; filename="${c.params.id}.json"`);
      }
      return res;
    },
  });
  publicApi.get({
    url: '/api/public/draws/:id/frames/:stratum',
    summary: '名单文件（spec §4）/ a frame file',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    params: drawIdParams.extend({ stratum: z.string().min(1).max(20) }),
    response: z.string(),
    run: async (c) => {
      const res = await getPublicFrame(deps, c.params.id, c.params.stratum);
      if (res.ok) {
        c.reply
          .type('text/plain; charset=utf-8')
          .header(
            'content-disposition',
            `attachment; filename="${c.params.id}-${encodeURIComponent(c.params.stratum)}.txt"`,
          );
      }
      return res;
    },
  });
}
