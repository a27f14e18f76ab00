/**
 * The one place the web app turns stored instants (UTC ISO strings) into what people read:
 * dates and times in Asia/Shanghai (UTC+8 all year; China keeps no daylight saving time),
 * whatever the browser's own time zone is. Plain dates (YYYY-MM-DD) are calendar days already.
 */

const CHINA_OFFSET_MS = 8 * 3_600_000;
const PLAIN_DATE = /^\d{4}-\d{2}-\d{2}$/;

function shifted(iso: string): string | null {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? null : new Date(ms + CHINA_OFFSET_MS).toISOString();
}

/** `YYYY-MM-DD HH:mm` in Beijing time; '—' for null or an unreadable value. */
export function formatDateTime(iso: string | null | undefined, seconds = false): string {
  if (iso === null || iso === undefined) {
    return '—';
  }
  if (PLAIN_DATE.test(iso)) {
    return iso;
  }
  const s = shifted(iso);
  return s === null ? '—' : `${s.slice(0, 10)} ${s.slice(11, seconds ? 19 : 16)}`;
}

/** `YYYY-MM-DD`, the Beijing calendar day of an instant (a plain date is returned as it is). */
export function formatDate(iso: string | null | undefined): string {
  if (iso === null || iso === undefined) {
    return '—';
  }
  if (PLAIN_DATE.test(iso)) {
    return iso;
  }
  return shifted(iso)?.slice(0, 10) ?? '—';
}

/** Today's date in Beijing, `YYYY-MM-DD`. */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}
