// #/builder — build any of the six application TSVs: grid with live validation, institution defaults,
// roster import, TSV import, key/CSR per row, export (split + zip). Work in progress survives a reload.
import { For, Show, createMemo, createSignal, onMount, type Component } from 'solid-js';
import type { InstitutionProfile } from '../../builder/institution';
import { KINDS } from '../../spec/kinds';
import { KIND_IDS, type ColumnSpec, type KindId } from '../../spec/types';
import { openBuilderDb } from '../../store/db';
import { DraftStore } from '../../store/drafts';
import { ProfileStore } from '../../store/profiles';
import { t, tr } from '../i18n';
import { visibleColumns } from './columns';
import { ChoicesPanel } from './ChoicesPanel';
import { CsrImport } from './CsrImport';
import { cellsFromCsr, readCsrs, takesCsr } from '../../builder/from-csr';
import { takeCsrHandoff, takeTsvHandoff } from '../app/handoff';
import { readTsvForEditing } from '../../builder/import-tsv';
import { ExportPanel } from './ExportPanel';
import { Grid, PAGE_SIZE } from './Grid';
import { ProfilePanel } from './ProfilePanel';
import { RosterImport } from './RosterImport';
import { RowTools } from './RowTools';
import { createBuilderState } from './state';
import { TsvImport } from './TsvImport';
import './builder.css';

const BuilderPage: Component = () => {
  const [drafts, setDrafts] = createSignal<DraftStore>();
  const [profileStore, setProfileStore] = createSignal<ProfileStore>();
  const [profiles, setProfiles] = createSignal<InstitutionProfile[]>([]);
  const [storageError, setStorageError] = createSignal(false);
  const [announcement, setAnnouncement] = createSignal('');
  const [showBlank, setShowBlank] = createSignal(false);
  const [page, setPage] = createSignal(0);
  const [toolsRow, setToolsRow] = createSignal<string | null>(null);
  const [focusedColumn, setFocusedColumn] = createSignal<ColumnSpec | null>(null);
  /** The row last focused in the grid (kept after the focus moves to the CSR panel): CSRs can fill it. */
  const [focusedRow, setFocusedRow] = createSignal<string | null>(null);
  const focusedRowIndex = () => {
    const id = focusedRow();
    const at = id === null ? -1 : state.sheet().rows.findIndex((r) => r.id === id);
    return at < 0 ? null : { id: id!, index: at };
  };
  const state = createBuilderState(drafts);

  const announce = (text: string) => {
    setAnnouncement('');
    queueMicrotask(() => setAnnouncement(text));
  };
  const reloadProfiles = async (): Promise<void> => {
    setProfiles((await profileStore()?.list()) ?? []);
  };

  // Every failure below ends in setStorageError: nothing is left to reject.
  onMount(() => void openStorage());
  async function openStorage(): Promise<void> {
    try {
      const db = await openBuilderDb();
      setDrafts(new DraftStore(db));
      setProfileStore(new ProfileStore(db));
      await reloadProfiles();
    } catch {
      setStorageError(true);
    }
    // Also without IndexedDB: restore is what allows editing.
    // eslint-disable-next-line solid/reactivity -- a lookup at restore time, not a reactive read
    await state.restore((id) => profiles().find((p) => p.id === id) ?? null).catch(() => setStorageError(true));
    await takeHandoff();
  }

  /** A CSR sent from 鍵・CSR (「TSV作成へ送る」): a new row of the kind chosen there, once the draft is shown. */
  const takeHandoff = async () => {
    await takeTsv();
    const handoff = takeCsrHandoff();
    if (!handoff) return;
    await state.switchKind(handoff.kind);
    const reads = await readCsrs(handoff.csr, 'CSR');
    const good = reads.flatMap((r) => (r.ok ? [cellsFromCsr(state.spec(), r.info)] : []));
    if (good.length === 0) return;
    state.addFilledRows(good);
    setPage(pages() - 1);
    announce(t(`鍵・CSRページのCSRを「${KINDS[handoff.kind].title.ja}」の${state.sheet().rows.length}行目に追加しました。`, `Added the CSR from Keys & CSR as row ${state.sheet().rows.length} of "${KINDS[handoff.kind].title.en}".`));
  };

  /** A file sent from the validator (「TSV作成で開く」): opened as the TSV import opens one, asking before replacing rows. */
  const takeTsv = async () => {
    const handoff = takeTsvHandoff();
    if (!handoff) return;
    const read = readTsvForEditing(handoff.bytes);
    if (read.records.length === 0) return;
    await state.switchKind(handoff.kind);
    const n = state.sheet().rows.length;
    if (n > 0 && !window.confirm(t(`「${KINDS[handoff.kind].title.ja}」の${n}行を、${handoff.name}の${read.records.length}行で置き換えますか？「元に戻す」で戻せます。`, `Replace the ${n} rows of "${KINDS[handoff.kind].title.en}" with the ${read.records.length} rows of ${handoff.name}? Undo restores them.`))) return;
    state.load(handoff.kind, read.records);
    setPage(0);
    announce(t(`${handoff.name}の${read.records.length}行を「${KINDS[handoff.kind].title.ja}」として開きました。`, `Opened ${read.records.length} rows of ${handoff.name} as "${KINDS[handoff.kind].title.en}".`));
  };

  const pages = createMemo(() => Math.max(1, Math.ceil(state.sheet().rows.length / PAGE_SIZE)));
  const currentPage = () => Math.min(page(), pages() - 1);
  const spec = () => state.spec();

  const chooseKind = async (kind: KindId) => {
    await state.switchKind(kind);
    setPage(0);
    setToolsRow(null);
  };

  /** Destructive: asks first, and its undo survives a reload (state.ts keeps the sheet before it with the draft). */
  const clearAll = () => {
    const n = state.sheet().rows.length;
    if (!window.confirm(t(`全${n}行を削除しますか？「元に戻す」で戻せます（再読み込み後も、次の編集までは戻せます）。`, `Delete all ${n} rows? Undo restores them (also after a reload, until the next edit).`))) return;
    state.clear();
    setPage(0);
    announce(t('全行を削除しました（元に戻せます）。', 'All rows deleted (undo restores them).'));
  };

  /** An issue in the list → its cell: the right page, scrolled into view, focused (a hidden blank column shown). */
  const goToCell = (row: number, column?: number) => {
    const no = column ?? visibleColumns(spec(), showBlank())[0]?.no ?? 1;
    if (!visibleColumns(spec(), showBlank()).some((c) => c.no === no)) setShowBlank(true);
    setPage(Math.floor(row / PAGE_SIZE));
    requestAnimationFrame(() => {
      const input = document.querySelector<HTMLInputElement>(`.builder-grid input[data-r="${row}"][data-c="${no}"]`);
      input?.scrollIntoView({ block: 'center', inline: 'center' });
      input?.focus();
    });
  };

  const addRow = () => {
    state.addRows(1);
    setPage(pages() - 1);
    announce(t('行を追加しました。', 'Row added.'));
  };

  return (
    <section class="builder" data-ready={state.ready() ? 'true' : 'false'} aria-busy={!state.ready()}>
      <h1>{t('申請TSVの作成', 'Build an application TSV')}</h1>
      <p class="hint">
        {t(
          '申請の種類を選び、行を追加（または名簿・既存TSVを読み込み）して表を埋めると、入力中にRAと同じ規則で検査します。誤りがなくなればShift-JISのTSVとして書き出せます。入力内容はこのブラウザの中だけに保存されます。',
          'Choose the kind of application, add rows (or read a roster or an existing TSV) and fill the grid; it is checked with the RA’s rules as you type. When no errors are left, export it as a Shift-JIS TSV. Your entries are kept only in this browser.',
        )}
      </p>
      <div class="visually-hidden" aria-live="polite" role="status" data-testid="announcer">
        {announcement()}
      </div>
      <Show when={storageError()}>
        <p class="notice notice-warn">{t('このブラウザではIndexedDBが使えないため、作業内容は保存されません。', 'IndexedDB is unavailable here: work in progress is not saved.')}</p>
      </Show>
      {/* Inert until the stored draft is shown: an edit made earlier would be lost (state.ts, ready). */}
      <div class="builder-body" inert={state.ready() ? undefined : true}>
        <fieldset class="kind-picker">
          <legend>{t('申請の種類', 'Kind of application')}</legend>
          <For each={KIND_IDS}>
            {(kind) => (
              <span class="kind-option">
                <input type="radio" id={`kind-${kind}`} name="kind" value={kind} checked={state.kind() === kind} onChange={() => void chooseKind(kind)} />
                <label for={`kind-${kind}`}>{tr(KINDS[kind].title)}</label>
              </span>
            )}
          </For>
        </fieldset>
        <ProfilePanel store={profileStore()} profiles={profiles()} selected={state.institution()} onSelect={(p) => state.setInstitution(p)} onChanged={reloadProfiles} announce={announce} />
        <ChoicesPanel state={state} announce={announce} />
        <Show when={spec().family === 'client'}>
          <RosterImport state={state} announce={announce} />
        </Show>
        <Show when={takesCsr(spec())}>
          <CsrImport state={state} announce={announce} focusedRow={focusedRowIndex()} />
        </Show>
        <TsvImport state={state} announce={announce} />
        <div class="toolbar" role="toolbar" aria-label={t('行の操作', 'Row operations')}>
          <button type="button" onClick={addRow}>{t('行を追加', 'Add row')}</button>
          <button type="button" class="secondary" onClick={() => state.undo()} disabled={!state.canUndo()} aria-keyshortcuts="Control+Z">{t('元に戻す', 'Undo')}</button>
          <button type="button" class="secondary" onClick={() => state.redo()} disabled={!state.canRedo()} aria-keyshortcuts="Control+Y">{t('やり直す', 'Redo')}</button>
          <button type="button" class="secondary danger" onClick={clearAll} disabled={state.sheet().rows.length === 0}>
            {t('全行を削除', 'Delete all rows')}
          </button>
          <span class="pair">
            <input id="show-blank" type="checkbox" checked={showBlank()} onChange={(e) => setShowBlank(e.currentTarget.checked)} />
            <label for="show-blank">{t('空白列も表示', 'Show blank columns')}</label>
          </span>
          <Show when={state.fixableCells() > 0}>
            <button
              type="button"
              class="secondary"
              data-testid="fix-all"
              onClick={() => {
                const n = state.fixAllCells();
                announce(t(`${n}セルを修正しました（元に戻せます）。`, `Fixed ${n} cells (undo restores them).`));
              }}
            >
              {t(`すべて修正（${state.fixableCells()}セル）`, `Fix all (${state.fixableCells()} cells)`)}
            </button>
          </Show>
          <Show when={state.destructiveUndo()}>
            {(what) => (
              <span class="hint" data-testid="destructive-undo">
                {what() === 'clear' ? t('「全行を削除」は「元に戻す」で戻せます。', '"Delete all rows" can be undone.') : t('読み込みで置き換えた表は「元に戻す」で戻せます。', 'The sheet replaced by the import can be restored with Undo.')}
              </span>
            )}
          </Show>
          <span class="save-state" data-testid="save-state">
            {state.saveState() === 'saved' ? t('保存済み', 'Saved') : state.saveState() === 'saving' ? t('保存中…', 'Saving…') : state.saveState() === 'pending' ? t('未保存の変更あり', 'Unsaved changes') : state.saveState() === 'failed' ? t('保存失敗', 'Save failed') : ''}
          </span>
        </div>
        <p class="column-help" aria-live="off">
          <Show when={focusedColumn()} fallback={t('セルを選ぶと、その列の説明がここに出ます。矢印キーで移動、Ctrl+Zで元に戻す。', 'Select a cell to see its column help here. Arrow keys move; Ctrl+Z undoes.')}>
            {(c) => (
              <>
                <strong>No{c().no} {tr(c().name)}</strong>: {tr(c().help)} {c().requiredNote ? tr(c().requiredNote!) : ''}
              </>
            )}
          </Show>
        </p>
        <div class="visually-hidden">
          <For each={visibleColumns(spec(), true)}>{(c) => <span id={`col-help-${c.no}`}>{tr(c.help)}</span>}</For>
        </div>
        <Show when={state.sheet().rows.length > 0} fallback={<p class="hint">{t('行がありません。「行を追加」または名簿・TSVの読み込みで始めてください。', 'No rows yet. Add a row, or import a roster or a TSV.')}</p>}>
          <p class="hint grid-hint">
            {t(
              '表は横にスクロールします（矢印キーでもセルを移動できます）。右端の「操作」列は常に表示されます。',
              'The table scrolls sideways (arrow keys move between cells too). The Actions column on the right stays in view.',
            )}
          </p>
          <Pager page={currentPage()} pages={pages()} setPage={setPage} />
          <Grid state={state} showBlank={showBlank()} page={currentPage()} setPage={setPage} onRowTools={setToolsRow} onFocusColumn={setFocusedColumn} onFocusRow={setFocusedRow} announce={announce} />
        </Show>
        <Show when={toolsRow()}>{(id) => <RowTools state={state} rowId={id()} onClose={() => setToolsRow(null)} announce={announce} />}</Show>
        <ExportPanel state={state} announce={announce} goTo={goToCell} />
      </div>
    </section>
  );
};

const Pager: Component<{ page: number; pages: number; setPage: (p: number) => void }> = (props) => (
  <Show when={props.pages > 1}>
    <nav class="pager" aria-label={t('ページ', 'Pages')}>
      <button type="button" class="secondary small" disabled={props.page === 0} onClick={() => props.setPage(props.page - 1)}>{t('前へ', 'Previous')}</button>
      <label for="pager-select">{t('ページ', 'Page')}</label>
      <select id="pager-select" value={props.page} onChange={(e) => props.setPage(Number(e.currentTarget.value))}>
        <For each={Array.from({ length: props.pages }, (_, i) => i)}>{(i) => <option value={i}>{`${i + 1} / ${props.pages}`}</option>}</For>
      </select>
      <button type="button" class="secondary small" disabled={props.page >= props.pages - 1} onClick={() => props.setPage(props.page + 1)}>{t('次へ', 'Next')}</button>
    </nav>
  </Show>
);

export default BuilderPage;
