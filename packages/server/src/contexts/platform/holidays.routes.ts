/**
 * /api/holidays: the admin-kept holiday calendar.
 */
import { isoDateSchema, ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, handle, responses, rolesAccess, sessionAccess } from './http/route';
import { endpoints } from './http/endpoint';
import type { ServiceDeps } from './context';
import { getHolidayDays, holidayDaySchema, putHolidayDays, removeHolidayDay } from './holiday.service';

/** Register holiday calendar routes. */
export async function registerHolidayRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const calendar = endpoints(app, 'calendar');

  calendar.get({
    url: '/api/holidays',
    summary: '节假日日历（管理员维护的年份）/ admin-kept holiday calendar',
    access: sessionAccess,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: z.object({ items: z.array(holidayDaySchema) }),
    run: async (c) => ok({ items: await getHolidayDays(deps, c.query.year) }),
  });
  r.put(
    '/api/holidays',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['calendar'],
        summary: '保存节假日 / save holiday days',
        body: z.object({ days: z.array(holidayDaySchema).min(1).max(400) }),
        response: responses(z.object({ saved: z.number() })),
      },
    },
    async (request, reply) => {
      const res = await putHolidayDays(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.body.days,
      );
      return handle(reply, res);
    },
  );
  r.delete(
    '/api/holidays/:day',
    {
      config: { access: rolesAccess('system_admin') },
      schema: {
        tags: ['calendar'],
        summary: '删除节假日 / remove a day',
        params: z.object({ day: isoDateSchema }),
        response: responses(z.object({ removed: z.string() })),
      },
    },
    async (request, reply) => {
      const res = await removeHolidayDay(
        deps,
        { actor: actorOf(request), requestId: request.id },
        request.params.day,
      );
      return handle(reply, res);
    },
  );
}
