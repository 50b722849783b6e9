// 1.2.2.4–1.2.2.7 / 1.4.2.2–1.4.2.5 on the applicant's side: 「証明書取得」 → ライセンスIDチェック →
// confirm name and EMAIL → 「証明書インストール」 (warning dialog, nic.ad.jp check, passphrase) → 完了.
import { Match, Show, Switch, createSignal, type Component } from 'solid-js';
import { SITES, installCertificate, isJpnicHost, MIN_PASSPHRASE, type License } from '../../jpnic';
import { jstDateTime } from '../../sim';
import { t, tr } from '../i18n';
import { act, save } from './jpnic-store';
import { buildPkcs12OffThread } from './pkcs12-off-thread';

type Step = { kind: 'input' } | { kind: 'confirm'; license: License } | { kind: 'install'; license: License } | { kind: 'warning'; license: License } | { kind: 'done'; serial: string; notBefore: string; p12: Uint8Array };

export const FetchFlow: Component<{ owner: string }> = (props) => {
  const [step, setStep] = createSignal<Step>({ kind: 'input' });
  const [input, setInput] = createSignal('');
  const [error, setError] = createSignal<string>();
  const [pass1, setPass1] = createSignal('');
  const [pass2, setPass2] = createSignal('');
  const [hostChecked, setHostChecked] = createSignal(false);
  const [busy, setBusy] = createSignal(false);

  const check = () => {
    const typed = input();
    return act(async ({ engine }) => {
      const r = await engine.checkLicense(typed);
      if (!r.ok) return void setError(tr(r.message));
      setError(undefined);
      setStep({ kind: 'confirm', license: r.license });
    });
  };

  const install = () => {
    const request = { licenseInput: input(), passphrase: pass1(), owner: props.owner, makePkcs12: buildPkcs12OffThread };
    setBusy(true);
    return act(async ({ engine, browser }) => {
      const r = await installCertificate({ engine, store: browser, ...request }).finally(() => setBusy(false));
      if (!r.ok) {
        setError(tr(r.message));
        setStep({ kind: 'input' });
        return;
      }
      setError(undefined);
      setPass1('');
      setPass2('');
      setInput('');
      setStep({ kind: 'done', serial: r.certificate.serialDecimal, notBefore: r.certificate.notBefore, p12: r.p12 });
    });
  };

  const passOk = () => pass1().length >= MIN_PASSPHRASE && pass1() === pass2();

  return (
    <section class="jp-screen" data-testid="jp-fetch">
      <p class="jp-addressbar" data-testid="jp-addressbar">{SITES.certificateSite}</p>
      <Show when={error()}>
        <div class="notice notice-error" role="alert" data-testid="jp-fetch-error">{error()}</div>
      </Show>
      <Switch>
        <Match when={step().kind === 'input'}>
          <h3>{t('証明書取得', 'Get certificate')}</h3>
          <label>
            {t('ライセンスID（3ブロック）', 'License ID (3 blocks)')}{' '}
            <input data-testid="jp-license-input" data-guide="jpnic-license" value={input()} placeholder="XXXXX-XXXXX-XXXXX" onInput={(e) => setInput(e.currentTarget.value)} />
          </label>{' '}
          <button type="button" data-testid="jp-license-check" onClick={() => void check()}>{t('ライセンス ID チェック', 'Check license ID')}</button>
        </Match>
        <Match when={step().kind === 'confirm' && (step() as Extract<Step, { kind: 'confirm' }>)}>
          {(s) => (
            <div data-testid="jp-confirm">
              <h3>{t('証明書情報の確認', 'Confirm certificate information')}</h3>
              <p>{t('名称', 'Name')}: <b data-testid="jp-confirm-name">{s().license.name}</b> ／ EMAIL: <b data-testid="jp-confirm-email">{s().license.email}</b></p>
              <p class="hint">{t('通知メールの名称・メールアドレスと一致することを確認してください。', 'Check that they match the notice mail.')}</p>
              <button type="button" data-testid="jp-get" onClick={() => setStep({ kind: 'install', license: s().license })}>{t('証明書を取得する', 'Get the certificate')}</button>
            </div>
          )}
        </Match>
        <Match when={(step().kind === 'install' || step().kind === 'warning') && (step() as Extract<Step, { kind: 'install' }>)}>
          {(s) => (
            <div data-testid="jp-install">
              <h3>{t('証明書インストール', 'Install certificate')}</h3>
              <p>{t('鍵ペアはこのブラウザで作られ、証明書と鍵はパスフレーズで保護された P12 としてだけ保存されます。', 'The key pair is made in this browser; certificate and key are stored only as a passphrase-protected P12.')}</p>
              <label>{t(`パスフレーズ（${MIN_PASSPHRASE}文字以上）`, `Passphrase (≥ ${MIN_PASSPHRASE} characters)`)} <input type="password" data-testid="jp-pass1" value={pass1()} onInput={(e) => setPass1(e.currentTarget.value)} /></label>{' '}
              <label>{t('確認', 'Again')} <input type="password" data-testid="jp-pass2" value={pass2()} onInput={(e) => setPass2(e.currentTarget.value)} /></label>{' '}
              <button type="button" data-testid="jp-install-button" disabled={!passOk()} onClick={() => { setHostChecked(false); setStep({ kind: 'warning', license: s().license }); }}>{t('証明書をインストール', 'Install the certificate')}</button>
              <Show when={step().kind === 'warning'}>
                <div class="jp-dialog" role="dialog" aria-modal="true" data-testid="jp-warning">
                  <h4>{t('警告', 'Warning')}</h4>
                  <p>{t('このWebサイトは、あなたの代わりに証明書を要求しています。信頼されたWebサイトにだけ証明書の要求を許可してください。', 'This website is requesting a certificate on your behalf. Allow only trusted websites to request certificates.')}</p>
                  <p>{t('アクセスしているサーバ', 'Server')}: <code data-testid="jp-warning-host">{new URL(SITES.certificateSite).hostname}</code></p>
                  <label><input type="checkbox" data-testid="jp-host-check" checked={hostChecked()} onChange={(e) => setHostChecked(e.currentTarget.checked)} /> {t('ドメイン名が nic.ad.jp で終わっていることを確認しました', 'I checked that the domain name ends with nic.ad.jp')}</label>
                  <div class="jp-actions">
                    <button type="button" data-testid="jp-warning-yes" disabled={busy() || !hostChecked() || !isJpnicHost(SITES.certificateSite)} onClick={() => void install()}>{t('はい', 'Yes')}</button>
                    <button type="button" class="secondary" onClick={() => setStep({ kind: 'install', license: s().license })}>{t('いいえ', 'No')}</button>
                  </div>
                  <Show when={busy()}>
                    <p role="status" data-testid="jp-installing">{t('鍵ペアを作成し、証明書を発行・インストールしています…', 'Making the key pair, issuing and installing the certificate…')}</p>
                  </Show>
                </div>
              </Show>
            </div>
          )}
        </Match>
        <Match when={step().kind === 'done' && (step() as Extract<Step, { kind: 'done' }>)}>
          {(s) => (
            <div data-testid="jp-installed">
              <h3>{t('証明書インストール完了', 'Certificate installed')}</h3>
              <p>{t(`シリアル番号 ${s().serial}、有効期限開始日 ${jstDateTime(new Date(s().notBefore))}。「証明書ストア（個人）」で確認できます。`, `Serial ${s().serial}, valid from ${jstDateTime(new Date(s().notBefore))}. See “Certificate store (Personal)”.`)}</p>
              <button type="button" data-testid="jp-save-p12-now" onClick={() => save(`jpnic-${s().serial}.p12`, s().p12, 'application/x-pkcs12')}>{t('P12 として保存', 'Save as P12')}</button>{' '}
              <button type="button" class="secondary" onClick={() => setStep({ kind: 'input' })}>{t('閉じる', 'Close')}</button>
            </div>
          )}
        </Match>
      </Switch>
    </section>
  );
};
