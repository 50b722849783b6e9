// The inventory page's state: rows (persisted), the day counted from, filter/sort/group, the selection, and the
// import with progress and cancel. Derived views are memos so 10 000 rows are filtered and sorted once per change.
import { batch, createMemo, createSignal } from 'solid-js';
import {
  daysLeft, filterEntries, findWarnings, groupByDomain, indexForSearch, sortEntries, withStatus,
  type CertKind, type InventoryEntry, type InventoryStatus, type SortKey,
} from '../../inventory';
import { startImport, type ImportRequest, type RunningImport } from './import-client';
import type { Phase, ResultSummary } from './import-protocol';
import { clearInventory } from './inventory-db';

export type Item = { type: 'group'; domain: string; count: number } | { type: 'row'; entry: InventoryEntry };

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
  let running: RunningImport | undefined;

  const entries = createMemo(() => withStatus(raw(), asOf()));
  const shown = createMemo(() => {
    const f = filterEntries(entries(), { text: text(), kinds: kinds(), statuses: statuses(), maxDaysLeft: maxDays() }, asOf());
    return sortEntries(f, sort().key, sort().desc, asOf());
  });
  const items = createMemo<Item[]>(() => {
    if (!grouped()) return shown().map((entry) => ({ type: 'row', entry }));
    return groupByDomain(shown()).flatMap((g): Item[] => [{ type: 'group', domain: g.domain, count: g.entries.length }, ...g.entries.map((entry) => ({ type: 'row' as const, entry }))]);
  });
  const warnings = createMemo(() => findWarnings(entries()));
  const selectedEntries = createMemo(() => entries().filter((e) => selected().has(e.id)));

  /**
   * Reading and merging run in a worker (import.worker.ts), which also writes the store; the rows come back in
   * slices, indexed for search as they arrive, and replace the table once, when all are there.
   */
  async function run(request: ImportRequest, askPin: (name: string) => Promise<string | null>): Promise<void> {
    running?.cancel();
    const rows: InventoryEntry[] = [];
    let cancellable = true;
    setProgress({ phase: 'reading', cancellable });
    const job = (running = startImport(request, {
      askPin,
      onProgress: (phase, done, total) => setProgress({ phase, done, total, cancellable }),
      onSaved: (error) => {
        cancellable = false;
        setStoreError(error);
        setProgress({ phase: 'showing', done: 0, cancellable });
      },
      onRows: (slice) => {
        indexForSearch(slice);
        rows.push(...slice);
        setProgress({ phase: 'showing', done: rows.length, cancellable });
      },
    }));
    const outcome = await job.done;
    if (running === job) {
      running = undefined;
      setProgress(undefined);
    }
    if (outcome.ok) {
      batch(() => {
        setRaw(rows);
        if (request.type === 'import') setResults(outcome.results);
      });
    } else if (!outcome.cancelled) {
      setResults([{ file: '', format: 'unknown', count: 0, notes: [], error: { ja: `読み込めませんでした: ${outcome.message ?? ''}`, en: `Could not read: ${outcome.message ?? ''}` } }]);
    }
  }

  const restore = () => run({ type: 'load', asOf: asOf().getTime() }, async () => null);

  const addFiles = (files: { name: string; blob: Blob }[], askPin: (name: string) => Promise<string | null>) =>
    run({ type: 'import', files, asOf: asOf().getTime() }, askPin);

  function cancelImport(): void {
    running?.cancel();
    running = undefined;
    setProgress(undefined);
  }

  async function clear(): Promise<void> {
    cancelImport();
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
    raw, entries, shown, items, warnings, selected, selectedEntries, results, progress, storeError,
    asOf, setAsOf, text, setText, kinds, setKinds, statuses, setStatuses, maxDays, setMaxDays, sort, setSort, grouped, setGrouped,
    setSelected, toggle, selectExpiring, restore, addFiles, cancelImport, clear,
  };
}

export type InventoryState = ReturnType<typeof createInventoryState>;
