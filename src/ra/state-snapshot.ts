// The RA projection as the IndexedDB store keeps it (store.ts Projection): the fold is applyEvent's, and a stored
// snapshot of the state is checked before use — a crafted or stale one is replayed instead, never trusted blindly.
import type { RaEvent } from './events';
import { applyEvent, emptyState, type RaState } from './state';
import { indexEvent } from './state-index';
import { dnKeyOf } from './dn-key';
import { joinRest, parseStateJson, splitState } from './state-split';
import type { Projection } from './store/store';
import { IndexedDbStore, type IndexedDbStoreOptions } from './store/idb-store';

/** FNV-1a over the text: the tag changes whenever the fold's code does. */
function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * What a snapshot was folded by. A snapshot from another build whose fold (applyEvent, the indexes, the DN key,
 * the empty state) differs in any way is not used: the log is replayed once and a new snapshot written.
 */
let tag: string | undefined;
const foldTag = () => (tag ??= `ra-state/1/${fnv1a([applyEvent, indexEvent, dnKeyOf, emptyState].map(String).join('\n'))}`);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A map whose every entry is a record keyed by its `field` (or, without one, whose every value passes `value`). */
function keyedMap(v: unknown, field: string | undefined, value: (x: unknown) => boolean = isObject): boolean {
  if (!(v instanceof Map)) return false;
  for (const [k, x] of v) {
    if (typeof k !== 'string' || !value(x)) return false;
    if (field && (x as Record<string, unknown>)[field] !== k) return false;
  }
  return true;
}

const stringList = (x: unknown) => Array.isArray(x) && x.every((s) => typeof s === 'string');

/** The state's shape: every map a Map of records under their own ids, every list a list, the counters numbers. */
export function reviveRaState(value: unknown, lastSeq: number): RaState | undefined {
  if (!isObject(value)) return undefined;
  const s = value as unknown as RaState;
  const expected = Object.keys(emptyState()).sort().join();
  if (Object.keys(s).sort().join() !== expected) return undefined;
  if (s.initialized !== true || s.lastSeq !== lastSeq || !Number.isFinite(s.clockOffsetMs)) return undefined;
  if (!Array.isArray(s.mails) || !s.mails.every(isObject) || !Array.isArray(s.uploads) || !s.uploads.every(isObject)) return undefined;
  const ok =
    keyedMap(s.institutions, 'id') &&
    keyedMap(s.cas, 'id') &&
    keyedMap(s.applications, 'id') &&
    keyedMap(s.certificates, 'serialHex') &&
    keyedMap(s.certificateByApplication, undefined, (x) => typeof x === 'string') &&
    keyedMap(s.tokens, 'token') &&
    keyedMap(s.crls, 'caId') &&
    keyedMap(s.operatorCertificates, 'serialHex');
  if (!ok || !isObject(s.index)) return undefined;
  const i = s.index;
  if (Object.keys(i).sort().join() !== Object.keys(emptyState().index).sort().join()) return undefined;
  const indexes =
    keyedMap(i.certificatesByDnKey, undefined, stringList) &&
    keyedMap(i.openClientTokens, undefined, stringList) &&
    keyedMap(i.revokedSerials, undefined, (x) => typeof x === 'string') &&
    keyedMap(i.renewedAwaitingReminder, undefined, (x) => x === true);
  return indexes ? s : undefined;
}

export const RA_PROJECTION: Projection<RaEvent, RaState> = {
  get tag() {
    return foldTag();
  },
  fold(state, events) {
    const s = state ?? emptyState();
    for (const e of events) applyEvent(s, e);
    return s;
  },
  revive: (value, lastSeq) => reviveRaState(parseStateJson(value), lastSeq),
  split: splitState,
  join: joinRest,
};

/** The RA's IndexedDB store (database `upki-ra` unless named): it keeps the projection and its snapshot. */
export function openRaStore(factory: IDBFactory = globalThis.indexedDB, name?: string, options: Omit<IndexedDbStoreOptions<RaEvent>, 'projection'> = {}): Promise<IndexedDbStore<RaEvent>> {
  return IndexedDbStore.open<RaEvent>(factory, name, { ...options, projection: RA_PROJECTION });
}
