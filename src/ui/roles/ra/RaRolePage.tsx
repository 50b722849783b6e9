// 登録担当者: the mailbox (URLs, download notices, the RA operator certificate mails) and NII's RA system.
import { type Component } from 'solid-js';
import { href } from '../../app/router';
import { t } from '../../i18n';
import { Mailbox } from '../shared/Mailbox';
import { RaSystem } from './RaSystem';

export const RaRolePage: Component<{ rest: string[] }> = (props) => (
  <>
    <nav class="ra-subtabs" aria-label={t('登録担当者の画面', 'RA operator screens')}>
      <a href={href('/service/ra/sys')} aria-current={props.rest[0] === 'sys' ? 'page' : undefined} data-testid="svc-ra-system" data-guide={props.rest[0] === 'sys' ? undefined : 'ra-upload'}>
        {t('RAシステム（証明書でログイン）', 'RA system (certificate login)')}
      </a>
      <a href={href('/service/ra')} aria-current={props.rest[0] !== 'sys' ? 'page' : undefined} data-testid="svc-ra-mail">
        {t('受信箱', 'Inbox')}
      </a>
    </nav>
    {props.rest[0] === 'sys' ? <RaSystem screen={props.rest[1]} /> : <Mailbox role="ra" />}
  </>
);
