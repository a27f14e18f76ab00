/**
 * Small parsers for spreadsheet cells and form inputs shared by the item and inspector
 * libraries: lists, yes/no, dates, integers, and the FieldIssue builder they report with.
 */
import { chinaDate } from '../calendar/china-time';
import { parseIsoDate, type IsoDate } from '../calendar/iso-date';
import type { FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';

/** Where an issue is: the field (a header key) and, for spreadsheets, the row. */
export interface IssueAt {
  readonly field: string;
  readonly row?: number;
}

/** Build a bilingual FieldIssue at `at` for `value`. */
export function fieldIssue(at: IssueAt, value: string, messageZh: string, messageEn: string): FieldIssue {
  return at.row === undefined
    ? { field: at.field, value, messageZh, messageEn }
    : { row: at.row, field: at.field, value, messageZh, messageEn };
}

// Chinese spreadsheets separate list entries with 、，；, full-width or ASCII, or new lines.
const LIST_SEPARATORS = /[、,，;；\n\r|｜]+/;

/** Split a list cell ("企业、个体工商户") into trimmed, non-empty, de-duplicated entries. */
export function splitList(cell: string): string[] {
  const out: string[] = [];
  for (const part of cell.split(LIST_SEPARATORS)) {
    const s = part.trim();
    if (s !== '' && !out.includes(s)) {
      out.push(s);
    }
  }
  return out;
}

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '专家']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '×', '']);

/** Parse a yes/no cell (是/否, Y/N, true/false, 1/0; blank is no). */
export function parseYesNo(cell: string, at: IssueAt): Result<boolean, FieldIssue> {
  const s = cell.trim().toLowerCase();
  if (YES.has(s)) {
    return ok(true);
  }
  if (NO.has(s)) {
    return ok(false);
  }
  return err(
    fieldIssue(
      at,
      cell,
      `「${cell}」不是有效的是/否值，应填 是 或 否`,
      `'${cell}' is not yes/no: write 是 or 否`,
    ),
  );
}

/** Parse a date cell: YYYY-MM-DD, also YYYY/M/D, YYYY.M.D, YYYYMMDD and 2027年12月31日. */
export function parseDateCell(cell: string, at: IssueAt): Result<IsoDate, FieldIssue> {
  const s = cell.trim();
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(s) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  const text = m ? `${m[1] ?? ''}-${(m[2] ?? '').padStart(2, '0')}-${(m[3] ?? '').padStart(2, '0')}` : s;
  const r = parseIsoDate(text, at.field);
  return r.ok
    ? r
    : err(
        fieldIssue(
          at,
          cell,
          `日期「${cell}」无效，应为 YYYY-MM-DD`,
          `invalid date '${cell}', expected YYYY-MM-DD`,
        ),
      );
}

/** Parse a whole-number cell within [min, max]. */
export function parseIntCell(
  cell: string,
  at: IssueAt,
  min: number,
  max: number,
): Result<number, FieldIssue> {
  const s = cell.trim();
  const n = /^\d+$/.test(s) ? Number(s) : Number.NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    return err(
      fieldIssue(at, cell, `应为 ${min}–${max} 之间的整数`, `must be a whole number from ${min} to ${max}`),
    );
  }
  return ok(n);
}

/** Check a text's length in characters (code points, so one 汉字 counts once). */
export function checkLength(value: string, at: IssueAt, max: number, min = 0): Result<string, FieldIssue> {
  const n = [...value].length;
  if (n < min || (min > 0 && value.trim() === '')) {
    return err(fieldIssue(at, value, '不能为空', 'must not be empty'));
  }
  if (n > max) {
    return err(
      fieldIssue(at, value, `超过 ${max} 个字符（实际 ${n} 个）`, `longer than ${max} characters (${n})`),
    );
  }
  return ok(value);
}

/** The calendar day in China (UTC+8, no daylight saving) of an instant, as YYYY-MM-DD. */
export function chinaDay(at: Date): IsoDate {
  return parseIsoDateOrThrow(chinaDate(at));
}

function parseIsoDateOrThrow(s: string): IsoDate {
  const r = parseIsoDate(s);
  if (!r.ok) {
    throw new RangeError(`bug: not a date: ${s}`);
  }
  return r.value;
}
