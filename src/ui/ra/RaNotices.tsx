// The simulated RA's page notice (dismissable) and its "could not be opened" alert, shared by #/ra and #/service.
import { Show, type Component, type JSX } from 'solid-js';
import { t, tr } from '../i18n';
import { loadError, notice, setNotice } from './ra-store';

/** `children`: shown under the alert when the state cannot be opened (the way back: restore or reset). */
export const RaNotices: Component<{ testId: string; children?: JSX.Element }> = (props) => (
  <>
    <div aria-live="polite" data-testid={props.testId}>
      <Show when={notice()}>
        {(n) => (
          <div class="notice" classList={{ 'notice-ok': n().kind === 'ok', 'notice-error': n().kind === 'error' }}>
            {tr(n().text)}{' '}
            <button type="button" class="secondary" onClick={() => setNotice(undefined)}>
              {t('閉じる', 'Dismiss')}
            </button>
          </div>
        )}
      </Show>
    </div>
    <Show when={loadError()}>
      <div class="notice notice-error" role="alert">
        {t('模擬RAを開けませんでした: ', 'The simulated RA could not be opened: ')}
        {loadError()}
      </div>
      {props.children}
    </Show>
  </>
);
