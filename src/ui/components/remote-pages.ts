// Pages of a list that lives elsewhere (the RA worker's 100 000 certificates, the validator's records): the same
// `Pages` the shared <Pager> shows, but each page is asked for — with the query and the page number — and only
// its rows arrive.
import { createEffect, createSignal, on, type Accessor } from 'solid-js';
import { PAGE_SIZE, type Pages } from './Pager';

export interface RemotePage<T> {
  items: T[];
  total: number;
  /** The page the source actually returned (it clamps a page past the end). */
  page: number;
}

export interface RemotePages<T> extends Pages<T> {
  /** True from the first request until its answer (or failure). */
  loaded: Accessor<boolean>;
  /** The newest request's answer is in: false while the page of a new query is on its way (tests wait on it). */
  settled: Accessor<boolean>;
  error: Accessor<string | undefined>;
}

/**
 * `query` is tracked: when it changes (another filter, or a new version of the data) the page is asked for again;
 * a change of the query other than the page itself goes back to the first page. Answers that arrive after a newer
 * request are dropped, so a slow old page never replaces a newer one.
 * `total`, where the caller knows the list's length before asking (the validator's summary), counts the pages from
 * it at once: a `setPage` right after a change of the query then clamps to the new query's pages, not the last
 * answer's.
 */
export function createRemotePages<T, Q>(
  query: Accessor<Q>,
  fetchPage: (query: Q, page: number, size: number) => Promise<RemotePage<T>>,
  options: { size?: number; samePage?: (a: Q, b: Q) => boolean; total?: (query: Q) => number } = {},
): RemotePages<T> {
  const size = options.size ?? PAGE_SIZE;
  const [wanted, setWanted] = createSignal(0);
  const [result, setResult] = createSignal<RemotePage<T>>({ items: [], total: 0, page: 0 });
  const [loaded, setLoaded] = createSignal(false);
  /** The newest request's answer is in (false while a page for a new query or page is on its way). */
  const [settled, setSettled] = createSignal(false);
  const [error, setError] = createSignal<string>();
  let latest = 0;
  let lastQuery: Q | undefined;

  createEffect(
    on([query, wanted], ([q, page]) => {
      // Another filter or family starts again at page 1; a refresh of the same query keeps the page.
      if (lastQuery !== undefined && options.samePage && !options.samePage(lastQuery, q) && page !== 0) {
        lastQuery = q;
        setWanted(0);
        return;
      }
      lastQuery = q;
      const ticket = ++latest;
      setSettled(false);
      fetchPage(q, page, size).then(
        (r) => {
          if (ticket !== latest) return;
          setResult(r);
          setLoaded(true);
          setSettled(true);
          setError(undefined);
        },
        (err: unknown) => {
          if (ticket !== latest) return;
          setLoaded(true);
          setSettled(true);
          setError(err instanceof Error ? err.message : String(err));
        },
      );
    }),
  );

  const total = () => (options.total ? options.total(query()) : result().total);
  const count = () => Math.max(1, Math.ceil(total() / size));
  const page = () => result().page;
  return {
    slice: () => result().items,
    page,
    setPage: (p: number) => setWanted(Math.min(Math.max(0, p), count() - 1)),
    count,
    total,
    offset: () => page() * size,
    size,
    loaded,
    settled,
    error,
  };
}
