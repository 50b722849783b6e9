// The navigation bar, built from the route table.
import { For, type Component } from 'solid-js';
import { tr, t } from '../i18n';
import { currentPath, href, owns } from './router';
import { routes } from './routes';

export const Nav: Component = () => (
  <nav class="site-nav" aria-label={t('メインメニュー', 'Main menu')}>
    <ul>
      <li>
        <a href={href('/')} aria-current={currentPath() === '/' ? 'page' : undefined}>
          {t('ホーム', 'Home')}
        </a>
      </li>
      <For each={routes}>
        {(r) => (
          <li>
            <a href={href(r.path)} aria-current={owns(r.path, currentPath()) ? 'page' : undefined}>
              {tr(r.title)}
            </a>
          </li>
        )}
      </For>
    </ul>
  </nav>
);
