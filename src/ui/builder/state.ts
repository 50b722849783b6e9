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
import { canCheckAgainst, type InstitutionRegistered } from '../../builder/institution-check';
import { pasteBlock } from '../../builder/paste';
import { fixSheet } from '../../builder/fixers';
import { cellIssues } from '../../builder/check';
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
  /** The sheet before the last destructive step, saved with the draft until the next edit (undo after a reload). */
  let destructive: { before: Sheet; label: string } | null = null;
  /** The same, for the page (a signal: the hint beside Undo follows it). */
  const [destructiveLabel, setDestructiveLabel] = createSignal<string | null>(null);
  const setDestructive = (value: { before: Sheet; label: string } | null): void => {
    destructive = value;
    setDestructiveLabel(value?.label ?? null);
  };
  /** 全行に共通の選択 per kind, as restored from each kind's draft. */
  const kindChoices = new Map<KindId, Choices>();
  /** Bumped on every change, so a save that finishes after a newer edit does not claim "saved". */
  let version = 0;

  const spec = createMemo(() => KINDS[kind()]);
  /** What the rows are checked against: the chosen institution profile's O, ST, L and domains (241, R101–R103). */
  const registered = (): InstitutionRegistered | undefined => {
    const p = institution();
    return canCheckAgainst(p) ? { o: p.o, st: p.st, l: p.l, domains: [...p.domains], label: p.label } : undefined;
  };
  const sheet = createMemo(() => history().present);

  const fixableCells = createMemo(() => {
    const current = check();
    return fixSheet(spec(), sheet(), (r, c) => cellIssues(current, r, c).length > 0).cells;
  });

  let checkSeq = 0;
  /** After a kind switch or a load, show a result for the new rows at once (sync rules); the worker refines it. */
  const checkAtOnce = (): void => {
    checkSeq += 1;
    setCheck(checkSheet(spec(), records(sheet()), registered()));
  };
  /** The full check (CSR checks included) runs in a worker; only the answer for the latest edit is shown. */
  // eslint-disable-next-line solid/reactivity -- a debounced action, run like an event handler
  const runCheck = debounce(async () => {
    const seq = ++checkSeq;
    const s = sheet();
    try {
      const m = metas(s);
      const result = await runCheckOffThread(s.kind, records(s), m.some(Boolean) ? m : undefined, registered());
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
        rows: s.rows.map(draftRow),
        profileId: institution()?.id,
        choices: choices(),
        ...(destructive && destructive.before.kind === s.kind ? { undo: { rows: destructive.before.rows.map(draftRow), label: destructive.label } } : {}),
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
  function apply(next: Sheet, mergeKey = '', destructiveLabel?: string): void {
    if (!ready() || next === sheet()) return;
    setDestructive(destructiveLabel && sheet().rows.length > 0 ? { before: sheet(), label: destructiveLabel } : null);
    const merge = mergeKey !== '' && mergeKey === lastEdit;
    lastEdit = mergeKey;
    commit(merge ? replaceState(history(), next) : pushState(history(), next));
  }

  /** A kind's history: in memory if it was open before, else its draft, else an empty sheet. */
  async function historyOf(next: KindId): Promise<History<Sheet>> {
    let target = histories.get(next);
    if (!target) {
      const draft = await drafts()?.load(next);
      target = draft ? restoredHistory(next, draft) : createHistory(createSheet(KINDS[next]));
      if (draft?.choices) kindChoices.set(next, draft.choices);
      histories.set(next, target);
    }
    return target;
  }

  function show(next: KindId, target: History<Sheet>): void {
    batch(() => {
      setKindSignal(next);
      setChoices(kindChoices.get(next) ?? defaultChoices(KINDS[next]));
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
      // The rows are now judged against another institution (or none).
      checkAtOnce();
      scheduleCheck();
    },
    registered,
    /** 全行に共通の選択: remembered per kind and saved with the draft. */
    setChoices(next: Choices): void {
      if (!ready()) return;
      setChoices(next);
      kindChoices.set(kind(), next);
      persist(sheet());
    },
    /** What the last destructive step was, while its undo survives a reload (until the next edit). */
    destructiveUndo: () => (canUndo(history()) ? destructiveLabel() : null),
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
        if (last.draft?.choices) kindChoices.set(last.kind, last.draft.choices);
        const h = last.draft ? restoredHistory(last.kind, last.draft) : createHistory(createSheet(KINDS[last.kind]));
        if (last.draft?.undo && h.past.length > 0) setDestructive({ before: h.past[h.past.length - 1], label: last.draft.undo.label });
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
      const old = histories.get(next)?.present;
      setDestructive(old && old.rows.length > 0 ? { before: old, label: 'import' } : null);
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
    /** New rows with the usual defaults, then `updates` on top (rows from CSR files): one undo step. */
    addFilledRows(updates: readonly ReadonlyMap<number, string>[]): void {
      const rows = updates.map((u) => {
        const cells = newRowCells(spec(), institution(), choices());
        for (const [i, v] of u) cells[i] = v;
        return makeRow(spec(), cells);
      });
      apply(insertRows(sheet(), rows));
    },
    /** 「すべて修正」: every flagged cell the tool knows how to fix, in one undo step; returns how many changed. */
    fixAllCells(): number {
      const before = sheet();
      const current = check();
      const result = fixSheet(spec(), before, (r, c) => cellIssues(current, r, c).length > 0);
      if (result.cells > 0) apply(syncSmimeSheet(spec(), result.sheet, undefined, before));
      return result.cells;
    },
    /** How many flagged cells 「すべて修正」 would change. */
    fixableCells,
    /** An Excel-style block paste at (row, column), 0-based: one undo step. */
    pasteBlock(row: number, column: number, block: readonly (readonly string[])[]) {
      const before = sheet();
      const [s, inst, ch] = [spec(), institution(), choices()];
      const result = pasteBlock(before, s, row, column, block, () => makeRow(s, newRowCells(s, inst, ch)));
      const touched = new Set(result.sheet.rows.slice(row, row + block.length).map((r) => r.id));
      apply(syncSmimeSheet(spec(), result.sheet, touched, before));
      return result;
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
    clear: () => apply(createSheet(spec()), '', 'clear'),
    undo: () => {
      lastEdit = '';
      setDestructive(null);
      commit(undo(history()));
    },
    redo: () => {
      lastEdit = '';
      setDestructive(null);
      commit(redo(history()));
    },
  };
}

export type BuilderState = ReturnType<typeof createBuilderState>;

function draftRow(r: Row): { id: string; cells: string[]; meta?: RowMeta } {
  return r.meta ? { id: r.id, cells: [...r.cells], meta: r.meta } : { id: r.id, cells: [...r.cells] };
}

/** A draft as a history: the sheet before its last destructive step (if kept) is one undo away. */
function restoredHistory(kind: KindId, draft: { rows: readonly Row[]; undo?: { rows: readonly Row[] } }): History<Sheet> {
  const present = restoreSheet(kind, draft.rows);
  return draft.undo ? pushState(createHistory(restoreSheet(kind, draft.undo.rows)), present) : createHistory(present);
}

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
