// A cell's text with the offending characters marked.
import { For, Show, type Component } from 'solid-js';
import { t } from '../i18n';
import { markPieces } from './mark-pieces';

export const CellValue: Component<{ value: string | undefined; positions: number[] }> = (props) => (
  <Show when={props.value !== undefined} fallback={<span class="empty-cell">{t('（列なし）', '(missing)')}</span>}>
    <Show when={props.value !== ''} fallback={<span class="empty-cell">{t('（空）', '(empty)')}</span>}>
      <span class="cell-value">
        <For each={markPieces(props.value ?? '', props.positions)}>
          {(p) => (p.marked ? <mark title={t('問題の文字', 'offending character')}>{p.text}</mark> : p.text)}
        </For>
      </span>
    </Show>
  </Show>
);
