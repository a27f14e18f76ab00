/** Holds the UI language (persisted in localStorage, default zh-CN) and keeps dayjs and <html lang> in step. */
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nContext, type I18nValue } from './context';
import { LANGUAGE_STORAGE_KEY, parseLanguage, translate } from './translate';
import type { Language } from './types';

function readStoredLanguage(): Language {
  try {
    return parseLanguage(window.localStorage.getItem(LANGUAGE_STORAGE_KEY));
  } catch {
    // storage can be disabled (private mode, policy); the default language still works
    return 'zh-CN';
  }
}

/** Provides the current language to the tree. */
export function I18nProvider({ children }: { readonly children: ReactNode }) {
  const [lang, setLangState] = useState<Language>(readStoredLanguage);

  const setLang = useCallback((next: Language) => {
    setLangState(next);
    try {
      window.localStorage.setItem(LANGUAGE_STORAGE_KEY, next);
    } catch {
      // not persisted; the switch still applies to this tab
    }
  }, []);

  useEffect(() => {
    dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
    document.documentElement.lang = lang;
    document.title = translate(lang, 'app.name');
  }, [lang]);

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, vars) => translate(lang, key, vars) }),
    [lang, setLang],
  );
  return <I18nContext value={value}>{children}</I18nContext>;
}
