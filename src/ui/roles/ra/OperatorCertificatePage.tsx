// The 登録担当者用証明書 URL (001 §2-3): new/lost — STEP1 the access PIN from the service desk, [発行]
// once, STEP3 done: the P12 is saved and imported into the simulated browser. Renewal (≪有効期限切れ間近≫)
// — choose the current certificate in the browser's picker, [発行], the 「P12ファイル証明書PIN」 is shown
// once (write it down: without it the P12 cannot be imported).
import { For, Show, createSignal, onMount, type Component } from 'solid-js';
import type { LinkView } from '../../../workers/ra-api';
import { t, tr } from '../../i18n';
import { call } from '../../ra/ra-client';
import { refresh, saveFile, view } from '../../ra/ra-store';
import type { Text } from '../../../spec/types';
import { browserCerts, importIntoBrowser, reloadBrowserCerts } from '../shared/browser';

export const OperatorCertificatePage: Component<{ link: LinkView }> = (props) => (
  <section class="svc-url-page" data-testid="svc-operator-page">
    <h2>●{t('登録担当者用証明書の取得', 'RA operator certificate')}</h2>
    <Show when={props.link.renewsSerialHex} fallback={<NewOrLost link={props.link} />}>
      <Renewal link={props.link} />
    </Show>
  </section>
);

function ownerOf(): string {
  const inst = view()?.institutions[0];
  return `ra-operator:${inst?.id ?? ''}`;
}

async function keep(p12: Uint8Array, serialHex: string): Promise<void> {
  await refresh();
  const cert = view()?.operatorCertificates.find((c) => c.serialHex === serialHex);
  if (cert) await importIntoBrowser(ownerOf(), cert.certificateDer, p12, view()?.now ?? new Date().toISOString());
}

const NewOrLost: Component<{ link: LinkView }> = (props) => {
  const [pin, setPin] = createSignal('');
  const [pressed, setPressed] = createSignal(false);
  const [error, setError] = createSignal<Text>();
  const [done, setDone] = createSignal<string>();
  const issue = async () => {
    if (pressed()) return; // [発行] once (001 §2-3-1)
    setPressed(true);
    setError(undefined);
    const r = await call('openLink', props.link.token, pin());
    if (!r.ok) {
      setError(r.message);
      setPressed(false);
      await refresh();
      return;
    }
    saveFile({ fileName: r.fileName, contentType: r.contentType, bytes: r.bytes });
    await keep(r.bytes, r.serialsHex[0]);
    setDone(r.fileName);
  };
  return (
    <Show
      when={!done() && props.link.state !== 'used'}
      fallback={
        <div class="notice notice-ok" role="status" data-testid="svc-operator-done">
          <h3>【STEP3】{t('証明書の発行完了', 'Certificate issued')}</h3>
          <p>
            {done()
              ? t(`${done()} をダウンロードし、このブラウザ（模擬）の証明書ストアに取り込みました。P12のパスワードはアクセスPINです。`, `${done()} was downloaded and imported into this (simulated) browser's store. Its password is the access PIN.`)
              : t('このURLはすでに使用されています（ワンタイムURL）。', 'This one-time URL has already been used.')}
          </p>
        </div>
      }
    >
      <p>【STEP1】{t('サービス窓口から受け取ったアクセスPINを入力してください。', 'Enter the access PIN the service desk gave you.')}</p>
      <div class="form-row">
        <label for="svc-op-pin">{t('アクセスPIN（半角英数字）', 'Access PIN')}</label>
        <input id="svc-op-pin" data-guide="url-pin" type="text" autocomplete="off" spellcheck={false} value={pin()} onInput={(e) => setPin(e.currentTarget.value.trim())} />
      </div>
      <p class="hint">
        {t('[発行]は、1回のみ押してください。処理に時間を要する場合がありますが、【STEP3】画面が表示されるまでお待ちください。', 'Press [Issue] once only, and wait for the STEP3 screen.')}
      </p>
      <button type="button" data-testid="svc-operator-issue" data-guide="mail-link" data-purpose="ra-operator" disabled={pressed() || pin() === ''} onClick={issue}>
        {pressed() ? t('発行中…', 'Issuing…') : t('発行', 'Issue')}
      </button>
      <Show when={error()}>
        <p class="notice notice-error" role="alert" data-testid="svc-operator-error">
          {tr(error()!)}
        </p>
      </Show>
    </Show>
  );
};

const Renewal: Component<{ link: LinkView }> = (props) => {
  const [chosen, setChosen] = createSignal<string>();
  const [pressed, setPressed] = createSignal(false);
  const [error, setError] = createSignal<Text>();
  const [pinShown, setPinShown] = createSignal<{ pin: string; fileName: string }>();
  onMount(() => void reloadBrowserCerts());
  const issue = async () => {
    const cert = browserCerts().find((c) => c.id === chosen());
    if (!cert || pressed()) return;
    setPressed(true);
    setError(undefined);
    const r = await call('renewRaOperator', props.link.token, cert.certificateDer);
    if (!r.ok) {
      setError(r.message);
      setPressed(false);
      await refresh();
      return;
    }
    saveFile({ fileName: r.fileName, contentType: r.contentType, bytes: r.bytes });
    await keep(r.bytes, r.serialsHex[0]);
    setPinShown({ pin: r.p12Pin, fileName: r.fileName });
  };
  return (
    <Show
      when={!pinShown()}
      fallback={
        <div class="notice notice-ok" role="status" data-testid="svc-operator-renewed">
          <h3>【STEP3】{t('証明書の発行完了', 'Certificate issued')}</h3>
          <p>
            {t('P12ファイル証明書PIN', 'P12 file certificate PIN')}: <strong class="mono" data-testid="svc-operator-p12pin">{pinShown()!.pin}</strong>
          </p>
          <p class="hint">
            {t(
              '「P12ファイル証明書PIN」は必ずお控えください。お控えいただかなかった場合、P12ファイルのインポートが出来なくなります。この画面を離れると二度と表示されません。',
              'Write down the P12 PIN: without it the P12 file cannot be imported. It is not shown again.',
            )}
          </p>
          <p>{t(`${pinShown()!.fileName} をダウンロードし、ブラウザ（模擬）に取り込みました。`, `${pinShown()!.fileName} was downloaded and imported into the (simulated) browser.`)}</p>
        </div>
      }
    >
      <p>{t('現在使用中の登録担当者用証明書を選択してください。', 'Choose the RA operator certificate you use now.')}</p>
      <CertificatePicker chosen={chosen()} onChoose={setChosen} />
      <button type="button" data-testid="svc-operator-renew" data-guide="mail-link" data-purpose="ra-operator" disabled={pressed() || !chosen()} onClick={issue}>
        {pressed() ? t('発行中…', 'Issuing…') : t('発行', 'Issue')}
      </button>
      <Show when={error()}>
        <p class="notice notice-error" role="alert" data-testid="svc-operator-error">
          {tr(error()!)}
        </p>
      </Show>
    </Show>
  );
};

/** The browser's 「証明書の選択」 dialog, inline: every certificate in the simulated store. */
export const CertificatePicker: Component<{ chosen: string | undefined; onChoose: (id: string) => void }> = (props) => (
  <fieldset class="ra-fieldset svc-picker" data-testid="svc-cert-picker">
    <legend>{t('証明書の選択（ブラウザ・模擬）', 'Select a certificate (simulated browser)')}</legend>
    <Show when={browserCerts().length > 0} fallback={<p>{t('このブラウザには証明書がありません。', 'This browser holds no certificate.')}</p>}>
      <For each={browserCerts()}>
        {(c) => (
          <label class="ra-choice">
            <input type="radio" name="svc-picker" value={c.id} checked={props.chosen === c.id} onChange={() => props.onChoose(c.id)} data-testid="svc-picker-option" />
            <span class="mono">{c.label}</span>
          </label>
        )}
      </For>
    </Show>
  </fieldset>
);

