// The RA state as a projection snapshot stores it (state-snapshot.ts): JSON text, split in two. What opening reads
// holds what lists, counts, searches and the page's view need; the rest (certificates' DER and key hashes, the
// applications' other fields: ≈ 75 % of the bytes at 100 000 certificates) is joined before anything else reads.
import type { RaState } from './state';
import type { Application, CertificateRecord } from './types';

const MAPS = ['institutions', 'cas', 'applications', 'certificates', 'certificateByApplication', 'tokens', 'crls', 'operatorCertificates'] as const;
const INDEX_MAPS = ['certificatesByDnKey', 'openClientTokens', 'revokedSerials', 'renewedAwaitingReminder'] as const;

/**
 * JSON with every non-ASCII character escaped. Why not a structured clone: Chromium's IndexedDB deserialises a
 * clone property by property (≈ 1 s for 20 000 certificates at load ≈ 11), several times JSON.parse of the same
 * state; and an ASCII text is kept one byte per character, where one Japanese name would make the whole text two.
 */
const asciiJson = (value: unknown) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/**
 * The state as JSON text, its Maps as entry lists. `certificateByApplication` is left out: it is every certificate's
 * application in issuance order (applyEvent's 'issued'), rebuilt from the certificates on parse.
 */
export function stateJson(state: RaState): string {
  const plain: Record<string, unknown> = { ...state, index: Object.fromEntries(INDEX_MAPS.map((k) => [k, [...state.index[k]]])) };
  for (const k of MAPS) plain[k] = k === 'certificateByApplication' ? [] : [...state[k]];
  return asciiJson(plain);
}

function entries(value: unknown): [unknown, unknown][] {
  if (!Array.isArray(value) || !value.every((e) => Array.isArray(e) && e.length === 2)) throw new Error('not entries');
  return value as [unknown, unknown][];
}

/** stateJson's text back as a plain value with its Maps (unchecked: reviveRaState checks); undefined if not that. */
export function parseStateJson(value: unknown): unknown {
  if (typeof value !== 'string') return undefined;
  try {
    const plain = JSON.parse(value) as Record<string, unknown> & { index: Record<string, unknown> };
    if (typeof plain !== 'object' || plain === null || typeof plain.index !== 'object' || plain.index === null) return undefined;
    for (const k of MAPS) plain[k] = new Map(entries(plain[k]));
    const byApplication = plain.certificateByApplication as Map<string, string>;
    for (const [serial, cert] of plain.certificates as Map<string, { applicationId?: unknown }>) byApplication.set(cert?.applicationId as string, serial);
    for (const k of INDEX_MAPS) plain.index[k] = new Map(entries(plain.index[k]));
    return plain;
  } catch {
    return undefined;
  }
}

/** What the snapshot keeps apart: per certificate (in `serials` order) its DER and SPKI hash; the applications whole. */
interface Rest {
  serials: string[];
  lengths: Uint32Array;
  der: string;
  spki: string[];
  applications: string;
}

/** The lean state as JSON text and the rest. Lean applications keep what the page's mail list shows: id, DN, P12 name. */
export function splitState(state: RaState): { lean: string; rest: Rest } {
  const certificates = new Map<string, CertificateRecord>();
  const serials: string[] = [];
  const ders: string[] = [];
  const spki: string[] = [];
  for (const [serial, cert] of state.certificates) {
    serials.push(serial);
    ders.push(cert.certDerB64);
    spki.push(cert.spkiSha256);
    const { certDerB64: _der, spkiSha256: _spki, ...lean } = cert;
    certificates.set(serial, lean as CertificateRecord);
  }
  const applications = new Map<string, Application>();
  for (const [id, app] of state.applications) applications.set(id, { id, dn: app.dn, p12Name: app.p12Name } as Application);
  const rest = { serials, lengths: Uint32Array.from(ders, (d) => d.length), der: ders.join(''), spki, applications: asciiJson([...state.applications]) };
  return { lean: stateJson({ ...state, certificates, applications }), rest };
}

/**
 * Put the rest back into a state revived from the lean text (nothing was folded into it since: the store joins
 * before any fold). In place; false — and the state is then not used — unless every certificate and every
 * application of the state gets exactly its own.
 */
export function joinRest(state: RaState, value: unknown): boolean {
  const rest = value as Rest;
  if (typeof rest !== 'object' || rest === null || !Array.isArray(rest.serials) || !(rest.lengths instanceof Uint32Array) || typeof rest.der !== 'string') return false;
  if (!Array.isArray(rest.spki) || typeof rest.applications !== 'string') return false;
  const n = rest.serials.length;
  if (rest.lengths.length !== n || rest.spki.length !== n || n !== state.certificates.size || rest.lengths.reduce((s, l) => s + l, 0) !== rest.der.length) return false;
  let apps: [unknown, unknown][];
  try {
    apps = entries(JSON.parse(rest.applications));
  } catch {
    return false;
  }
  if (apps.length !== state.applications.size || new Set(apps.map(([id]) => id)).size !== apps.length || new Set(rest.serials).size !== n) return false;
  for (const [id, app] of apps) if (!state.applications.has(id as string) || (app as Application | null)?.id !== id) return false;
  for (let i = 0; i < n; i++) if (!state.certificates.has(rest.serials[i]) || typeof rest.spki[i] !== 'string') return false;
  // Checked: only now is the state changed.
  for (const [id, app] of apps) state.applications.set(id as string, app as Application);
  let at = 0;
  for (let i = 0; i < n; i++) {
    const cert = state.certificates.get(rest.serials[i])!;
    cert.certDerB64 = rest.der.slice(at, at + rest.lengths[i]);
    cert.spkiSha256 = rest.spki[i];
    at += rest.lengths[i];
  }
  return true;
}
