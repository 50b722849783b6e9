// The built-in scenarios as a list: title, summary, number of steps, 開始 (starts it now on this machine) and
// 「パック・編集用に選ぶ」 (the pack and the editor take it from there).
import { For, Show, createSignal, type Component } from 'solid-js';
import { BUILTIN_SCENARIOS } from '../../../training/builtin';
import type { Scenario } from '../../../training/scenario';
import type { Text } from '../../../spec/types';
import { t, tr } from '../../i18n';
import { activeScenario, startScenario } from '../session';
import { setPrepared } from './trainer-state';

export const ScenarioChooser: Component<{ onEdit?: (s: Scenario) => void }> = (props) => {
  const [error, setError] = createSignal<Text>();
  const begin = async (s: Scenario) => {
    // Starting another scenario ends the one being played (its progress is gone): ask first.
    if (activeScenario() && !confirm(t('実行中のシナリオを終了して新しく始めますか？', 'Stop the running scenario and start this one?'))) return;
    try {
      await startScenario(s);
      setError(undefined);
    } catch (e) {
      const m = e instanceof Error ? e.message : String(e);
      setError({ ja: `開始できませんでした: ${m}`, en: `Could not start: ${m}` });
    }
  };
  return (
    <div class="ra-box training-chooser" data-testid="training-chooser">
      <h3>{t('シナリオを選ぶ', 'Choose a scenario')}</h3>
      <ul class="training-list">
        <For each={BUILTIN_SCENARIOS}>
          {(s) => (
            <li data-testid={`training-scenario-${s.id}`}>
              <strong>{tr(s.title)}</strong> <span class="hint">{t(`${s.steps.length} ステップ`, `${s.steps.length} steps`)}</span>
              <Show when={activeScenario()?.id === s.id}>
                {' '}
                <span class="badge">{t('実施中', 'playing')}</span>
              </Show>
              <p class="hint">{tr(s.summary)}</p>
              <button type="button" data-testid={`training-start-${s.id}`} onClick={() => void begin(s)}>
                {t('開始', 'Start')}
              </button>{' '}
              <button
                type="button"
                class="secondary"
                data-testid={`training-prepare-${s.id}`}
                onClick={() => {
                  setPrepared(s);
                  props.onEdit?.(s);
                }}
              >
                {t('パック・編集用に選ぶ', 'Use for a pack / edit')}
              </button>
            </li>
          )}
        </For>
      </ul>
      <Show when={error()}>
        <p class="notice notice-error" role="alert">
          {tr(error()!)}
        </p>
      </Show>
    </div>
  );
};
