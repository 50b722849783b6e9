// Many sources → one row per certificate. Rows are matched by serial number, then by 申請ID (an application
// still waiting for its certificate has no serial), then by DN for files that carry neither. A certificate's
// own facts (dates, SANs, key) win over what a list says about it; the sources are listed.
import { factsOfBase64 } from './certs';
import type { CertFacts, CertKind, InventoryEntry, InventoryStatus, SourceRecord } from './types';
import { pause } from './pause';

const CERT_FIELDS: readonly (keyof CertFacts)[] = ['dn', 'cn', 'notBefore', 'notAfter', 'dnsNames', 'issuer', 'keyAlgorithm', 'rsaBits', 'spkiSha256', 'certDerB64'];

/** Records that carry a certificate in base64 get its facts (in batches, yielding, so a page stays responsive). */
export async function withCertificateFacts(records: SourceRecord[], onProgress?: (done: number) => void, signal?: AbortSignal): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  const BATCH = 250;
  for (let i = 0; i < records.length; i += BATCH) {
    if (signal?.aborted) throw new DOMException('cancelled', 'AbortError');
    // A batch at a time: the SHA-256 digests of a batch run together, then the page gets a turn.
    const batch = records.slice(i, i + BATCH);
    const facts = await Promise.all(batch.map((r) => (needsFacts(r) ? factsOfBase64(r.certDerB64) : Promise.resolve(undefined))));
    batch.forEach((r, k) => out.push(withFacts(r, facts[k])));
    onProgress?.(Math.min(records.length, i + BATCH));
    // Let the page paint and take input between batches (a 10 000-row list must not freeze it).
    if (i + BATCH < records.length) await pause();
  }
  return out;
}

/** A record whose certificate (base64, from a list's column) has not been read yet. */
export function needsFacts(r: SourceRecord): r is SourceRecord & { certDerB64: string } {
  return !!r.certDerB64 && !r.spkiSha256;
}

/** A record with its certificate's facts over the list's (a certificate's own dates, names and key win). */
export function withFacts(r: SourceRecord, f: CertFacts | undefined): SourceRecord {
  if (!f) return r;
  // One copy, then the fields set on it: spreading a picked object into a spread of the record cost as much as
  // reading the certificates for 10 000 records (Node, load 6–11: 100–480 ms against 20–40). Same keys, same order.
  const out: SourceRecord = Object.assign({}, r);
  const o = out as unknown as Record<string, unknown>;
  for (const k of CERT_FIELDS) if (f[k] !== undefined) o[k] = f[k];
  out.kind = r.kind && r.kind !== 'unknown' ? r.kind : f.kind;
  return out;
}

function keyOf(r: CertFacts): string {
  if (r.serialDecimal) return `s:${r.serialDecimal}`;
  if (r.applicationId) return `a:${r.applicationId}`;
  return `d:${r.dn ?? ''}`;
}

/**
 * Merge records (after withCertificateFacts) into entries, onto the entries already kept (a new import updates).
 * Every entry returned is a new object; with `asOf` each has its status at that moment (then withStatus has
 * nothing to copy).
 */
export function mergeRecords(existing: readonly InventoryEntry[], records: readonly SourceRecord[], asOf?: Date): InventoryEntry[] {
  const byKey = new Map<string, InventoryEntry>();
  const byApplication = new Map<string, InventoryEntry>();
  const add = (e: InventoryEntry) => {
    byKey.set(e.id, e);
    if (e.applicationId) byApplication.set(e.applicationId, e);
  };
  for (const e of existing) add({ ...e, sources: [...e.sources] });
  for (const r of records) {
    const key = keyOf(r);
    // An application first seen without a serial (取得待ち) gets it later: the same 申請ID is the same row.
    const found = byKey.get(key) ?? (r.applicationId ? byApplication.get(r.applicationId) : undefined);
    if (found) {
      const merged = mergeInto(found, r);
      if (merged.id !== found.id) byKey.delete(found.id);
      add(merged);
    } else add(newEntry(key, r));
  }
  const entries = [...byKey.values()];
  if (asOf) {
    const renewed = renewedSerials(entries);
    for (const e of entries) e.status = statusAt(e, asOf, renewed);
  }
  return entries;
}

/** A record as a new entry: its fields but `source` (in their order, then id, kind, status, sources, as a spread
 * of the record would give), copied one by one — a rest-and-spread copy of 10 000 records of some 25 fields was
 * the merge's main cost. */
function newEntry(id: string, r: SourceRecord): InventoryEntry {
  const e: Record<string, unknown> = {};
  const from = r as unknown as Record<string, unknown>;
  for (const k of Object.keys(r)) if (k !== 'source') e[k] = from[k];
  e.id = id;
  e.kind = r.kind ?? 'unknown';
  e.status = 'unknown';
  e.sources = [r.source];
  return e as unknown as InventoryEntry;
}

function mergeInto(e: InventoryEntry, r: SourceRecord): InventoryEntry {
  const { source, extra, ...facts } = r;
  const out: InventoryEntry = { ...e };
  const fromCertificate = !!r.spkiSha256;
  for (const [k, v] of Object.entries(facts) as [keyof CertFacts, unknown][]) {
    if (v === undefined || v === '') continue;
    const current = out[k];
    if (current === undefined || current === '' || (fromCertificate && CERT_FIELDS.includes(k)) || k === 'raStatus' || k === 'revokedAt') {
      (out as unknown as Record<string, unknown>)[k] = v;
    }
  }
  // A list knows the family (and the profile says S/MIME); a certificate alone only suggests it.
  if (r.kind && r.kind !== 'unknown' && (out.kind === 'unknown' || (r.profile && !fromCertificateOnly(r)))) out.kind = r.kind;
  if (extra) out.extra = { ...out.extra, ...extra };
  if (!out.sources.includes(source)) out.sources = [...out.sources, source];
  if (out.serialDecimal && out.id !== `s:${out.serialDecimal}`) out.id = `s:${out.serialDecimal}`;
  return out;
}

/** A record read from a certificate file (PEM, DER, P12), not from a list. */
function fromCertificateOnly(r: SourceRecord): boolean {
  return !r.raStatus && !r.applicationId && !r.profile;
}

/** Status at a moment: 失効 over 期限切れ over 更新済み over 取得待ち over 有効. */
export function statusAt(e: CertFacts, asOf: Date, renewed: ReadonlySet<string>): InventoryStatus {
  if (e.raStatus === '7' || e.revokedAt) return 'revoked';
  if (e.notAfter && Date.parse(e.notAfter) <= asOf.getTime()) return 'expired';
  if (e.raStatus === '6' || (e.serialDecimal && renewed.has(e.serialDecimal))) return 'renewed';
  if (e.raStatus === '4' && !e.notAfter) return 'pending';
  if (e.raStatus === '4') return 'pending';
  if (e.notAfter) return 'valid';
  return 'unknown';
}

/** Serials some other row renews (更新元シリアル番号). */
export function renewedSerials(entries: readonly CertFacts[]): Set<string> {
  return new Set(entries.map((e) => e.renewsSerialDecimal).filter((s): s is string => !!s));
}

/** Whole days from asOf to notAfter (negative once expired). */
export function daysLeft(e: CertFacts, asOf: Date): number | undefined {
  if (!e.notAfter) return undefined;
  return Math.floor((Date.parse(e.notAfter) - asOf.getTime()) / 86_400_000);
}

export function withStatus(entries: readonly InventoryEntry[], asOf: Date): InventoryEntry[] {
  const renewed = renewedSerials(entries);
  // A row whose status stays is kept as the same object (the view's search and sort caches are keyed on it).
  return entries.map((e) => {
    const status = statusAt(e, asOf, renewed);
    return status === e.status ? e : { ...e, status };
  });
}

export const STATUS_LABELS: Readonly<Record<InventoryStatus, { ja: string; en: string }>> = {
  valid: { ja: '有効', en: 'valid' },
  pending: { ja: '取得待ち', en: 'awaiting download' },
  renewed: { ja: '更新済み', en: 'renewed' },
  revoked: { ja: '失効', en: 'revoked' },
  expired: { ja: '期限切れ', en: 'expired' },
  unknown: { ja: '不明', en: 'unknown' },
};

export const KIND_LABELS: Readonly<Record<CertKind, { ja: string; en: string }>> = {
  server: { ja: 'サーバ', en: 'server' },
  client: { ja: 'クライアント', en: 'client' },
  smime: { ja: 'S/MIME', en: 'S/MIME' },
  unknown: { ja: '不明', en: 'unknown' },
};
