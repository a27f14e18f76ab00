/**
 * Text that can be stored: no NUL character (PostgreSQL refuses it in text and jsonb) and no
 * lone UTF-16 surrogate (not Unicode; stored as U+FFFD). Checked once at each boundary: the
 * HTTP validation layer and the spreadsheet rows of an import.
 */

/** What makes a string unfit to store. */
export type TextFlaw = 'nul' | 'surrogate';

// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

// Any NUL or surrogate at all: most text has neither, and one class test is cheap (imports test every cell).
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const SUSPECT = /[\u0000\uD800-\uDFFF]/;

/** The flaw of a string, or null when it is fit to store. */
export function textFlaw(s: string): TextFlaw | null {
  if (!SUSPECT.test(s)) {
    return null;
  }
  if (s.includes('\u0000')) {
    return 'nul';
  }
  return LONE_SURROGATE.test(s) ? 'surrogate' : null;
}

/** Why a flawed string is refused, in Chinese and English. */
export const TEXT_FLAW_MESSAGES: Readonly<Record<TextFlaw, { readonly zh: string; readonly en: string }>> = {
  nul: { zh: '不能包含空字符（NUL, \\u0000）', en: 'must not contain a NUL character (\\u0000)' },
  surrogate: {
    zh: '含有不成对的代理字符（无效的 Unicode 文本）',
    en: 'contains a lone surrogate (not valid Unicode text)',
  },
};

/** The string with its flaws made visible (`\0`, U+FFFD), fit to quote in an error. */
export function visibleText(s: string): string {
  return s.replaceAll('\u0000', '\\0').replace(new RegExp(LONE_SURROGATE.source, 'g'), '\uFFFD');
}
