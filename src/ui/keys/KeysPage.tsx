// #/keys — make a key pair and a UPKI server CSR in the browser, and check CSRs and certificates.
// Nothing is sent anywhere and the private key is never stored by the page.
import type { Component } from 'solid-js';
import type { RouteProps } from '../app/routes';
import { t } from '../i18n';
import { GeneratePanel } from './GeneratePanel';
import { ImportPanel } from './ImportPanel';
import './keys.css';

const KeysPage: Component<RouteProps> = () => (
  <div class="keys-page">
    <h1>{t('鍵・CSR', 'Keys & CSR')}</h1>
    <p class="hint">
      {t(
        'サーバ証明書（プロファイル3・11）用の鍵ペアとCSRをこのブラウザ内で作成します。鍵はどこにも送信・保存されません。',
        'Make a key pair and CSR for a server certificate (profile 3 or 11) inside this browser. The key is neither sent nor stored anywhere.',
      )}
    </p>
    <GeneratePanel />
    <ImportPanel />
  </div>
);

export default KeysPage;
