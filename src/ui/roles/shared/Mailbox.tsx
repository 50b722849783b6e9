// A person's mailbox: their mails newest first with unread marks; a mail opens as a mail (From, To,
// Date, Subject, body, attachments, the signature note) and can be saved as .eml. A URL in a mail opens
// that URL's page for this role — what the recipient's browser would show.
import { Show, createMemo, createSignal, type Component } from 'solid-js';
import type { MailView } from '../../../workers/ra-api';
import { navigate } from '../../app/router';
import { t } from '../../i18n';
import { LINK_STATE, MailAttachments, MailBody, MailTable } from '../../ra/mail-parts';
import { call } from '../../ra/ra-client';
import { act, jst, saveFile, view } from '../../ra/ra-store';
import { FROM_LABEL, isRead, mailsFor, markRead, readerKey, type RoleId } from '../roles';

/** The purposes of a mail's unused one-time URLs (space-separated): the training panel highlights such mails. */
function openPurposes(m: MailView): string {
  return m.links.filter((l) => l.state === 'open').map((l) => l.purpose ?? '').join(' ');
}

const COLUMNS = [
  ['日時', 'Date'],
  ['件名', 'Subject'],
  ['宛先', 'To'],
] as const;

export const Mailbox: Component<{ role: RoleId; user?: string }> = (props) => {
  const [selectedId, setSelectedId] = createSignal<string>();
  const key = () => readerKey(props.role, props.user);
  const mails = () => (view() ? mailsFor(view()!, props.role, props.user) : []);
  const selected = createMemo(() => mails().find((m) => m.id === selectedId()));
  const open = (m: MailView) => {
    setSelectedId(m.id);
    // The trainer reads over everyone's shoulder: that marks nothing as read for them.
    if (props.role !== 'trainer') markRead(key(), m.id);
  };
  return (
    <section class="svc-mailbox" aria-label={t('受信箱', 'Inbox')}>
      <h2>{t('受信箱', 'Inbox')}</h2>
      <Show when={mails().length > 0} fallback={<p data-testid="svc-no-mail">{t('メールはありません。', 'No mail.')}</p>}>
        <MailTable
          testId="svc-mail-list"
          columns={COLUMNS}
          mails={mails()}
          rowClass={(m) => ({ selected: m.id === selectedId(), unread: props.role !== 'trainer' && !isRead(key(), m.id) })}
          cells={(m) => (
            <td>
              <button
                type="button"
                class="link-button"
                data-testid="svc-mail-subject"
                data-guide={openPurposes(m) ? 'mail-link' : undefined}
                data-purpose={openPurposes(m) || undefined}
                onClick={() => open(m)}
              >
                {m.subject}
              </button>
              <Show when={m.certificateCn}>
                <span class="hint"> — {m.certificateCn}</span>
              </Show>
              <Show when={m.attachments.length > 0}>
                <span class="hint" aria-label={t('添付あり', 'has attachments')}> 📎</span>
              </Show>
            </td>
          )}
        />
      </Show>
      <Show when={selected()}>{(m) => <MailReader mail={m()} role={props.role} />}</Show>
    </section>
  );
};

const MailReader: Component<{ mail: MailView; role: RoleId }> = (props) => {
  return (
    <article class="ra-mail-reader" data-testid="svc-mail-reader" aria-label={props.mail.subject}>
      <dl class="ra-mail-head">
        <dt>From</dt>
        <dd>{FROM_LABEL}</dd>
        <dt>To</dt>
        <dd>{props.mail.to.join(', ')}</dd>
        <dt>Date</dt>
        <dd>{jst(props.mail.at)}</dd>
        <dt>Subject</dt>
        <dd data-testid="svc-mail-title">{props.mail.subject}</dd>
      </dl>
      <Show when={props.mail.signed}>
        <p class="svc-signed" data-testid="svc-mail-signed">
          🔏 {t('このメールは電子署名されています（模擬: 実際の署名はありません）', 'This mail is digitally signed (simulated: there is no real signature)')}
        </p>
      </Show>
      <MailBody
        mail={props.mail}
        testId="svc-mail-body"
        link={(line, link) => (
          <div class="ra-mail-line">
            {line.slice(0, line.indexOf(link().url))}
            <a href={`#/service/${props.role}/url/${link().token}`} class="mono" data-testid="svc-mail-link" data-purpose={link().purpose ?? ''} data-guide={link().state === 'open' ? 'mail-link' : undefined}>
              {link().url}
            </a>{' '}
            <span class="ra-link-state">{t(`（${LINK_STATE[link().state][0]}）`, `(${LINK_STATE[link().state][1]})`)}</span>
          </div>
        )}
      />
      <MailAttachments mail={props.mail} testId="svc-mail-attachment" heading={<h3>{t('添付ファイル', 'Attachments')}</h3>} />
      <p>
        {/* eslint-disable-next-line solid/reactivity -- act() runs it as the button's action */}
        <button type="button" class="secondary" data-testid="svc-mail-eml" onClick={() => act(async () => saveFile(await call('eml', props.mail.id)))}>
          {t('.eml で保存', 'Save as .eml')}
        </button>
      </p>
    </article>
  );
};

/** Go to a one-time URL's page (used by the RA operator's own certificate flow, too). */
export function openUrlPage(role: RoleId, token: string): void {
  navigate(`/service/${role}/url/${token}`);
}
