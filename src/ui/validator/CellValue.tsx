// A cell's text with the offending characters marked. A long cell shows its first characters and its
// length; 「続きを表示」 shows the rest of what the worker kept (a bounded window: bound-report.ts).
import { For, Show, createMemo, createSignal, type Component } from 'solid-js';
import type { CellCut } from '../../tsv/bound-report';
import { t } from '../i18n';
import { groupDigits } from '../components/clip';
import { markPieces } from './mark-pieces';

/** Code points shown before 「続きを表示」. */
export const CELL_PREVIEW = 200;

export const CellValue: Component<{ value: string | undefined; positions: number[]; cut?: CellCut }> = (props) => {
  const [expanded, setExpanded] = createSignal(false);
  const chars = createMemo(() => Array.from(props.value ?? ''));
  // The preview starts at the first mark when it lies beyond the preview, so the problem is always in sight.
  const from = createMemo(() => {
    const first = props.positions.reduce((m, p) => Math.min(m, p), Infinity);
    return Number.isFinite(first) && first >= CELL_PREVIEW ? Math.max(0, first - 20) : 0;
  });
  const shown = createMemo(() => (expanded() || chars().length <= CELL_PREVIEW ? chars() : chars().slice(from(), from() + CELL_PREVIEW)));
  const offset = () => (expanded() || chars().length <= CELL_PREVIEW ? 0 : from());
  const length = () => props.cut?.length ?? chars().length;
  const start = () => (props.cut?.start ?? 0) + offset();
  const cutShown = () => shown().length < length();
  return (
    <Show when={props.value !== undefined} fallback={<span class="empty-cell">{t('（列なし）', '(missing)')}</span>}>
      <Show when={props.value !== ''} fallback={<span class="empty-cell">{t('（空）', '(empty)')}</span>}>
        <span class="cell-value" data-testid="cell-value">
          <Show when={start() > 0}>…</Show>
          <For each={markPieces(shown().join(''), props.positions.map((p) => p - offset()))}>
            {(p) => (p.marked ? <mark title={t('問題の文字', 'offending character')}>{p.text}</mark> : p.text)}
          </For>
          <Show when={start() + shown().length < length()}>…</Show>
        </span>
        <Show when={cutShown()}>
          <span class="cut-note" data-testid="cell-cut">
            {t(
              `（全${groupDigits(length())}文字のうち${groupDigits(start() + 1)}–${groupDigits(start() + shown().length)}文字目）`,
              `(characters ${groupDigits(start() + 1)}–${groupDigits(start() + shown().length)} of ${groupDigits(length())})`,
            )}
          </span>
          <Show when={!expanded() && chars().length > CELL_PREVIEW}>
            <button type="button" class="secondary" data-testid="cell-more" onClick={() => setExpanded(true)}>
              {t(`続きを表示（最大${groupDigits(chars().length)}文字）`, `Show more (up to ${groupDigits(chars().length)} characters)`)}
            </button>
          </Show>
        </Show>
      </Show>
    </Show>
  );
};
