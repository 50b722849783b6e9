// Filter (text, kind, status, days left), grouping, the day counted from, and quick selections.
import { For, onCleanup, Show, type Component } from 'solid-js';
import { jstDate } from '../../spec/jst';
import { KIND_LABELS, STATUS_LABELS, type CertKind, type InventoryStatus } from '../../inventory';
import { t, tr } from '../i18n';
import type { InventoryState } from './state';

const KINDS: CertKind[] = ['server', 'client', 'smime'];
const STATUSES: InventoryStatus[] = ['valid', 'pending', 'expired', 'renewed', 'revoked'];

/** Keystrokes closer together than this are one burst. */
const TYPING_MS = 80;

function toggled<T>(list: readonly T[], v: T, on: boolean): T[] {
  return on ? [...list, v] : list.filter((x) => x !== v);
}

/** `more`: the days-left, grouping and as-of controls and the selection buttons, which the page mounts a frame after
 * the rest (the number and date inputs build shadow trees when cloned). */
export const FilterBar: Component<{ state: InventoryState; more: boolean }> = (props) => {
  // eslint-disable-next-line solid/reactivity -- the page creates the state object once and never replaces it
  const s = props.state;
  // The first keystroke filters at once; keystrokes in quick succession are folded into one update at the end
  // of the burst (every value typed is eventually applied, the last one always).
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: string | undefined;
  const typed = (value: string) => {
    if (timer === undefined) {
      s.setText(value);
      timer = setTimeout(flush, TYPING_MS);
    } else pending = value;
  };
  const flush = () => {
    timer = undefined;
    if (pending === undefined) return;
    const value = pending;
    pending = undefined;
    typed(value);
  };
  onCleanup(() => clearTimeout(timer));
  return (
    <div class="inv-filters" role="search">
      <label>
        {t('検索', 'Search')} <input type="search" value={s.text()} onInput={(e) => typed(e.currentTarget.value)} placeholder={t('CN・SAN・シリアル・申請ID・メール', 'CN, SAN, serial, id, mail')} />
      </label>
      <fieldset>
        <legend>{t('種別', 'Kind')}</legend>
        <For each={KINDS}>
          {(k) => (
            <label>
              <input type="checkbox" checked={s.kinds().includes(k)} onChange={(e) => s.setKinds(toggled(s.kinds(), k, e.currentTarget.checked))} /> {tr(KIND_LABELS[k])}
            </label>
          )}
        </For>
      </fieldset>
      <fieldset>
        <legend>{t('状態', 'Status')}</legend>
        <For each={STATUSES}>
          {(st) => (
            <label>
              <input type="checkbox" checked={s.statuses().includes(st)} onChange={(e) => s.setStatuses(toggled(s.statuses(), st, e.currentTarget.checked))} /> {tr(STATUS_LABELS[st])}
            </label>
          )}
        </For>
      </fieldset>
      <Show when={props.more}>
      <label>
        {t('残り日数', 'Days left')} ≤{' '}
        <input
          type="number"
          min="0"
          class="inv-days"
          value={s.maxDays() ?? ''}
          onInput={(e) => s.setMaxDays(e.currentTarget.value === '' ? undefined : Math.max(0, Number(e.currentTarget.value)))}
          aria-label={t('残り日数の上限', 'Maximum days left')}
        />
      </label>
      <label>
        <input type="checkbox" checked={s.grouped()} onChange={(e) => s.setGrouped(e.currentTarget.checked)} /> {t('ドメインごとにまとめる', 'Group by domain')}
      </label>
      <label>
        {t('基準日', 'As of')}{' '}
        <input
          type="date"
          data-testid="inventory-asof"
          value={jstDate(s.asOf())}
          onChange={(e) => {
            const v = e.currentTarget.value;
            // The chosen day at 00:00 JST; an empty field goes back to now.
            s.setAsOf(v ? new Date(`${v}T00:00:00+09:00`) : new Date());
          }}
        />
      </label>
      <div class="inv-quick">
        <button type="button" data-testid="select-expiring" onClick={() => s.selectExpiring(90)}>
          {t('90日以内に期限切れを選択', 'Select those expiring within 90 days')}
        </button>{' '}
        <button type="button" onClick={() => s.selectExpiring(90, 'server')}>
          {t('うちサーバ証明書のみ', 'servers only')}
        </button>{' '}
        <button type="button" onClick={() => s.setSelected(new Set(s.shown().map((e) => e.id)))}>
          {t('表示中をすべて選択', 'Select all shown')}
        </button>{' '}
        <button type="button" onClick={() => s.setSelected(new Set<string>())}>
          {t('選択解除', 'Clear selection')}
        </button>
      </div>
      </Show>
    </div>
  );
};
