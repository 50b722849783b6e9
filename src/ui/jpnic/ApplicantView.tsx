// 資源申請者 (applicant): their mailbox, installing the JPNIC root (fingerprint compared; a mismatch stops)
// and issuing CA, fetching the certificate, their browser's 個人 store (old and new told apart, P12 saved)
// and logging in to the Web申請システム with a certificate from it.
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import { JPNIC_CAS, SITES, applicantOwner, compareFingerprint, groupFingerprint, tellApart, type JpnicCertificate } from '../../jpnic';
import type { BrowserCert } from '../../sim';
import { jstDate, jstDateTime } from '../../sim';
import { t, tr } from '../i18n';
import { CertPicker } from './CertPicker';
import { FetchFlow } from './FetchFlow';
import { Mailbox } from './Mailbox';
import { act, save, view } from './jpnic-store';

export const ApplicantView: Component = () => {
  const [accountId, setAccountId] = createSignal<string>('');
  const state = () => view()?.state;
  const accounts = () => [...(state()?.accounts.values() ?? [])];
  const chosen = () => accountId() || accounts()[0]?.accountId || '';
  const owner = () => applicantOwner(chosen());
  const emails = createMemo(() => {
    const s = state();
    if (!s) return new Set<string>();
    const set = new Set<string>();
    for (const l of s.licenses.values()) if (l.accountId === chosen()) set.add(l.email);
    for (const c of s.certificates.values()) if (c.accountId === chosen()) set.add(c.email);
    return set;
  });
  const mails = () => (state()?.mails ?? []).filter((m) => m.to.some((a) => emails().has(a)));

  return (
    <section class="jp-role" data-testid="jp-applicant">
      <h2>{t('資源申請者', 'Resource applicant')}</h2>
      <Show when={accounts().length > 0} fallback={<p class="hint">{t('まだアカウントがありません。資源管理者が登録すると、ここで利用者を選べます。', 'No account yet. Once the manager registers one, choose the user here.')}</p>}>
        <label>
          {t('利用者（このブラウザの持ち主）', 'User (owner of this browser)')}{' '}
          <select data-testid="jp-applicant-select" value={chosen()} onChange={(e) => setAccountId(e.currentTarget.value)}>
            <For each={accounts()}>{(a) => <option value={a.accountId}>{a.accountId} {a.userName}</option>}</For>
          </select>
        </label>
        <Mailbox testid="jp-applicant-mailbox" mails={mails()} />
        <RootInstall />
        <FetchFlow owner={owner()} />
        <PersonalStore owner={owner()} />
      </Show>
    </section>
  );
};

/** 1.2.2.1–2: root with the fingerprint comparison (はい only on a match; いいえ stops), then the issuing CA. */
const RootInstall: Component = () => {
  const [stage, setStage] = createSignal<'start' | 'warning' | 'stopped' | 'root-ok' | 'ca-ok'>('start');
  const [typed, setTyped] = createSignal('');
  const [showPage, setShowPage] = createSignal(false);
  const fingerprint = () => view()?.fingerprint ?? '';
  const verdict = () => compareFingerprint(typed(), fingerprint());
  const download = (id: 'jpnic-root' | 'jpnic-resource') => act(async ({ engine }) => save(JPNIC_CAS[id].fileName, await engine.caCertificate(id), 'application/pkix-cert'));
  return (
    <section class="jp-screen" data-testid="jp-root">
      <h3>{t('JPNIC 認証局証明書のインストール', 'Install the JPNIC CA certificates')}</h3>
      <p class="jp-addressbar">{SITES.ca}</p>
      <button type="button" data-testid="jp-dl-root" onClick={() => void download('jpnic-root')}>{JPNIC_CAS['jpnic-root'].fileName}</button>{' '}
      <button type="button" data-testid="jp-dl-ca" onClick={() => void download('jpnic-resource')}>{JPNIC_CAS['jpnic-resource'].fileName}</button>{' '}
      <button type="button" class="secondary" data-testid="jp-show-fingerprint-page" onClick={() => setShowPage(!showPage())}>{t('フィンガープリント公開ページ', 'Fingerprint page')}</button>
      <Show when={showPage()}>
        <div class="jp-fingerprint-page" data-testid="jp-fingerprint-page">
          <p class="jp-addressbar">{SITES.fingerprintPage}</p>
          <p>{tr(JPNIC_CAS['jpnic-root'].title)} SHA-1: <code data-testid="jp-published-fingerprint">{groupFingerprint(fingerprint())}</code></p>
          <p class="hint">{t('SHA-1により算出したフィンガープリントは、40桁の16進数であり、「0」～「9」及び「A」～「F」の文字の組合せで示されます。', 'A SHA-1 fingerprint is 40 hexadecimal digits, 0–9 and A–F.')}</p>
        </div>
      </Show>
      <Show when={stage() === 'start'}>
        <p><button type="button" data-testid="jp-root-install" onClick={() => setStage('warning')}>{t('ルート証明書を開いて「証明書のインストール」', 'Open the root and “Install certificate”')}</button></p>
      </Show>
      <Show when={stage() === 'warning'}>
        <div class="jp-dialog" role="dialog" aria-modal="true" data-testid="jp-root-warning">
          <h4>{t('セキュリティ警告', 'Security warning')}</h4>
          <p>{t('発行者が次であると主張する証明機関 (CA) から証明書をインストールしようとしています', 'You are about to install a certificate from a CA claiming to be')}: {JPNIC_CAS['jpnic-root'].subject.at(-1)?.value}</p>
          <p>{t('拇印 (sha1)', 'Thumbprint (sha1)')}: <code data-testid="jp-thumbprint">{groupFingerprint(fingerprint())}</code></p>
          <label>{t('公開されているフィンガープリント（緑の紙面・NewsLetter・公開ページ）を入力して比べる', 'Type the published fingerprint (green letter, NewsLetter, web page) to compare')} <input data-testid="jp-fingerprint-input" value={typed()} onInput={(e) => setTyped(e.currentTarget.value)} /></label>
          <p data-testid="jp-fingerprint-verdict" classList={{ 'jp-ok': verdict() === 'match', 'jp-ng': verdict() === 'mismatch' }}>
            {{ match: t('一致しました。「はい」でインストールします。', 'They match. “Yes” installs it.'), mismatch: t('一致しません。「いいえ」を押してインストールを中止してください。', 'They differ. Press “No” and stop.'), 'not-a-fingerprint': t('40桁の16進数を入力してください。', 'Enter 40 hexadecimal digits.') }[verdict()]}
          </p>
          <div class="jp-actions">
            <button type="button" data-testid="jp-root-yes" disabled={verdict() !== 'match'} onClick={() => setStage('root-ok')}>{t('はい', 'Yes')}</button>
            <button type="button" class="secondary" data-testid="jp-root-no" onClick={() => setStage('stopped')}>{t('いいえ', 'No')}</button>
          </div>
        </div>
      </Show>
      <Show when={stage() === 'stopped'}>
        <p class="notice notice-error" data-testid="jp-root-stopped">{t('インストールを中止しました。フィンガープリントが一致しない証明書はインストールしないでください（JPNIC に連絡してください）。', 'Installation stopped. Never install a root whose fingerprint differs (contact JPNIC).')} <button type="button" class="secondary" onClick={() => { setTyped(''); setStage('start'); }}>{t('最初から', 'Start again')}</button></p>
      </Show>
      <Show when={stage() === 'root-ok'}>
        <p class="notice notice-ok">{t('ルート証明書を「信頼されたルート証明機関」にインストールしました。', 'Root installed in “Trusted Root Certification Authorities”.')} <button type="button" data-testid="jp-ca-install" onClick={() => setStage('ca-ok')}>{t('資源管理認証局証明書を「中間証明機関」にインストール', 'Install the resource CA in “Intermediate CAs”')}</button></p>
      </Show>
      <Show when={stage() === 'ca-ok'}>
        <p class="notice notice-ok" data-testid="jp-ca-ok">{t('正しくインポートされました。', 'The import was successful.')}</p>
      </Show>
    </section>
  );
};

/** The browser's 個人 tab: old and new certificates with the same subject, told apart; P12 save; login. */
const PersonalStore: Component<{ owner: string }> = (props) => {
  const [serial, setSerial] = createSignal('');
  const [picking, setPicking] = createSignal(false);
  const [result, setResult] = createSignal<{ ok: boolean; text: string }>();
  const held = () => (view()?.certs ?? []).filter((c) => c.owner === props.owner);
  const certOf = (c: BrowserCert): JpnicCertificate | undefined => [...(view()?.state.certificates.values() ?? [])].find((x) => x.certDerB64 && sameBytes(x.certDerB64, c.certificateDer));
  const verdict = () => {
    const certs = held().map(certOf).filter((x): x is JpnicCertificate => !!x);
    return certs.length > 1 ? tellApart(certs, serial()) : undefined;
  };
  const login = (c: BrowserCert) =>
    act(async ({ engine }) => {
      setPicking(false);
      const r = await engine.login(c.certificateDer);
      setResult(r.ok ? { ok: true, text: t(`ログインしました（${r.account?.accountId} ${r.certificate.name}）。`, `Logged in (${r.account?.accountId} ${r.certificate.name}).`) } : { ok: false, text: tr(r.message) });
    });
  return (
    <section class="jp-screen" data-testid="jp-store">
      <h3>{t('証明書ストア（個人）', 'Certificate store (Personal)')}</h3>
      <Show when={held().length > 0} fallback={<p class="hint">{t('証明書はまだありません。', 'No certificate yet.')}</p>}>
        <table class="jp-table">
          <thead><tr><th>{t('発行先', 'Issued to')}</th><th>{t('有効期限開始日', 'Valid from')}</th><th>{t('有効期限', 'Expires')}</th><th>{t('シリアル番号', 'Serial')}</th><th /></tr></thead>
          <tbody>
            <For each={held()}>
              {(c) => {
                const info = certOf(c);
                return (
                  <tr data-testid="jp-store-row" classList={{ 'jp-newest': verdict()?.newest.serialDecimal === info?.serialDecimal }}>
                    <td>{info?.name}</td><td>{info && jstDateTime(new Date(info.notBefore))}</td><td>{info && jstDate(new Date(info.notAfter))}</td><td data-testid="jp-store-serial">{info?.serialDecimal}</td>
                    <td>
                      <Show when={c.p12}><button type="button" data-testid="jp-save-p12" onClick={() => save(`jpnic-${info?.serialDecimal ?? c.id}.p12`, c.p12!, 'application/x-pkcs12')}>{t('P12 保存', 'Save P12')}</button></Show>{' '}
                      <button type="button" class="secondary" data-testid="jp-store-remove" onClick={() => void act(async ({ browser }) => browser.remove(c.id))}>{t('削除', 'Remove')}</button>
                    </td>
                  </tr>
                );
              }}
            </For>
          </tbody>
        </table>
        <Show when={held().length > 1}>
          <div class="notice notice-warn" data-testid="jp-tell-apart">
            <p>{t('同じ発行先の証明書が複数あります。古い証明書は使えないので削除してください。見分け方: ① 有効期限開始日が新しいもの（インストールした日）が新しい証明書。② 開始日が同じなら、シリアル番号を資源管理者から伝えられた「シリアル番号」と比べます。', 'Several certificates share the subject. The old ones no longer work: remove them. ① The later start date (the day you installed) is the new one. ② If the dates are equal, compare the serial with the one your manager passed on.')}</p>
            <label>{t('伝えられたシリアル番号', 'Serial passed on')} <input data-testid="jp-passed-serial" value={serial()} onInput={(e) => setSerial(e.currentTarget.value)} /></label>
            <p data-testid="jp-tell-apart-verdict">
              {verdict() && (verdict()!.by === 'start-date' ? t(`開始日で判定: シリアル番号 ${verdict()!.newest.serialDecimal} が新しい証明書です。`, `By start date: serial ${verdict()!.newest.serialDecimal} is the new one.`) : verdict()!.by === 'serial' ? t(`シリアル番号で判定: ${verdict()!.newest.serialDecimal} が新しい証明書です。`, `By serial: ${verdict()!.newest.serialDecimal} is the new one.`) : t('開始日が同じです。伝えられたシリアル番号を入力してください。', 'Same start date: enter the serial you were given.'))}
            </p>
          </div>
        </Show>
      </Show>
      <p>
        <button type="button" data-testid="jp-applicant-login" onClick={() => setPicking(true)}>{t('Web申請システムにログイン', 'Log in to the Web application system')}</button>
      </p>
      <Show when={picking()}>
        <CertPicker title={t('証明書の選択', 'Select a certificate')} certs={held()} onOk={(c) => void login(c)} onCancel={() => setPicking(false)} />
      </Show>
      <Show when={result()}>
        {(r) => <p class="notice" classList={{ 'notice-ok': r().ok, 'notice-error': !r().ok }} data-testid="jp-login-result">{r().text}</p>}
      </Show>
    </section>
  );
};

function sameBytes(b64: string, der: Uint8Array): boolean {
  const bin = atob(b64);
  if (bin.length !== der.length) return false;
  for (let i = 0; i < der.length; i++) if (bin.charCodeAt(i) !== der[i]) return false;
  return true;
}
