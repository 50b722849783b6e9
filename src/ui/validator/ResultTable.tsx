// The RA's result table: SEQ | 処理結果 | エラー内容 (SPEC §7.2, ADDENDUM A: `code:column,name,message`),
// and under each record with a problem, its cells with the offending ones highlighted.
import { For, Show, createEffect, createMemo, createSignal, onCleanup, type Component } from 'solid-js';
import type { Issue, RecordReport, ValidationReport } from '../../tsv/types';
import { formatRaLine } from '../../tsv/format';
import { lang, t } from '../i18n';
import { RecordDetail } from './RecordDetail';

/** NG records opened on first display; the rest open on demand, so 1000 NG rows stay cheap to render. */
const OPEN_FIRST = 20;
/**
 * Rows rendered per task: a 1000-row table built at once blocks the main thread for hundreds of ms on a slow
 * machine; in slices of this size each task stays short and the first rows show at once.
 */
const ROWS_PER_TASK = 100;

export const ResultTable: Component<{ report: ValidationReport }> = (props) => {
  const [problemsOnly, setProblemsOnly] = createSignal(false);
  const shown = createMemo(() => (problemsOnly() ? props.report.records.filter((r) => r.issues.length > 0) : props.report.records));
  // Index among NG records, to open only the first few; records with warnings only start closed.
  const ngIndex = createMemo(() => {
    const map = new Map<number, number>();
    for (const r of props.report.records) if (!r.ok) map.set(r.seq, map.size);
    return map;
  });

  // How many of shown() are rendered: grows by ROWS_PER_TASK per macrotask until all are (For keeps the rows
  // already made: it reuses them by record identity).
  const [limit, setLimit] = createSignal(ROWS_PER_TASK);
  const visible = createMemo(() => (shown().length > limit() ? shown().slice(0, limit()) : shown()));
  createEffect(() => {
    const total = shown().length;
    setLimit(ROWS_PER_TASK);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const more = () => {
      setLimit((n) => n + ROWS_PER_TASK);
      if (limit() < total) timer = setTimeout(more, 0);
    };
    if (total > ROWS_PER_TASK) timer = setTimeout(more, 0);
    onCleanup(() => clearTimeout(timer));
  });

  return (
    <>
      <h2>{t('処理結果', 'Results')}</h2>
      <div class="form-row">
        <input id="problems-only" type="checkbox" checked={problemsOnly()} onChange={(e) => setProblemsOnly(e.currentTarget.checked)} />
        <label for="problems-only">{t('エラー・警告のある行だけ表示', 'Show only rows with errors or warnings')}</label>
      </div>
      <table class="ra-table" data-testid="result-table">
        <thead>
          <tr>
            <th scope="col">SEQ</th>
            <th scope="col">{t('処理結果', 'Result')}</th>
            <th scope="col">{t('エラー内容', 'Errors')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={visible()}>
            {(record) => <RecordRows record={record} kind={props.report.kind} open={(ngIndex().get(record.seq) ?? OPEN_FIRST) < OPEN_FIRST} />}
          </For>
        </tbody>
      </table>
    </>
  );
};

/** Errors first, then warnings, as the RA lists them. */
function ordered(issues: Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}

const RecordRows: Component<{ record: RecordReport; kind: ValidationReport['kind']; open: boolean }> = (props) => (
  <>
    <tr data-seq={props.record.seq} class={props.record.ok ? 'row-ok' : 'row-ng'}>
      <td>{props.record.seq}</td>
      <td class={props.record.ok ? 'result-ok' : 'result-ng'}>{props.record.ok ? 'OK' : 'NG'}</td>
      <td>
        <For each={ordered(props.record.issues)}>
          {(issue) => (
            <span class={`err-line ${issue.severity}`}>
              <Show when={issue.severity === 'warning'}>
                <span class="warn-tag">[{t('警告', 'Warning')}] </span>
              </Show>
              {formatRaLine(issue, props.kind, lang())}
            </span>
          )}
        </For>
      </td>
    </tr>
    <Show when={props.record.issues.length > 0}>
      <tr class="detail-row">
        <td colSpan={3}>
          <RecordDetail record={props.record} kind={props.kind} open={props.open} />
        </td>
      </tr>
    </Show>
  </>
);
