/**
 * Plain calendar dates as `YYYY-MM-DD` strings, with day arithmetic in integers. No Date,
 * no time zones: a deadline is a civil date in China, whatever clock the host runs on.
 */
import { err, ok, type Result } from '../result';
import type { FieldIssue } from '../errors';

/** A valid `YYYY-MM-DD` date (proleptic Gregorian, years 1000–9999). */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

/** 0 = Sunday … 6 = Saturday, as in `Date#getUTCDay`. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for leap years of the Gregorian calendar. */
export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in month m (1–12) of year y. */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/** Parse and check a `YYYY-MM-DD` string, including the day of the month. */
export function parseIsoDate(input: string, field = 'date'): Result<IsoDate, FieldIssue> {
  const m = SHAPE.exec(input);
  const y = Number(m?.[1]);
  const mo = Number(m?.[2]);
  const d = Number(m?.[3]);
  if (!m || y < 1000 || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) {
    return err({
      field,
      value: input,
      messageZh: `日期「${input}」无效，应为 YYYY-MM-DD`,
      messageEn: `invalid date '${input}', expected YYYY-MM-DD`,
    });
  }
  return ok(input as IsoDate); // checked above
}

/** True when the string is a valid `YYYY-MM-DD` date. */
export function isIsoDate(s: string): s is IsoDate {
  return parseIsoDate(s).ok;
}

/** The date as a `YYYY-MM-DD` string, or a thrown bug when it is not one. */
export function isoDate(s: string): IsoDate {
  const r = parseIsoDate(s);
  if (!r.ok) {
    throw new RangeError(r.error.messageEn);
  }
  return r.value;
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function toDayNumber(date: IsoDate): number {
  let y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** The date of a day number (H. Hinnant's civil_from_days). */
export function fromDayNumber(n: number): IsoDate {
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  if (y < 1000 || y > 9999) {
    throw new RangeError(`day number ${n} is outside years 1000–9999`);
  }
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}` as IsoDate;
}

/** The date n calendar days later (n may be negative). */
export function addDays(date: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + n);
}

/** Day of the week: 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(date: IsoDate): Weekday {
  return ((((toDayNumber(date) + 4) % 7) + 7) % 7) as Weekday;
}

/** The calendar year of a date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}
