/**
 * /api/follow-ups: 后续处置, actions on findings tracked to closure, and the overdue list.
 */
import { ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, sessionAccess, type ServiceDeps, endpoints } from '../platform';
import {
  addFollowUp,
  closeFollowUpAction,
  followUpInputSchema,
  followUpListSchema,
  listFollowUps,
} from './follow-up.service';
import { followUpViewSchema } from './inspection-view';

/** Register follow-up routes. */
export async function registerFollowUpRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const followUp = endpoints(app, 'follow-up');
  followUp.get({
    url: '/api/follow-ups',
    summary: '后续处置列表（可只看逾期）/ follow-ups, optionally overdue only',
    access: sessionAccess,
    query: z.object({
      status: z.enum(['open', 'closed']).optional(),
      overdue: z.enum(['true', 'false']).default('false'),
      page: z.coerce.number().int().min(1).max(100_000).default(1),
      pageSize: z.coerce.number().int().min(1).max(200).default(20),
    }),
    response: followUpListSchema,
    run: async (c) =>
      ok(
        await listFollowUps(deps, c.actor, {
          status: c.query.status,
          overdue: c.query.overdue === 'true',
          page: c.query.page,
          pageSize: c.query.pageSize,
        }),
      ),
  });

  followUp.post({
    url: '/api/inspections/:id/follow-ups',
    summary: '记录后续处置 / record a follow-up',
    access: rolesAccess('dept_admin', 'leader', 'inspector'),
    params: z.object({ id: z.uuid() }),
    body: followUpInputSchema,
    response: followUpViewSchema,
    status: 201,
    run: (c) => addFollowUp(deps, c.audit, c.params.id, c.body),
  });

  followUp.post({
    url: '/api/follow-ups/:id/close',
    summary: '办结后续处置 / close a follow-up',
    access: rolesAccess('system_admin', 'dept_admin', 'leader'),
    params: z.object({ id: z.uuid() }),
    body: z.object({ note: z.string().trim().min(1).max(2000) }),
    response: followUpViewSchema,
    run: (c) => closeFollowUpAction(deps, c.audit, c.params.id, c.body.note),
  });
}
