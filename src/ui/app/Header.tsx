// Title, the offline promise, and the language switch.
import { For, type Component } from 'solid-js';
import { lang, setLang, t, type Lang } from '../i18n';

export const Header: Component = () => (
  <header class="site-header">
    <div class="site-title">
      <a href="#/" class="brand">
        UPKI Workbench
      </a>
      <p class="offline-note" data-testid="offline-note">
        {t(
          'オフラインツールです。入力したデータ・鍵・ファイルはこのブラウザの外へ送信されません。',
          'Offline tool: your data, keys and files never leave this browser.',
        )}
      </p>
    </div>
    <LangSwitch />
  </header>
);

const LANGS: { id: Lang; label: string }[] = [
  { id: 'ja', label: '日本語' },
  { id: 'en', label: 'English' },
];

const LangSwitch: Component = () => (
  <div class="lang-switch" role="group" aria-label={t('表示言語', 'Language')}>
    <For each={LANGS}>{(l) => (
      <button type="button" lang={l.id} aria-pressed={lang() === l.id} onClick={() => setLang(l.id)}>
        {l.label}
      </button>
    )}</For>
  </div>
);
