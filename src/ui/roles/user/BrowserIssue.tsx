// Method 3 (ブラウザ発行), the user's page: the access PIN, a passphrase the user chooses for the P12, then
// [発行]: this page makes the RSA 2048 key pair with WebCrypto, sends only the public key to the
// (simulated) CA, receives the certificate and saves a P12 with the key and the chain under the user's
// passphrase — what a browser can import. The private key never leaves the page unencrypted.
import { Show, createSignal, type Component } from 'solid-js';
import { buildPkcs12 } from '../../../pki/pkcs12';
import { pemDecodeAll } from '../../../pki/pem';
import type { LinkView } from '../../../workers/ra-api';
import { t, tr } from '../../i18n';
import { call } from '../../ra/ra-client';
import { refresh, saveFile, view } from '../../ra/ra-store';
import type { Text } from '../../../spec/types';
import { importIntoBrowser } from '../shared/browser';
import { chosenUser, type RoleId } from '../roles';

/** Decision (the manual leaves the P12 password to the browser): at least 8 characters, typed twice. */
export const MIN_PASSPHRASE = 8;

export const BrowserIssue: Component<{ link: LinkView; role: RoleId }> = (props) => {
  const [pin, setPin] = createSignal('');
  const [pass, setPass] = createSignal('');
  const [pass2, setPass2] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<Text>();
  const [done, setDone] = createSignal<string>();

  const problem = (): Text | undefined => {
    if (pin() === '') return { ja: 'アクセスPINを入力してください。', en: 'Enter the access PIN.' };
    if (pass().length < MIN_PASSPHRASE) return { ja: `パスフレーズは${MIN_PASSPHRASE}文字以上にしてください。`, en: `The passphrase needs at least ${MIN_PASSPHRASE} characters.` };
    if (pass() !== pass2()) return { ja: 'パスフレーズ（確認）が一致しません。', en: 'The two passphrases differ.' };
    return undefined;
  };

  const issue = async () => {
    if (busy() || problem()) return;
    setBusy(true);
    setError(undefined);
    try {
      const keys = (await crypto.subtle.generateKey(
        { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
        true,
        ['sign', 'verify'],
      ));
      const spki = new Uint8Array(await crypto.subtle.exportKey('spki', keys.publicKey));
      const { result, chainDer } = await call('issueBrowserCertificate', props.link.token, pin(), spki);
      if (!result.ok) {
        setError(result.message);
        return;
      }
      const certificate = pemDecodeAll(new TextDecoder().decode(result.bytes))?.[0]?.der;
      if (!certificate) throw new Error('certificate');
      const name = props.link.p12Name || 'client';
      const p12 = await buildPkcs12({ privateKey: keys.privateKey, certificate, chain: chainDer, password: pass(), format: 'modern', friendlyName: name });
      saveFile({ fileName: `${name}.p12`, contentType: 'application/x-pkcs12', bytes: p12 });
      await importIntoBrowser(`user:${chosenUser() ?? ''}`, certificate, p12, view()?.now ?? new Date().toISOString());
      setDone(`${name}.p12`);
    } catch (err) {
      setError({ ja: `発行できませんでした: ${String(err)}`, en: `Could not issue: ${String(err)}` });
    } finally {
      setPass('');
      setPass2('');
      setBusy(false);
      await refresh();
    }
  };

  return (
    <section class="svc-url-page" data-testid="svc-browser-issue">
      <h2>●{t('クライアント証明書発行画面（ブラウザ発行）', 'Client certificate issuance (in the browser)')}</h2>
      <Show when={!done() && props.link.state === 'used'}>
        <p class="notice notice-error" role="alert" data-testid="svc-url-used">
          {t('このURLはすでに使用されています（ワンタイムURL）。', 'This one-time URL has already been used.')}
        </p>
      </Show>
      <Show
        when={!done() && props.link.state !== 'used'}
        fallback={
          <Show when={done()}>
          <div class="notice notice-ok" role="status" data-testid="svc-browser-done">
            {t(
              `証明書を発行しました。${done()} を保存し、このブラウザ（模擬）に取り込みました。P12はあなたが入力したパスフレーズで保護されています。`,
              `The certificate was issued. ${done()} was saved and imported into this (simulated) browser, protected by the passphrase you typed.`,
            )}
          </div>
          </Show>
        }
      >
        <p class="hint">
          {t(
            '鍵ペアはこの画面（ブラウザ）の中で作成され、公開鍵だけが認証局へ渡ります。秘密鍵は、入力したパスフレーズで暗号化されたP12ファイルにのみ保存されます。',
            'The key pair is made in this page; only the public key goes to the CA. The private key is saved only inside the P12, encrypted with the passphrase you type.',
          )}
        </p>
        <div class="form-row">
          <label for="svc-m3-pin">{t('アクセスPIN（半角英数字）', 'Access PIN')}</label>
          <input id="svc-m3-pin" data-guide="url-pin" type="text" autocomplete="off" spellcheck={false} value={pin()} onInput={(e) => setPin(e.currentTarget.value.trim())} />
        </div>
        <div class="form-row">
          <label for="svc-m3-pass">{t('P12ファイルのパスフレーズ', 'P12 passphrase')}</label>
          <input id="svc-m3-pass" type="password" autocomplete="new-password" value={pass()} onInput={(e) => setPass(e.currentTarget.value)} />
        </div>
        <div class="form-row">
          <label for="svc-m3-pass2">{t('パスフレーズ（確認）', 'Passphrase again')}</label>
          <input id="svc-m3-pass2" type="password" autocomplete="new-password" value={pass2()} onInput={(e) => setPass2(e.currentTarget.value)} />
        </div>
        <Show when={problem() && (pin() || pass() || pass2())}>
          <p class="hint">{tr(problem()!)}</p>
        </Show>
        <button type="button" data-testid="svc-browser-issue-button" data-guide="mail-link" data-purpose="client-cert" disabled={busy() || !!problem()} onClick={issue}>
          {busy() ? t('発行中…', 'Issuing…') : t('発行', 'Issue')}
        </button>
      </Show>
      <Show when={error()}>
        <p class="notice notice-error" role="alert" data-testid="svc-browser-error">
          {tr(error()!)}
        </p>
      </Show>
    </section>
  );
};
