// 利用管理者: the mailbox (certificate and access-PIN URLs, download notices, reminders), the tools they
// use to make a TSV (keys and CSR, the builder, the validator), and sending the file to the RA operator
// (002 §1-1-2: by mail; here a simulated mail with the file attached).
import { Show, createSignal, type Component } from 'solid-js';
import { href } from '../../app/router';
import { t } from '../../i18n';
import { call } from '../../ra/ra-client';
import { act, refresh, setNotice, view } from '../../ra/ra-store';
import { Mailbox } from '../shared/Mailbox';

export const AdminPage: Component = () => {
  const [file, setFile] = createSignal<File>();
  const send = () =>
    // eslint-disable-next-line solid/reactivity -- act() runs it as a button's action
    act(async () => {
      const f = file();
      const admin = view()?.institutions[0]?.admins[0];
      if (!f) return;
      if (f.size > 10 * 1024 * 1024) {
        setNotice({ kind: 'error', text: { ja: 'ファイルが大きすぎます。', en: 'The file is too large.' } });
        return;
      }
      await call('sendApplicationToRa', f.name, new Uint8Array(await f.arrayBuffer()), { name: admin?.name ?? '', mail: admin?.mail ?? '' });
      setNotice({ kind: 'ok', text: { ja: `${f.name} を登録担当者へ送付しました（模擬メール）。`, en: `Sent ${f.name} to the RA operator (simulated mail).` } });
      await refresh();
    });
  return (
    <>
      <p class="hint">
        {t('申請TSVの作成: ', 'Make an application TSV: ')}
        <a href={href('/keys')}>{t('鍵・CSR', 'Keys & CSR')}</a> → <a href={href('/builder')}>{t('TSV作成', 'Build TSV')}</a> →{' '}
        <a href={href('/validate')}>{t('TSV検証', 'Validate')}</a>
      </p>
      <div class="ra-box" data-testid="svc-admin-send">
        <label>
          {t('申請TSVファイルを登録担当者へ送付', 'Send an application TSV to the RA operator')}{' '}
          <input type="file" accept=".tsv,.txt" data-testid="svc-admin-file" onChange={(e) => setFile(e.currentTarget.files?.[0])} />
        </label>{' '}
        <button type="button" data-testid="svc-admin-send-button" data-guide="admin-send" disabled={!file()} onClick={send}>
          {t('送付', 'Send')}
        </button>
        <Show when={file()}>
          <span class="hint"> {file()!.name}</span>
        </Show>
      </div>
      <Mailbox role="admin" />
    </>
  );
};
