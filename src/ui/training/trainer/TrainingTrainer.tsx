// The trainer's training screens on #/service/trainer: choose a built-in scenario, save or open a pack, write a
// scenario, export this machine's completion record, and read the class's records.
import { Show, createEffect, createSignal, on, type Component } from 'solid-js';
import { t, tr } from '../../i18n';
import { activeScenario, currentProgress, stopScenario, syncScenario } from '../session';
import { view } from '../../ra/ra-store';
import { ClassSummaryView } from './ClassSummaryView';
import { PackControls } from './PackControls';
import { RecordExport } from './RecordExport';
import { ScenarioChooser } from './ScenarioChooser';
import { ScenarioEditor } from './ScenarioEditor';

export const TrainingTrainer: Component = () => {
  const [editorOpen, setEditorOpen] = createSignal(false);
  // The step shown here follows the engine: re-read whenever the RA view changes (the panel does the same).
  createEffect(on([view, activeScenario], () => void syncScenario().catch(() => undefined)));
  return (
    <section class="training-trainer" data-testid="training-trainer" aria-labelledby="training-trainer-title">
      <h2 id="training-trainer-title">{t('研修シナリオ', 'Training scenarios')}</h2>
      <Show when={activeScenario()}>
        {(s) => (
          <p data-testid="training-active">
            {t('実施中: ', 'Playing: ')}
            <strong>{tr(s().title)}</strong>{' '}
            <span data-testid="training-active-step">{t(`ステップ ${Math.min((currentProgress()?.index ?? 0) + 1, s().steps.length)} / ${s().steps.length}`, `step ${Math.min((currentProgress()?.index ?? 0) + 1, s().steps.length)} of ${s().steps.length}`)}</span>{' '}
            <Show when={(currentProgress()?.index ?? 0) >= s().steps.length}>
              <span class="badge" data-testid="training-finished">
                {t('修了', 'finished')}
              </span>{' '}
            </Show>
            <button type="button" class="secondary" data-testid="training-stop" onClick={stopScenario}>
              {t('終了', 'Stop')}
            </button>
          </p>
        )}
      </Show>
      <ScenarioChooser onEdit={() => setEditorOpen(true)} />
      <PackControls />
      <details class="training-editor-box" open={editorOpen()} onToggle={(e) => setEditorOpen(e.currentTarget.open)}>
        <summary data-testid="training-editor-toggle">{t('シナリオを作る・編集する', 'Write or edit a scenario')}</summary>
        <ScenarioEditor />
      </details>
      <RecordExport />
      <ClassSummaryView />
    </section>
  );
};
