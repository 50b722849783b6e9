// The RA's result table: SEQ | 処理結果 | エラー内容 (SPEC §7.2, ADDENDUM A: `code:column,name,message`),
// and under each record with a problem, its cells with the offending ones highlighted. One page of records
// is fetched from the worker at a time (result-pages.ts); each RA line is a link to its cell.
import { For, Show, createEffect, createMemo, type Component } from 'solid-js';
import type { ShownRecord } from '../../tsv/bound-report';
import type { Issue, ValidationReport } from '../../tsv/types';
import { Pager } from '../components/Pager';
import { formatRaLine } from '../../tsv/format';
import { lang, t } from '../i18n';
import { RecordDetail } from './RecordDetail';
import type { ResultPages } from './result-pages';
import { createReveal } from './reveal';

/** Rows added to the DOM per animation frame (reveal.ts). */
const ROWS_PER_FRAME = 1;

/** NG records of a page opened on display; the rest open on demand (or when an issue link points at them). */
const OPEN_FIRST = 3;

export const ResultTable: Component<{ kind: ValidationReport['kind']; remote: ResultPages; openFirst?: number }> = (props) => {
  const pages = () => props.remote.pages;
  // Index among the page's NG records, to open only the first few; records with warnings only start closed.
  const ngIndex = createMemo(() => {
    const map = new Map<number, number>();
    for (const r of pages().slice()) if (!r.ok) map.set(r.seq, map.size);
    return map;
  });
  const openFirst = () => props.openFirst ?? OPEN_FIRST;
  const revealed = createReveal(() => pages().slice(), ROWS_PER_FRAME);

  return (
    <>
      <h2>{t('処理結果', 'Results')}</h2>
      <div class="form-row">
        <input id="problems-only" type="checkbox" checked={props.remote.problemsOnly()} onChange={(e) => props.remote.setProblemsOnly(e.currentTarget.checked)} />
        <label for="problems-only">{t('エラー・警告のある行だけ表示', 'Show only rows with errors or warnings')}</label>
      </div>
      <Pager pages={pages()} testId="result-pager" />
      <table class="ra-table" data-testid="result-table">
        <thead>
          <tr>
            <th scope="col">SEQ</th>
            <th scope="col">{t('処理結果', 'Result')}</th>
            <th scope="col">{t('エラー内容', 'Errors')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={revealed()}>
            {(record) => <RecordRows record={record} kind={props.kind} open={(ngIndex().get(record.seq) ?? openFirst()) < openFirst()} remote={props.remote} />}
          </For>
        </tbody>
      </table>
      <Pager pages={pages()} testId="result-pager-bottom" />
    </>
  );
};

/** Errors first, then warnings, as the RA lists them. */
function ordered(issues: Issue[]): Issue[] {
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}

const RecordRows: Component<{ record: ShownRecord; kind: ValidationReport['kind']; open: boolean; remote: ResultPages }> = (props) => {
  let row: HTMLTableRowElement | undefined;
  // A link to a record-level problem (no column) lands on the record's row.
  createEffect(() => {
    const target = props.remote.target();
    if (!target || target.seq !== props.record.seq || target.column !== undefined || !row) return;
    row.scrollIntoView({ block: 'center' });
    row.focus();
    props.remote.reached();
  });
  return (
    <>
      <tr ref={row} tabIndex={-1} data-seq={props.record.seq} class={props.record.ok ? 'row-ok' : 'row-ng'}>
        <td>{props.record.seq}</td>
        {/* Past the detailed-check limit (U110) a record without a column-count error is not OK, only not checked. */}
        <td class={props.record.ok ? (props.record.detailed === false ? 'result-unchecked' : 'result-ok') : 'result-ng'} data-testid="record-verdict">
          {props.record.ok ? (props.record.detailed === false ? t('未検査', 'not checked') : 'OK') : 'NG'}
        </td>
        <td>
          <For each={ordered(props.record.issues)}>
            {(issue) => (
              <span class={`err-line ${issue.severity}`}>
                <Show when={issue.severity === 'warning'}>
                  <span class="warn-tag">[{t('警告', 'Warning')}] </span>
                </Show>
                <button type="button" class="link-button" data-testid="issue-link" onClick={() => void props.remote.goTo(props.record.seq, issue.column)}>
                  {formatRaLine(issue, props.kind, lang())}
                </button>
              </span>
            )}
          </For>
        </td>
      </tr>
      <Show when={props.record.issues.length > 0}>
        <tr class="detail-row">
          <td colSpan={3}>
            <RecordDetail record={props.record} kind={props.kind} open={props.open} remote={props.remote} />
          </td>
        </tr>
      </Show>
    </>
  );
};
