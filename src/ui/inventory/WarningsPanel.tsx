// Warnings a careful admin wants (inventory/warnings.ts), each with a button that selects the rows concerned.
import { For, Show, type Component } from 'solid-js';
import { t, tr } from '../i18n';
import type { InventoryState } from './state';

const TITLES = {
  'shared-key': { ja: '鍵の共有', en: 'Shared key' },
  'san-changed': { ja: 'SANの変更', en: 'SANs changed' },
  'retired-profile': { ja: '廃止プロファイル', en: 'Retired profile' },
  'retired-ca': { ja: '廃止された認証局', en: 'Retired CA' },
  'weak-rsa': { ja: 'RSA 2048ビット未満', en: 'RSA below 2048' },
} as const;

export const WarningsPanel: Component<{ state: InventoryState }> = (props) => (
  <Show when={props.state.warnings().length > 0}>
    <section class="notice notice-warn inv-warnings" aria-labelledby="inv-warn-h" data-testid="inventory-warnings">
      <h2 id="inv-warn-h">{t(`注意 (${props.state.warnings().length})`, `Warnings (${props.state.warnings().length})`)}</h2>
      <ul>
        <For each={props.state.warnings().slice(0, 200)}>
          {(w) => (
            <li>
              <strong>{tr(TITLES[w.code])}</strong>: {tr(w.message)}{' '}
              <button type="button" class="linkish" onClick={() => props.state.setSelected(new Set(w.entryIds))}>
                {t('該当行を選択', 'select these rows')}
              </button>
            </li>
          )}
        </For>
      </ul>
    </section>
  </Show>
);
