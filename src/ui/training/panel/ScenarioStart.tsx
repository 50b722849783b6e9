// The smallest way to start a built-in scenario, on the trainer's screen: choose one and press 開始. (The trainer's
// full chooser with packs and the editor lives in src/ui/training/trainer/.)
import { For, Show, createSignal, type Component } from 'solid-js';
import { BUILTIN_SCENARIOS } from '../../../training/builtin';
import { t, tr } from '../../i18n';
import { activeScenario, startScenario } from '../session';

export const ScenarioStart: Component = () => {
  const [chosen, setChosen] = createSignal(BUILTIN_SCENARIOS[0]?.id ?? '');
  const scenario = () => BUILTIN_SCENARIOS.find((s) => s.id === chosen());
  const start = () => {
    const s = scenario();
    if (!s) return;
    if (activeScenario() && !confirm(t('実行中のシナリオを終了して新しく始めますか？', 'Stop the running scenario and start this one?'))) return;
    void startScenario(s);
  };
  return (
    <div class="ra-box" data-testid="training-start-box">
      <h3>{t('研修シナリオ', 'Training scenarios')}</h3>
      <label class="svc-field">
        {t('シナリオ', 'Scenario')}{' '}
        <select data-testid="training-choose" value={chosen()} onChange={(e) => setChosen(e.currentTarget.value)}>
          <For each={BUILTIN_SCENARIOS}>{(s) => <option value={s.id}>{tr(s.title)}</option>}</For>
        </select>
      </label>{' '}
      <button type="button" data-testid="training-start" onClick={start}>
        {t('開始', 'Start')}
      </button>
      <Show when={scenario()}>{(s) => <p class="hint">{tr(s().summary)}</p>}</Show>
    </div>
  );
};
