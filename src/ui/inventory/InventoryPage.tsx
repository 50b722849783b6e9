// #/inventory 「証明書一覧・更新計画」: what the admin already has (RA lists, certificates, P12s) as one table,
// an expiry timeline and warnings, then renewal / revocation files, CSV and iCalendar. Nothing is sent anywhere.
import { createEffect, createSignal, onCleanup, onMount, Show, type Component } from 'solid-js';
import type { RouteProps } from '../app/routes';
import { t } from '../i18n';
import { ExportPanel } from './ExportPanel';
import { FilterBar } from './FilterBar';
import { ImportPanel } from './ImportPanel';
import { InventoryTable } from './InventoryTable';
import { RenewalPanel } from './RenewalPanel';
import { RevocationPanel } from './RevocationPanel';
import { createInventoryState } from './state';
import { Timeline } from './Timeline';
import { WarningsPanel } from './WarningsPanel';
import './inventory.css';

const InventoryPage: Component<RouteProps> = () => {
  const state = createInventoryState();
  onMount(() => void state.restore());
  // 1: the table; 2: + the filter bar; 3: + its other controls; 4: + chart; 5: + warnings; 6: + actions — one step per
  // frame. The table and the filter bar are built as soon as an import starts (the page is idle while the worker
  // reads), so the first rows only fill the table. The filter bar takes two frames of its own: its date, number and
  // search inputs build shadow trees when cloned, which with the table's made one task of 60–70 ms.
  const [stage, setStage] = createSignal(0);
  const hasRows = () => state.entries().length > 0;
  createEffect(() => {
    const target = !hasRows() ? (state.importing() ? 3 : 0) : state.ready() ? 6 : 3;
    const now = stage();
    if (target === now) return;
    // Panels shown stay while there are rows: while a run's rows arrive before its summary (they keep the last one),
    // and when the 基準日 changes (for a task the page has no timeline for that day) — stepping down there unmounted
    // the renewal and revocation panels and lost what was typed in them (the passphrase, the reason).
    if (target < now) return hasRows() ? undefined : setStage(target);
    // Every step up in a frame of its own, the first too: built inside the drop's (or the file input's) event task,
    // the filter bar and the empty table made that task a long one.
    const id = requestAnimationFrame(() => setStage(now + 1));
    onCleanup(() => cancelAnimationFrame(id));
  });
  return (
    <div class="inventory-page">
      <h1>{t('証明書一覧・更新計画', 'Certificate inventory & renewal plan')}</h1>
      <p class="hint">
        {t(
          '手元のRAダウンロードファイル・証明書・P12から一覧を作り、期限を見通して、更新・失効の申請ファイルを作ります。一覧はこのブラウザ内（IndexedDB）に保存されます（鍵・PINは保存しません）。',
          'Turns the RA’s download files, certificates and P12s you have into one table, shows what expires when, and makes the renewal and revocation files. The table is kept in this browser (IndexedDB), never keys or PINs.',
        )}
      </p>
      <ImportPanel state={state} />
      <Show when={stage() >= 1}>
        <Show when={hasRows()}>
          <p>
            <button type="button" class="danger" onClick={() => confirm(t('保存した一覧を消去しますか？', 'Clear the stored inventory?')) && void state.clear()} data-testid="inventory-clear">
              {t('一覧を消去', 'Clear the inventory')}
            </button>
          </p>
        </Show>
        {/* Mounted a frame apart (stage): the table with the first rows, then the chart, the warnings (both from the
            import worker's summary, state.ready), then the actions, so no task builds the whole page at once. */}
        <Show when={stage() >= 4}>
          <Timeline state={state} />
        </Show>
        <Show when={stage() >= 5}>
          <WarningsPanel state={state} />
        </Show>
        <Show when={stage() >= 2}>
          <FilterBar state={state} more={stage() >= 3} />
        </Show>
        <InventoryTable state={state} />
        <Show when={stage() >= 6}>
          <section class="inv-actions" aria-label={t('操作', 'Actions')}>
            <RenewalPanel state={state} />
            <RevocationPanel state={state} />
            <ExportPanel state={state} />
          </section>
        </Show>
      </Show>
    </div>
  );
};

export default InventoryPage;
