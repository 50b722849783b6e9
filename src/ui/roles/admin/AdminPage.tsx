// 利用管理者: the mailbox (certificate and access-PIN URLs, download notices, reminders) and the tools
// they use before mailing a TSV to the RA operator (keys and CSR, the TSV builder, the validator).
import type { Component } from 'solid-js';
import { href } from '../../app/router';
import { t } from '../../i18n';
import { Mailbox } from '../shared/Mailbox';

export const AdminPage: Component = () => (
  <>
    <p class="hint">
      {t('申請TSVの作成: ', 'Make an application TSV: ')}
      <a href={href('/keys')}>{t('鍵・CSR', 'Keys & CSR')}</a> → <a href={href('/builder')}>{t('TSV作成', 'Build TSV')}</a> →{' '}
      <a href={href('/validate')}>{t('TSV検証', 'Validate')}</a>
      {t('。できたファイルを登録担当者へ渡します（模擬: 登録担当者の画面でアップロード）。', '; then hand the file to the RA operator (simulated: upload it on the RA operator’s screen).')}
    </p>
    <Mailbox role="admin" />
  </>
);
