/**
 * The publication deadline of a task's results (004: within 20 working days of the task's
 * end), as a countdown for screens and the overdue flag for departments and auditors.
 */
import type { IsoDate } from '../calendar/iso-date';
import { resultPublicationDeadline, workingDaysBetween, type HolidayTable } from '../calendar/working-days';

export interface PublicationCountdown {
  /** The last day to publish. */
  readonly deadline: IsoDate;
  /** 暂定: a year the count touched has no holiday table yet (weekends only). */
  readonly provisional: boolean;
  /** Working days from today to the deadline (0 on the day, negative once past). */
  readonly workingDaysLeft: number;
  /** Past the deadline with results still unpublished. */
  readonly overdue: boolean;
}

/** The countdown of a task that ends on `windowEnd`, seen on `today`; `published` stops the clock. */
export function publicationCountdown(
  windowEnd: IsoDate,
  today: IsoDate,
  table: HolidayTable,
  published: boolean,
): PublicationCountdown {
  const d = resultPublicationDeadline(windowEnd, table);
  const left = workingDaysBetween(today, d.date, table);
  return {
    deadline: d.date,
    provisional: d.provisional || left.provisional,
    workingDaysLeft: left.days,
    overdue: !published && today > d.date,
  };
}
