// The presenter view (a toggle, remembered): large type for the projector, the panel beside the acting role's screen
// (which follows each new step), and a strip with the simulated clock and every role's unread mail count.
import { For, Show, createSignal, type Component } from 'solid-js';
import { t, tr } from '../../i18n';
import { jst, view } from '../../ra/ra-store';
import { ROLES, chosenUser, unreadCount, userAddresses } from '../../roles/roles';

const KEY = 'upki-workbench.training.presenter';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

const [presenter, setPresenterSignal] = createSignal(stored());
export { presenter };

export function setPresenter(on: boolean): void {
  setPresenterSignal(on);
  try {
    if (on) localStorage.setItem(KEY, '1');
    else localStorage.removeItem(KEY);
  } catch {
    /* for this page only */
  }
}

export const PresenterStrip: Component = () => {
  const user = () => chosenUser() ?? (view() ? userAddresses(view()!)[0] : undefined);
  return (
    <Show when={view()}>
      {(v) => (
        <div class="tp-strip" data-testid="tp-strip">
          <p class="tp-clock" data-testid="tp-clock">
            {t('模擬時刻', 'Simulated time')} <strong class="mono">{jst(v().now)}</strong>
            <Show when={v().clockOffsetDays > 0}> (+{v().clockOffsetDays}{t('日', ' days')})</Show>
          </p>
          <ul class="tp-mailcounts" aria-label={t('未読メール数', 'Unread mails')}>
            <For each={ROLES.filter((r) => r.id !== 'trainer' && r.id !== 'desk')}>
              {(r) => (
                <li data-testid={`tp-mailcount-${r.id}`}>
                  ✉ {tr(r.name)} <strong>{unreadCount(v(), r.id, user())}</strong>
                </li>
              )}
            </For>
          </ul>
        </div>
      )}
    </Show>
  );
};
