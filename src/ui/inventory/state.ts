// The inventory page's state: rows (persisted), the day counted from, filter/sort/group, the selection, and the
// import with progress and cancel. Derived views are memos so 10 000 rows are filtered and sorted once per change.
import { batch, createEffect, createMemo, createSignal, on, onCleanup } from 'solid-js';
import {
  daysLeft, filterEntries, findWarnings, groupByDomain, indexForSearch, sortEntries, withStatus,
  type CertKind, type InventoryEntry, type InventoryStatus, type SortKey,
} from '../../inventory';
import { prewarmImportWorker, startImport, type ImportRequest, type RunningImport } from './import-client';
import type { Phase, ResultSummary, Timings } from './import-protocol';
import { clearInventory } from './inventory-db';

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
  let running: RunningImport | undefined;
  /** The last import's store write: the next import waits for it (it merges onto the stored rows). */
  let saving: Promise<void> = Promise.resolve();
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
  // The timeline and the warnings follow the rows a task or two later, each in its own task: a 10 000-row import
  // then lands as three short tasks (table, chart, warnings) instead of one long one.
  const [charted, setCharted] = createSignal<InventoryEntry[]>([]);
  const [checked, setChecked] = createSignal<InventoryEntry[]>([]);
  createEffect(
    on(entries, (list) => {
      const a = setTimeout(() => {
        setCharted(list);
        b = setTimeout(() => setChecked(list), 0);
      }, 0);
      let b: ReturnType<typeof setTimeout> | undefined;
      onCleanup(() => (clearTimeout(a), clearTimeout(b)));
    }),
  );
  const warnings = createMemo(() => findWarnings(checked()));
  const selectedEntries = createMemo(() => entries().filter((e) => selected().has(e.id)));

  /**
   * Reading and merging run in a worker (import.worker.ts), which also writes the store; the rows come back in
   * slices, indexed for search as they arrive, and replace the table once, when all are there.
   */
  async function run(request: ImportRequest, askPin: (name: string) => Promise<string | null>): Promise<void> {
    running?.cancel();
    const gen = ++generation;
    const rows: InventoryEntry[] = [];
    setProgress({ phase: 'reading', cancellable: true });
    await saving;
    if (gen !== generation) return; // cancelled, or another import started, while the previous one was saving
    const job = (running = startImport(request, {
      askPin,
      onProgress: (phase, done, total) => setProgress({ phase, done, total, cancellable: phase !== 'showing' }),
      onRows: (slice, search) => {
        indexForSearch(slice, search);
        rows.push(...slice);
        setProgress({ phase: 'showing', done: rows.length, cancellable: false });
      },
    }));
    const outcome = await job.shown;
    if (running === job) {
      running = undefined;
      setProgress(undefined);
    }
    saving = job.finished.then((f) => {
      setStoreError(f.storeError);
      setTimings(f.timings);
      prewarmImportWorker(); // the next drop finds its worker ready
    });
    if (outcome.ok) {
      batch(() => {
        setRaw(rows);
        setRawAsOf(request.asOf);
        if (request.type === 'import') setResults(outcome.results);
        setTimings(outcome.timings);
      });
    } else if (!outcome.cancelled) {
      setResults([{ file: '', format: 'unknown', count: 0, notes: [], error: { ja: `読み込めませんでした: ${outcome.message ?? ''}`, en: `Could not read: ${outcome.message ?? ''}` } }]);
    }
  }

  const restore = () => run({ type: 'load', asOf: asOf().getTime() }, async () => null);

  const addFiles = (files: { name: string; blob: Blob }[], askPin: (name: string) => Promise<string | null>) =>
    run({ type: 'import', files, asOf: asOf().getTime() }, askPin);

  function cancelImport(): void {
    generation++;
    running?.cancel();
    running = undefined;
    setProgress(undefined);
  }

  async function clear(): Promise<void> {
    cancelImport();
    await saving;
    batch(() => {
      setRaw([]);
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
    raw, entries, charted, shown, items, warnings, timings, selected, selectedEntries, results, progress, storeError,
    asOf, setAsOf, text, setText, kinds, setKinds, statuses, setStatuses, maxDays, setMaxDays, sort, setSort, grouped, setGrouped,
    setSelected, toggle, selectExpiring, restore, addFiles, cancelImport, clear,
  };
}

export type InventoryState = ReturnType<typeof createInventoryState>;
