// The shell: header (offline notice, language switch), navigation from the route table, and the current page.
import { ErrorBoundary, Show, Suspense, createEffect, createMemo, lazy, type Component } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { t } from '../i18n';
import { Header } from './Header';
import { Home } from './Home';
import { Nav } from './Nav';
import { currentPath, owns, restOf } from './router';
import { routes } from './routes';
import { activeScenario, sessionStored } from '../training/session-state';
import { panelRoute } from '../training/panel/routes';
import { presenter } from '../training/panel/presenter';

// The training panel (and its practice-file code) loads only when a scenario is being played.
const TrainingPanelHost = lazy(() => import('../training/panel/TrainingPanel'));

// A stored session (a reload mid-scenario) brings the session's code back; a page without one never loads it.
if (sessionStored()) void import('../training/session').then((m) => m.reviveSession());

export const App: Component = () => {
  const match = createMemo(() => routes.find((r) => owns(r.path, currentPath())));
  const withPanel = () => Boolean(activeScenario()) && panelRoute(currentPath());
  createEffect(() => document.documentElement.classList.toggle('presenter', withPanel() && presenter()));
  return (
    <>
      <a class="skip-link" href="#main" onClick={skipToMain}>
        {t('本文へ移動', 'Skip to content')}
      </a>
      <Header />
      <Show when={!(withPanel() && presenter())}>
        <Nav />
      </Show>
      <div class="app-frame" classList={{ 'with-panel': withPanel() }}>
      <main id="main" tabindex="-1">
        <ErrorBoundary fallback={(err: unknown) => <PageError error={err} />}>
          <Suspense fallback={<p class="loading">{t('読み込み中…', 'Loading…')}</p>}>
            <Show when={match()} fallback={currentPath() === '/' ? <Home /> : <NotFound />}>
              {(route) => <Dynamic component={route().component} rest={restOf(route().path, currentPath())} />}
            </Show>
          </Suspense>
        </ErrorBoundary>
      </main>
      <Show when={withPanel()}>
        <Suspense>
          <TrainingPanelHost />
        </Suspense>
      </Show>
      </div>
    </>
  );
};

/** The skip link must not change the hash: the hash is the router's. */
function skipToMain(e: MouseEvent): void {
  e.preventDefault();
  document.getElementById('main')?.focus();
}

const NotFound: Component = () => (
  <section>
    <h1>{t('ページが見つかりません', 'Page not found')}</h1>
    <p>
      <a href="#/">{t('ホームへ戻る', 'Back to home')}</a>
    </p>
  </section>
);

/** A page that throws while rendering must not blank the whole tool. */
const PageError: Component<{ error: unknown }> = (props) => (
  <section role="alert" class="notice notice-error">
    <h1>{t('画面の表示中に問題が発生しました', 'Something went wrong while showing this page')}</h1>
    <pre>{String(props.error instanceof Error ? props.error.message : props.error)}</pre>
  </section>
);
