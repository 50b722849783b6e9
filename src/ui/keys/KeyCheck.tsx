// Re-open a private key file (encrypted or not) to see which key it is and whether it belongs to the loaded
// CSR or certificate. The passphrase and the decrypted key live only inside this function call.
import type { Text } from '../../spec/types';
import { Show, createSignal, type Component } from 'solid-js';
import { privateKeyFacts, type PrivateKeyFacts } from '../../pki/keys';
import { openPrivateKeyPem } from '../../pki/pkcs8';
import { formatPublicKey, sameKey } from '../../pki/spki';
import { t, tr } from '../i18n';

export interface KeyCheckProps {
  pem: string;
  encrypted: boolean;
  /** SPKI hashes of the loaded CSR / certificate, to compare with. */
  csr?: { spkiSha256: string };
  cert?: { spkiSha256: string };
}

export const KeyCheck: Component<KeyCheckProps> = (props) => {
  const [pass, setPass] = createSignal('');
  const [facts, setFacts] = createSignal<PrivateKeyFacts>();
  const [error, setError] = createSignal<Text>();

  const open = async () => {
    const opened = await openPrivateKeyPem(props.pem, props.encrypted ? pass() : undefined);
    setPass('');
    if (!opened.ok) {
      setError(opened.message);
      return;
    }
    const f = await privateKeyFacts(opened.pkcs8);
    opened.pkcs8.fill(0);
    setError(f ? undefined : { ja: 'この鍵の種類には対応していません。', en: 'This kind of key is not supported.' });
    setFacts(f ?? undefined);
  };

  const verdict = (other: { spkiSha256: string } | undefined, ja: string, en: string) =>
    other && facts() ? (sameKey(facts()!, other) ? t(`${ja}と一致します。`, `Matches the ${en}.`) : t(`${ja}とは別の鍵です。`, `Does NOT match the ${en}.`)) : '';

  return (
    <div data-testid="keys-key-check">
      <h3>{t('秘密鍵', 'Private key')}</h3>
      <form class="form-row" onSubmit={(e) => { e.preventDefault(); void open(); }}>
        <Show when={props.encrypted}>
          <label for="keys-open-pass">{t('パスフレーズ', 'Passphrase')}</label>
          <input id="keys-open-pass" type="password" autocomplete="current-password" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} />
        </Show>
        <button type="submit">{t('鍵を開いて確認', 'Open and check the key')}</button>
      </form>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">{tr(error()!)}</p>
      </Show>
      <Show when={facts()}>
        {(f) => (
          <ul class="notice notice-ok" data-testid="keys-key-facts">
            <li>{formatPublicKey(f().publicKey)} — SHA-256 {f().spkiSha256}</li>
            <Show when={props.csr}><li>{verdict(props.csr, '読み込んだCSR', 'loaded CSR')}</li></Show>
            <Show when={props.cert}><li>{verdict(props.cert, '読み込んだ証明書', 'loaded certificate')}</li></Show>
          </ul>
        )}
      </Show>
    </div>
  );
};
