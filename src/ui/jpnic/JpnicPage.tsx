// #/jpnic: the simulated JPNIC resource-certificate service, with its own role selector (資源管理者 /
// 資源申請者 / トレーナー; the role is the sub-path) — a role changes what is shown, not what is true.
import { For, Match, Show, Switch, onCleanup, onMount, type Component } from 'solid-js';
import type { RouteProps } from '../app/routes';
import { href } from '../app/router';
import { t, tr } from '../i18n';
import { ApplicantView } from './ApplicantView';
import { ManagerView } from './ManagerView';
import { TrainerView } from './TrainerView';
import { loadError, notice, refresh, setNotice, view } from './jpnic-store';
import './jpnic.css';

const ROLES = [
  { id: 'manager', ja: '資源管理者', en: 'Resource manager' },
  { id: 'applicant', ja: '資源申請者', en: 'Resource applicant' },
  { id: 'trainer', ja: 'トレーナー', en: 'Trainer' },
] as const;

const JpnicPage: Component<RouteProps> = (props) => {
  const role = () => ROLES.find((r) => r.id === props.rest[0])?.id ?? 'manager';
  onMount(() => void refresh());
  const onVisible = () => document.visibilityState === 'visible' && void refresh();
  document.addEventListener('visibilitychange', onVisible);
  onCleanup(() => document.removeEventListener('visibilitychange', onVisible));
  return (
    <section class="jp-page">
      <h1>{t('模擬JPNIC 資源申請者証明書', 'Simulated JPNIC resource certificates')}</h1>
      <p class="hint">
        {t('JPNIC の資源管理者証明書・資源申請者証明書の発行・失効・再発行を練習する模擬サービスです。すべてこのブラウザの中だけで動き、実在の JPNIC とは通信しません（証明書は訓練用「NOT TRUSTED」）。',
          'A training copy of JPNIC’s resource-certificate service: issue, revoke and reissue. Everything runs in this browser; nothing talks to the real JPNIC (certificates are training-only, “NOT TRUSTED”).')}
      </p>
      <nav class="jp-roles" aria-label={t('役割', 'Role')}>
        <For each={ROLES}>
          {(r) => <a href={href(`/jpnic/${r.id}`)} aria-current={role() === r.id ? 'page' : undefined} data-testid={`jp-role-${r.id}`}>{t(r.ja, r.en)}</a>}
        </For>
        {/* Back to the UPKI service's people: one switch across both simulated services. */}
        <a href={href('/service/trainer')} class="jp-role-upki" data-testid="jp-role-upki">{t('UPKIの役割へ', 'UPKI roles')}</a>
      </nav>
      <div aria-live="polite" data-testid="jp-notice">
        <Show when={notice()}>
          {(n) => (
            <div class="notice" classList={{ 'notice-ok': n().kind === 'ok', 'notice-error': n().kind === 'error' }}>
              {tr(n().text)} <button type="button" class="secondary" onClick={() => setNotice(undefined)}>{t('閉じる', 'Dismiss')}</button>
            </div>
          )}
        </Show>
      </div>
      <Show when={loadError()}>
        <div class="notice notice-error" role="alert">{t('模擬JPNICを開けませんでした: ', 'Could not open the simulated JPNIC: ')}{loadError()}</div>
      </Show>
      <Show when={view()} fallback={<p data-testid="jp-loading">{t('準備中（初回は訓練用認証局を作成します）…', 'Preparing (the first time creates the training CAs)…')}</p>}>
        <Switch>
          <Match when={role() === 'manager'}><ManagerView /></Match>
          <Match when={role() === 'applicant'}><ApplicantView /></Match>
          <Match when={role() === 'trainer'}><TrainerView /></Match>
        </Switch>
      </Show>
    </section>
  );
};

export default JpnicPage;
