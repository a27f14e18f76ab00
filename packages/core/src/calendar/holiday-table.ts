/**
 * Holiday tables from outside (an admin's edits, a JSON column, a package's data): the
 * zod schema and the checks that a table is consistent before the calendar uses it.
 */
import { z } from 'zod';
import { err, ok, type Result } from '../result';
import { domainError, type DomainError, type FieldIssue } from '../errors';
import { parseIsoDate, weekday, yearOf } from './iso-date';
import type { HolidayTable, HolidayYear } from './working-days';

/** The shape of one year of the table, for parsing JSON and HTTP input. */
export const holidayYearSchema = z.object({
  year: z.number().int().min(1000).max(9999),
  holidays: z.array(z.string()),
  workdays: z.array(z.string()),
});

/**
 * Check a table: valid dates in their row's year, no year twice, no day both off and
 * working, and make-up days on weekends (a weekday make-up day changes nothing, so it is
 * almost surely a typo). Reports every problem, each with its 1-based row.
 */
export function validateHolidayTable(rows: readonly HolidayYear[]): Result<HolidayTable, DomainError> {
  const issues: FieldIssue[] = [];
  const years = new Set<number>();
  rows.forEach((r, i) => {
    const row = i + 1;
    if (years.has(r.year)) {
      issues.push({
        row,
        field: 'year',
        value: String(r.year),
        messageZh: `年份 ${r.year} 重复`,
        messageEn: `year ${r.year} appears twice`,
      });
    }
    years.add(r.year);
    const off = new Set(r.holidays);
    const check = (field: 'holidays' | 'workdays', s: string): void => {
      const p = parseIsoDate(s, field);
      if (!p.ok) {
        issues.push({ ...p.error, row });
        return;
      }
      if (yearOf(p.value) !== r.year) {
        issues.push({
          row,
          field,
          value: s,
          messageZh: `日期 ${s} 不在 ${r.year} 年`,
          messageEn: `date ${s} is not in ${r.year}`,
        });
        return;
      }
      if (field === 'workdays' && off.has(s)) {
        issues.push({
          row,
          field,
          value: s,
          messageZh: `${s} 既是假日又是调休上班日`,
          messageEn: `${s} is both a holiday and a make-up working day`,
        });
      }
      const wd = weekday(p.value);
      if (field === 'workdays' && wd !== 0 && wd !== 6) {
        issues.push({
          row,
          field,
          value: s,
          messageZh: `调休上班日 ${s} 不是周末`,
          messageEn: `make-up working day ${s} is not a weekend day`,
        });
      }
    };
    r.holidays.forEach((s) => check('holidays', s));
    r.workdays.forEach((s) => check('workdays', s));
  });
  if (issues.length > 0) {
    return err(domainError('VALIDATION', '节假日表有误', 'the holiday table is invalid', { issues }));
  }
  return ok(rows);
}

/** Parse unknown input (JSON, a DB column) into a checked holiday table. */
export function parseHolidayTable(input: unknown): Result<HolidayTable, DomainError> {
  const parsed = z.array(holidayYearSchema).safeParse(input);
  if (!parsed.success) {
    const issues: FieldIssue[] = parsed.error.issues.map((i) => ({
      field: i.path.join('.'),
      messageZh: `节假日表格式错误：${i.message}`,
      messageEn: `bad holiday table: ${i.message}`,
    }));
    return err(domainError('VALIDATION', '节假日表格式错误', 'the holiday table is malformed', { issues }));
  }
  return validateHolidayTable(parsed.data);
}

/** Merge tables: rows of later tables replace earlier rows of the same year; sorted by year. */
export function mergeHolidayTables(...tables: readonly HolidayTable[]): HolidayTable {
  const byYear = new Map<number, HolidayYear>();
  for (const t of tables) {
    for (const row of t) {
      byYear.set(row.year, row);
    }
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}
