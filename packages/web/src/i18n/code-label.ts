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
