/**
 * The holiday table for the core calendar: the years the `chinese-days` package covers
 * (2004–2026 in 1.5.x), merged with years an admin enters (the DB table comes later).
 * Admin rows win for the same year, so an admin can correct a published schedule.
 */
import { createRequire } from 'node:module';
import { z } from 'zod';
import { ok, validateHolidayTable, type DomainError, type HolidayYear, type Result } from '@openssj/core';

/** Where a year of the table comes from. */
export type HolidaySource = 'chinese-days' | 'admin';

export interface SourcedHolidayYear extends HolidayYear {
  readonly source: HolidaySource;
}

// dist/chinese-days.json: { holidays: { 'YYYY-MM-DD': 'English,中文,n' }, workdays: {…}, inLieuDays: {…} }.
// inLieuDays are days off given in exchange; they are already among the holidays.
const chineseDaysSchema = z.object({
  holidays: z.record(z.string(), z.string()),
  workdays: z.record(z.string(), z.string()),
});

let cached: readonly SourcedHolidayYear[] | undefined;

/** The years of the `chinese-days` package as core holiday rows, sorted by year. */
export function chineseDaysHolidayYears(): readonly SourcedHolidayYear[] {
  if (cached) {
    return cached;
  }
  // The JSON file, not the package root: the root also bundles lunar and solar-term code.
  const require = createRequire(import.meta.url);
  const raw: unknown = require('chinese-days/dist/chinese-days.json');
  const data = chineseDaysSchema.parse(raw);
  const years = new Map<number, { holidays: string[]; workdays: string[] }>();
  const row = (date: string): { holidays: string[]; workdays: string[] } => {
    const y = Number(date.slice(0, 4));
    const r = years.get(y) ?? { holidays: [], workdays: [] };
    years.set(y, r);
    return r;
  };
  for (const d of Object.keys(data.holidays).sort()) {
    row(d).holidays.push(d);
  }
  for (const d of Object.keys(data.workdays).sort()) {
    row(d).workdays.push(d);
  }
  const out = [...years.entries()]
    .sort(([a], [b]) => a - b)
    .map(([year, r]): SourcedHolidayYear => ({
      year,
      holidays: r.holidays,
      workdays: r.workdays,
      source: 'chinese-days',
    }));
  const checked = validateHolidayTable(out);
  if (!checked.ok) {
    // A bug in the installed package's data, not in user input: fail loudly at start.
    throw new Error(
      `chinese-days data is inconsistent: ${JSON.stringify(checked.error.issues?.slice(0, 3))}`,
    );
  }
  cached = out;
  return out;
}

/**
 * Build the table the calendar uses: chinese-days years, then admin-supplied years on top.
 * Admin rows are checked first; a bad row fails the whole build with every issue listed.
 */
export function buildHolidayTable(
  adminYears: readonly HolidayYear[] = [],
): Result<readonly SourcedHolidayYear[], DomainError> {
  const checked = validateHolidayTable(adminYears);
  if (!checked.ok) {
    return checked;
  }
  const byYear = new Map<number, SourcedHolidayYear>();
  for (const r of chineseDaysHolidayYears()) {
    byYear.set(r.year, r);
  }
  for (const r of adminYears) {
    byYear.set(r.year, { year: r.year, holidays: r.holidays, workdays: r.workdays, source: 'admin' });
  }
  return ok([...byYear.values()].sort((a, b) => a.year - b.year));
}

/** The years a table covers, with their source, e.g. for an admin page. */
export function holidayCoverage(
  table: readonly SourcedHolidayYear[],
): readonly { readonly year: number; readonly source: HolidaySource }[] {
  return table.map((r) => ({ year: r.year, source: r.source }));
}
