/**
 * Planned visit dates of a draw's inspections: spread evenly over the working days of the
 * task's window that are not before the draw date (Chinese working-day calendar), so the
 * inspection pages have a date to show. People move them later.
 */
import { addDays, isIsoDate, isWorkingDay, type IsoDate } from '@openssj/core';
import { buildHolidayTable } from '../../../reference/holidays';

/** `n` dates within [max(start, from), end], on working days when there are any. */
export function plannedDates(windowStart: string, windowEnd: string, from: string, n: number): string[] {
  if (n === 0 || !isIsoDate(windowStart) || !isIsoDate(windowEnd) || !isIsoDate(from)) {
    return Array.from({ length: n }, () => windowStart);
  }
  const start: IsoDate = from > windowStart && from <= windowEnd ? from : windowStart;
  const table = buildHolidayTable([]);
  const days: string[] = [];
  for (let d = start; d <= windowEnd && days.length < 400; d = addDays(d, 1)) {
    if (!table.ok || isWorkingDay(d, table.value)) {
      days.push(d);
    }
  }
  if (days.length === 0) {
    days.push(start);
  }
  return Array.from({ length: n }, (_, i) => days[Math.floor((i * days.length) / n)] ?? start);
}
