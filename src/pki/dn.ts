// Distinguished names as UPKI writes them in TSV column 1: "CN=…,OU=…,O=…,L=…,ST=…,C=JP".
// SPEC §3.2: values may themselves contain ',' and '=', and no escaping is defined, so a ',' only
// separates two RDNs when it is immediately followed by a known attribute key and '='.
import { own } from '../spec/own';

export type DnKey = 'CN' | 'OU' | 'O' | 'L' | 'ST' | 'C' | 'E';

export interface Rdn {
  key: DnKey;
  value: string;
}

/** Keys we recognise when splitting. E / EMAILADDRESS are recognised only so that they can be rejected. */
const KEY_ALIASES: Record<string, DnKey> = {
  CN: 'CN',
  OU: 'OU',
  O: 'O',
  L: 'L',
  ST: 'ST',
  C: 'C',
  E: 'E',
  EMAILADDRESS: 'E',
};

const SPLIT = /,(?=\s*(?:CN|OU|[OLCE]|ST|EMAILADDRESS)\s*=)/i;

export type DnParseResult =
  | { ok: true; rdns: Rdn[] }
  | { ok: false; reason: 'empty' | 'syntax'; part?: string };

/** An RDN together with the key exactly as written (e.g. " cn"), so that style problems can be pointed at. */
export interface WrittenRdn extends Rdn {
  rawKey: string;
  /** UTF-16 index of the value's first character in the parsed text. */
  valueOffset: number;
}

export type DnParseDetailedResult =
  | { ok: true; rdns: WrittenRdn[] }
  | { ok: false; reason: 'empty' | 'syntax'; part?: string };

/** Parse a TSV-style DN string, keeping each key as written. */
export function parseDnStringDetailed(text: string): DnParseDetailedResult {
  if (text.trim() === '') return { ok: false, reason: 'empty' };
  const rdns: WrittenRdn[] = [];
  let offset = 0;
  for (const part of text.split(SPLIT)) {
    const eq = part.indexOf('=');
    if (eq <= 0) return { ok: false, reason: 'syntax', part };
    const rawKey = part.slice(0, eq);
    const key = own(KEY_ALIASES, rawKey.trim().toUpperCase());
    if (!key) return { ok: false, reason: 'syntax', part };
    rdns.push({ key, value: part.slice(eq + 1), rawKey, valueOffset: offset + eq + 1 });
    offset += part.length + 1; // the ',' the split consumed
  }
  return { ok: true, rdns };
}

/** Parse a TSV-style DN string. Keys are case-insensitive; values are kept exactly as written. */
export function parseDnString(text: string): DnParseResult {
  const parsed = parseDnStringDetailed(text);
  if (!parsed.ok) return parsed;
  return { ok: true, rdns: parsed.rdns.map(({ key, value }) => ({ key, value })) };
}

/** Format RDNs as a TSV DN string (no spaces around ',' or '='). */
export function formatDnString(rdns: readonly Rdn[]): string {
  return rdns.map((r) => `${r.key}=${r.value}`).join(',');
}

/** Two DNs are the same when they have the same RDNs in the same order (keys case-insensitive, values exact). */
export function sameDn(a: readonly Rdn[], b: readonly Rdn[]): boolean {
  return a.length === b.length && a.every((r, i) => r.key === b[i].key && r.value === b[i].value);
}
