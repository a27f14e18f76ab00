// The dictionaries: complete (typecheck guarantees the keys; this checks the values) and consistent placeholders.
import { describe, expect, it } from 'vitest';
import { DICTIONARIES, parseLanguage, placeholdersOf, translate } from '../src/i18n/translate';
import { LANGUAGES, type MessageKey } from '../src/i18n/types';
import { isMessageKey as isKey } from '../src/i18n/code-label';
import { zhCN } from '../src/i18n/zh-cn';

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(zhCN, key);
}
const KEYS: MessageKey[] = Object.keys(zhCN).filter(isMessageKey);

describe('dictionaries', () => {
  it('have the same keys in every language, none empty', () => {
    for (const lang of LANGUAGES) {
      const dict = DICTIONARIES[lang];
      expect(Object.keys(dict).sort()).toEqual([...KEYS].sort());
      for (const key of KEYS) {
        expect(dict[key].trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in every language', () => {
    for (const key of KEYS) {
      expect(placeholdersOf(DICTIONARIES.en[key]), key).toEqual(placeholdersOf(zhCN[key]));
    }
  });

  it('translate English for real: no Chinese characters left in en, except where Chinese is the data', () => {
    const han = /\p{Script=Han}/u;
    // These quote Chinese the user must type or see in a file: a tag, a search example, template headers.
    const quotesChinese = new Set([
      'lang.zh-CN',
      'risk.indicator.riskWarningTag',
      'tgt.q',
      'tgt.claimUploadHint',
    ]);
    const leftovers = KEYS.filter((k) => !quotesChinese.has(k) && han.test(DICTIONARIES.en[k]));
    expect(leftovers).toEqual([]);
  });
});

describe('the zh-CN catalogue', () => {
  it('holds no untranslated code strings (ASCII words beyond file formats and acronyms)', () => {
    // technical names a Chinese user reads as they are
    const allowed = new Set([
      'Excel',
      'CSV',
      'csv',
      'xlsx',
      'xls',
      'PDF',
      'GBK',
      'UTF',
      'JSON',
      'SHA',
      'HTTP',
      'SCJG',
      'OpenSSJ',
      'English',
    ]);
    // a command the user types (`ssj verify`, `ssj-draw/1`) or a file name they look for (demo-accounts.txt)
    // and the request headers a partner system sends (alerts.sources.*)
    const commands = new Set([
      'wf.portal.verifiedHint',
      'login.demoHint',
      'alerts.sources.idHint',
      'alerts.sources.secretHint',
    ]);
    const leftovers = KEYS.filter((k) => !commands.has(k)).flatMap((k) =>
      (zhCN[k].replace(/\{\w+\}/g, '').match(/[A-Za-z][A-Za-z_]{2,}/g) ?? [])
        .filter((w) => !allowed.has(w))
        .map((w) => `${k}: ${w}`),
    );
    expect(leftovers).toEqual([]);
  });

  it('labels every exclusion and pair code a draw record can carry', () => {
    for (const code of ['CAP_REACHED', 'DEREGISTERED', 'MANUAL', 'OUT_OF_SCOPE']) {
      expect(isKey(`wf.exclusion.${code}`), code).toBe(true);
    }
    for (const code of ['recusal', 'rotation']) {
      expect(isKey(`wf.pair.${code}`), code).toBe(true);
    }
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('zh-CN', 'workbench.welcome', { name: '张三' })).toBe('欢迎，张三');
    expect(translate('en', 'workbench.welcome', { name: 'Zhang San' })).toBe('Welcome, Zhang San');
    expect(translate('en', 'workbench.welcome')).toBe('Welcome, {name}');
    expect(translate('zh-CN', 'error.http', { status: 502 })).toContain('502');
  });
});

describe('parseLanguage', () => {
  it('accepts the supported languages and defaults to zh-CN', () => {
    expect(parseLanguage('en')).toBe('en');
    expect(parseLanguage('zh-CN')).toBe('zh-CN');
    expect(parseLanguage(null)).toBe('zh-CN');
    expect(parseLanguage('fr')).toBe('zh-CN');
  });
});
