// Pages of a long list: the page renders one page of rows at a time, so a table of thousands of rows
// (validator results, RA results, certificates, mails, builder issues) costs the DOM one page.
// `createPages(items, size)` slices; <Pager pages={…} /> shows 前へ / 次へ and where you are.
import { Show, createMemo, createSignal, type Accessor, type Component } from 'solid-js';
import { t } from '../i18n';

export interface Pages<T> {
  /** The rows of the current page. */
  slice: Accessor<readonly T[]>;
  /** 0-based current page (kept inside the range when the list shrinks). */
  page: Accessor<number>;
  setPage: (page: number) => void;
  count: Accessor<number>;
  total: Accessor<number>;
  /** 0-based index of the first row of the page in the whole list. */
  offset: Accessor<number>;
  size: number;
}

export const PAGE_SIZE = 50;

export function createPages<T>(items: Accessor<readonly T[]>, size = PAGE_SIZE): Pages<T> {
  const [wanted, setPage] = createSignal(0);
  const total = () => items().length;
  const count = () => Math.max(1, Math.ceil(total() / size));
  const page = createMemo(() => Math.min(Math.max(0, wanted()), count() - 1));
  const offset = () => page() * size;
  const slice = createMemo(() => items().slice(offset(), offset() + size));
  return { slice, page, setPage, count, total, offset, size };
}

/** Shown only when there is more than one page. */
export const Pager: Component<{ pages: Pages<unknown>; testId?: string }> = (props) => {
  const p = () => props.pages;
  const first = () => p().offset() + 1;
  const last = () => Math.min(p().offset() + p().size, p().total());
  return (
    <Show when={p().count() > 1}>
      <nav class="pager" aria-label={t('ページ', 'Pages')} data-testid={props.testId ?? 'pager'}>
        <button type="button" class="secondary" disabled={p().page() === 0} onClick={() => p().setPage(0)}>
          {t('最初', 'First')}
        </button>
        <button type="button" class="secondary" disabled={p().page() === 0} onClick={() => p().setPage(p().page() - 1)}>
          {t('前へ', 'Previous')}
        </button>
        <span class="pager-where" data-testid="pager-where">
          {t(
            `${p().page() + 1} / ${p().count()} ページ（${p().total()}件中 ${first()}–${last()}件目）`,
            `Page ${p().page() + 1} of ${p().count()} (${first()}–${last()} of ${p().total()})`,
          )}
        </span>
        <button type="button" class="secondary" disabled={p().page() >= p().count() - 1} onClick={() => p().setPage(p().page() + 1)}>
          {t('次へ', 'Next')}
        </button>
        <button type="button" class="secondary" disabled={p().page() >= p().count() - 1} onClick={() => p().setPage(p().count() - 1)}>
          {t('最後', 'Last')}
        </button>
      </nav>
    </Show>
  );
};
