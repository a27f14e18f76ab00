/**
 * The zod schema of a `YYYY-MM-DD` date at the boundaries (HTTP, imports): the ISO shape plus
 * the range `parseIsoDate` accepts (years 1000–9999), so year 0000 never reaches the database.
 */
import { z } from 'zod';
import { isIsoDate } from './iso-date';

/** A calendar date `YYYY-MM-DD`, years 1000–9999 (PostgreSQL has no year 0). */
export const isoDateSchema = z.iso.date().refine((s): boolean => isIsoDate(s), {
  message: 'date out of range: years 1000–9999',
  params: { messageZh: '日期超出范围（应在 1000–9999 年之间）' },
});
