/**
 * Chinese working-day arithmetic: weekends, statutory holidays and make-up working days
 * (调休). The holiday table comes in as an argument; years it lacks fall back to
 * weekends only and mark the answer provisional, so a deadline is never silently wrong.
 */
import { addDays, toDayNumber, fromDayNumber, weekday, yearOf, type IsoDate } from './iso-date';

/** One year of the official schedule (国务院办公厅关于部分节假日安排的通知). */
export interface HolidayYear {
  readonly year: number;
  /** Days off, `YYYY-MM-DD`, weekends inside a holiday included or not: both work. */
  readonly holidays: readonly string[];
  /** Make-up working days (调休上班), usually a Saturday or Sunday. */
  readonly workdays: readonly string[];
}

export type HolidayTable = readonly HolidayYear[];

/** A date computed from the table; provisional when a year it touched has no entry. */
export interface WorkingDayResult {
  readonly date: IsoDate;
  readonly provisional: boolean;
}

export interface WorkingDayCount {
  readonly days: number;
  readonly provisional: boolean;
}

/** How a day counts: a normal weekday or weekend, a holiday, or a make-up working day. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

/** 004: results are published within 20 working days after the task ends. */
export const RESULT_PUBLICATION_WORKING_DAYS = 20;
/** Local practice: 无法联系 / 弄虚作假 go on the abnormal-operations list within 10 working days. */
export const ABNORMAL_LIST_WORKING_DAYS = 10;

// Guard against loops that run for ever on a bug (about 270 years of working days).
const MAX_STEPS = 100_000;

interface CompiledYear {
  readonly off: ReadonlySet<string>;
  readonly on: ReadonlySet<string>;
}

const compiled = new WeakMap<HolidayTable, ReadonlyMap<number, CompiledYear>>();

function compile(table: HolidayTable): ReadonlyMap<number, CompiledYear> {
  const hit = compiled.get(table);
  if (hit) {
    return hit;
  }
  const map = new Map<number, CompiledYear>();
  for (const row of table) {
    // A later row for the same year replaces an earlier one, so overrides can be appended.
    map.set(row.year, { off: new Set(row.holidays), on: new Set(row.workdays) });
  }
  compiled.set(table, map);
  return map;
}

/** True when the table has an entry for that year. */
export function isYearCovered(year: number, table: HolidayTable): boolean {
  return compile(table).has(year);
}

/** How a day counts under the table (weekdays and weekends only for uncovered years). */
export function dayKind(date: IsoDate, table: HolidayTable): DayKind {
  const y = compile(table).get(yearOf(date));
  if (y?.off.has(date)) {
    return 'holiday';
  }
  if (y?.on.has(date)) {
    return 'makeup';
  }
  const wd = weekday(date);
  return wd === 0 || wd === 6 ? 'weekend' : 'workday';
}

/** True when staff work that day: a weekday that is not a holiday, or a make-up day. */
export function isWorkingDay(date: IsoDate, table: HolidayTable): boolean {
  const k = dayKind(date, table);
  return k === 'workday' || k === 'makeup';
}

function anyYearMissing(a: IsoDate, b: IsoDate, table: HolidayTable): boolean {
  const map = compile(table);
  const [lo, hi] = yearOf(a) <= yearOf(b) ? [yearOf(a), yearOf(b)] : [yearOf(b), yearOf(a)];
  for (let y = lo; y <= hi; y++) {
    if (!map.has(y)) {
      return true;
    }
  }
  return false;
}

/**
 * The n-th working day after `date` (before it when n < 0); `date` itself when n = 0.
 * So a 20-working-day deadline from a task ending on day E is `addWorkingDays(E, 20)`.
 */
export function addWorkingDays(date: IsoDate, n: number, table: HolidayTable): WorkingDayResult {
  if (!Number.isSafeInteger(n) || Math.abs(n) > MAX_STEPS / 2) {
    throw new RangeError(`addWorkingDays: n must be an integer within ±${MAX_STEPS / 2}, got ${n}`);
  }
  const step = n < 0 ? -1 : 1;
  let day = toDayNumber(date);
  let left = Math.abs(n);
  while (left > 0) {
    day += step;
    if (isWorkingDay(fromDayNumber(day), table)) {
      left--;
    }
  }
  const result = fromDayNumber(day);
  // The days examined are (date, result]; for n = 0, the date itself.
  const firstSeen = n === 0 ? date : addDays(date, step);
  return { date: result, provisional: anyYearMissing(firstSeen, result, table) };
}

/**
 * Working days in (from, to]: so `addWorkingDays(from, k).date` is k working days after
 * `from`. Negative when `to` is before `from`.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, table: HolidayTable): WorkingDayCount {
  const a = toDayNumber(from);
  const b = toDayNumber(to);
  const [lo, hi, sign] = a <= b ? [a, b, 1] : [b, a, -1];
  if (hi - lo > MAX_STEPS) {
    throw new RangeError(`workingDaysBetween: span of ${hi - lo} days is too long`);
  }
  let days = 0;
  for (let d = lo + 1; d <= hi; d++) {
    if (isWorkingDay(fromDayNumber(d), table)) {
      days++;
    }
  }
  // The days examined are (lo, hi]; none when from = to.
  const provisional = hi > lo && anyYearMissing(fromDayNumber(lo + 1), fromDayNumber(hi), table);
  return { days: days === 0 ? 0 : sign * days, provisional };
}

/** The next working day on or after `date` (e.g. to start a window on a working day). */
export function nextWorkingDay(date: IsoDate, table: HolidayTable): WorkingDayResult {
  if (isWorkingDay(date, table)) {
    return { date, provisional: !isYearCovered(yearOf(date), table) };
  }
  const next = addWorkingDays(date, 1, table);
  return { date: next.date, provisional: next.provisional || !isYearCovered(yearOf(date), table) };
}

/** The last day to publish results of a task that ended on `taskEnd` (004: 20 working days). */
export function resultPublicationDeadline(
  taskEnd: IsoDate,
  table: HolidayTable,
  workingDays = RESULT_PUBLICATION_WORKING_DAYS,
): WorkingDayResult {
  return addWorkingDays(taskEnd, workingDays, table);
}

/** The last day to list a target as abnormal after the finding on `foundOn` (10 working days). */
export function abnormalListDeadline(
  foundOn: IsoDate,
  table: HolidayTable,
  workingDays = ABNORMAL_LIST_WORKING_DAYS,
): WorkingDayResult {
  return addWorkingDays(foundOn, workingDays, table);
}

/** Every date of a year that falls on a weekend but is a make-up day, or a weekday holiday. */
export function exceptionalDays(year: number, table: HolidayTable): readonly IsoDate[] {
  const out: IsoDate[] = [];
  const first = toDayNumber(`${year}-01-01` as IsoDate);
  for (let d = first; yearOf(fromDayNumber(d)) === year; d++) {
    const date = fromDayNumber(d);
    const k = dayKind(date, table);
    const wd = weekday(date);
    if (k === 'makeup' || (k === 'holiday' && wd !== 0 && wd !== 6)) {
      out.push(date);
    }
  }
  return out;
}
