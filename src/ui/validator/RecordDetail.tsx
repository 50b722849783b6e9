// One record's cells with the offending cells (and characters) highlighted, each problem's message and fix hint.
// Rendered only while open: a 1000-row file of NG records stays light. An issue link (result-pages.ts) opens
// the record and focuses the cell it names.
import { For, Show, createEffect, createMemo, createSignal, type Component } from 'solid-js';
import { KINDS } from '../../spec/kinds';
import type { KindId } from '../../spec/types';
import { fixHint } from '../../tsv/hints';
import type { ShownRecord } from '../../tsv/bound-report';
import type { Issue } from '../../tsv/types';
import { t, tr } from '../i18n';
import { CellValue } from './CellValue';
import type { ResultPages } from './result-pages';

export const RecordDetail: Component<{ record: ShownRecord; kind: KindId; open: boolean; remote: ResultPages }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- the initial state only; the user toggles it afterwards
  const [open, setOpen] = createSignal(props.open);
  createEffect(() => {
    const target = props.remote.target();
    if (target?.seq === props.record.seq && target.column !== undefined) setOpen(true);
  });
  return (
    <details class="record-detail" open={open()} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t(`SEQ ${props.record.seq} の内容と直し方`, `SEQ ${props.record.seq}: cells and how to fix`)}
      </summary>
      <Show when={open()}>
        <Show when={props.record.cellsOmitted}>
          <p class="hint">{t('表示量の上限のため、この行の値は表示していません。', 'The cells of this record are not shown (display limit reached on this page).')}</p>
        </Show>
        <RecordCells record={props.record} kind={props.kind} remote={props.remote} />
        <IssueList issues={props.record.issues} kind={props.kind} seq={props.record.seq} remote={props.remote} />
        <Show when={props.record.omittedIssues}>
          {(n) => <p class="hint">{t(`ほかに${n()}件の問題があります（表示を省略）。`, `${n()} more problems (not shown).`)}</p>}
        </Show>
      </Show>
    </details>
  );
};

/** Column positions: the kind's columns plus any extra cells. Empty cells without a problem are only listed by number. */
function positions(record: ShownRecord, kind: KindId): { shown: number[]; quietEmpty: number[] } {
  const count = Math.max(KINDS[kind].columnCount, record.cells.length);
  const shown: number[] = [];
  const quietEmpty: number[] = [];
  for (let no = 1; no <= count; no++) {
    const empty = (record.cells[no - 1] ?? '') === '';
    if (empty && !record.issues.some((i) => i.column === no)) quietEmpty.push(no);
    else shown.push(no);
  }
  return { shown, quietEmpty };
}

const RecordCells: Component<{ record: ShownRecord; kind: KindId; remote: ResultPages }> = (props) => {
  const cols = createMemo(() => positions(props.record, props.kind));
  return (
    <>
      <table class="cells" data-testid={`cells-${props.record.seq}`}>
        <thead>
          <tr>
            <th scope="col">{t('列', 'Col.')}</th>
            <th scope="col">{t('項目名', 'Field')}</th>
            <th scope="col">{t('値', 'Value')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={cols().shown}>{(no) => <CellRow record={props.record} kind={props.kind} no={no} remote={props.remote} />}</For>
        </tbody>
      </table>
      <Show when={cols().quietEmpty.length > 0}>
        <p class="hint">
          {t(`空の列（問題なし）: ${cols().quietEmpty.join(', ')}`, `Empty columns (fine): ${cols().quietEmpty.join(', ')}`)}
        </p>
      </Show>
      <Show when={props.record.omittedCells}>
        {(n) => <p class="hint">{t(`ほかに${n()}列あります（表示を省略）。`, `${n()} more columns (not shown).`)}</p>}
      </Show>
    </>
  );
};

const CellRow: Component<{ record: ShownRecord; kind: KindId; no: number; remote: ResultPages }> = (props) => {
  let cell: HTMLTableCellElement | undefined;
  createEffect(() => {
    const target = props.remote.target();
    if (!target || target.seq !== props.record.seq || target.column !== props.no || !cell) return;
    cell.scrollIntoView({ block: 'center' });
    cell.focus();
    props.remote.reached();
  });
  const issues = createMemo(() => props.record.issues.filter((i) => i.column === props.no));
  const bad = () => issues().some((i) => i.severity === 'error');
  const column = () => KINDS[props.kind].columns[props.no - 1];
  const marks = () => issues().flatMap((i) => (i.position === undefined ? [] : [i.position]));
  return (
    <tr>
      <td>{props.no}</td>
      <td>{column() ? tr(column().name) : t('（余分な列）', '(extra column)')}</td>
      <td ref={cell} tabIndex={-1} classList={{ bad: bad(), warned: !bad() && issues().length > 0 }} data-column={props.no} data-bad={bad() ? 'true' : undefined}>
        <CellValue value={props.record.cells[props.no - 1]} positions={marks()} cut={props.record.cuts?.[props.no - 1]} />
      </td>
    </tr>
  );
};

const IssueList: Component<{ issues: Issue[]; kind: KindId; seq: number; remote: ResultPages }> = (props) => (
  <ul class="issue-list" data-testid={`issues-${props.seq}`}>
    <For each={props.issues}>
      {(issue) => (
        <li class={issue.severity}>
          <button type="button" class="link-button" onClick={() => void props.remote.goTo(props.seq, issue.column)}>
            <strong>
              {issue.severity === 'error' ? t('エラー', 'Error') : t('警告', 'Warning')} {issue.code}
              <Show when={issue.column}>{(c) => <> ({t(`${c()}列目`, `column ${c()}`)})</>}</Show>:
            </strong>
          </button>{' '}
          {tr(issue.message)}
          <Show when={fixHint(issue, props.kind)}>
            {(h) => (
              <div class="hint">
                {t('直し方', 'Fix')}: {tr(h())}
              </div>
            )}
          </Show>
        </li>
      )}
    </For>
  </ul>
);
