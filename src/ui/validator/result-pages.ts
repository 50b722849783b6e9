// The result table's pages, fetched from the worker one at a time (report-store.ts) through the shared
// components/remote-pages.ts, and the jump to a record's cell from the issue list: find the record's page (leaving
// 「エラー・警告のある行だけ表示」 when it is not in that list), show it, then open the record and focus the cell
// (RecordDetail reads `target`).
import { createSignal, type Accessor } from 'solid-js';
import type { ShownRecord } from '../../tsv/bound-report';
import type { Pages } from '../components/Pager';
import { createRemotePages } from '../components/remote-pages';
import type { ReportSummary, ValidatorApi } from './report-store';

/** Records per page: small enough that a page of NG records lays out in one short task. */
export const RESULT_PAGE_SIZE = 20;

export interface FocusTarget {
  seq: number;
  column?: number;
}

export interface ResultPages {
  pages: Pages<ShownRecord>;
  problemsOnly: Accessor<boolean>;
  setProblemsOnly: (on: boolean) => void;
  target: Accessor<FocusTarget | undefined>;
  /** Called once the target has been focused. */
  reached: () => void;
  goTo: (seq: number, column?: number) => Promise<void>;
}

interface ResultQuery {
  gen: number;
  problemsOnly: boolean;
  /** Known from the summary before any page arrives. */
  total: number;
}

export function createResultPages(client: ValidatorApi, summary: Accessor<ReportSummary>): ResultPages {
  const [problemsOnly, setProblemsOnly] = createSignal(false);
  const [target, setTarget] = createSignal<FocusTarget>();
  const query = (): ResultQuery => {
    const only = problemsOnly();
    return { gen: summary().gen, problemsOnly: only, total: only ? summary().problems : summary().totals.records };
  };
  // A new report, or the other list, starts on its first page. The worker does not clamp a page past the end: we
  // do. A failed request shows an empty page rather than the rows of an older report.
  const pages = createRemotePages(
    query,
    async (q, page, size) => {
      const at = Math.min(Math.max(0, page), Math.max(0, Math.ceil(q.total / size) - 1));
      const items = await client.page({ gen: q.gen, problemsOnly: q.problemsOnly, offset: at * size, size }).catch(() => null);
      return { items: items ?? [], total: q.total, page: at };
    },
    { size: RESULT_PAGE_SIZE, samePage: (a, b) => a.gen === b.gen && a.problemsOnly === b.problemsOnly, total: (q) => q.total },
  );

  const goTo = async (seq: number, column?: number) => {
    const gen = summary().gen;
    let index = await client.locate(gen, seq, problemsOnly());
    if (index < 0 && problemsOnly()) {
      index = await client.locate(gen, seq, false);
      if (index >= 0) setProblemsOnly(false);
    }
    if (index < 0 || gen !== summary().gen) return;
    pages.setPage(Math.floor(index / RESULT_PAGE_SIZE));
    setTarget(column === undefined ? { seq } : { seq, column });
  };

  return { pages, problemsOnly, setProblemsOnly, target, reached: () => setTarget(undefined), goTo };
}
