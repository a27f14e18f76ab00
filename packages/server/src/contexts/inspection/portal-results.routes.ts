/**
 * /api/public/results: published inspection results on the portal (一公开, no login),
 * searchable by USCC or name, with masked personal data and no photos or signatures.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { handle, publicAccess, responses, type ServiceDeps } from '../platform';
import {
  getPublicResult,
  listPublicResults,
  publicResultDetailSchema,
  publicResultPageSchema,
} from './portal.service';

/** Register the portal's result routes. */
export async function registerPortalResultRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/public/results',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '公示的抽查结果 / published results (USCC or name search, keyset pages)',
        querystring: z.object({
          q: z.string().max(100).optional(),
          taskId: z.string().max(60).optional(),
          cursor: z.string().max(200).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: responses(publicResultPageSchema),
      },
    },
    async (request, reply) => {
      const res = await listPublicResults(deps, request.query);
      return handle(reply, res);
    },
  );
  r.get(
    '/api/public/results/:id',
    {
      config: { access: publicAccess },
      schema: {
        tags: ['public'],
        summary: '一条公示结果 / one published result',
        params: z.object({ id: z.uuid() }),
        response: responses(publicResultDetailSchema),
      },
    },
    async (request, reply) => {
      const res = await getPublicResult(deps, request.params.id);
      return handle(reply, res);
    },
  );
}
