// The page behind a one-time URL from a mail, as its recipient's browser shows it: the server
// certificate download, the access-PIN zip, clientAll.zip, a user's P12 (method 1), browser issuance
// (method 3, ブラウザ発行) and the RA operator's own certificate (new/lost with the access PIN, renewal
// with the current certificate). Everything happens in this browser; nothing is sent anywhere.
import { Match, Show, Switch, createMemo, type Component } from 'solid-js';
import type { LinkView } from '../../../workers/ra-api';
import { t, tr } from '../../i18n';
import { call } from '../../ra/ra-client';
import { act, refresh, saveFile, setNotice, view } from '../../ra/ra-store';
import type { RoleId } from '../roles';
import { BrowserIssue } from '../user/BrowserIssue';
import { OperatorCertificatePage } from '../ra/OperatorCertificatePage';

export function findLink(token: string): LinkView | undefined {
  for (const m of view()?.mails ?? []) {
    const l = m.links.find((x) => x.token === token);
    if (l) return l;
  }
  return undefined;
}

const TITLES: Record<string, [string, string]> = {
  'server-cert': ['サーバ証明書ダウンロード画面', 'Server certificate download'],
  pin: ['アクセスPIN取得画面', 'Access PIN download'],
  'client-all': ['クライアント証明書ダウンロード画面（P12一括）', 'Client certificates download (P12 bulk)'],
  'client-cert': ['クライアント証明書ダウンロード画面', 'Client certificate download'],
};

/** A plain download URL: one [ダウンロード] button, the file, and the engine's refusal when there is one. */
const DownloadPage: Component<{ link: LinkView }> = (props) => {
  const title = () => TITLES[props.link.purpose ?? ''] ?? ['', ''];
  const download = () =>
    // eslint-disable-next-line solid/reactivity -- act() runs it as a button's action
    act(async () => {
      const r = await call('openLink', props.link.token);
      if (r.ok) {
        saveFile({ fileName: r.fileName, contentType: r.contentType, bytes: r.bytes });
        setNotice({ kind: 'ok', text: { ja: `${r.fileName} を保存しました。`, en: `Saved ${r.fileName}.` } });
      } else setNotice({ kind: 'error', text: r.message });
      await refresh();
    });
  return (
    <section class="svc-url-page" data-testid="svc-url-page">
      <h2>●{t(title()[0], title()[1])}</h2>
      <p>{t('[ダウンロード]を押して、ファイルを保存してください。', 'Press [Download] and save the file.')}</p>
      <button type="button" data-testid="svc-url-download" data-guide="mail-link" data-purpose={props.link.purpose ?? ''} onClick={download}>
        {t('ダウンロード', 'Download')}
      </button>
    </section>
  );
};

export const UrlPage: Component<{ role: RoleId; token: string }> = (props) => {
  const link = createMemo(() => findLink(props.token));
  return (
    <div class="svc-url">
      <p class="hint">
        {t('ワンタイムURL（模擬）: ', 'One-time URL (simulated): ')}
        <span class="mono">{link()?.url ?? props.token}</span>
      </p>
      <Show when={link()} fallback={<p class="notice notice-error" role="alert">{t('このURLは無効です。', 'This URL is not valid.')}</p>}>
        {(l) => (
          <Switch fallback={<DownloadPage link={l()} />}>
            {/* Pages that finish with their own completion screen (method 3, RA operator) say "used" themselves. */}
            <Match when={l().state === 'used' && l().purpose !== 'ra-operator' && !l().needsPin}>
              <p class="notice notice-error" role="alert" data-testid="svc-url-used">
                {tr({ ja: 'このURLはすでに使用されています（ワンタイムURL）。', en: 'This one-time URL has already been used.' })}
              </p>
            </Match>
            <Match when={l().purpose === 'ra-operator'}>
              <OperatorCertificatePage link={l()} />
            </Match>
            <Match when={l().purpose === 'client-cert' && l().needsPin}>
              <BrowserIssue link={l()} role={props.role} />
            </Match>
          </Switch>
        )}
      </Show>
    </div>
  );
};
