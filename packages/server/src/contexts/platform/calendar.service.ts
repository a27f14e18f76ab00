/**
 * The working-day calendar the server counts deadlines with: chinese-days years merged
 * with the admin-kept holiday_calendar table (admin rows win), today's civil date in
 * China, and which years in use lack a table (暂定 deadlines; admins are warned).
 */
import { isoDate, isYearCovered, type HolidayYear, type IsoDate, chinaDate } from '@openssj/core';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { listHolidayDays, unpublishedTaskEndYears } from './holiday.repo';
import {
  buildHolidayTable,
  chineseDaysHolidayYears,
  type SourcedHolidayYear,
} from '../../reference/holidays';

/** Today's date in China (UTC+8), from the injected clock. */
export function chinaToday(now: Date): IsoDate {
  return isoDate(chinaDate(now));
}

/** The admin-kept days grouped as holiday-table years. */
export async function adminHolidayYears(db: Db): Promise<HolidayYear[]> {
  const rows = await listHolidayDays(db);
  const byYear = new Map<number, { holidays: string[]; workdays: string[] }>();
  for (const r of rows) {
    const y = Number(r.day.slice(0, 4));
    const e = byYear.get(y) ?? { holidays: [], workdays: [] };
    (r.kind === 'workday' ? e.workdays : e.holidays).push(r.day);
    byYear.set(y, e);
  }
  return [...byYear.entries()].sort(([a], [b]) => a - b).map(([year, e]) => ({ year, ...e }));
}

/** The holiday table for deadlines: chinese-days plus the admin table (admin rows win a year). */
export async function loadHolidayTable(db: Db): Promise<readonly SourcedHolidayYear[]> {
  const built = buildHolidayTable(await adminHolidayYears(db));
  // An inconsistent admin table must not stop deadlines: count with the package's years, which are checked at start.
  return built.ok ? built.value : chineseDaysHolidayYears();
}

export const coverageSchema = z.object({
  years: z.array(
    z.object({ year: z.number(), source: z.enum(['chinese-days', 'admin']).nullable(), inUse: z.boolean() }),
  ),
  /** Years in use (tasks' windows and deadlines, this year and next) without a table: their deadlines are 暂定. */
  missing: z.array(z.number()),
});
export type Coverage = z.infer<typeof coverageSchema>;

/** Which years the calendar covers, from this year on, and which years in use it lacks. */
export async function holidayCoverage(db: Db, now: Date): Promise<Coverage> {
  const table = await loadHolidayTable(db);
  const thisYear = Number(chinaToday(now).slice(0, 4));
  const ends = await unpublishedTaskEndYears(db);
  // a deadline 20 working days after a December end falls in the next year
  const inUse = new Set<number>([thisYear, thisYear + 1, ...ends.flatMap((y) => [y, y + 1])]);
  const years = [...new Set([...inUse, ...table.map((t) => t.year).filter((y) => y >= thisYear)])].sort(
    (a, b) => a - b,
  );
  return {
    years: years.map((year) => ({
      year,
      source: table.find((t) => t.year === year)?.source ?? null,
      inUse: inUse.has(year),
    })),
    missing: [...inUse].filter((y) => !isYearCovered(y, table)).sort((a, b) => a - b),
  };
}
