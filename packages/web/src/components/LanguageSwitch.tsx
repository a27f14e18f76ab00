/** The zh-CN / English switch; the choice is kept in localStorage. */
import { Segmented } from 'antd';
import { useI18n } from '../hooks/use-i18n';
import { LANGUAGES, type Language } from '../i18n/types';

/** A two-way language switch. */
export function LanguageSwitch({ size = 'small' }: { readonly size?: 'small' | 'middle' }) {
  const { lang, setLang, t } = useI18n();
  return (
    <Segmented<Language>
      size={size}
      aria-label={t('lang.switch')}
      value={lang}
      onChange={setLang}
      options={LANGUAGES.map((l) => ({ value: l, label: t(`lang.${l}`) }))}
    />
  );
}
