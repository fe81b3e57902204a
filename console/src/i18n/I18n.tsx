import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { messages, type Lang, type MessageKey } from './messages';
import { setApiLanguage } from '../api/client';

const STORAGE_KEY = 'ipexpert.lang';

/** Chinese unless the browser's languages (what it sends as Accept-Language) put English first, or the user chose. */
export function initialLanguage(stored: string | null = localStorage.getItem(STORAGE_KEY),
                                browser: readonly string[] = navigator.languages ?? [navigator.language]): Lang {
  if (stored === 'zh' || stored === 'en') return stored;
  const first = browser.find(Boolean)?.toLowerCase() ?? 'zh';
  return first.startsWith('en') ? 'en' : 'zh';
}

interface I18nValue {
  lang: Lang;
  t: (key: MessageKey) => string;
  setLang: (lang: Lang) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixed ?? initialLanguage());
  setApiLanguage(lang);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next === 'zh' ? 'zh-CN' : 'en';
    setApiLanguage(next);
    setLangState(next);
  }, []);
  const value = useMemo<I18nValue>(() => ({ lang, setLang, t: (key) => messages[lang][key] ?? key }), [lang, setLang]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
