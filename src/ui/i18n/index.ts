// The page language: Japanese by default (the users are Japanese university staff), English on request.
// The choice is remembered in localStorage; every user-facing string is a {ja, en} pair read through tr()/t().
import { createEffect, createRoot, createSignal } from 'solid-js';
import type { Text } from '../../spec/types';

export type Lang = 'ja' | 'en';

const STORAGE_KEY = 'upki-workbench.lang';

function storedLang(): Lang {
  try {
    const v = globalThis.localStorage?.getItem(STORAGE_KEY);
    return v === 'en' ? 'en' : 'ja';
  } catch {
    // localStorage can be refused (privacy settings, some file:// setups): fall back to the default.
    return 'ja';
  }
}

const [lang, setLangSignal] = createSignal<Lang>(storedLang());

export { lang };

export function setLang(next: Lang): void {
  setLangSignal(next);
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
  } catch {
    /* not remembered, still switched */
  }
}

/** The current-language string of a {ja, en} pair (reactive when read inside JSX or an effect). */
export function tr(text: Text): string {
  return text[lang()];
}

/** Inline pair for strings that only the UI uses. */
export function t(ja: string, en: string): string {
  return lang() === 'ja' ? ja : en;
}

/** Keeps <html lang> in step so screen readers and fonts pick the right language. */
export function syncDocumentLang(): void {
  createRoot(() => {
    createEffect(() => {
      document.documentElement.lang = lang();
    });
  });
}
