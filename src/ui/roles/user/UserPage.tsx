// 利用者: pick which user you play (every address that was sent a personal certificate URL), then
// their mailbox; the URL in their mail opens the method 1 download or the method 3 browser issuance.
import { For, Show, type Component } from 'solid-js';
import { t } from '../../i18n';
import { view } from '../../ra/ra-store';
import { Mailbox } from '../shared/Mailbox';
import { chosenUser, setChosenUser, userAddresses } from '../roles';

export const UserPage: Component = () => {
  const users = () => (view() ? userAddresses(view()!) : []);
  const current = () => chosenUser() ?? users()[0];
  return (
    <Show when={users().length > 0} fallback={<p data-testid="svc-no-users">{t('まだ利用者宛のメールはありません（クライアント証明書の方法1・3の申請後に届きます）。', 'No user has mail yet (it comes after a client application with method 1 or 3).')}</p>}>
      <UserPicker users={users()} current={current()} />
      <Mailbox role="user" user={current()} />
    </Show>
  );
};

export const UserPicker = (props: { users: string[]; current: string | undefined }) => (
  <label class="svc-field">
    {t('どの利用者として操作しますか', 'Which user are you')}{' '}
    <select data-testid="svc-user-pick" value={props.current ?? ''} onChange={(e) => setChosenUser(e.currentTarget.value)}>
      <For each={props.users}>{(u) => <option value={u}>{u}</option>}</For>
    </select>
  </label>
);
