/**
 * China time (UTC+8, no daylight saving): the one place an instant becomes a Chinese calendar
 * date or year. Draws, caps, deadlines and status dates all count days this way.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;

function shifted(at: Date): Date {
  return new Date(at.getTime() + CHINA_OFFSET_MS);
}

/** The calendar date of an instant in China, YYYY-MM-DD. */
export function chinaDate(at: Date): string {
  return shifted(at).toISOString().slice(0, 10);
}

/** The calendar year of an instant in China, as draws and yearly caps count it. */
export function chinaYear(at: Date): number {
  return shifted(at).getUTCFullYear();
}

/** The wall-clock time of an instant in China, "YYYY-MM-DD HH:MM:SS". */
export function chinaDateTime(at: Date): string {
  const s = shifted(at).toISOString();
  return `${s.slice(0, 10)} ${s.slice(11, 19)}`;
}
