// The inventory page's state: rows (persisted), the day counted from, filter/sort/group, the selection, and the
// import with progress and cancel. Derived views are memos so 10 000 rows are filtered and sorted once per change.
import { batch, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import {
  daysLeft, filterEntries, findWarnings, groupByDomain, indexForSearch, sortEntries, withStatus,
  type CertKind, type InventoryEntry, type InventoryStatus, type InventorySummary, type SortKey,
} from '../../inventory';
import { prewarmImportWorker, startImport, type ImportRequest, type RunningImport } from './import-client';
import type { Phase, ResultSummary, Timings } from './import-protocol';
import { clearInventory } from './inventory-db';
import { RowIntake } from './intake';

/** A table line: a row, or (grouped by domain) a domain's heading. Rows are the entries themselves (no wrapper
 * objects for 10 000 rows). */
export type GroupHeading = { group: string; count: number };
export type Item = InventoryEntry | GroupHeading;
export const isHeading = (item: Item): item is GroupHeading => 'group' in item;

/** Today at JST midnight would shift with the time of day; the page counts from "now" unless a day is chosen. */
export function createInventoryState() {
  const [raw, setRaw] = createSignal<InventoryEntry[]>([]);
  const [asOf, setAsOf] = createSignal(new Date());
  const [text, setText] = createSignal('');
  const [kinds, setKinds] = createSignal<CertKind[]>([]);
  const [statuses, setStatuses] = createSignal<InventoryStatus[]>([]);
  const [maxDays, setMaxDays] = createSignal<number | undefined>();
  const [sort, setSort] = createSignal<{ key: SortKey; desc: boolean }>({ key: 'notAfter', desc: false });
  const [grouped, setGrouped] = createSignal(false);
  const [selected, setSelected] = createSignal<ReadonlySet<string>>(new Set());
  const [results, setResults] = createSignal<ResultSummary[]>([]);
  const [progress, setProgress] = createSignal<{ phase: Phase; done?: number; total?: number; cancellable: boolean } | undefined>();
  const [storeError, setStoreError] = createSignal<string>();
  const [timings, setTimings] = createSignal<Timings>({});
  /** Files are being read (not a restore from the store): the page builds the empty table meanwhile. */
  const [importing, setImporting] = createSignal(false);
  /** The import worker's store write is under way (the page says 保存中…). */
  const [saving, setSaving] = createSignal(false);
  /** The worker's timeline, domain counts and warnings for the rows in raw(), counted from summary().asOf. */
  const [summary, setSummary] = createSignal<InventorySummary>();
  /** A run's rows are arriving and its summary follows them: the page keeps the last summary meanwhile and
   * computes none itself (the worker's is a few milliseconds away). */
  const [awaiting, setAwaiting] = createSignal(false);
  let running: RunningImport | undefined;
  /** The last import's store write: the next import waits for it (it merges onto the stored rows). */
  let saved: Promise<void> = Promise.resolve();
  let generation = 0;

  /** The moment the rows' statuses were computed for (by the worker): the same moment needs no second pass. */
  const [rawAsOf, setRawAsOf] = createSignal(0);
  const entries = createMemo(() => (asOf().getTime() === rawAsOf() ? raw() : withStatus(raw(), asOf())));
  const shown = createMemo(() => {
    const f = filterEntries(entries(), { text: text(), kinds: kinds(), statuses: statuses(), maxDaysLeft: maxDays() }, asOf());
    return sortEntries(f, sort().key, sort().desc, asOf());
  });
  const items = createMemo<readonly Item[]>(() => {
    if (!grouped()) return shown();
    return groupByDomain(shown()).flatMap((g): Item[] => [{ group: g.domain, count: g.entries.length }, ...g.entries]);
  });
  /** The worker's summary while it still describes the table (same rows, same day counted from). */
  const fresh = createMemo(() => {
    const s = summary();
    return s && s.asOf === asOf().getTime() ? s : undefined;
  });
  // Counted from another day (the 基準日 changed) the page computes the timeline and the warnings itself, a task
  // or two after the rows, each in its own task; while the worker's summary holds, nothing here walks the rows.
  const [charted, setCharted] = createSignal<InventoryEntry[]>([]);
  const [checked, setChecked] = createSignal<InventoryEntry[]>([]);
  createEffect(
    on([entries, fresh, awaiting], ([list, f, wait]) => {
      if (f || wait) return;
      const a = setTimeout(() => {
        setCharted(list);
        b = setTimeout(() => setChecked(list), 0);
      }, 0);
      let b: ReturnType<typeof setTimeout> | undefined;
      onCleanup(() => (clearTimeout(a), clearTimeout(b)));
    }),
  );
  const warnings = createMemo(() => fresh()?.warnings ?? findWarnings(checked()));
  /** The chart and the actions are drawn once there is something to draw them from (after a run's summary). */
  const ready = () => !awaiting() && (fresh() !== undefined || charted().length > 0);
  const selectedEntries = createMemo(() => entries().filter((e) => selected().has(e.id)));

  /**
   * Reading and merging run in a worker (import.worker.ts), which also writes the store. The rows come in slices
   * (a first screen, then large ones), indexed for search as they arrive; the table takes the rows so far once
   * per frame, so it shows with the first slice and no task takes all 10 000 rows at once. The summary (timeline,
   * domains, warnings) follows the last slice and is applied in the frame after it.
   */
  async function run(request: ImportRequest, askPin: (name: string) => Promise<string | null>): Promise<void> {
    running?.cancel();
    const gen = ++generation;
    const intake = new RowIntake();
    let frame = false;
    const apply = () => {
      frame = false;
      const got = gen === generation ? intake.take() : undefined;
      if (!got) return;
      batch(() => {
        if (got.summary) {
          setSummary(got.summary);
          setAwaiting(false);
        }
        if (got.rows) {
          setRaw(got.rows);
          setRawAsOf(request.asOf);
        }
      });
    };
    const schedule = () => {
      if (frame) return;
      frame = true;
      nextFrame(apply);
    };
    setProgress({ phase: 'reading', cancellable: true });
    setImporting(request.type === 'import');
    await saved;
    if (gen !== generation) return; // cancelled, or another import started, while the previous one was saving
    const job = (running = startImport(request, {
      askPin,
      onProgress: (phase, done, total) => setProgress({ phase, done, total, cancellable: phase !== 'showing' }),
      onSummary: (s) => {
        intake.addSummary(s);
        schedule();
      },
      onRows: (slice, total, search, domains) => {
        indexForSearch(slice, search, domains);
        const done = intake.addRows(slice);
        if (done === slice.length) setAwaiting(true);
        setProgress({ phase: 'showing', done, total, cancellable: false });
        schedule();
      },
    }));
    const outcome = await job.shown;
    if (running === job) {
      running = undefined;
      setProgress(undefined);
      setImporting(false);
      if (!outcome.ok) setAwaiting(false);
    }
    if (outcome.ok) {
      apply(); // the last slices, if they came after the last frame
      setSaving(true);
      if (request.type === 'import') setResults(outcome.results);
      setTimings(outcome.timings);
    } else if (!outcome.cancelled) {
      setResults([{ file: '', format: 'unknown', count: 0, notes: [], error: { ja: `読み込めませんでした: ${outcome.message ?? ''}`, en: `Could not read: ${outcome.message ?? ''}` } }]);
    }
    saved = job.finished.then((f) => {
      setSaving(false);
      setStoreError(f.storeError);
      setTimings(f.timings);
      prewarmImportWorker(); // the next drop finds its worker ready
    });
  }

  const restore = () => run({ type: 'load', asOf: asOf().getTime() }, async () => null);

  const addFiles = (files: { name: string; blob: Blob }[], askPin: (name: string) => Promise<string | null>) =>
    run({ type: 'import', files, asOf: asOf().getTime() }, askPin);

  function cancelImport(): void {
    generation++;
    running?.cancel();
    running = undefined;
    setProgress(undefined);
    setImporting(false);
    setAwaiting(false);
  }

  async function clear(): Promise<void> {
    cancelImport();
    await saved;
    batch(() => {
      setRaw([]);
      setSummary(undefined);
      setSelected(new Set<string>());
      setResults([]);
    });
    try {
      await clearInventory();
    } catch (error) {
      setStoreError(String(error));
    }
  }

  function toggle(id: string, on: boolean): void {
    const next = new Set(selected());
    if (on) next.add(id);
    else next.delete(id);
    setSelected(next);
  }

  /** 「N日以内に期限切れ」: valid certificates with 0..N days left. */
  function selectExpiring(days: number, kind?: CertKind): void {
    const ids = entries()
      .filter((e) => e.status === 'valid' && (!kind || e.kind === kind))
      .filter((e) => {
        const d = daysLeft(e, asOf());
        return d !== undefined && d >= 0 && d <= days;
      })
      .map((e) => e.id);
    setSelected(new Set(ids));
  }

  return {
    raw, entries, charted, fresh, ready, awaiting, importing, shown, items, warnings, timings, saving, selected, selectedEntries, results, progress, storeError,
    asOf, setAsOf, text, setText, kinds, setKinds, statuses, setStatuses, maxDays, setMaxDays, sort, setSort, grouped, setGrouped,
    setSelected, toggle, selectExpiring, restore, addFiles, cancelImport, clear,
  };
}

export type InventoryState = ReturnType<typeof createInventoryState>;

/** The next frame (a hidden tab gets no frames: the next task then). */
function nextFrame(f: () => void): void {
  if (typeof requestAnimationFrame === 'function' && !document.hidden) requestAnimationFrame(f);
  else setTimeout(f, 0);
}
