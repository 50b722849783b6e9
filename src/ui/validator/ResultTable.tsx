// The RA's result table: SEQ | 処理結果 | エラー内容 (SPEC §7.2, ADDENDUM A: `code:column,name,message`),
// and under each record with a problem, its cells with the offending ones highlighted.
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import type { ShownRecord, ShownReport } from '../../tsv/bound-report';
import type { Issue, ValidationReport } from '../../tsv/types';
import { Pager, createPages } from '../components/Pager';
import { formatRaLine } from '../../tsv/format';
import { lang, t } from '../i18n';
import { RecordDetail } from './RecordDetail';

/** NG records of a page opened on display; the rest open on demand. */
const OPEN_FIRST = 10;

export const ResultTable: Component<{ report: ShownReport }> = (props) => {
  const [problemsOnly, setProblemsOnly] = createSignal(false);
  const shown = createMemo(() => (problemsOnly() ? props.report.records.filter((r) => r.issues.length > 0) : props.report.records));
  // One page of records in the DOM at a time, however long the file.
  const pages = createPages(() => shown());
  // Index among the page's NG records, to open only the first few; records with warnings only start closed.
  const ngIndex = createMemo(() => {
    const map = new Map<number, number>();
    for (const r of pages.slice()) if (!r.ok) map.set(r.seq, map.size);
    return map;
  });

  return (
    <>
      <h2>{t('処理結果', 'Results')}</h2>
      <div class="form-row">
        <input id="problems-only" type="checkbox" checked={problemsOnly()} onChange={(e) => setProblemsOnly(e.currentTarget.checked)} />
        <label for="problems-only">{t('エラー・警告のある行だけ表示', 'Show only rows with errors or warnings')}</label>
      </div>
      <Pager pages={pages} testId="result-pager" />
      <table class="ra-table" data-testid="result-table">
        <thead>
          <tr>
            <th scope="col">SEQ</th>
            <th scope="col">{t('処理結果', 'Result')}</th>
            <th scope="col">{t('エラー内容', 'Errors')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={pages.slice()}>
            {(record) => <RecordRows record={record} kind={props.report.kind} open={(ngIndex().get(record.seq) ?? OPEN_FIRST) < OPEN_FIRST} />}
          </For>
        </tbody>
      </table>
      <Pager pages={pages} testId="result-pager-bottom" />
    </>
  );
};

/** Errors first, then warnings, as the RA lists them. */
function ordered(issues: Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}

const RecordRows: Component<{ record: ShownRecord; kind: ValidationReport['kind']; open: boolean }> = (props) => (
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
