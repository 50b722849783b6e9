// The inventory page's state: rows (persisted), the day counted from, filter/sort/group, the selection, and the
// import with progress and cancel. Derived views are memos so 10 000 rows are filtered and sorted once per change.
import { batch, createMemo, createSignal } from 'solid-js';
import {
  daysLeft, filterEntries, findWarnings, groupByDomain, importFiles, sortEntries, withStatus,
  type CertKind, type DroppedFile, type InventoryEntry, type InventoryStatus, type ReadResult, type SortKey,
} from '../../inventory';
import { clearInventory, loadInventory, saveInventory } from './inventory-db';

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
  const [results, setResults] = createSignal<ReadResult[]>([]);
  const [progress, setProgress] = createSignal<{ done: number; label: string } | undefined>();
  const [storeError, setStoreError] = createSignal<string>();
  let controller: AbortController | undefined;

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

  async function restore(): Promise<void> {
    try {
      setRaw(await loadInventory());
    } catch (error) {
      setStoreError(String(error));
    }
  }

  async function persist(list: InventoryEntry[]): Promise<void> {
    try {
      await saveInventory(list);
      setStoreError(undefined);
    } catch (error) {
      setStoreError(String(error));
    }
  }

  async function addFiles(files: DroppedFile[], askPin: (name: string) => Promise<string | null>): Promise<void> {
    controller?.abort();
    const ctrl = (controller = new AbortController());
    setProgress({ done: 0, label: files.map((f) => f.name).join(', ') });
    try {
      const got = await importFiles(files, raw(), asOf(), { askPin, signal: ctrl.signal, onProgress: (done) => setProgress({ done, label: '' }) });
      batch(() => {
        setRaw(got.entries);
        setResults(got.results);
      });
      await persist(got.entries);
    } catch (error) {
      if ((error as DOMException)?.name !== 'AbortError') setResults([{ file: '', format: 'unknown', records: [], notes: [], error: { ja: String(error), en: String(error) } }]);
    } finally {
      if (controller === ctrl) setProgress(undefined);
    }
  }

  function cancelImport(): void {
    controller?.abort();
    setProgress(undefined);
  }

  async function clear(): Promise<void> {
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
