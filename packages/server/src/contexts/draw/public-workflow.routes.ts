/**
 * /api/public/plans and /api/public/draws: published plans and draws (一公开, no login) — the
 * commitment as soon as it exists, the record JSON and frame files for anyone to verify.
 */
import { drawRecordSchema, stratumSpecSchema } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { publicAccess, responses, sendError, type ServiceDeps } from '../platform';
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
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/plans',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '公示的年度抽查计划 / published plans',
        querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        response: responses(
          z.object({
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
                revisions: z.array(
                  z.object({ revision: z.number(), reason: z.string(), createdAt: z.string() }),
                ),
              }),
            ),
          }),
        ),
      },
    },
    async (request) => ({ items: await publicPlans(deps, request.query.year) }),
  );
  r.get(
    '/api/public/draws',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '摇号公示列表 / public draws',
        querystring: publicDrawListQuery,
        response: responses(
          z.object({
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
        ),
      },
    },
    async (request) => listDrawsForPortal(deps, request.query),
  );
  r.get(
    '/api/public/draws/:id',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '摇号公示详情 / a public draw',
        params: drawIdParams,
        response: responses(publicDrawSchema),
      },
    },
    async (request, reply) => {
      const res = await getPublicDraw(deps, request.params.id);
      return res.ok ? publicDrawSchema.parse(res.value) : sendError(reply, res.error);
    },
  );
  r.get(
    '/api/public/draws/:id/record',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '摇号记录 JSON（spec §7）/ the draw record',
        params: drawIdParams,
        response: responses(drawRecordSchema),
      },
    },
    async (request, reply) => {
      const res = await getPublicRecord(deps, request.params.id);
      return res.ok
        ? reply
            .header('content-disposition', `attachment; filename="${request.params.id}.json"`)
            .send(res.value)
        : sendError(reply, res.error);
    },
  );
  r.get(
    '/api/public/draws/:id/frames/:stratum',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '名单文件（spec §4）/ a frame file',
        params: drawIdParams.extend({ stratum: z.string().min(1).max(20) }),
        response: responses(z.string()),
      },
    },
    async (request, reply) => {
      const res = await getPublicFrame(deps, request.params.id, request.params.stratum);
      return res.ok
        ? reply
            .type('text/plain; charset=utf-8')
            .header(
              'content-disposition',
              `attachment; filename="${request.params.id}-${encodeURIComponent(request.params.stratum)}.txt"`,
            )
            .send(res.value)
        : sendError(reply, res.error);
    },
  );
}
