/** Hook for the current language, its switch and the translate function `t`. */
import { useContext } from 'react';
import { I18nContext, type I18nValue } from '../i18n/context';

/** Returns `{ lang, setLang, t }`. */
export function useI18n(): I18nValue {
  return useContext(I18nContext);
}
