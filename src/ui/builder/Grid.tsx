// The editable grid: one page of rows at a time (so a 1000-row roster stays light), one input per visible
// cell, the validator's messages beside each cell, arrow-key navigation, undo/redo on Ctrl+Z / Ctrl+Y.
import { For, Index, Show, createMemo, createSignal, type Component } from 'solid-js';
import { cellIssues, rowLevelIssues } from '../../builder/check';
import { cellsFromCsr, looksLikePemCsr, oneLineCsrFrom, placeCsrs, readCsrs, takesCsr, type CsrRead } from '../../builder/from-csr';
import { inspectCsr } from '../../pki/csr';
import { hasRowTools } from '../../builder/grid';
import { isBlock, parseBlock } from '../../builder/paste';
import { fixesFor } from '../../builder/fixers';
import { hasArmour } from '../../pki/pem';
import type { ColumnSpec } from '../../spec/types';
import type { Issue } from '../../tsv/types';
import { t, tr } from '../i18n';
import { columnWidthClass, requiredMark, visibleColumns } from './columns';
import { valueChoices } from './value-labels';
import type { BuilderState } from './state';

export const PAGE_SIZE = 50;

export interface GridProps {
  state: BuilderState;
  showBlank: boolean;
  page: number;
  setPage: (page: number) => void;
  onRowTools: (rowId: string) => void;
  onFocusColumn: (column: ColumnSpec) => void;
  /** The row whose cell has (or last had) the focus: CSRs from the CSR panel can fill it. */
  onFocusRow?: (rowId: string) => void;
  announce: (text: string) => void;
}

export const Grid: Component<GridProps> = (props) => {
  const columns = createMemo(() => visibleColumns(props.state.spec(), props.showBlank));
  const rows = () => props.state.sheet().rows;
  const pageRows = createMemo(() => rows().slice(props.page * PAGE_SIZE, (props.page + 1) * PAGE_SIZE));
  const [table, setTable] = createSignal<HTMLTableElement>();

  const focusCell = (rowIndex: number, columnNo: number): void => {
    const target = Math.max(0, Math.min(rowIndex, rows().length - 1));
    const page = Math.floor(target / PAGE_SIZE);
    if (page !== props.page) props.setPage(page);
    requestAnimationFrame(() => table()?.querySelector<HTMLInputElement>(`input[data-r="${target}"][data-c="${columnNo}"]`)?.focus());
  };

  /**
   * A CSR in PEM (pasted or typed into column 7) becomes the one-line form the TSV needs, and the page says so:
   * never an error the user must fix by hand. Only when the cell still holds that text once the CSR is read.
   */
  const convertPemCsr = async (rowId: string, column: ColumnSpec, value: string, rowIndex: number): Promise<void> => {
    const line = await oneLineCsrFrom(value);
    const row = rows().find((r) => r.id === rowId);
    if (!line || row?.cells[column.no - 1] !== value) return;
    props.state.editCell(rowId, column.no - 1, line);
    props.announce(t(`行${rowIndex + 1}: PEM形式のCSRを7列目の一行形式に変換しました。`, `Row ${rowIndex + 1}: the PEM CSR was converted to the one-line form for column 7.`));
  };

  const onInput = (rowId: string, column: ColumnSpec, value: string, rowIndex: number): void => {
    props.state.editCell(rowId, column.no - 1, value);
    if (column.field === 'csr' && hasArmour(value)) void convertPemCsr(rowId, column, value, rowIndex);
  };

  /**
   * A whole PEM CSR pasted into another cell of a server issue/renew row fills that row from it (DN, profile, CSR,
   * FQDN, dNSName), one undo step, and says so; a text that does not parse stays out of the cell and is named.
   */
  const fillRowFromPastedCsr = async (rowId: string, text: string, rowIndex: number): Promise<void> => {
    const r = await inspectCsr(text);
    if (!r.ok) {
      props.announce(t(`行${rowIndex + 1}: 貼り付けたCSRを読めません（${r.message.ja}）。`, `Row ${rowIndex + 1}: the pasted CSR cannot be read (${r.message.en}).`));
      return;
    }
    props.state.setRowCells(rowId, cellsFromCsr(props.state.spec(), r.info));
    props.announce(t(`行${rowIndex + 1}を貼り付けたCSRから埋めました（DN・プロファイル・CSR・FQDN・dNSName）。「元に戻す」で戻せます。`, `Row ${rowIndex + 1} filled from the pasted CSR (DN, profile, CSR, FQDN, dNSName). Undo restores it.`));
  };

  /** CSR files dropped on a row: the first fills that row, any others add rows (one undo step each), as the CSR panel does. */
  const onRowDrop = async (e: DragEvent, rowId: string, rowIndex: number): Promise<void> => {
    const files = [...(e.dataTransfer?.files ?? [])];
    if (files.length === 0 || !takesCsr(props.state.spec())) return;
    e.preventDefault();
    const reads: CsrRead[] = [];
    for (const f of files) reads.push(...(await readCsrs(new Uint8Array(await f.arrayBuffer()), f.name)));
    const good = reads.flatMap((r) => (r.ok ? [r.info] : []));
    const bad = reads.flatMap((r) => (r.ok ? [] : [`${r.source}: ${tr(r.message)}`]));
    const placed = placeCsrs(props.state.spec(), good, rowId);
    if (placed.fill) props.state.setRowCells(placed.fill.rowId, placed.fill.updates);
    if (placed.add.length > 0) props.state.addFilledRows(placed.add);
    props.announce(
      [
        placed.fill ? t(`行${rowIndex + 1}をCSRで埋めました（「元に戻す」で戻せます）。`, `Row ${rowIndex + 1} filled from the CSR (Undo restores it).`) : '',
        placed.add.length > 0 ? t(`CSR ${placed.add.length}件から行を追加しました。`, `Added ${placed.add.length} row(s) from CSRs.`) : '',
        bad.length > 0 ? t(`読めないファイル: ${bad.join('、')}`, `Not read: ${bad.join('; ')}`) : '',
      ].filter(Boolean).join(' '),
    );
  };

  /** Tab/newline text fills cells right and down (Excel, Google Sheets); a PEM CSR into column 7 stays one value. */
  const onPaste = (e: ClipboardEvent, rowId: string, rowIndex: number, column: ColumnSpec): void => {
    const text = e.clipboardData?.getData('text/plain') ?? '';
    if (column.field !== 'csr' && takesCsr(props.state.spec()) && looksLikePemCsr(text)) {
      e.preventDefault();
      props.state.endTyping();
      void fillRowFromPastedCsr(rowId, text, rowIndex);
      return;
    }
    if (column.field === 'csr' && hasArmour(text)) {
      e.preventDefault();
      props.state.endTyping();
      props.state.editCell(rowId, column.no - 1, text);
      void convertPemCsr(rowId, column, text, rowIndex);
      return;
    }
    const block = parseBlock(text);
    if (!isBlock(block)) return;
    e.preventDefault();
    props.state.endTyping();
    const result = props.state.pasteBlock(rowIndex, column.no - 1, block);
    const cells = block.reduce((n, line) => n + line.length, 0);
    props.announce(
      t(
        `${block.length}行×${block.reduce((m, l) => Math.max(m, l.length), 0)}列を貼り付けました` + (result.rowsAdded ? `（${result.rowsAdded}行追加）` : '') + (result.cellsDropped ? `。右端を超えた${result.cellsDropped}セルは入りませんでした` : '') + '。',
        `Pasted ${cells} cells in ${block.length} rows` + (result.rowsAdded ? ` (${result.rowsAdded} rows added)` : '') + (result.cellsDropped ? `; ${result.cellsDropped} cells beyond the last column were left out` : '') + '.',
      ),
    );
  };

  const onKeyDown = (e: KeyboardEvent, rowIndex: number, column: ColumnSpec): void => {
    const input = e.currentTarget as HTMLInputElement;
    const cols = columns();
    const at = cols.findIndex((c) => c.no === column.no);
    if ((e.ctrlKey || e.metaKey) && !e.altKey && (e.key === 'z' || e.key === 'Z' || e.key === 'y')) {
      e.preventDefault();
      if (e.key === 'y' || e.shiftKey) props.state.redo();
      else props.state.undo();
      return;
    }
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length;
    let move: [number, number] | null = null;
    if (e.key === 'ArrowUp') move = [rowIndex - 1, column.no];
    else if (e.key === 'ArrowDown' || (e.key === 'Enter' && !e.shiftKey)) move = [rowIndex + 1, column.no];
    else if (e.key === 'Enter' && e.shiftKey) move = [rowIndex - 1, column.no];
    else if (e.key === 'ArrowLeft' && atStart && at > 0) move = [rowIndex, cols[at - 1].no];
    else if (e.key === 'ArrowRight' && atEnd && at < cols.length - 1) move = [rowIndex, cols[at + 1].no];
    if (!move) return;
    e.preventDefault();
    props.state.endTyping();
    focusCell(move[0], move[1]);
  };

  return (
    <div class="grid-scroll" role="region" aria-label={t('申請データの表', 'Application rows')} tabindex="0">
      {/* Coded columns (profile with its validity, method, 失効理由 in the manual's words) offer their values. */}
      <For each={columns().filter((c) => valueChoices(c, tr).length > 0)}>
        {(c) => (
          <datalist id={`values-${c.no}`}>
            <For each={valueChoices(c, tr)}>{(v) => <option value={v.value} label={v.label} />}</For>
          </datalist>
        )}
      </For>
      <table class="builder-grid" ref={setTable} aria-rowcount={rows().length + 1}>
        <thead>
          <tr>
            <th scope="col" class="col-rownum">
              {t('行', 'Row')}
            </th>
            <For each={columns()}>
              {(column) => (
                <th scope="col" class={columnWidthClass(column)} title={tr(column.help)}>
                  <span class="col-no">No{column.no}</span> {tr(column.name)}
                  <span class={`req-mark req-${column.required}`}>{tr(requiredMark(column))}</span>
                </th>
              )}
            </For>
            <th scope="col" class="row-actions">{t('操作', 'Actions')}</th>
          </tr>
        </thead>
        <tbody>
          <Index each={pageRows()}>
            {(row, i) => {
              const rowIndex = () => props.page * PAGE_SIZE + i;
              const rowIssues = () => rowLevelIssues(props.state.check(), rowIndex());
              return (
                <tr
                  aria-rowindex={rowIndex() + 2}
                  data-testid="grid-row"
                  onDragOver={(e) => {
                    if (takesCsr(props.state.spec()) && e.dataTransfer?.types.includes('Files')) e.preventDefault();
                  }}
                  onDrop={(e) => void onRowDrop(e, row().id, rowIndex())}
                >
                  <th scope="row" class="col-rownum">
                    {rowIndex() + 1}
                    <IssueList issues={rowIssues()} id={`row-issues-${row().id}`} />
                  </th>
                  <For each={columns()}>
                    {(column) => {
                      const issues = () => cellIssues(props.state.check(), rowIndex(), column.no - 1);
                      const messageId = () => `cell-msg-${row().id}-${column.no}`;
                      return (
                        <td class={columnWidthClass(column)} classList={{ bad: issues().some((x) => x.severity === 'error'), warned: issues().length > 0 }}>
                          <input
                            type="text"
                            class="cell-input"
                            data-r={rowIndex()}
                            data-c={column.no}
                            aria-label={`${tr(column.name)} ${t('行', 'row')}${rowIndex() + 1}`}
                            aria-invalid={issues().some((x) => x.severity === 'error')}
                            aria-describedby={issues().length > 0 ? messageId() : `col-help-${column.no}`}
                            value={row().cells[column.no - 1] ?? ''}
                            list={valueChoices(column, tr).length > 0 ? `values-${column.no}` : undefined}
                            spellcheck={false}
                            autocomplete="off"
                            onInput={(e) => onInput(row().id, column, e.currentTarget.value, rowIndex())}
                            onPaste={(e) => onPaste(e, row().id, rowIndex(), column)}
                            onBlur={() => props.state.endTyping()}
                            onFocus={(e) => {
                              props.onFocusColumn(column);
                              props.onFocusRow?.(row().id);
                              keepClearOfActions(e.currentTarget);
                            }}
                            onKeyDown={(e) => onKeyDown(e, rowIndex(), column)}
                          />
                          <IssueList issues={issues()} id={messageId()} />
                          <Show when={issues().length > 0}>
                            <For each={fixesFor(column, row().cells[column.no - 1] ?? '')}>
                              {(f) => (
                                <button
                                  type="button"
                                  class="secondary small fix-button"
                                  title={f.result}
                                  onClick={() => {
                                    props.state.endTyping();
                                    props.state.editCell(row().id, column.no - 1, f.result);
                                    props.state.endTyping();
                                  }}
                                >
                                  {t('修正', 'Fix')}: {tr(f.fixer.label)}
                                </button>
                              )}
                            </For>
                          </Show>
                        </td>
                      );
                    }}
                  </For>
                  <td class="row-actions">
                    <RowActions state={props.state} rowId={row().id} index={rowIndex()} onTools={props.onRowTools} />
                  </td>
                </tr>
              );
            }}
          </Index>
        </tbody>
      </table>
    </div>
  );
};

/**
 * The 操作 column is sticky on the right: a cell scrolled into view by focus (Tab, arrows) can end up beneath it.
 * Scroll the grid so the focused cell sits left of that column.
 */
function keepClearOfActions(input: HTMLInputElement): void {
  const scroller = input.closest<HTMLElement>('.grid-scroll');
  const actions = input.closest('tr')?.querySelector<HTMLElement>('td.row-actions');
  if (!scroller || !actions) return;
  const over = input.getBoundingClientRect().right - actions.getBoundingClientRect().left;
  if (over > 0) scroller.scrollLeft += over + 8;
}

const IssueList: Component<{ issues: Issue[]; id: string }> = (props) => (
  <Show when={props.issues.length > 0}>
    <ul class="cell-issues" id={props.id}>
      <For each={props.issues}>
        {(issue) => (
          <li class={issue.severity}>
            <span class="issue-code">{issue.severity === 'error' ? t('エラー', 'Error') : t('警告', 'Warning')} {issue.code}</span> {tr(issue.message)}
            {issue.hint ? ` ${tr(issue.hint)}` : ''}
          </li>
        )}
      </For>
    </ul>
  </Show>
);

const RowActions: Component<{ state: BuilderState; rowId: string; index: number; onTools: (rowId: string) => void }> = (props) => {
  const n = () => props.index + 1;
  return (
    <div class="row-buttons">
      <Show when={hasRowTools(props.state.spec())}>
        <button type="button" class="secondary small" onClick={() => props.onTools(props.rowId)} aria-label={t(`行${n()}の補助機能`, `Tools for row ${n()}`)}>
          {t('補助', 'Tools')}
        </button>
      </Show>
      <button type="button" class="secondary small" onClick={() => props.state.duplicate(props.rowId)} aria-label={t(`行${n()}を複製`, `Duplicate row ${n()}`)}>
        {t('複製', 'Dup')}
      </button>
      <button type="button" class="secondary small" onClick={() => props.state.move(props.rowId, props.index - 1)} disabled={props.index === 0} aria-label={t(`行${n()}を上へ`, `Move row ${n()} up`)}>
        ↑
      </button>
      <button
        type="button"
        class="secondary small"
        onClick={() => props.state.move(props.rowId, props.index + 1)}
        disabled={props.index >= props.state.sheet().rows.length - 1}
        aria-label={t(`行${n()}を下へ`, `Move row ${n()} down`)}
      >
        ↓
      </button>
      <button type="button" class="secondary small danger" onClick={() => props.state.remove([props.rowId])} aria-label={t(`行${n()}を削除`, `Delete row ${n()}`)}>
        {t('削除', 'Del')}
      </button>
    </div>
  );
};
