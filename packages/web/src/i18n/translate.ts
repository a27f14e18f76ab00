/** Pure translation: dictionary lookup, placeholder filling, language persistence helpers. */
import { en } from './en';
import { LANGUAGES, type Language, type MessageKey, type MessageVars, type Messages } from './types';
import { zhCN } from './zh-cn';

/** Every dictionary by language. */
export const DICTIONARIES: Readonly<Record<Language, Messages>> = { 'zh-CN': zhCN, en };

/** The localStorage key that keeps the user's language choice. */
export const LANGUAGE_STORAGE_KEY = 'ssj.lang';

/** Translates `key` into `lang`, filling `{name}` placeholders from `vars`. */
export function translate(lang: Language, key: MessageKey, vars?: MessageVars): string {
  const template = DICTIONARIES[lang][key];
  if (vars === undefined) {
    return template;
  }
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    return value === undefined ? whole : String(value);
  });
}

/** Lists the `{name}` placeholders of a message, sorted (used to check translations agree). */
export function placeholdersOf(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}

/** Narrows a stored string to a supported language, falling back to zh-CN. */
export function parseLanguage(stored: string | null | undefined): Language {
  return LANGUAGES.find((l) => l === stored) ?? 'zh-CN';
}
