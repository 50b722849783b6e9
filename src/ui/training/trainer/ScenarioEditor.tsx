// The scenario editor: title and summary, steps from the list of known checks (their parameters become form fields),
// the acting role, texts ja+en, the manual's section, the control to highlight; reorder and delete; the problems of
// validateScenario() live; then play it now or hand it to the pack.
import { For, Index, Show, createMemo, type Component } from 'solid-js';
import { createStore, reconcile } from 'solid-js/store';
import { CHECKS, type ParamSpec } from '../../../training/checks';
import { blankDraft, blankStep, draftOf, moved, scenarioOf, type ScenarioDraft, type StepDraft } from '../../../training/editor';
import { ROLES, ROLE_NAMES, validateScenario, type Role, type Scenario } from '../../../training/scenario';
import { GUIDE_TARGETS } from '../../../training/targets';
import { t, tr } from '../../i18n';
import { startScenario } from '../session';
import { prepared, setPrepared } from './trainer-state';

type TextKey = 'instructionJa' | 'instructionEn' | 'explanationJa' | 'explanationEn' | 'manual';

const ParamField: Component<{ name: string; spec: ParamSpec; value: string; index: number; onChange: (v: string) => void }> = (props) => {
  const id = () => `training-edit-${props.index}-param-${props.name}`;
  return (
    <div class="form-row">
      <label for={id()}>{tr(props.spec.label)}</label>
      <Show
        when={props.spec.type === 'enum' && props.spec}
        fallback={
          <input
            id={id()}
            type={props.spec.type === 'count' ? 'number' : 'text'}
            min={props.spec.type === 'count' ? props.spec.min : undefined}
            max={props.spec.type === 'count' ? props.spec.max : undefined}
            maxLength={props.spec.type === 'text' ? props.spec.maxLength : undefined}
            value={props.value}
            onInput={(e) => props.onChange(e.currentTarget.value)}
          />
        }
      >
        {(spec) => (
          <select id={id()} value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
            <option value="">{t('（指定なし）', '(any)')}</option>
            <For each={spec().values}>{(v) => <option value={v}>{v}</option>}</For>
          </select>
        )}
      </Show>
    </div>
  );
};

export const ScenarioEditor: Component = () => {
  const [draft, setDraft] = createStore<ScenarioDraft>(blankDraft());
  const scenario = createMemo((): Scenario => scenarioOf(draft));
  const problems = createMemo(() => validateScenario(scenario()));
  const load = (d: ScenarioDraft) => setDraft(reconcile(d));
  const setStep = <K extends keyof StepDraft>(i: number, key: K, value: StepDraft[K]) => setDraft('steps', i, key, value);

  const field = (key: 'titleJa' | 'titleEn' | 'summaryJa' | 'summaryEn', ja: string, en: string) => (
    <div class="form-row">
      <label for={`training-edit-${key}`}>{t(ja, en)}</label>
      <input id={`training-edit-${key}`} type="text" maxLength={2000} value={draft[key]} onInput={(e) => setDraft(key, e.currentTarget.value)} />
    </div>
  );
  const stepText = (i: number, key: TextKey, ja: string, en: string) => (
    <div class="form-row">
      <label for={`training-edit-${i}-${key}`}>{t(ja, en)}</label>
      <input id={`training-edit-${i}-${key}`} type="text" maxLength={2000} value={draft.steps[i][key]} onInput={(e) => setStep(i, key, e.currentTarget.value)} />
    </div>
  );

  return (
    <div class="ra-box training-editor" data-testid="training-editor">
      <h3>{t('シナリオエディタ', 'Scenario editor')}</h3>
      <p>
        <button type="button" class="secondary" data-testid="training-edit-new" onClick={() => load(blankDraft())}>
          {t('新しいシナリオ', 'New scenario')}
        </button>{' '}
        <button type="button" class="secondary" data-testid="training-edit-copy" disabled={!prepared()} onClick={() => load(draftOf(prepared()!))}>
          {t('選んだシナリオを写して編集', 'Edit a copy of the chosen scenario')}
        </button>
      </p>
      <div class="form-row">
        <label for="training-edit-id">{t('シナリオID（a-z, 0-9, -）', 'Scenario id (a-z, 0-9, -)')}</label>
        <input id="training-edit-id" type="text" maxLength={64} value={draft.id} onInput={(e) => setDraft('id', e.currentTarget.value)} />
      </div>
      {field('titleJa', '題名（日本語）', 'Title (Japanese)')}
      {field('titleEn', '題名（英語）', 'Title (English)')}
      {field('summaryJa', '概要（日本語）', 'Summary (Japanese)')}
      {field('summaryEn', '概要（英語）', 'Summary (English)')}
      <ol class="training-edit-steps">
        <Index each={draft.steps}>
          {(step, i) => (
            <li data-testid={`training-edit-step-${i}`}>
              <fieldset>
                <legend>{t(`ステップ ${i + 1}`, `Step ${i + 1}`)}</legend>
                <div class="form-row">
                  <label for={`training-edit-${i}-role`}>{t('誰が行うか', 'Who acts')}</label>
                  <select id={`training-edit-${i}-role`} value={step().role} onChange={(e) => setStep(i, 'role', e.currentTarget.value as Role)}>
                    <For each={ROLES}>{(r) => <option value={r}>{tr(ROLE_NAMES[r])}</option>}</For>
                  </select>
                </div>
                <div class="form-row">
                  <label for={`training-edit-${i}-check`}>{t('完了の確かめ方（チェック）', 'Check that proves it done')}</label>
                  <select
                    id={`training-edit-${i}-check`}
                    value={step().checkId}
                    onChange={(e) => {
                      setStep(i, 'checkId', e.currentTarget.value);
                      setStep(i, 'params', {});
                    }}
                  >
                    <For each={[...CHECKS.values()]}>{(c) => <option value={c.id}>{tr(c.label)}</option>}</For>
                  </select>
                </div>
                <For each={Object.entries(CHECKS.get(step().checkId)?.params ?? {})}>
                  {([name, spec]) => <ParamField name={name} spec={spec} index={i} value={step().params[name] ?? ''} onChange={(v) => setDraft('steps', i, 'params', name, v)} />}
                </For>
                {stepText(i, 'instructionJa', '指示（日本語）', 'Instruction (Japanese)')}
                {stepText(i, 'instructionEn', '指示（英語）', 'Instruction (English)')}
                {stepText(i, 'explanationJa', '解説（日本語）', 'Explanation (Japanese)')}
                {stepText(i, 'explanationEn', '解説（英語）', 'Explanation (English)')}
                {stepText(i, 'manual', 'マニュアルの該当箇所（例 SPEC §7.2）', 'Manual section (e.g. SPEC §7.2)')}
                <div class="form-row">
                  <label for={`training-edit-${i}-target`}>{t('強調する操作', 'Control to highlight')}</label>
                  <select id={`training-edit-${i}-target`} value={step().target} onChange={(e) => setStep(i, 'target', e.currentTarget.value)}>
                    <option value="">{t('（なし）', '(none)')}</option>
                    <For each={GUIDE_TARGETS}>{(g) => <option value={g.id}>{tr(g.label)}</option>}</For>
                  </select>
                </div>
                <p>
                  <button type="button" class="secondary" disabled={i === 0} onClick={() => setDraft('steps', moved(draft.steps, i, -1))}>
                    {t('↑ 上へ', '↑ Up')}
                  </button>{' '}
                  <button type="button" class="secondary" disabled={i === draft.steps.length - 1} onClick={() => setDraft('steps', moved(draft.steps, i, 1))}>
                    {t('↓ 下へ', '↓ Down')}
                  </button>{' '}
                  <button type="button" class="secondary" data-testid={`training-edit-${i}-delete`} onClick={() => setDraft('steps', draft.steps.filter((_, j) => j !== i))}>
                    {t('削除', 'Delete')}
                  </button>
                </p>
              </fieldset>
            </li>
          )}
        </Index>
      </ol>
      <p>
        <button type="button" class="secondary" data-testid="training-edit-add" onClick={() => setDraft('steps', draft.steps.length, blankStep())}>
          {t('ステップを追加', 'Add a step')}
        </button>
      </p>
      <Show
        when={problems().length > 0}
        fallback={
          <p class="notice notice-ok" role="status" data-testid="training-edit-valid">
            {t('このシナリオは実施できます。', 'This scenario can be played.')}
          </p>
        }
      >
        <div class="notice notice-error" data-testid="training-edit-problems">
          {t(`直すところが ${problems().length} 件あります:`, `${problems().length} problem(s) to fix:`)}
          <ul>
            <For each={problems()}>{(p) => <li class="mono">{p}</li>}</For>
          </ul>
        </div>
      </Show>
      <p>
        <button type="button" data-testid="training-edit-play" disabled={problems().length > 0} onClick={() => void startScenario(structuredClone(scenario()))}>
          {t('このシナリオで開始', 'Play this scenario now')}
        </button>{' '}
        <button type="button" class="secondary" data-testid="training-edit-prepare" disabled={problems().length > 0} onClick={() => setPrepared(structuredClone(scenario()))}>
          {t('研修パック用に選ぶ', 'Use it for the pack')}
        </button>
      </p>
    </div>
  );
};
