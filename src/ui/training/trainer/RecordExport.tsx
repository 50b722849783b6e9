// The trainee's completion record: the name asked, then a JSON file (makeRecord) to hand in and a printable page
// (print CSS shows only the record). Works on whatever scenario this machine is playing.
import { For, Show, createEffect, createMemo, createSignal, onCleanup, type Component } from 'solid-js';
import { makeRecord, type CompletionRecord } from '../../../training/record';
import { downloadBytes } from '../../builder/download';
import { t, tr } from '../../i18n';
import { activeScenario, currentProgress } from '../session';
import './trainer.css';

const STATUS = { done: { ja: '完了', en: 'done' }, skipped: { ja: 'とばした', en: 'skipped' }, open: { ja: '未了', en: 'open' } } as const;

const when = (iso?: string) => (iso ? new Date(iso).toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo' }) : '—');

/** One record as a page: steps with their times, mistakes with the RA codes and whether they were fixed. */
export const RecordView: Component<{ record: CompletionRecord }> = (props) => (
  <div class="training-record" data-testid="training-record">
    <h3>
      {t('研修 修了記録', 'Training completion record')}: {tr(props.record.scenario.title)}
    </h3>
    <p>
      {t('受講者: ', 'Trainee: ')}
      <strong data-testid="training-record-name">{props.record.trainee}</strong>
      <br />
      {t('開始: ', 'Started: ')}
      {when(props.record.startedAt)} / {t('修了: ', 'Finished: ')}
      {props.record.finishedAt ? when(props.record.finishedAt) : t('未修了', 'not finished')}
    </p>
    <table class="training-table">
      <thead>
        <tr>
          <th>#</th>
          <th>{t('ステップ', 'Step')}</th>
          <th>{t('状態', 'Status')}</th>
          <th>{t('時刻', 'Time')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.record.steps}>
          {(s, i) => (
            <tr>
              <td>{i() + 1}</td>
              <td>{tr(s.title)}</td>
              <td>{tr(STATUS[s.status])}</td>
              <td>{when(s.at)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
    <Show when={props.record.mistakes.length > 0} fallback={<p>{t('RAに拒否された操作はありません。', 'No action was refused by the RA.')}</p>}>
      <p>{t('RAに拒否された操作（コード）:', 'Actions the RA refused (codes):')}</p>
      <ul>
        <For each={props.record.mistakes}>
          {(m) => (
            <li>
              {when(m.at)} — <span class="mono">{m.codes.join(', ')}</span> — {m.fixedAt ? t(`訂正済み（${when(m.fixedAt)}）`, `fixed (${when(m.fixedAt)})`) : t('未訂正', 'not fixed')}
            </li>
          )}
        </For>
      </ul>
    </Show>
  </div>
);

export const RecordExport: Component = () => {
  const [name, setName] = createSignal('');
  const [printing, setPrinting] = createSignal(false);
  const record = createMemo(() => {
    const s = activeScenario();
    const p = currentProgress();
    return s && p ? makeRecord(s, p, name()) : undefined;
  });
  // The print CSS hides the rest of the page only while the print view is open (a class on <body>), so printing any
  // other page is unaffected.
  createEffect(() => document.body.classList.toggle('training-printing', printing()));
  onCleanup(() => document.body.classList.remove('training-printing'));
  const fileName = () => `training-record-${record()!.scenario.id}-${name().trim().replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 40) || 'trainee'}.json`;
  return (
    <div class="ra-box training-record-export" data-testid="training-record-export">
      <h3>{t('修了記録', 'Completion record')}</h3>
      <Show when={record()} fallback={<p class="hint">{t('シナリオを実施すると、ここで修了記録を書き出せます。', 'Play a scenario to export its completion record here.')}</p>}>
        <div class="form-row">
          <label for="training-record-name">{t('受講者の氏名', "Trainee's name")}</label>
          <input id="training-record-name" type="text" maxLength={100} value={name()} onInput={(e) => setName(e.currentTarget.value)} />
        </div>
        <p>
          <button type="button" data-testid="training-record-save" disabled={name().trim() === ''} onClick={() => downloadBytes(fileName(), JSON.stringify(record(), null, 2), 'application/json')}>
            {t('修了記録を書き出す（JSON）', 'Export the record (JSON)')}
          </button>{' '}
          <button
            type="button"
            class="secondary"
            data-testid="training-record-print"
            disabled={name().trim() === ''}
            onClick={() => {
              setPrinting(true);
              // Let the page render the record before the print dialog takes a snapshot.
              requestAnimationFrame(() => window.print());
            }}
          >
            {t('印刷用ページ', 'Printable page')}
          </button>
        </p>
        <Show when={printing()}>
          <div class="training-print">
            <RecordView record={record()!} />
            <p class="no-print">
              <button type="button" class="secondary" onClick={() => setPrinting(false)}>
                {t('閉じる', 'Close')}
              </button>
            </p>
          </div>
        </Show>
      </Show>
    </div>
  );
};
