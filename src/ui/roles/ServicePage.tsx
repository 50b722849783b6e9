// 模擬サービス: NII's service as its people meet it. A role switch that is always visible (with each
// role's unread mail count), and that role's screens — all views of the one simulated RA in the worker.
// Paths: #/service/<role>[/url/<token> | /sys/<screen>].
import { For, Match, Show, Switch, onCleanup, onMount, type Component } from 'solid-js';
import type { RouteProps } from '../app/routes';
import { href } from '../app/router';
import { t, tr } from '../i18n';
import { refresh, view } from '../ra/ra-store';
import { RaNotices } from '../ra/RaNotices';
import '../ra/ra.css';
import './roles.css';
import { AdminPage } from './admin/AdminPage';
import { DeskPage } from './desk/DeskPage';
import { PinPage } from './pin/PinPage';
import { RaRolePage } from './ra/RaRolePage';
import { JPNIC_ROLES, ROLES, chosenUser, unreadCount, userAddresses, type RoleId } from './roles';
import { UrlPage } from './shared/UrlPage';
import { TrainerRole } from './trainer/TrainerRole';
import { UserPage } from './user/UserPage';

const ServicePage: Component<RouteProps> = (props) => {
  const role = (): RoleId => ROLES.find((r) => r.id === props.rest[0])?.id ?? 'trainer';
  const rest = () => props.rest.slice(1);
  const user = () => chosenUser() ?? (view() ? userAddresses(view()!)[0] : undefined);
  onMount(() => void refresh());
  const onVisible = () => document.visibilityState === 'visible' && void refresh();
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));
  return (
    <section class="svc-page ra-page">
      <div class="svc-rolebar" role="navigation" aria-label={t('役割の切り替え', 'Switch role')} data-testid="svc-rolebar">
        <span class="svc-rolebar-label">{t('役割:', 'Role:')}</span>
        <For each={ROLES}>
          {(r) => (
            <a href={href(`/service/${r.id}`)} aria-current={role() === r.id ? 'page' : undefined} data-testid={`svc-role-${r.id}`}>
              {tr(r.name)}
              <Show when={view() && r.id !== 'trainer' && r.id !== 'desk' && unreadCount(view()!, r.id, user()) > 0}>
                <span class="svc-unread" data-testid={`svc-unread-${r.id}`} aria-label={t('未読', 'unread')}>
                  {unreadCount(view()!, r.id, user())}
                </span>
              </Show>
            </a>
          )}
        </For>
        {/* JPNIC's people join the same switch: their screens and mailboxes are on the JPNIC service's page. */}
        <span class="svc-rolebar-label">{t('JPNIC:', 'JPNIC:')}</span>
        <For each={JPNIC_ROLES}>
          {(r) => (
            <a href={href(`/jpnic/${r.id}`)} data-testid={`svc-role-jpnic-${r.id}`}>
              {tr(r.name)}
            </a>
          )}
        </For>
      </div>
      <p class="hint">{tr(ROLES.find((r) => r.id === role())!.duty)}</p>
      <RaNotices testId="svc-notice" />
      <Show when={view()} fallback={<p class="loading" role="status">{t('模擬サービスを準備中…', 'Preparing the simulated service…')}</p>}>
        <Switch>
          <Match when={rest()[0] === 'url' && rest()[1]}>
            <UrlPage role={role()} token={rest()[1]} />
          </Match>
          <Match when={role() === 'admin'}>
            <AdminPage />
          </Match>
          <Match when={role() === 'ra'}>
            <RaRolePage rest={rest()} />
          </Match>
          <Match when={role() === 'user'}>
            <UserPage />
          </Match>
          <Match when={role() === 'pin'}>
            <PinPage />
          </Match>
          <Match when={role() === 'desk'}>
            <DeskPage />
          </Match>
          <Match when={role() === 'trainer'}>
            <TrainerRole />
          </Match>
        </Switch>
      </Show>
    </section>
  );
};

export default ServicePage;
