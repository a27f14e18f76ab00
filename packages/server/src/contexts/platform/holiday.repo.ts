/**
 * The admin-kept holiday calendar (years that `chinese-days` does not cover).
 */
import { and, asc, eq, gte, lte, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { holidayCalendar } from '../../db/schema';
import { queryRows } from '../../db/sql';

export type HolidayRow = typeof holidayCalendar.$inferSelect;

/** Days of one year, or all. */
export async function listHolidayDays(db: Db, year?: number): Promise<HolidayRow[]> {
  const q = db.select().from(holidayCalendar);
  return year === undefined
    ? q.orderBy(asc(holidayCalendar.day))
    : q
        .where(and(gte(holidayCalendar.day, `${year}-01-01`), lte(holidayCalendar.day, `${year}-12-31`)))
        .orderBy(asc(holidayCalendar.day));
}

/** Insert or replace days. */
export async function upsertHolidayDays(
  db: Db,
  rows: readonly (typeof holidayCalendar.$inferInsert)[],
): Promise<void> {
  for (const r of rows) {
    await db
      .insert(holidayCalendar)
      .values(r)
      .onConflictDoUpdate({
        target: holidayCalendar.day,
        set: { kind: r.kind, name: r.name, createdBy: r.createdBy ?? null },
      });
  }
}

/** Remove one day. */
export async function deleteHolidayDay(db: Db, day: string): Promise<boolean> {
  const rows = await db
    .delete(holidayCalendar)
    .where(eq(holidayCalendar.day, day))
    .returning({ day: holidayCalendar.day });
  return rows.length > 0;
}

/** The years in which tasks whose results are not yet published end (their deadlines need a calendar). */
export async function unpublishedTaskEndYears(db: Db): Promise<number[]> {
  const rows = await queryRows(
    db,
    sql`select distinct extract(year from window_end)::int as y from tasks where results_published_at is null`,
    z.object({ y: z.coerce.number() }),
  );
  return rows.map((r) => r.y);
}
