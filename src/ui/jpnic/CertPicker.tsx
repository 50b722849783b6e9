// The browser's "select a certificate" dialog, simulated: the certificates this person's browser holds
// (the shared browser store), one to choose, OK or キャンセル. What the service then accepts is the engine's call.
import { For, Show, createSignal, type Component } from 'solid-js';
import type { BrowserCert } from '../../sim';
import { t } from '../i18n';

export const CertPicker: Component<{ title: string; certs: BrowserCert[]; onOk: (c: BrowserCert) => void; onCancel: () => void }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- the initial choice only; the person picks afterwards
  const [chosen, setChosen] = createSignal<string>(props.certs[0]?.id ?? '');
  return (
    <div class="jp-dialog" role="dialog" aria-modal="true" aria-label={props.title} data-testid="jp-picker">
      <h3>{props.title}</h3>
      <p class="hint">{t('ブラウザの「証明書の選択」画面（模擬）です。', 'The browser’s “select a certificate” dialog (simulated).')}</p>
      <Show when={props.certs.length > 0} fallback={<p>{t('このブラウザには証明書がありません。', 'This browser holds no certificate.')}</p>}>
        <ul class="jp-picker-list">
          <For each={props.certs}>
            {(c) => (
              <li>
                <label>
                  <input type="radio" name="jp-picker" value={c.id} checked={chosen() === c.id} onChange={() => setChosen(c.id)} /> {c.label}
                </label>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <div class="jp-actions">
        <button type="button" data-testid="jp-picker-ok" disabled={!props.certs.some((c) => c.id === chosen())} onClick={() => props.onOk(props.certs.find((c) => c.id === chosen())!)}>
          OK
        </button>
        <button type="button" class="secondary" data-testid="jp-picker-cancel" onClick={() => props.onCancel()}>
          {t('キャンセル', 'Cancel')}
        </button>
      </div>
    </div>
  );
};
