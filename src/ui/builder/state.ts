// The builder page's state: one sheet per kind with undo history, the live check (debounced), the chosen
// institution profile, and persistence of work in progress (IndexedDB, saved on every edit, debounced).
import { batch, createMemo, createSignal, onCleanup } from 'solid-js';
import { checkSheet, type SheetCheck } from '../../builder/check';
import { newRowCells } from '../../builder/defaults';
import {
  createSheet,
  deleteRows,
  duplicateRow,
  fillColumn,
  insertRows,
  makeRow,
  metas,
  moveRow,
  records,
  setCell,
  setCells,
  setRowMeta,
  type Row,
  type RowMeta,
  type Sheet,
} from '../../builder/grid';
import type { InstitutionProfile } from '../../builder/institution';
import { syncSmimeSheet } from '../../builder/smime';
import { columnIndex } from '../../builder/grid';
import { canRedo, canUndo, createHistory, pushState, redo, replaceState, undo, type History } from '../../builder/undo';
import { KINDS } from '../../spec/kinds';
import type { KindId, KindSpec } from '../../spec/types';
import { debounce } from '../../store/debounce';
import type { DraftStore } from '../../store/drafts';
import { runCheck as runCheckOffThread } from './run-check';

const CHECK_DELAY_MS = 150;
const SAVE_DELAY_MS = 400;

export interface Choices {
  profileId: string;
  method: string;
}

export function defaultChoices(spec: KindSpec): Choices {
  return { profileId: spec.family === 'server' ? '3' : '5', method: '1' };
}

export function createBuilderState(drafts: () => DraftStore | undefined) {
  const [kind, setKindSignal] = createSignal<KindId>('server-issue');
  const histories = new Map<KindId, History<Sheet>>();
  const [history, setHistory] = createSignal<History<Sheet>>(createHistory(createSheet(KINDS['server-issue'])));
  const [institution, setInstitution] = createSignal<InstitutionProfile | null>(null);
  const [choices, setChoices] = createSignal<Choices>(defaultChoices(KINDS['server-issue']));
  const [check, setCheck] = createSignal<SheetCheck>(checkSheet(KINDS['server-issue'], []));
  /** True from an edit until the worker's check of it arrives: the summary would otherwise show the old counts. */
  const [checking, setChecking] = createSignal(false);
  const [saveState, setSaveState] = createSignal<'idle' | 'pending' | 'saving' | 'saved' | 'failed'>('idle');
  /**
   * False until restore() has shown the stored draft: an edit made before would be saved over that draft
   * (the empty start-up sheet plus the edit), so edits are ignored until then and the page keeps them off.
   */
  const [ready, setReady] = createSignal(false);
  let lastEdit = '';
  /** Bumped on every change, so a save that finishes after a newer edit does not claim "saved". */
  let version = 0;

  const spec = createMemo(() => KINDS[kind()]);
  const sheet = createMemo(() => history().present);

  let checkSeq = 0;
  /** After a kind switch or a load, show a result for the new rows at once (sync rules); the worker refines it. */
  const checkAtOnce = (): void => {
    checkSeq += 1;
    setCheck(checkSheet(spec(), records(sheet())));
  };
  /** The full check (CSR checks included) runs in a worker; only the answer for the latest edit is shown. */
  // eslint-disable-next-line solid/reactivity -- a debounced action, run like an event handler
  const runCheck = debounce(async () => {
    const seq = ++checkSeq;
    const s = sheet();
    try {
      const m = metas(s);
      const result = await runCheckOffThread(s.kind, records(s), m.some(Boolean) ? m : undefined);
      if (seq === checkSeq) {
        setCheck(result);
        setChecking(false);
      }
    } catch {
      // A failed off-thread run leaves the last result; the export runs its own check anyway.
      if (seq === checkSeq) setChecking(false);
    }
  }, CHECK_DELAY_MS);
  const scheduleCheck = (): void => {
    setChecking(true);
    runCheck();
  };
  // eslint-disable-next-line solid/reactivity -- a debounced action, run like an event handler
  const save = debounce(async (s: Sheet) => {
    const store = drafts();
    if (!store) return;
    const saving = version;
    setSaveState('saving');
    try {
      await store.save({
        kind: s.kind,
        rows: s.rows.map((r) => (r.meta ? { id: r.id, cells: [...r.cells], meta: r.meta } : { id: r.id, cells: [...r.cells] })),
        profileId: institution()?.id,
        updatedAt: new Date().toISOString(),
      });
      setSaveState(saving === version ? 'saved' : 'pending');
    } catch {
      setSaveState('failed');
    }
  }, SAVE_DELAY_MS);
  // A closed tab or a reload within the debounce window must not lose the last edit.
  // visibilitychange (hidden) comes first when a tab is closed or switched away; pagehide covers the rest.
  const flushOnHide = () => void save.flush();
  const flushWhenHidden = () => {
    if (globalThis.document?.visibilityState === 'hidden') flushOnHide();
  };
  globalThis.addEventListener?.('pagehide', flushOnHide);
  globalThis.document?.addEventListener('visibilitychange', flushWhenHidden);
  onCleanup(() => {
    globalThis.removeEventListener?.('pagehide', flushOnHide);
    globalThis.document?.removeEventListener('visibilitychange', flushWhenHidden);
    void save.flush();
    runCheck.cancel();
  });

  function persist(s: Sheet): void {
    version += 1;
    setSaveState('pending');
    save(s);
  }

  function commit(next: History<Sheet>): void {
    if (!ready()) return;
    setHistory(next);
    histories.set(next.present.kind, next);
    scheduleCheck();
    persist(next.present);
  }

  /** A new undo step, unless `mergeKey` says this continues the previous edit (typing in one cell). */
  function apply(next: Sheet, mergeKey = ''): void {
    if (!ready() || next === sheet()) return;
    const merge = mergeKey !== '' && mergeKey === lastEdit;
    lastEdit = mergeKey;
    commit(merge ? replaceState(history(), next) : pushState(history(), next));
  }

  /** A kind's history: in memory if it was open before, else its draft, else an empty sheet. */
  async function historyOf(next: KindId): Promise<History<Sheet>> {
    let target = histories.get(next);
    if (!target) {
      const draft = await drafts()?.load(next);
      target = createHistory(draft ? restoreSheet(next, draft.rows) : createSheet(KINDS[next]));
      histories.set(next, target);
    }
    return target;
  }

  function show(next: KindId, target: History<Sheet>): void {
    batch(() => {
      setKindSignal(next);
      setChoices(defaultChoices(KINDS[next]));
      setHistory(target);
      lastEdit = '';
      checkAtOnce();
    });
    scheduleCheck();
  }

  /**
   * Keep S/MIME rows' CN equal to 利用者mail (SPEC §3.4) and their P12 name following the mail (ADDENDUM
   * B.8); the sheet before the edit tells a derived name from one the user typed.
   */
  const smimeSynced = (s: Sheet, rowId: string): Sheet => syncSmimeSheet(spec(), s, new Set([rowId]), sheet());

  return {
    kind,
    spec,
    sheet,
    check,
    checking,
    institution,
    choices,
    saveState,
    canUndo: () => canUndo(history()),
    canRedo: () => canRedo(history()),
    flushSave: () => save.flush(),
    /** Show a check computed elsewhere (the export's full check). */
    adoptCheck: (result: SheetCheck) => setCheck(result),
    /** Choose the institution profile for new rows; remembered with the draft. */
    setInstitution(profile: InstitutionProfile | null): void {
      if (!ready()) return;
      setInstitution(profile);
      persist(sheet());
    },
    setChoices,
    /** Switch kind: the current sheet stays in memory (and in IndexedDB); the other kind's draft is restored. */
    async switchKind(next: KindId): Promise<void> {
      if (!ready() || next === kind()) return;
      // Only an edit queues a save, so this writes the sheet being left only if it changed; the sheet
      // switched to is never rewritten (an unedited, not yet loaded sheet must not overwrite its draft).
      await save.flush();
      show(next, await historyOf(next));
      await drafts()?.setActive(next, institution()?.id).catch(() => setSaveState('failed'));
    },
    ready,
    /**
     * Start-up: open the kind that was open last with its draft and institution profile, then allow editing
     * (also when there is no store or reading it fails). Nothing is written: a reload must never replace a
     * stored draft with what an empty page holds.
     */
    async restore(findProfile: (id: string | undefined) => InstitutionProfile | null): Promise<void> {
      try {
        save.cancel();
        const store = drafts();
        if (!store) return;
        const last = await store.lastSession(kind());
        if (!last.draft && last.kind === kind() && last.profileId === undefined) return; // a first visit
        setInstitution(findProfile(last.profileId));
        const h = createHistory(last.draft ? restoreSheet(last.kind, last.draft.rows) : createSheet(KINDS[last.kind]));
        histories.set(last.kind, h);
        show(last.kind, h);
      } finally {
        setReady(true);
      }
    },
    /** Replace the sheet of a kind wholesale (a TSV import); one undo step. */
    load(next: KindId, rows: readonly (readonly string[])[] | readonly Row[]): void {
      if (!ready()) return;
      const s = restoreSheet(next, rows);
      batch(() => {
        setKindSignal(next);
        const h = pushState(histories.get(next) ?? createHistory(createSheet(KINDS[next])), s);
        setHistory(h);
        histories.set(next, h);
        lastEdit = '';
        checkAtOnce();
      });
      scheduleCheck();
      persist(sheet());
    },
    editCell(rowId: string, column: number, value: string): void {
      apply(smimeSynced(setCell(sheet(), rowId, column, value), rowId), `${rowId}:${column}`);
    },
    setRowCells(rowId: string, updates: ReadonlyMap<number, string>): void {
      apply(smimeSynced(setCells(sheet(), rowId, updates), rowId));
    },
    /** Cells and metadata together (a dropped old certificate): one undo step. */
    setRowCellsAndMeta(rowId: string, updates: ReadonlyMap<number, string>, meta: RowMeta | undefined): void {
      apply(smimeSynced(setRowMeta(setCells(sheet(), rowId, updates), rowId, meta), rowId));
    },
    endTyping(): void {
      lastEdit = '';
    },
    addRows(count = 1, at?: number): void {
      // eslint-disable-next-line solid/reactivity -- an action: reads the current values once
      const rows = Array.from({ length: count }, () => makeRow(spec(), newRowCells(spec(), institution(), choices())));
      apply(insertRows(sheet(), rows, at));
    },
    appendRecords(cells: readonly (readonly string[])[]): void {
      apply(insertRows(sheet(), cells.map((c) => makeRow(spec(), c))));
    },
    duplicate: (rowId: string) => apply(duplicateRow(sheet(), rowId)),
    remove: (rowIds: Iterable<string>) => apply(deleteRows(sheet(), rowIds)),
    move: (rowId: string, to: number) => apply(moveRow(sheet(), rowId, to)),
    /** Write the chosen profile and method into every row: one undo step. */
    applyChoicesToAll(): void {
      let next = sheet();
      const profileAt = columnIndex(spec(), 'profile');
      const methodAt = columnIndex(spec(), 'method');
      if (profileAt >= 0) next = fillColumn(next, profileAt, choices().profileId);
      if (methodAt >= 0) next = fillColumn(next, methodAt, choices().method);
      apply(syncSmimeSheet(spec(), next, undefined, sheet()));
    },
    clear: () => apply(createSheet(spec())),
    undo: () => {
      lastEdit = '';
      commit(undo(history()));
    },
    redo: () => {
      lastEdit = '';
      commit(redo(history()));
    },
  };
}

export type BuilderState = ReturnType<typeof createBuilderState>;

function restoreSheet(kind: KindId, rows: readonly (readonly string[])[] | readonly Row[]): Sheet {
  const spec = KINDS[kind];
  const list = rows as readonly unknown[];
  if (list.length > 0 && !Array.isArray(list[0])) {
    return {
      kind,
      rows: (rows as readonly Row[]).map((r) => ({ id: r.id, cells: makeRow(spec, r.cells).cells, ...(r.meta ? { meta: r.meta } : {}) })),
    };
  }
  return createSheet(spec, rows as readonly (readonly string[])[]);
}
