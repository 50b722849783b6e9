// The merged table, virtualised: only the rows in view (plus a margin) are in the DOM, so 10 000 rows scroll
// and re-sort without freezing the page. Spacer rows keep the scroll height; aria-rowindex keeps the position.
import { createEffect, createMemo, createSignal, For, onCleanup, Show, type Component } from 'solid-js';
import { jstDateTime } from '../../spec/jst';
import { daysLeft, KIND_LABELS, STATUS_LABELS, type InventoryEntry, type SortKey } from '../../inventory';
import { decimalToHex } from '../../inventory/values';
import { t, tr } from '../i18n';
import { isHeading, type GroupHeading, type InventoryState, type Item } from './state';

const ROW = 34; // px, fixed so the window can be computed from scrollTop
/** Rows drawn beyond the window on each side, once the table has rows: none in the frame that shows the first rows
 * (that frame lays out only what is seen), then this many. */
const MARGIN = 5;

/** Columns with fixed widths (rem; inventory.css `table-layout: fixed`): the browser lays the table out without
 * measuring every cell, and the columns keep their widths as other rows scroll into the window. A long cell ends
 * in an ellipsis; every text cell shows its whole value in its title. */
const COLUMNS: { key?: SortKey; label: () => string; rem: number }[] = [
  { label: () => t('選択', 'Select'), rem: 3.5 },
  { key: 'cn', label: () => 'CN / FQDN', rem: 15 },
  { key: 'kind', label: () => t('種別', 'Kind'), rem: 6.5 },
  { label: () => 'SAN', rem: 15 },
  { key: 'profile', label: () => t('プロファイル', 'Profile'), rem: 6.5 },
  { key: 'serial', label: () => t('シリアル番号', 'Serial'), rem: 28 }, // 49 decimal digits: RFC 5280's 20 octets
  { label: () => t('発行者', 'Issuer'), rem: 10 },
  { key: 'notAfter', label: () => t('有効期間 (JST)', 'Validity (JST)'), rem: 18.5 },
  { key: 'daysLeft', label: () => t('残り日数', 'Days left'), rem: 5.5 },
  { key: 'status', label: () => t('状態', 'Status'), rem: 6 },
  { key: 'applicationId', label: () => t('申請ID', 'Application'), rem: 7.5 },
  { key: 'adminMail', label: () => t('利用管理者', 'Admin'), rem: 13 },
  { label: () => t('読込元・その他', 'Sources, other'), rem: 12 },
];
const TABLE_REM = COLUMNS.reduce((sum, c) => sum + c.rem, 0);

/** The scroll box's most height (inventory.css `.inv-scroll { max-height: 60vh }`), read without a layout. */
const maxHeight = () => (typeof innerHeight === 'number' && innerHeight > 0 ? innerHeight * 0.6 : 600);

/**
 * The scroll box's height for the window of rows, from a ResizeObserver: reading clientHeight when the table
 * mounts would force a layout of the whole page inside the task that mounts it. Never less than the box's most
 * height: the empty table's box is one header high, and growing from there made the first rows' frame render
 * and lay out the table twice (the observer fires after the first layout).
 */
function watchHeight(el: HTMLElement, set: (h: number) => void): void {
  if (typeof ResizeObserver === 'undefined') return;
  const o = new ResizeObserver((entries) => set(Math.max(entries[0]?.contentRect.height ?? 0, maxHeight())));
  o.observe(el);
  onCleanup(() => o.disconnect());
}

const jst = (iso?: string) => (iso ? jstDateTime(new Date(iso)).slice(0, 16) : '');

export const InventoryTable: Component<{ state: InventoryState }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- the page creates the state object once and never replaces it
  const s = props.state;
  const [scrollTop, setScrollTop] = createSignal(0);
  const [height, setHeight] = createSignal(maxHeight());
  const [margin, setMargin] = createSignal(0);
  createEffect(() => {
    if (margin() > 0 || s.items().length === 0) return;
    const id = requestAnimationFrame(() => setMargin(MARGIN));
    onCleanup(() => cancelAnimationFrame(id));
  });
  const windowed = createMemo(() => {
    const items = s.items();
    const first = Math.max(0, Math.floor(scrollTop() / ROW) - margin());
    const last = Math.min(items.length, Math.ceil((scrollTop() + height()) / ROW) + margin());
    return { first, before: first * ROW, after: (items.length - last) * ROW, slice: items.slice(first, last) };
  });
  const sortBy = (key: SortKey) => s.setSort({ key, desc: s.sort().key === key ? !s.sort().desc : false });

  return (
    <section aria-labelledby="inv-table-h">
      <h2 id="inv-table-h">
        {t('証明書一覧', 'Certificates')} <span class="hint" data-testid="inventory-count">{t(`${s.shown().length} / ${s.entries().length} 件、選択 ${s.selected().size} 件`, `${s.shown().length} of ${s.entries().length}, ${s.selected().size} selected`)}</span>
      </h2>
      <div
        class="inv-scroll"
        ref={(el) => watchHeight(el, setHeight)}
        onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
        tabindex="0"
        aria-label={t('証明書一覧（スクロールできます）', 'Certificate table (scrollable)')}
      >
        <table class="inv-table" style={{ width: `${TABLE_REM}rem` }} aria-rowcount={s.items().length + 1} data-testid="inventory-table">
          <colgroup>
            <For each={COLUMNS}>{(c) => <col style={{ width: `${c.rem}rem` }} />}</For>
          </colgroup>
          <thead>
            <tr aria-rowindex="1">
              <For each={COLUMNS}>
                {(c) => (
                  <th scope="col" aria-sort={c.key && s.sort().key === c.key ? (s.sort().desc ? 'descending' : 'ascending') : undefined}>
                    <Show when={c.key} fallback={c.label()}>
                      {(key) => (
                        <button type="button" class="linkish" onClick={() => sortBy(key())}>
                          {c.label()}
                        </button>
                      )}
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <tr aria-hidden="true" style={{ height: `${windowed().before}px` }} />
            <For each={windowed().slice}>{(item, i) => <ItemRow item={item} index={windowed().first + i() + 2} state={s} />}</For>
            <tr aria-hidden="true" style={{ height: `${windowed().after}px` }} />
          </tbody>
        </table>
      </div>
    </section>
  );
};

const ItemRow: Component<{ item: Item; index: number; state: InventoryState }> = (props) => (
  <Show when={isHeading(props.item) ? undefined : props.item} fallback={<GroupRow item={props.item as GroupHeading} index={props.index} />}>
    {(e) => <EntryRow entry={e()} index={props.index} state={props.state} />}
  </Show>
);

const GroupRow: Component<{ item: GroupHeading; index: number }> = (props) => (
  <tr class="inv-group" aria-rowindex={props.index}>
    <th colSpan={COLUMNS.length} scope="rowgroup">
      {`${props.item.group} (${props.item.count})`}
    </th>
  </tr>
);

const EntryRow: Component<{ entry: InventoryEntry; index: number; state: InventoryState }> = (props) => {
  const e = () => props.entry;
  const days = () => daysLeft(e(), props.state.asOf());
  const extra = () => Object.entries(e().extra ?? {}).map(([k, v]) => `${k}: ${v}`).join(' / ');
  return (
    <tr aria-rowindex={props.index} class={`inv-row st-${e().status}`} classList={{ soon: e().status === 'valid' && (days() ?? 999) <= 30 }} data-cn={e().cn}>
      <td>
        <input type="checkbox" checked={props.state.selected().has(e().id)} onChange={(ev) => props.state.toggle(e().id, ev.currentTarget.checked)} aria-label={t(`${e().cn ?? e().id} を選択`, `Select ${e().cn ?? e().id}`)} />
      </td>
      <td title={e().dn}>{e().cn ?? e().dn ?? '—'}</td>
      <td>{tr(KIND_LABELS[e().kind])}</td>
      <td title={(e().dnsNames ?? []).join(', ')}>{(e().dnsNames ?? []).join(', ')}</td>
      <td>{e().profile ?? ''}</td>
      <td title={e().serialDecimal ? `${e().serialDecimal} (0x${decimalToHex(e().serialDecimal!)})` : ''}>{e().serialDecimal ?? ''}</td>
      <td title={[e().issuer, e().keyAlgorithm].filter(Boolean).join(' — ')}>{e().issuer ?? ''}</td>
      <td>
        {jst(e().notBefore)} – {jst(e().notAfter)}
      </td>
      <td class="num">{days() ?? ''}</td>
      <td title={tr(STATUS_LABELS[e().status])}>{tr(STATUS_LABELS[e().status])}</td>
      <td title={e().applicationId}>{e().applicationId ?? ''}</td>
      <td title={e().adminMail}>{e().adminMail ?? ''}</td>
      <td title={`${e().sources.join('\n')}${extra() ? `\n${extra()}` : ''}`}>
        {e().sources.length} {t('件', 'file(s)')}
        {extra() ? ` · ${extra()}` : ''}
      </td>
    </tr>
  );
};
