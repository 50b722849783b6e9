// NII's RA system as the 登録担当者 meets it (001 §3): log in by choosing the RA operator certificate in
// the browser's picker, then NII's banner and header, the left menu with the ten interfaces in their
// groups, and the screen chosen. A refused certificate gets the failure screen; the manual's advice is
// help beside it. 「ログアウト」 ends the session and is written to the audit trail.
import { For, Match, Show, Switch, createSignal, onMount, type Component } from 'solid-js';
import type { Text } from '../../../spec/types';
import { href, navigate } from '../../app/router';
import { t, tr } from '../../i18n';
import { call } from '../../ra/ra-client';
import { refresh } from '../../ra/ra-store';
import { browserCerts, reloadBrowserCerts } from '../shared/browser';
import { CertificatePicker } from './OperatorCertificatePage';
import { RaUpload } from './RaUpload';
import { AdminUpdateScreen, AllowListScreen, ListDownloadScreen, StatisticsScreen, TimestampScreen } from './RaMenuScreens';
import { session, setSession } from './session';

export type ScreenId = 'start' | 'server-upload' | 'server-list' | 'client-upload' | 'client-list' | 'admin-update' | 'all-list' | 'stats' | 'allow-list' | 'timestamp';

/** The left menu (001 §3-3): four groups, nine screens, then ログアウト — the ten interfaces. */
const MENU: { group: Text; items: { id: ScreenId; label: Text }[] }[] = [
  { group: { ja: 'サーバ証明書', en: 'Server certificates' }, items: [
    { id: 'server-upload', label: { ja: '発行・更新・失効', en: 'Issue / renew / revoke' } },
    { id: 'server-list', label: { ja: '証明書情報一括ダウンロード', en: 'Download certificate information' } },
  ] },
  { group: { ja: 'クライアント証明書', en: 'Client certificates' }, items: [
    { id: 'client-upload', label: { ja: '発行・更新・失効', en: 'Issue / renew / revoke' } },
    { id: 'client-list', label: { ja: '証明書情報一括ダウンロード', en: 'Download certificate information' } },
  ] },
  { group: { ja: '利用管理者情報', en: 'Administrator information' }, items: [
    { id: 'admin-update', label: { ja: '更新', en: 'Update' } },
    { id: 'all-list', label: { ja: '全証明書情報一括ダウンロード', en: 'Download all certificate information' } },
    { id: 'stats', label: { ja: '発行証明書統計照会', en: 'Issued certificate statistics' } },
    { id: 'allow-list', label: { ja: '許可リスト一括ダウンロード', en: 'Download the allow-list' } },
  ] },
  { group: { ja: 'タイムスタンプ利用情報', en: 'Time-stamp information' }, items: [{ id: 'timestamp', label: { ja: 'タイムスタンプURL', en: 'Time-stamp URL' } }] },
];

export const RaSystem: Component<{ screen: string | undefined }> = (props) => (
  <div class="nii-system" data-testid="nii-system">
    <div class="nii-banner">
      <span>{'情報・システム研究機構 国立情報学研究所'}</span> <span lang="en">National Institute of Informatics</span>
    </div>
    <div class="nii-header">
      <span class="nii-title">国立情報学研究所 電子証明書自動発行支援システム</span>
      <Show when={session()}>
        <button type="button" class="link-button" data-testid="nii-logout" onClick={() => void logout()}>
          ログアウト
        </button>
      </Show>
      <span class="hint">{t('（模擬）', '(simulated)')}</span>
    </div>
    <Show when={session()} fallback={<Login />}>
      <div class="nii-body">
        <nav class="nii-menu" aria-label={t('RAシステムのメニュー', 'RA system menu')} data-testid="nii-menu">
          <For each={MENU}>
            {(g) => (
              <div class="nii-group">
                <div class="nii-group-name">●{tr(g.group)}</div>
                <For each={g.items}>
                  {(item) => (
                    <a href={href(`/service/ra/sys/${item.id}`)} aria-current={props.screen === item.id ? 'page' : undefined} data-testid={`nii-menu-${item.id}`} data-guide={item.id.endsWith('-upload') ? 'ra-upload' : undefined} data-family={item.id.endsWith('-upload') ? item.id.split('-')[0] : undefined}>
                      {tr(item.label)}
                    </a>
                  )}
                </For>
              </div>
            )}
          </For>
          <div class="nii-group">
            <button type="button" class="link-button" onClick={() => void logout()}>
              ログアウト
            </button>
          </div>
        </nav>
        <main class="nii-screen" data-testid="nii-screen">
          <Switch fallback={<p data-testid="nii-start">●左のメニューから、実行する処理を選択して下さい。</p>}>
            <Match when={props.screen === 'server-upload'}>
              <RaUpload family="server" />
            </Match>
            <Match when={props.screen === 'client-upload'}>
              <RaUpload family="client" />
            </Match>
            <Match when={props.screen === 'server-list'}>
              <ListDownloadScreen kind="server" />
            </Match>
            <Match when={props.screen === 'client-list'}>
              <ListDownloadScreen kind="client" />
            </Match>
            <Match when={props.screen === 'all-list'}>
              <ListDownloadScreen kind="all" />
            </Match>
            <Match when={props.screen === 'admin-update'}>
              <AdminUpdateScreen />
            </Match>
            <Match when={props.screen === 'stats'}>
              <StatisticsScreen />
            </Match>
            <Match when={props.screen === 'allow-list'}>
              <AllowListScreen />
            </Match>
            <Match when={props.screen === 'timestamp'}>
              <TimestampScreen />
            </Match>
          </Switch>
        </main>
      </div>
    </Show>
  </div>
);

async function logout(): Promise<void> {
  const s = session();
  if (s) await call('raLogout', s.serialHex);
  setSession(undefined);
  await refresh();
  navigate('/service/ra/sys');
}

const LOGIN_HELP: Text[] = [
  { ja: '選択した登録担当者用証明書が適切な証明書か再度確認してください。それでも問題が解決しない場合、サービス窓口へ登録担当者用証明書の再発行を依頼してください。', en: 'Check that you chose the right RA operator certificate. If that does not help, ask the service desk to reissue it.' },
  { ja: '登録担当者用証明書は、サブジェクトに「L=Academe-ops」が固定値で設定されていることから判別可能です。', en: 'The RA operator certificate is the one with the fixed value “L=Academe-ops” in its subject.' },
  { ja: 'もし、証明書選択画面で個人認証用証明書を選択した場合は、アクセス権限がないためログインできません。その場合は、一旦、ブラウザを閉じて開き直し、登録担当者用証明書を選択すればログイン可能になります。', en: 'A personal certificate has no access rights; close and reopen the browser and choose the RA operator certificate.' },
];

const Login: Component = () => {
  const [chosen, setChosen] = createSignal<string>();
  const [failure, setFailure] = createSignal<Text>();
  onMount(() => void reloadBrowserCerts());
  const ok = async () => {
    const cert = browserCerts().find((c) => c.id === chosen());
    if (!cert) return;
    const r = await call('raLogin', cert.certificateDer, cert.label);
    await refresh();
    if (r.ok) {
      setFailure(undefined);
      setSession({ serialHex: r.certificate.serialHex, subject: r.certificate.subject });
    } else setFailure(r.message);
  };
  return (
    <Show
      when={!failure()}
      fallback={
        <div class="nii-login-failed" role="alert" data-testid="nii-login-failed">
          <h2>{t('クライアント認証の失敗', 'Client authentication failed')}</h2>
          <p data-testid="nii-login-reason">{tr(failure()!)}</p>
          <details class="svc-help" open>
            <summary>{t('マニュアルの助言（001 §3-2）', "The manual's advice (001 §3-2)")}</summary>
            <For each={LOGIN_HELP}>{(h) => <p>{tr(h)}</p>}</For>
          </details>
          <button type="button" class="secondary" onClick={() => setFailure(undefined)}>
            {t('ブラウザを開き直して、もう一度', 'Reopen the browser and try again')}
          </button>
        </div>
      }
    >
      <div class="nii-login" data-testid="nii-login">
        <p>
          {t('本システムURL（模擬）: ', 'System URL (simulated): ')}
          <span class="mono">https://upki-sim.invalid/upki-odcert/lra/SSLLogin.do</span>
        </p>
        <p>{t('クライアント認証のための証明書を選択し、[OK]を押してください。', 'Choose the certificate for client authentication and press [OK].')}</p>
        <CertificatePicker chosen={chosen()} onChoose={setChosen} />
        <button type="button" data-testid="nii-login-ok" data-guide="ra-upload" disabled={!chosen()} onClick={() => void ok()}>
          OK
        </button>
      </div>
    </Show>
  );
};
