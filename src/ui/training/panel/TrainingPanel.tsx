// The scenario player's panel beside the app: the current step (who acts, what to do, hints), a button that switches to
// the acting role, the highlighted control (or where to find it), the practice file, the explanation of the step just
// done, the RA's codes of each mistake, back / skip / restart / stop, and the finished screen. It syncs on every RA
// refresh (session.ts) and when the tab comes back into view — never by polling.
import { For, Show, createEffect, createMemo, createSignal, on, onCleanup, onMount, type Component } from 'solid-js';
import { currentStep, finished } from '../../../training/player';
import { ROLE_NAMES, type Scenario, type Step } from '../../../training/scenario';
import type { Text } from '../../../spec/types';
import { navigate } from '../../app/router';
import { lang, t, tr } from '../../i18n';
import { activeScenario, backStep, currentProgress, restartScenario, skipStep, stopScenario, syncScenario } from '../session';
import { GUIDES, ROLE_PATH, guideSelector, roleSegment, uploadKind } from './guides';
import { createHighlight } from './highlight';
import { PracticeButton } from './PracticeButton';
import { PresenterStrip, presenter, setPresenter } from './presenter';
import './panel.css';

/** Japanese first, English beside (the other language, smaller, for mixed rooms). */
const Bi: Component<{ text: Text; testId?: string }> = (props) => (
  <span data-testid={props.testId}>
    {tr(props.text)}
    <span class="tp-other" lang={lang() === 'ja' ? 'en' : 'ja'}>
      {lang() === 'ja' ? props.text.en : props.text.ja}
    </span>
  </span>
);

const KIND_NAMES: Record<string, Text> = {
  'server-issue': { ja: 'サーバ証明書 発行', en: 'Server certificate: issue' },
  'server-renew': { ja: 'サーバ証明書 更新', en: 'Server certificate: renew' },
  'server-revoke': { ja: 'サーバ証明書 失効', en: 'Server certificate: revoke' },
  'client-issue': { ja: 'クライアント証明書 発行', en: 'Client certificate: issue' },
  'client-renew': { ja: 'クライアント証明書 更新', en: 'Client certificate: renew' },
  'client-revoke': { ja: 'クライアント証明書 失効', en: 'Client certificate: revoke' },
};

export const TrainingPanel: Component<{ scenario: Scenario }> = (props) => {
  const progress = () => currentProgress();
  const step = createMemo(() => {
    const p = progress();
    return p ? currentStep(props.scenario, p) : undefined;
  });
  const done = () => {
    const p = progress();
    return p ? finished(props.scenario, p) : false;
  };
  const stepOf = (id: string): Step | undefined => props.scenario.steps.find((s) => s.id === id);
  const lastDone = createMemo(() => {
    const log = progress()?.log ?? [];
    const entry = log[log.length - 1];
    return entry && entry.status === 'done' ? stepOf(entry.stepId) : undefined;
  });
  const onScreen = createHighlight(() => (step() ? guideSelector(step()!) : undefined));
  const [announce, setAnnounce] = createSignal('');
  const [collapsed, setCollapsed] = createSignal(false);

  // A new step: say so to screen readers; in the presenter view the acting role's screen follows the step.
  createEffect(
    on(
      () => progress()?.index,
      (index, prev) => {
        if (index === undefined) return;
        const s = step();
        if (s) setAnnounce(`${t('ステップ', 'Step')} ${index + 1}/${props.scenario.steps.length}: ${tr(s.instruction)}`);
        else setAnnounce(t('シナリオを完了しました。', 'Scenario finished.'));
        if (s && presenter() && prev !== undefined && index !== prev) navigate(ROLE_PATH[s.role]);
      },
    ),
  );

  // Back in view (another tab or window acted on the shared state): catch up once.
  onMount(() => {
    const onVisible = () => document.visibilityState === 'visible' && void syncScenario();
    const onFocus = () => void syncScenario();
    document.addEventListener('visibilitychange', onVisible);
    window.addEventListener('focus', onFocus);
    onCleanup(() => {
      document.removeEventListener('visibilitychange', onVisible);
      window.removeEventListener('focus', onFocus);
    });
    void syncScenario();
  });

  const switchRole = () => {
    const s = step();
    if (s) navigate(ROLE_PATH[s.role]);
  };
  const goToTarget = () => {
    const s = step();
    const g = s?.target ? GUIDES[s.target] : undefined;
    if (s && g) navigate(g.path(roleSegment(s.role)));
  };
  const stop = () => {
    if (confirm(t('シナリオを終了しますか？ 進み具合は消えます。', 'Stop the scenario? Its progress is discarded.'))) stopScenario();
  };
  const restart = () => {
    if (confirm(t('最初からやり直しますか？', 'Start again from the first step?'))) void restartScenario();
  };

  return (
    <aside
      class="tp"
      classList={{ 'tp-collapsed': collapsed() }}
      data-training-panel
      data-testid="training-panel"
      aria-labelledby="tp-title"
      data-step={step()?.id ?? ''}
      data-role={step()?.role ?? ''}
      data-target={step()?.target ?? ''}
      data-finished={done() ? 'true' : 'false'}
    >
      <div class="tp-head">
        <h2 id="tp-title">
          <span class="tp-label">{t('研修シナリオ', 'Training scenario')}</span>
          <Bi text={props.scenario.title} />
        </h2>
        <button type="button" class="secondary tp-collapse" aria-expanded={!collapsed()} onClick={() => setCollapsed(!collapsed())}>
          {collapsed() ? t('開く', 'Open') : t('たたむ', 'Fold')}
        </button>
      </div>
      <p class="visually-hidden" aria-live="polite" data-testid="tp-live">
        {announce()}
      </p>
      <Show when={presenter()}>
        <PresenterStrip />
      </Show>
      <div class="tp-body">
        <Show
          when={!done() && step()}
          fallback={
            <div class="notice notice-ok" data-testid="tp-finished">
              <strong>{t('シナリオを完了しました。', 'Scenario finished.')}</strong>{' '}
              {t(
                `ステップ ${progress()?.log.filter((l) => l.status === 'done').length ?? 0} 件完了、スキップ ${progress()?.log.filter((l) => l.status === 'skipped').length ?? 0} 件、誤り ${progress()?.mistakes.length ?? 0} 件。`,
                `${progress()?.log.filter((l) => l.status === 'done').length ?? 0} steps done, ${progress()?.log.filter((l) => l.status === 'skipped').length ?? 0} skipped, ${progress()?.mistakes.length ?? 0} mistakes.`,
              )}
            </div>
          }
        >
          {(s) => (
            <section class="tp-step" aria-label={t('現在のステップ', 'Current step')}>
              <p class="tp-progress" data-testid="tp-progress">
                {t('ステップ', 'Step')} {(progress()?.index ?? 0) + 1} / {props.scenario.steps.length}
                <progress max={props.scenario.steps.length} value={progress()?.index ?? 0} aria-hidden="true" />
              </p>
              <p class="tp-role">
                {t('操作する人: ', 'Who acts: ')}
                <strong data-testid="tp-role">{tr(ROLE_NAMES[s().role])}</strong>{' '}
                <button type="button" data-testid="tp-switch-role" onClick={switchRole}>
                  {t('この役割に切り替える', 'Switch to this role')}
                </button>
              </p>
              <p class="tp-instruction">
                <Bi text={s().instruction} testId="tp-instruction" />
              </p>
              <Show when={uploadKind(s())}>
                {(k) => (
                  <p class="tp-kind" data-testid="tp-kind" data-kind={k()}>
                    {t('処理内容: ', 'Processing: ')}
                    <strong>{tr(KIND_NAMES[k()] ?? { ja: k(), en: k() })}</strong>
                  </p>
                )}
              </Show>
              <Show when={s().target}>
                <Show
                  when={onScreen()}
                  fallback={
                    <p class="tp-where" data-testid="tp-where">
                      {tr(GUIDES[s().target!]?.where ?? { ja: '操作する画面へ移動してください。', en: 'Go to the screen of this step.' })}{' '}
                      <button type="button" class="secondary" data-testid="tp-go" onClick={goToTarget}>
                        {t('ここへ移動', 'Go there')}
                      </button>
                    </p>
                  }
                >
                  <p class="tp-here" data-testid="tp-here">
                    {t('画面で枠の付いた操作を使ってください。', 'Use the outlined control on the screen.')}
                  </p>
                </Show>
              </Show>
              <PracticeButton scenario={props.scenario} step={s()} />
              <Show when={(s().hints ?? []).length > 0}>
                <details class="tp-hints" data-testid="tp-hints">
                  <summary>{t(`ヒント（${s().hints!.length}）`, `Hints (${s().hints!.length})`)}</summary>
                  <ul>
                    <For each={s().hints}>{(h) => <li><Bi text={h} /></li>}</For>
                  </ul>
                </details>
              </Show>
            </section>
          )}
        </Show>
        <Show when={lastDone()}>
          {(d) => (
            <section class="tp-explained" aria-label={t('いま完了したステップ', 'The step just done')} data-testid="tp-explanation">
              <h3>✔ {tr(d().instruction)}</h3>
              <p>
                <Bi text={d().explanation} />
              </p>
              <Show when={d().manual}>
                <p class="hint">
                  {t('マニュアル: ', 'Manual: ')}
                  <span data-testid="tp-manual">{d().manual}</span>
                </p>
              </Show>
            </section>
          )}
        </Show>
        <Show when={(progress()?.mistakes.length ?? 0) > 0}>
          <section class="tp-mistakes" aria-label={t('誤り', 'Mistakes')}>
            <h3>{t('誤り', 'Mistakes')}</h3>
            <ul data-testid="tp-mistakes">
              <For each={progress()!.mistakes}>
                {(m) => (
                  <li data-testid="tp-mistake" data-fixed={m.fixedAt ? 'true' : 'false'}>
                    {tr(stepOf(m.stepId)?.instruction ?? { ja: m.stepId, en: m.stepId }).slice(0, 40)}… {t('RAのコード: ', 'RA codes: ')}
                    <span class="mono">{m.codes.join(', ')}</span>{' '}
                    {m.fixedAt ? <span class="tp-fixed">{t('（訂正済み）', '(fixed)')}</span> : <span class="tp-open">{t('（未訂正）', '(not fixed yet)')}</span>}
                  </li>
                )}
              </For>
            </ul>
          </section>
        </Show>
        <div class="tp-buttons" role="group" aria-label={t('シナリオの操作', 'Scenario controls')}>
          <button type="button" class="secondary" data-testid="tp-back" disabled={(progress()?.index ?? 0) === 0} onClick={() => void backStep()}>
            {t('戻る', 'Back')}
          </button>
          <button type="button" class="secondary" data-testid="tp-skip" disabled={done()} onClick={() => void skipStep()}>
            {t('スキップ', 'Skip')}
          </button>
          <button type="button" class="secondary" data-testid="tp-restart" onClick={restart}>
            {t('最初から', 'Restart')}
          </button>
          <button type="button" class="secondary" data-testid="tp-stop" onClick={stop}>
            {t('終了', 'Stop')}
          </button>
          <button type="button" class="secondary" data-testid="tp-presenter" aria-pressed={presenter()} onClick={() => setPresenter(!presenter())}>
            {t('プレゼンター表示', 'Presenter view')}
          </button>
        </div>
      </div>
    </aside>
  );
};

/** The panel when a scenario is active (the App places it, lazily). */
const TrainingPanelHost: Component = () => (
  <Show when={activeScenario()} keyed>
    {(s) => <TrainingPanel scenario={s} />}
  </Show>
);

export default TrainingPanelHost;

