// The plan for other tools: CSV (Excel, BOM) and iCalendar (one event per certificate, reminder N days before).
// Selected rows if any, else the rows shown.
import { createSignal, type Component } from 'solid-js';
import { inventoryCsv, inventoryIcs } from '../../inventory';
import { jstDateStamp } from '../../builder/naming';
import { downloadBytes } from '../builder/download';
import { t } from '../i18n';
import type { InventoryState } from './state';

export const ExportPanel: Component<{ state: InventoryState }> = (props) => {
  const [days, setDays] = createSignal(30);
  const rows = () => (props.state.selected().size ? props.state.selectedEntries() : props.state.shown());
  const stamp = () => jstDateStamp(new Date());
  return (
    <section class="inv-action" aria-labelledby="inv-export-h">
      <h3 id="inv-export-h">{t('予定の書き出し', 'Export the plan')}</h3>
      <p>{t(`対象: ${props.state.selected().size ? '選択中' : '表示中'}の ${rows().length} 件`, `${rows().length} ${props.state.selected().size ? 'selected' : 'shown'} row(s)`)}</p>
      <button type="button" onClick={() => downloadBytes(`upki-inventory-${stamp()}.csv`, inventoryCsv(rows(), props.state.asOf()), 'text/csv')} data-testid="export-csv">
        {t('CSV（Excel用）', 'CSV (for Excel)')}
      </button>{' '}
      <label>
        {t('リマインダー', 'Reminder')} <input type="number" min="0" max="365" class="inv-days" value={days()} onInput={(e) => setDays(Math.min(365, Math.max(0, Number(e.currentTarget.value) || 0)))} /> {t('日前', 'days before')}
      </label>{' '}
      <button type="button" onClick={() => downloadBytes(`upki-inventory-${stamp()}.ics`, inventoryIcs(rows(), { reminderDays: days(), now: new Date() }), 'text/calendar')} data-testid="export-ics">
        {t('カレンダー（iCalendar）', 'Calendar (iCalendar)')}
      </button>
    </section>
  );
};
