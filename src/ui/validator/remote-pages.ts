// The result table's pages, fetched from the worker one at a time (report-store.ts), and the jump to a record's
// cell from the issue list: find the record's page (leaving 「エラー・警告のある行だけ表示」 when it is not in that
// list), show it, then open the record and focus the cell (RecordDetail reads `target`).
import { createEffect, createMemo, createSignal, on, type Accessor } from 'solid-js';
import type { ShownRecord } from '../../tsv/bound-report';
import type { Pages } from '../components/Pager';
import type { ReportSummary, ValidatorApi } from './report-store';

/** Records per page: small enough that a page of NG records lays out in one short task. */
export const RESULT_PAGE_SIZE = 20;

export interface FocusTarget {
  seq: number;
  column?: number;
}

export interface RemotePages {
  pages: Pages<ShownRecord>;
  problemsOnly: Accessor<boolean>;
  setProblemsOnly: (on: boolean) => void;
  target: Accessor<FocusTarget | undefined>;
  /** Called once the target has been focused. */
  reached: () => void;
  goTo: (seq: number, column?: number) => Promise<void>;
}

export function createRemotePages(client: ValidatorApi, summary: Accessor<ReportSummary>): RemotePages {
  const size = RESULT_PAGE_SIZE;
  const [problemsOnly, setProblems] = createSignal(false);
  const [wanted, setWanted] = createSignal(0);
  const [records, setRecords] = createSignal<readonly ShownRecord[]>([]);
  const [target, setTarget] = createSignal<FocusTarget>();
  const total = () => (problemsOnly() ? summary().problems : summary().totals.records);
  const count = () => Math.max(1, Math.ceil(total() / size));
  const page = createMemo(() => Math.min(Math.max(0, wanted()), count() - 1));
  const offset = () => page() * size;

  // A new report starts on its first page.
  createEffect(on(() => summary().gen, () => setWanted(0), { defer: true }));
  let asked = 0;
  createEffect(() => {
    const request = { gen: summary().gen, problemsOnly: problemsOnly(), offset: offset(), size };
    const mine = ++asked;
    void client.page(request).then(
      (r) => mine === asked && setRecords(r ?? []),
      () => mine === asked && setRecords([]),
    );
  });

  const setProblemsOnly = (on: boolean) => {
    setProblems(on);
    setWanted(0);
  };

  const goTo = async (seq: number, column?: number) => {
    const gen = summary().gen;
    let index = await client.locate(gen, seq, problemsOnly());
    if (index < 0 && problemsOnly()) {
      index = await client.locate(gen, seq, false);
      if (index >= 0) setProblems(false);
    }
    if (index < 0 || gen !== summary().gen) return;
    setWanted(Math.floor(index / size));
    setTarget(column === undefined ? { seq } : { seq, column });
  };

  return {
    pages: { slice: records, page, setPage: setWanted, count, total, offset, size },
    problemsOnly,
    setProblemsOnly,
    target,
    reached: () => setTarget(undefined),
    goTo,
  };
}
