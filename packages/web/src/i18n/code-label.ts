/** Labels for codes that come from the server (audit actions, exclusion reasons, …): a known code reads in the UI language. */
import type { MessageKey, MessageVars } from './types';
import { zhCN } from './zh-cn';

/** True when `key` is a message of the dictionaries. */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}

/** The first of `keys` the dictionaries have, translated; else `fallback` (the raw code, still readable). */
export function codeLabel(
  t: (key: MessageKey, vars?: MessageVars) => string,
  keys: readonly string[],
  fallback: string,
): string {
  for (const k of keys) {
    if (isMessageKey(k)) {
      return t(k);
    }
  }
  return fallback;
}

/**
 * A stored bilingual text "中文 / English" (e.g. a draw record's seed plan, which is part of the
 * published record and cannot change) in the UI language; any other text as it is.
 */
export function bilingual(text: string | null | undefined, lang: 'zh-CN' | 'en'): string {
  if (text === null || text === undefined) {
    return '';
  }
  const at = text.indexOf(' / ');
  if (at < 0 || !/\p{Script=Han}/u.test(text.slice(0, at))) {
    return text;
  }
  return lang === 'en' ? text.slice(at + 3) : text.slice(0, at);
}
