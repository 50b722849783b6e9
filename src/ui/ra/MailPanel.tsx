// The mail outbox (the training core): every mail the simulated RA sent, newest first; open one to
// read it. Its one-time URLs are buttons that perform the simulated download here in the page (each
// download sends the next mail, as the real system does); attachments download as files.
import { Show, createMemo, createSignal, type Component } from 'solid-js';
import { Pager, createPages } from '../components/Pager';
import type { LinkView, MailView } from '../../workers/ra-api';
import { href } from '../app/router';
import { t } from '../i18n';
import { LINK_STATE, MailAttachments, MailBody, MailTable } from './mail-parts';
import { call } from './ra-client';
import { act, jst, refresh, saveFile, setNotice, view } from './ra-store';

/** The server certificate just downloaded: its install kit is offered right there (ra/install.ts). */
const [kitFor, setKitFor] = createSignal<string>();

async function openLink(link: LinkView, pin?: string): Promise<void> {
  await act(async () => {
    const result = await call('openLink', link.token, pin);
    if (result.ok) {
      saveFile({ fileName: result.fileName, contentType: result.contentType, bytes: result.bytes });
      setKitFor(result.fileName === 'server.crt' ? result.serialsHex[0] : undefined);
      setNotice({
        kind: 'ok',
        text: { ja: `${result.fileName} をダウンロードしました（模擬）。`, en: `Downloaded ${result.fileName} (simulated).` },
      });
    } else {
      setNotice({ kind: 'error', text: result.message });
    }
    await refresh();
  });
}

const COLUMNS = [
  ['日時', 'Time'],
  ['件名', 'Subject'],
  ['対象証明書 (CN)', 'Certificate (CN)'],
  ['宛先', 'To'],
] as const;

export const MailPanel: Component = () => {
  const [selectedId, setSelectedId] = createSignal<string>();
  const mails = () => view()?.mails ?? [];
  const pages = createPages(mails);
  const selected = createMemo(() => mails().find((m) => m.id === selectedId()));

  return (
    <section class="ra-mail" aria-labelledby="ra-mail-title">
      <h2 id="ra-mail-title">{t('送信メール', 'Mail outbox')}</h2>
      <p class="hint">
        {t(
          '模擬RAが送信したメールです（実際には送信されません）。URLを押すと、受信者がそのURLを開いた場合と同じ処理をこの画面で行います。',
          'Mails the simulated RA sent (nothing is really sent). Pressing a URL does here what opening it would do for its recipient.',
        )}
      </p>
      <Show when={mails().length > 0} fallback={<p>{t('メールはまだありません。', 'No mails yet.')}</p>}>
        <Pager pages={pages} testId="ra-mail-pager" />
        <MailTable
          testId="ra-mail-list"
          columns={COLUMNS}
          mails={pages.slice()}
          rowClass={(m) => ({ selected: m.id === selectedId() })}
          cells={(m) => (
            <>
              <td>
                <button type="button" class="link-button" data-testid="ra-mail-subject" onClick={() => setSelectedId(m.id)}>
                  {m.subject}
                </button>
                <Show when={m.attachments.length > 0}>
                  <span class="hint"> 📎</span>
                </Show>
              </td>
              {/* Several servers' mails share subjects and server.crt: the CN tells them apart. */}
              <td class="mono" data-testid="ra-mail-cert">
                {m.certificateCn ?? ''}
              </td>
            </>
          )}
        />
      </Show>
      <Show when={kitFor()}>
        {(serialHex) => (
          <p class="ra-install-kit" data-testid="ra-install-kit-offer">
            {t(
              'server.crt はサーバ証明書だけです。サーバには中間CA証明書と合わせた fullchain.pem を設定します（ルートCAは含めない）:',
              'server.crt is the certificate alone; servers are configured with fullchain.pem, which adds the intermediate (never the root):',
            )}{' '}
            <button type="button" class="secondary" data-testid="ra-install-kit" onClick={() => act(async () => saveFile(await call('installKit', serialHex())))}>
              {t('設置キット（チェーン・nginx/Apache/IIS 設定例）', 'Install kit (chain, nginx / Apache / IIS)')}
            </button>
          </p>
        )}
      </Show>
      <Show when={selected()}>{(m) => <MailReader mail={m()} />}</Show>
    </section>
  );
};

const MailReader: Component<{ mail: MailView }> = (props) => {
  return (
    <article class="ra-mail-reader" data-testid="ra-mail-reader" aria-label={props.mail.subject}>
      <h3>{props.mail.subject}</h3>
      <dl class="ra-mail-head">
        <dt>{t('日時', 'Date')}</dt>
        <dd>{jst(props.mail.at)}</dd>
        <dt>{t('宛先', 'To')}</dt>
        <dd>{props.mail.to.join(', ')}</dd>
        <Show when={props.mail.signed}>
          <dt>{t('署名', 'Signature')}</dt>
          <dd>{t('実際のシステムでは電子署名付き（模擬では署名なし）', 'Signed by the real system (not by the simulator)')}</dd>
        </Show>
      </dl>
      <MailBody mail={props.mail} link={(line, link) => <MailLinkLine line={line} link={link()} />} />
      <MailAttachments mail={props.mail} testId="ra-mail-attachment" heading={<h4>{t('添付ファイル', 'Attachments')}</h4>} />
    </article>
  );
};

/** One body line holding a URL: the text before it, the URL as a button, and the URL's state. */
const MailLinkLine: Component<{ line: string; link: LinkView }> = (props) => {
  const [pin, setPin] = createSignal('');
  const before = () => props.line.slice(0, props.line.indexOf(props.link.url));
  const state = () => LINK_STATE[props.link.state];
  // Method 3 (ブラウザ発行) needs the user's page: it makes the key there and saves a P12 under the
  // user's passphrase (a bare client.crt is of no use to a browser). The URL opens that page.
  const browserIssue = () => props.link.purpose === 'client-cert' && props.link.needsPin;
  return (
    <div class="ra-mail-line">
      {before()}
      <Show
        when={!browserIssue()}
        fallback={
          <a href={href(`/service/user/url/${props.link.token}`)} class="mono" data-testid="ra-mail-link" data-purpose={props.link.purpose ?? ''}>
            {props.link.url}
          </a>
        }
      >
        <button
          type="button"
          class="link-button mono"
          data-testid="ra-mail-link"
          data-purpose={props.link.purpose ?? ''}
          disabled={props.link.needsPin && pin() === ''}
          onClick={() => openLink(props.link, props.link.needsPin ? pin() : undefined)}
        >
          {props.link.url}
        </button>
      </Show>{' '}
      <span class="ra-link-state" classList={{ [`state-${props.link.state}`]: true }}>
        {t(`（${state()[0]}）`, `(${state()[1]})`)}
      </span>
      <Show when={browserIssue() && props.link.state === 'open'}>
        <div class="hint">
          {t('（ブラウザ発行: 利用者のページで鍵ペアを作成し、パスフレーズで保護したP12を保存します）', '(browser issuance: the user\'s page makes the key pair and saves a P12 protected by a passphrase)')}
        </div>
      </Show>
      <Show when={props.link.needsPin && !browserIssue() && props.link.state === 'open'}>
        <div class="ra-pin-form">
          <label>
            {t('アクセスPIN', 'Access PIN')}{' '}
            <input type="text" autocomplete="off" spellcheck={false} value={pin()} onInput={(e) => setPin(e.currentTarget.value.trim())} />
          </label>
        </div>
      </Show>
    </div>
  );
};
