// Sorting, filtering and grouping the inventory table: plain functions on arrays, fast enough for 10 000 rows
// (one pass to filter, one sort). Each row's lower-cased search text and domain are computed once per row object
// (WeakMaps: a row that changes is a new object), so a keystroke is a scan, not a rebuild.
import { daysLeft, KIND_LABELS, STATUS_LABELS } from './merge';
import type { CertKind, InventoryEntry, InventoryStatus } from './types';
import { domainOf } from './values';

export type SortKey = 'cn' | 'kind' | 'notAfter' | 'daysLeft' | 'status' | 'serial' | 'profile' | 'adminMail' | 'applicationId';

export interface ViewFilter {
  text?: string;
  kinds?: readonly CertKind[];
  statuses?: readonly InventoryStatus[];
  /** Keep rows with at most this many days left (and not yet expired). */
  maxDaysLeft?: number;
}

const haystacks = new WeakMap<InventoryEntry, string>();

/** Text every filter looks in, lower-cased once per row object. */
function haystack(e: InventoryEntry): string {
  let h = haystacks.get(e);
  if (h === undefined) haystacks.set(e, (h = buildHaystack(e)));
  return h;
}

/**
 * Rows whose search text was computed elsewhere (the import worker sends it with each slice of rows, so the page
 * does not build 10 000 strings itself); without texts, they are computed here.
 */
export function indexForSearch(entries: readonly InventoryEntry[], texts?: readonly string[], domainsOf?: readonly string[]): void {
  entries.forEach((e, i) => {
    if (texts?.[i] !== undefined) haystacks.set(e, texts[i]);
    else haystack(e);
    if (domainsOf?.[i] !== undefined) domains.set(e, domainsOf[i]);
  });
}

/** The lower-cased text a row is searched in. */
export const searchTextOf = (e: InventoryEntry): string => buildHaystack(e);

function buildHaystack(e: InventoryEntry): string {
  return [e.cn, e.dn, e.serialDecimal, e.applicationId, e.adminMail, e.userMail, e.userName, e.issuer, ...(e.dnsNames ?? []), e.profile]
    .filter(Boolean)
    .join('\u0000')
    .toLowerCase();
}

export function filterEntries(entries: readonly InventoryEntry[], f: ViewFilter, asOf: Date): InventoryEntry[] {
  const text = f.text?.trim().toLowerCase();
  const kinds = f.kinds && f.kinds.length ? new Set(f.kinds) : undefined;
  const statuses = f.statuses && f.statuses.length ? new Set(f.statuses) : undefined;
  return entries.filter((e) => {
    if (kinds && !kinds.has(e.kind)) return false;
    if (statuses && !statuses.has(e.status)) return false;
    if (f.maxDaysLeft !== undefined) {
      const d = daysLeft(e, asOf);
      if (d === undefined || d < 0 || d > f.maxDaysLeft) return false;
    }
    return !text || haystack(e).includes(text);
  });
}

const STATUS_ORDER: Record<InventoryStatus, number> = { expired: 0, valid: 1, pending: 2, renewed: 3, revoked: 4, unknown: 5 };

// Sort keys are computed per sort, not cached: for 10 000 rows a pass of cheap keys costs less than filling a
// WeakMap with 10 000 fresh objects the first time (measured), and the search text is the costly part anyway.
function sortValue(e: InventoryEntry, key: SortKey): string | number {
  return computeSortValue(e, key);
}

function computeSortValue(e: InventoryEntry, key: SortKey): string | number {
  switch (key) {
    case 'cn':
      return (e.cn ?? e.dn ?? '').toLowerCase();
    case 'kind':
      return KIND_LABELS[e.kind].en;
    case 'notAfter':
      return e.notAfter ?? '9999';
    case 'daysLeft':
      // The end of validity orders rows exactly as the days left do, whatever day they are counted from.
      return e.notAfter ? Date.parse(e.notAfter) : Number.MAX_SAFE_INTEGER;
    case 'status':
      return STATUS_ORDER[e.status];
    case 'serial':
      return (e.serialDecimal ?? '').padStart(50, '0');
    case 'profile':
      return (e.profile ?? '').padStart(3, '0');
    case 'adminMail':
      return e.adminMail ?? '';
    case 'applicationId':
      return e.applicationId ?? '';
  }
}

export function sortEntries(entries: readonly InventoryEntry[], key: SortKey, descending: boolean, _asOf?: Date): InventoryEntry[] {
  // Rows arrive from the import worker in the default order, and the table re-sorts as each slice lands: an
  // ordered list is checked in one pass without building the keyed copy.
  if (inOrder(entries, key, descending)) return entries.slice();
  const keyed = entries.map((e) => ({ e, v: sortValue(e, key) }));
  const dir = descending ? -1 : 1;
  keyed.sort((a, b) => (a.v < b.v ? -dir : a.v > b.v ? dir : 0));
  return keyed.map((k) => k.e);
}

function inOrder(entries: readonly InventoryEntry[], key: SortKey, descending: boolean): boolean {
  let a = entries.length ? sortValue(entries[0], key) : 0;
  for (let i = 1; i < entries.length; i++) {
    const b = sortValue(entries[i], key);
    if (descending ? a < b : a > b) return false;
    a = b;
  }
  return true;
}

/** The domain a row belongs to: its CN's registered domain, else its first SAN's, else its mail's. */
export function domainOfEntry(e: InventoryEntry): string {
  let d = domains.get(e);
  if (d === undefined) domains.set(e, (d = computeDomain(e)));
  return d;
}

/** Per row object: the chart's per-domain counts and the grouping ask for it on every change. */
const domains = new WeakMap<InventoryEntry, string>();

function computeDomain(e: InventoryEntry): string {
  return domainOf(e.cn ?? '') || domainOf(e.dnsNames?.[0] ?? '') || domainOf(e.userMail ?? '') || domainOf(e.adminMail ?? '') || '(その他)';
}

export interface Group {
  domain: string;
  entries: InventoryEntry[];
}

export function groupByDomain(entries: readonly InventoryEntry[]): Group[] {
  const map = new Map<string, InventoryEntry[]>();
  for (const e of entries) {
    const d = domainOfEntry(e);
    const list = map.get(d);
    if (list) list.push(e);
    else map.set(d, [e]);
  }
  return [...map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([domain, list]) => ({ domain, entries: list }));
}

export { STATUS_LABELS, KIND_LABELS };
