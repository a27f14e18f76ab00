/**
 * The holiday calendar: admins add later years' State Council tables (issue 5).
 */
import { domainError, err, isoDateSchema, ok, type DomainError, type Result } from '@openssj/core';
import { z } from 'zod';
import type { AuditContext } from './auth/actor';
import { deleteHolidayDay, listHolidayDays, upsertHolidayDays } from './holiday.repo';
import { inTransaction } from '../../db/tx';
import { audit } from './audit.service';
import type { ServiceDeps } from './context';

export const holidayDaySchema = z.object({
  day: isoDateSchema,
  kind: z.enum(['holiday', 'workday']),
  name: z.string().min(1).max(40),
});

/** The admin-kept days of a year (or all). */
export async function getHolidayDays(deps: ServiceDeps, year?: number) {
  const rows = await listHolidayDays(deps.database.db, year);
  return rows.map((r) => ({ day: r.day, kind: holidayDaySchema.shape.kind.parse(r.kind), name: r.name }));
}

/** Add or replace days (system admin). */
export async function putHolidayDays(
  deps: ServiceDeps,
  ctx: AuditContext,
  days: readonly z.infer<typeof holidayDaySchema>[],
): Promise<Result<{ saved: number }, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    await upsertHolidayDays(
      tx,
      days.map((d) => ({ ...d, createdBy: ctx.actor?.username ?? null, createdAt: now })),
    );
    await audit(
      tx,
      ctx,
      { action: 'holiday.saved', entityType: 'holiday_calendar', entityId: null, after: { days } },
      now,
    );
    return ok({ saved: days.length });
  });
}

/** Remove a day (system admin). */
export async function removeHolidayDay(
  deps: ServiceDeps,
  ctx: AuditContext,
  day: string,
): Promise<Result<{ removed: string }, DomainError>> {
  const now = deps.clock();
  return inTransaction(deps.database.db, async (tx) => {
    if (!(await deleteHolidayDay(tx, day))) {
      return err(domainError('NOT_FOUND', `日历中没有 ${day}`, `no calendar entry for ${day}`));
    }
    await audit(tx, ctx, { action: 'holiday.removed', entityType: 'holiday_calendar', entityId: day }, now);
    return ok({ removed: day });
  });
}
