/** The React context that carries the current language and its translate function. */
import { createContext } from 'react';
import { translate } from './translate';
import type { Language, MessageKey, MessageVars } from './types';

export interface I18nValue {
  readonly lang: Language;
  readonly setLang: (lang: Language) => void;
  readonly t: (key: MessageKey, vars?: MessageVars) => string;
}

export const I18nContext = createContext<I18nValue>({
  lang: 'zh-CN',
  setLang: () => undefined,
  t: (key, vars) => translate('zh-CN', key, vars),
});
