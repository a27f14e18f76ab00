/**
 * /api/public/results: published inspection results on the portal (一公开, no login),
 * searchable by USCC or name, with masked personal data and no photos or signatures.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { publicAccess, type ServiceDeps, endpoints } from '../platform';
import {
  getPublicResult,
  listPublicResults,
  publicResultDetailSchema,
  publicResultPageSchema,
} from './portal.service';

/** Register the portal's result routes. */
export async function registerPortalResultRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const publicApi = endpoints(app, 'public');
  publicApi.get({
    url: '/api/public/results',
    summary: '公示的抽查结果 / published results (USCC or name search, keyset pages)',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    query: z.object({
      q: z.string().max(100).optional(),
      taskId: z.string().max(60).optional(),
      cursor: z.string().max(200).optional(),
      limit: z.coerce.number().int().min(1).max(100).default(20),
    }),
    response: publicResultPageSchema,
    run: (c) => listPublicResults(deps, c.query),
  });
  publicApi.get({
    url: '/api/public/results/:id',
    summary: '一条公示结果 / one published result',
    access: publicAccess,
    config: { readsFrom: 'replica' },
    params: z.object({ id: z.uuid() }),
    response: publicResultDetailSchema,
    run: (c) => getPublicResult(deps, c.params.id),
  });
}
