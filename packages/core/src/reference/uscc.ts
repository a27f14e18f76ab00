/**
 * USCC: the 18-character unified social credit code (统一社会信用代码, GB 32100-2015),
 * with its check character. Pure: no I/O.
 */
import { err, ok, type Result } from '../result';
import type { FieldIssue } from '../errors';

/** A string that passed `validateUscc`. */
export type Uscc = string & { readonly __brand: 'Uscc' };

/** GB 32100-2015 §4: the 31 characters a code may use (no I, O, S, V, Z). */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 32100-2015 §5: weights of positions 1–17. */
export const USCC_WEIGHTS: readonly number[] = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
];

export const USCC_LENGTH = 18;

const VALUE = new Map<string, number>([...USCC_CHARSET].map((c, i) => [c, i]));
// The same by char code, for the hot loop of usccCheckChar (bulk imports check 1 M codes).
const VALUE_BY_CODE = new Int8Array(128).fill(-1);
for (let i = 0; i < USCC_CHARSET.length; i++) {
  VALUE_BY_CODE[USCC_CHARSET.charCodeAt(i)] = i;
}

/** The value (0–30) of one USCC character, or undefined when it is not in the charset. */
export function usccCharValue(c: string): number | undefined {
  return VALUE.get(c);
}

/**
 * The check character for the first 17 characters, or undefined when the input is not
 * 17 charset characters. check = 31 − (Σ value × weight mod 31), where 31 → '0'.
 */
export function usccCheckChar(first17: string): string | undefined {
  if (first17.length !== USCC_LENGTH - 1) {
    return undefined;
  }
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = first17.charCodeAt(i);
    const v = c < 128 ? (VALUE_BY_CODE[c] ?? -1) : -1;
    if (v < 0) {
      return undefined;
    }
    sum += v * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** Options for `validateUscc`: the field name and row to put in the issue. */
export interface UsccValidationOptions {
  readonly field?: string;
  readonly row?: number;
}

function issue(value: string, zh: string, en: string, opts: UsccValidationOptions): FieldIssue {
  const field = opts.field ?? 'uscc';
  return opts.row === undefined
    ? { field, value, messageZh: zh, messageEn: en }
    : { row: opts.row, field, value, messageZh: zh, messageEn: en };
}

/**
 * Validate a USCC: length, charset (position named 1-based) and check character.
 * Only surrounding whitespace is forgiven; lower case is rejected, not folded, because a
 * code is printed in upper case on the licence and a silent fix hides a data problem.
 */
export function validateUscc(input: string, opts: UsccValidationOptions = {}): Result<Uscc, FieldIssue> {
  const s = input.trim();
  if (s.length === 0) {
    return err(issue(input, '统一社会信用代码为空', 'uscc is empty', opts));
  }
  const chars = [...s];
  if (chars.length !== USCC_LENGTH) {
    return err(
      issue(
        input,
        `长度应为 18 位，实际为 ${chars.length} 位`,
        `length must be 18 characters, got ${chars.length}`,
        opts,
      ),
    );
  }
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (!VALUE.has(c)) {
      const hint = /[a-z]/.test(c) ? '（应为大写）' : '';
      const hintEn = /[a-z]/.test(c) ? ' (must be upper case)' : '';
      return err(
        issue(
          input,
          `第 ${i + 1} 位字符「${c}」不合法${hint}`,
          `bad character '${c}' at position ${i + 1}${hintEn}`,
          opts,
        ),
      );
    }
  }
  const expected = usccCheckChar(s.slice(0, 17));
  if (expected !== s.charAt(17)) {
    return err(
      issue(
        input,
        `校验位错误：应为 ${expected ?? '?'}`,
        `bad check character, expected ${expected ?? '?'}`,
        opts,
      ),
    );
  }
  return ok(s as Uscc); // validated above: this is the one place a string becomes a Uscc
}

/** True when the string is a valid USCC (no surrounding whitespace allowed). */
export function isUscc(s: string): s is Uscc {
  const r = validateUscc(s);
  return r.ok && r.value === s;
}

/** Complete 17 characters with their check character; undefined on bad input. */
export function completeUscc(first17: string): Uscc | undefined {
  const c = usccCheckChar(first17);
  return c === undefined ? undefined : (`${first17}${c}` as Uscc);
}
