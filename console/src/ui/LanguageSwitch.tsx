import { useI18n } from '../i18n/I18n';

export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <div className="lang-switch" role="group" aria-label={t('language')}>
      <button type="button" aria-pressed={lang === 'zh'} onClick={() => setLang('zh')} lang="zh-CN">中文</button>
      <button type="button" aria-pressed={lang === 'en'} onClick={() => setLang('en')} lang="en">English</button>
    </div>
  );
}
