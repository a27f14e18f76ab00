/**
 * Ratio caps of general items (抽查比例上限): accepts what people write (10%, 10 %, 0.10, .1)
 * and gives the canonical decimal text of spec §3 (`1`, or `0.` + digits not ending in 0),
 * computed on digit strings so that no binary rounding creeps in.
 */
import type { FieldIssue } from '../errors';
import { err, ok, type Result } from '../result';
import { fieldIssue, type IssueAt } from './cells';

/** 004 and county practice: general items are capped at 10 % unless a region says otherwise. */
export const DEFAULT_RATIO_CAP = '0.1';

const MAX_DIGITS = 12;

function canonical(intPart: string, fracPart: string): string | null {
  const i = intPart.replace(/^0+/, '');
  const f = fracPart.replace(/0+$/, '');
  if (i === '' && f === '') {
    return null; // zero
  }
  if (i === '') {
    return `0.${f}`;
  }
  return i === '1' && f === '' ? '1' : null; // above 1
}

/** Normalise a ratio cap to canonical text; it must be > 0 and ≤ 1 (100 %). */
export function normalizeRatioCap(
  input: string,
  at: IssueAt = { field: 'ratioCap' },
): Result<string, FieldIssue> {
  const bad = (zh: string, en: string): Result<string, FieldIssue> => err(fieldIssue(at, input, zh, en));
  const s = input.trim().replace(/\s+/g, '').replace('％', '%');
  const percent = s.endsWith('%');
  const body = percent ? s.slice(0, -1) : s;
  const m = /^(\d*)(?:\.(\d*))?$/.exec(body);
  if (!m || body === '' || body === '.') {
    return bad(
      `抽查比例上限「${input}」无效，应写作 10% 或 0.1`,
      `ratio cap '${input}' is not a number: write 10% or 0.1`,
    );
  }
  let intPart = m[1] ?? '';
  let fracPart = m[2] ?? '';
  if (percent) {
    const padded = intPart.padStart(2, '0');
    fracPart = padded.slice(-2) + fracPart;
    intPart = padded.slice(0, -2);
  }
  if (fracPart.replace(/0+$/, '').length > MAX_DIGITS) {
    return bad(
      `抽查比例上限「${input}」小数位过多（最多 ${MAX_DIGITS} 位）`,
      `ratio cap '${input}' has more than ${MAX_DIGITS} decimal places`,
    );
  }
  const c = canonical(intPart, fracPart);
  if (c === null) {
    return bad(
      `抽查比例上限「${input}」应大于 0 且不超过 100%`,
      `ratio cap '${input}' must be above 0 and at most 100%`,
    );
  }
  return ok(c);
}

/** Show a canonical ratio as a percentage for people: "0.1" → "10%", "0.125" → "12.5%". */
export function formatRatioPercent(canonicalRatio: string): string {
  if (canonicalRatio === '1') {
    return '100%';
  }
  const frac = canonicalRatio.slice(2).padEnd(2, '0');
  const whole = frac.slice(0, 2).replace(/^0(?=\d)/, '');
  const rest = frac.slice(2);
  return rest === '' ? `${whole}%` : `${whole}.${rest}%`;
}
