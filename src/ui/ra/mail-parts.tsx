// The parts both mail views show: the #/ra outbox (MailPanel.tsx) and a role's inbox (roles/shared/Mailbox.tsx) —
// the list's table (each view draws its own cells between time and recipients), the body with its one-time URLs
// (each view decides what a URL does) and the attachments, which download as files.
import { For, Show, type Accessor, type Component, type JSX } from 'solid-js';
import { t } from '../i18n';
import type { LinkState, LinkView, MailView } from '../../workers/ra-api';
import { call } from './ra-client';
import { act, jst, saveFile } from './ra-store';

/**
 * The list of mails as a table under `columns`' headings (Japanese, English): a row a mail, its time first and its
 * recipients last, the view's own `cells` (the subject that opens it, …) between them.
 */
export const MailTable: Component<{
  testId: string;
  columns: readonly (readonly [string, string])[];
  mails: readonly MailView[];
  rowClass: (m: MailView) => Record<string, boolean>;
  cells: (m: MailView) => JSX.Element;
}> = (props) => (
  <table class="ra-mail-list" data-testid={props.testId}>
    <thead>
      <tr>
        <For each={props.columns}>{([ja, en]) => <th scope="col">{t(ja, en)}</th>}</For>
      </tr>
    </thead>
    <tbody>
      <For each={props.mails}>
        {(m) => (
          <tr classList={props.rowClass(m)}>
            <td class="mono">{jst(m.at)}</td>
            {props.cells(m)}
            <td>{m.to.join(', ')}</td>
          </tr>
        )}
      </For>
    </tbody>
  </table>
);

/** A one-time URL's state, as shown after it: Japanese, English. */
export const LINK_STATE: Record<LinkState, readonly [string, string]> = {
  open: ['未使用', 'not used yet'],
  used: ['使用済み', 'used'],
  expired: ['期限切れ', 'expired'],
  'pins-first': ['アクセスPIN取得後に有効', 'works after the PINs were fetched'],
  unknown: ['無効', 'not valid'],
};

/** The body line by line; a line holding one of the mail's URLs is drawn by `link`. */
export const MailBody: Component<{ mail: MailView; testId?: string; link: (line: string, link: Accessor<LinkView>) => JSX.Element }> = (props) => {
  const linkOf = (line: string) => props.mail.links.find((l) => line.includes(l.url));
  return (
    <div class="ra-mail-body" lang="ja" data-testid={props.testId}>
      <For each={props.mail.body.split('\n')}>
        {(line) => (
          // Lines are keyed by their text; the link is passed as an accessor so that its state stays reactive as
          // the view refreshes.
          <Show when={linkOf(line)} fallback={<div class="ra-mail-line">{line || '\u00a0'}</div>}>
            {(link) => props.link(line, link)}
          </Show>
        )}
      </For>
    </div>
  );
};

/** The attachments under `heading`, each a button that saves the file. */
export const MailAttachments: Component<{ mail: MailView; testId: string; heading: JSX.Element }> = (props) => (
  <Show when={props.mail.attachments.length > 0}>
    {props.heading}
    <ul>
      <For each={props.mail.attachments}>
        {(a) => (
          <li>
            <button type="button" class="link-button" data-testid={props.testId} onClick={() => act(async () => saveFile(await call('attachment', a.fileId, a.fileName, a.contentType)))}>
              {a.fileName}
            </button>
          </li>
        )}
      </For>
    </ul>
  </Show>
);
