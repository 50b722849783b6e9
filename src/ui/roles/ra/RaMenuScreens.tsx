// The RA system's other menu screens (001 §3-3, 002 §1-4): the three information downloads, 利用管理者情報
// 更新 (the engine then mails the new address), 発行証明書統計照会 as a table (domain / profile / month)
// besides its file, 許可リスト一括ダウンロード, and the タイムスタンプURL page (static).
import { For, Index, Show, createResource, createSignal, type Component } from 'solid-js';
import type { CertificateListKind } from '../../../ra/reports';
import { CERT_STATUS, type CertStatusCode } from '../../../ra/types';
import type { Text } from '../../../spec/types';
import { t, tr } from '../../i18n';
import { call } from '../../ra/ra-client';
import { act, refresh, saveFile, view } from '../../ra/ra-store';

const LIST_TITLES: Record<CertificateListKind, [Text, Text]> = {
  server: [
    { ja: '●サーバ証明書 証明書情報一括ダウンロード画面', en: '● Server certificates: download certificate information' },
    { ja: '貴機関が申請を行ったサーバ証明書情報を、全てダウンロードします。', en: 'Downloads every server certificate your institution applied for.' },
  ],
  client: [
    { ja: '●クライアント証明書 証明書情報一括ダウンロード画面', en: '● Client certificates: download certificate information' },
    { ja: '貴機関が申請を行ったクライアント証明書情報を、全てダウンロードします。', en: 'Downloads every client certificate your institution applied for.' },
  ],
  all: [
    { ja: '●利用管理者情報 全証明書情報一括ダウンロード画面', en: '● Administrator information: download all certificate information' },
    { ja: '貴機関が申請を行った全ての証明書情報（利用管理者情報を含む）を、ダウンロードします。', en: 'Downloads all certificate information of your institution, with the administrators.' },
  ],
};

export const ListDownloadScreen: Component<{ kind: CertificateListKind }> = (props) => (
  <section data-testid={`nii-list-${props.kind}`}>
    <h2>{tr(LIST_TITLES[props.kind][0])}</h2>
    <p>{tr(LIST_TITLES[props.kind][1])}</p>
    <p>{t('ダウンロードボタンを押して、ダウンロード先を指定して下さい。', 'Press the download button and choose where to save.')}</p>
    {/* eslint-disable-next-line solid/reactivity -- act() runs it as the button's action */}
    <button type="button" data-testid="nii-list-download" onClick={() => act(async () => saveFile(await call('certificateList', props.kind)))}>
      ダウンロード
    </button>
  </section>
);

/** 利用管理者情報 更新: the institution's administrators; a changed address is used for later mails. */
export const AdminUpdateScreen: Component = () => {
  const admins = () => view()?.institutions[0]?.admins ?? [];
  const [message, setMessage] = createSignal<{ ok: boolean; text: Text }>();
  return (
    <section data-testid="nii-admin-update">
      <h2>●{t('利用管理者情報 更新画面', 'Administrator information: update')}</h2>
      <p class="hint">
        {t(
          '利用管理者の氏名・メールアドレスを更新します。更新後の失効完了通知・再通知などのメールは新しいアドレスへ送信されます。',
          'Update an administrator’s name and mail. Later mails (revocation notices, reminders) go to the new address.',
        )}
      </p>
      <table class="ra-table">
        <thead>
          <tr>
            <th scope="col">{t('氏名', 'Name')}</th>
            <th scope="col">{t('メールアドレス', 'Mail address')}</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          <Index each={admins()}>
            {(a) => {
              // eslint-disable-next-line solid/reactivity -- the row's inputs start from the stored values
              const [name, setName] = createSignal(a().name);
              // eslint-disable-next-line solid/reactivity -- as above
              const [mail, setMail] = createSignal(a().mail);
              return (
                <tr>
                  <td>
                    <input type="text" aria-label={t('氏名', 'Name')} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
                  </td>
                  <td>
                    <input type="email" aria-label={t('メールアドレス', 'Mail address')} data-testid="nii-admin-mail" value={mail()} onInput={(e) => setMail(e.currentTarget.value)} />
                  </td>
                  <td>
                    <button
                      type="button"
                      data-testid="nii-admin-save"
                      onClick={() =>
                        // eslint-disable-next-line solid/reactivity -- act() runs it as the button's action
                        act(async () => {
                          const r = await call('updateAdministrator', a().mail, { name: name(), mail: mail() });
                          setMessage(r.ok ? { ok: true, text: { ja: '更新しました。', en: 'Updated.' } } : { ok: false, text: r.error });
                          await refresh();
                        })
                      }
                    >
                      {t('更新', 'Update')}
                    </button>
                  </td>
                </tr>
              );
            }}
          </Index>
        </tbody>
      </table>
      <Show when={message()}>
        <p class="notice" classList={{ 'notice-ok': message()!.ok, 'notice-error': !message()!.ok }} role="status" data-testid="nii-admin-message">
          {tr(message()!.text)}
        </p>
      </Show>
    </section>
  );
};

/** 発行証明書統計照会 on screen: per domain, profile and month of issue (JST), by 状態 — counted in the worker. */
export const StatisticsScreen: Component = () => {
  // Asked again at every refresh of the view (a new upload, a revocation, a clock move).
  const [rows] = createResource(view, () => call('certificateStatistics'), { initialValue: [] });
  const codes: CertStatusCode[] = [4, 5, 6, 7];
  return (
    <section data-testid="nii-stats">
      <h2>●{t('発行証明書統計照会画面', 'Issued certificate statistics')}</h2>
      <p>{t('各ドメインごとに発行状況の統計を表示します。', 'Issuance statistics per domain.')}</p>
      <Show when={rows().length > 0} fallback={<p>{t('発行済みの証明書はありません。', 'No certificates issued yet.')}</p>}>
        <table class="ra-table" data-testid="nii-stats-table">
          <thead>
            <tr>
              <th scope="col">{t('ドメイン', 'Domain')}</th>
              <th scope="col">{t('プロファイル', 'Profile')}</th>
              <th scope="col">{t('発行月', 'Month')}</th>
              <For each={codes}>{(c) => <th scope="col">{tr(CERT_STATUS[c])}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <td class="mono">{r.domain}</td>
                  <td>{r.profile}</td>
                  <td class="mono">{r.month}</td>
                  <For each={codes}>{(c) => <td>{r.counts[c]}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <button type="button" onClick={() => act(async () => saveFile(await call('statistics')))}>
        ダウンロード
      </button>
    </section>
  );
};

export const AllowListScreen: Component = () => {
  const list = () => Object.entries(view()?.institutions[0]?.ouAllowList ?? {});
  return (
    <section data-testid="nii-allow-list">
      <h2>●{t('許可リスト一括ダウンロード画面', 'Download the allow-list')}</h2>
      <p>{t('各ドメインごとに許可されたサーバ証明書で指定可能な「OU」を表示します。', 'The OUs each domain may use in server certificates.')}</p>
      <p class="hint">{t('※ サーバ証明書のOUは2022年7月26日に廃止されました（参考情報）。', '※ Server certificate OUs were abolished on 2022-07-26 (for reference).')}</p>
      <ul>
        <For each={list()}>{([domain, ous]) => <li class="mono">{domain}: {ous.join(', ') || '—'}</li>}</For>
      </ul>
      <button type="button" onClick={() => act(async () => saveFile(await call('ouAllowList')))}>
        ダウンロード
      </button>
    </section>
  );
};

export const TimestampScreen: Component = () => (
  <section data-testid="nii-timestamp">
    <h2>●{t('タイムスタンプURL画面', 'Time-stamp URL')}</h2>
    <p>{t('タイムスタンプクライアント(例 SigntoolやAcrobat)で利用可能なタイムスタンプURLです。', 'The time-stamp URL for time-stamp clients (e.g. Signtool, Acrobat).')}</p>
    <p class="mono">https://upki-sim.invalid/tsa</p>
    <p class="hint">{t('模擬: このシミュレータにタイムスタンプ局はありません。実際のURLはNIIの画面で確認してください。', 'Simulated: there is no time-stamp authority here; the real URL is on NII’s screen.')}</p>
  </section>
);
