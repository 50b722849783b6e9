// アクセスPIN配付者 (P12一括, 003 §3-2-2): the access-PIN URLs the RA operator received and handed over;
// fetch clientAllPin.zip before the administrator opens the certificate URL, then give the PINs out.
import type { Component } from 'solid-js';
import { t } from '../../i18n';
import { Mailbox } from '../shared/Mailbox';

export const PinPage: Component = () => (
  <>
    <p class="hint">
      {t(
        '登録担当者から受け取ったアクセスPIN取得URL（P12一括）です。利用管理者が証明書取得URLへアクセスする前に、アクセスPINを取得してください。',
        'The access-PIN URLs (P12 bulk) the RA operator handed over. Fetch the PINs before the administrator opens the certificate URL.',
      )}
    </p>
    <Mailbox role="pin" />
  </>
);
