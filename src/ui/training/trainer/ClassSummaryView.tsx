// The trainer opens the records the trainees handed in: a class summary per scenario (per trainee, per step, the
// RA's codes by frequency); a file that is not a record is listed as refused with the reason, the others still count.
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import { classSummary, parseRecord, type CompletionRecord } from '../../../training/record';
import type { Text } from '../../../spec/types';
import { FileDrop } from '../../components/FileDrop';
import { t, tr } from '../../i18n';
import './trainer.css';

interface Read {
  records: { file: string; record: CompletionRecord }[];
  refused: { file: string; reason: Text }[];
}

/** Read cap per file: records are a few KB; a huge file is refused before it is read. */
const MAX_FILE = 5_000_000;

export const ClassSummaryView: Component = () => {
  const [read, setRead] = createSignal<Read>({ records: [], refused: [] });
  const summaries = createMemo(() => classSummary(read().records.map((r) => r.record)));
  const take = async (files: File[]) => {
    const next: Read = { records: [], refused: [] };
    for (const f of files) {
      if (f.size > MAX_FILE) {
        next.refused.push({ file: f.name, reason: { ja: '修了記録として読めません: 5 MBを超えています', en: 'Not a completion record: larger than 5 MB' } });
        continue;
      }
      const r = parseRecord(new Uint8Array(await f.arrayBuffer()));
      if (r.ok) next.records.push({ file: f.name, record: r.record });
      else next.refused.push({ file: f.name, reason: r.error });
    }
    setRead(next);
  };
  return (
    <div class="ra-box training-class" data-testid="training-class">
      <h3>{t('クラスのまとめ（修了記録を読む）', 'Class summary (read completion records)')}</h3>
      <FileDrop label={t('修了記録のファイル（複数可）', 'Completion record files (several)')} accept=".json,application/json" multiple onFiles={(fs) => void take(fs)} testId="training-class-drop">
        <p class="hint">{t(`読めた記録: ${read().records.length} 件`, `Records read: ${read().records.length}`)}</p>
      </FileDrop>
      <Show when={read().refused.length > 0}>
        <div class="notice notice-error" data-testid="training-class-refused">
          {t('読めなかったファイル:', 'Files refused:')}
          <ul>
            <For each={read().refused}>
              {(r) => (
                <li>
                  <span class="mono">{r.file}</span> — {tr(r.reason)}
                </li>
              )}
            </For>
          </ul>
        </div>
      </Show>
      <For each={summaries()}>
        {(s) => (
          <section data-testid={`training-class-${s.scenario.id}`}>
            <h4>
              {tr(s.scenario.title)} <span class="hint">(v{s.scenario.version})</span>
            </h4>
            <table class="training-table" data-testid="training-class-trainees">
              <thead>
                <tr>
                  <th>{t('受講者', 'Trainee')}</th>
                  <th>{t('修了', 'Finished')}</th>
                  <th>{t('完了ステップ', 'Steps done')}</th>
                  <th>{t('誤り', 'Mistakes')}</th>
                  <th>{t('所要（分）', 'Minutes')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={s.trainees}>
                  {(p) => (
                    <tr>
                      <td>{p.name}</td>
                      <td>{p.finished ? t('済', 'yes') : t('未', 'no')}</td>
                      <td>
                        {p.done} / {s.steps.length}
                      </td>
                      <td>{p.mistakes}</td>
                      <td>{p.minutes ?? '—'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
            <table class="training-table" data-testid="training-class-steps">
              <thead>
                <tr>
                  <th>{t('ステップ', 'Step')}</th>
                  <th>{t('完了', 'Done')}</th>
                  <th>{t('とばした', 'Skipped')}</th>
                  <th>{t('未了', 'Open')}</th>
                  <th>{t('誤り（訂正済み）', 'Mistakes (fixed)')}</th>
                  <th>{t('RAのコード（多い順）', 'RA codes (most frequent first)')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={s.steps}>
                  {(st) => (
                    <tr>
                      <td>{tr(st.title)}</td>
                      <td>{st.done}</td>
                      <td>{st.skipped}</td>
                      <td>{st.open}</td>
                      <td>
                        {st.mistakes} ({st.fixed})
                      </td>
                      <td class="mono">{st.codes.map((c) => `${c.code}×${c.count}`).join(', ') || '—'}</td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </section>
        )}
      </For>
    </div>
  );
};
