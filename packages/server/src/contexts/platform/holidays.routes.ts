/**
 * /api/holidays: the admin-kept holiday calendar.
 */
import { isoDateSchema, ok } from '@openssj/core';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { rolesAccess, sessionAccess } from './http/route';
import { endpoints } from './http/endpoint';
import type { ServiceDeps } from './context';
import { getHolidayDays, holidayDaySchema, putHolidayDays, removeHolidayDay } from './holiday.service';

/** Register holiday calendar routes. */
export async function registerHolidayRoutes(app: FastifyInstance, deps: ServiceDeps): Promise<void> {
  const calendar = endpoints(app, 'calendar');

  calendar.get({
    url: '/api/holidays',
    summary: '节假日日历（管理员维护的年份）/ admin-kept holiday calendar',
    access: sessionAccess,
    query: z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
    response: z.object({ items: z.array(holidayDaySchema) }),
    run: async (c) => ok({ items: await getHolidayDays(deps, c.query.year) }),
  });
  calendar.put({
    url: '/api/holidays',
    summary: '保存节假日 / save holiday days',
    access: rolesAccess('system_admin'),
    body: z.object({ days: z.array(holidayDaySchema).min(1).max(400) }),
    response: z.object({ saved: z.number() }),
    run: (c) => putHolidayDays(deps, c.audit, c.body.days),
  });
  calendar.delete({
    url: '/api/holidays/:day',
    summary: '删除节假日 / remove a day',
    access: rolesAccess('system_admin'),
    params: z.object({ day: isoDateSchema }),
    response: z.object({ removed: z.string() }),
    run: (c) => removeHolidayDay(deps, c.audit, c.params.day),
  });
}
