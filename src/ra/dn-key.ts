// The key 212 (「同一DNの証明書が既に存在します」) is judged on: a server's CN, a client's CN and OUs (ADDENDUM A).
// Shared by the per-row checks (check.ts), the downloads and the projection's index (state-index.ts).
import { parseDnString, type Rdn } from '../pki/dn';

/** 212 is judged on the server CN, and on CN+OU for client certificates (ADDENDUM A). */
export function dnKey(family: 'server' | 'client', rdns: readonly Rdn[]): string {
  const cn = rdns.find((r) => r.key === 'CN')?.value ?? '';
  const ous = rdns.filter((r) => r.key === 'OU').map((r) => r.value);
  return family === 'server' ? `server:${cn.toLowerCase()}` : `client:${cn}|${ous.join('|')}`;
}

/** A stored DN string as RDNs (an unparsable one — never stored by the engine — as none). */
export function dnOf(text: string): Rdn[] {
  const parsed = parseDnString(text);
  return parsed.ok ? parsed.rdns : [];
}

/** pki/dn.ts's separator: a ',' followed by a known key and '=' (tested at one position: sticky). */
const NEXT_KEY = /\s*(?:CN|OU|[OLCE]|ST|EMAILADDRESS)\s*=/iy;
const KEYS = new Set(['CN', 'OU', 'O', 'L', 'ST', 'C', 'E', 'EMAILADDRESS']);

/**
 * `dnKey(family, dnOf(dn))` without building the RDN list: the projection computes it for every certificate it
 * folds (100 000 at open), so it scans for the same separators as parseDnString and keeps only CN and OU.
 * dn-key.test.ts checks it against the parser.
 */
export function dnKeyOf(family: 'server' | 'client', dn: string): string {
  let cn: string | undefined;
  const ous: string[] = [];
  if (dn.trim() === '') return dnKey(family, []);
  for (let start = 0; ; ) {
    let end = -1;
    for (let i = dn.indexOf(',', start); i !== -1; i = dn.indexOf(',', i + 1)) {
      NEXT_KEY.lastIndex = i + 1;
      if (NEXT_KEY.test(dn)) {
        end = i;
        break;
      }
    }
    const part = end === -1 ? dn.slice(start) : dn.slice(start, end);
    const eq = part.indexOf('=');
    const key = eq > 0 ? part.slice(0, eq).trim().toUpperCase() : '';
    if (!KEYS.has(key)) return dnKey(family, []); // what parseDnString refuses
    if (key === 'CN') cn ??= part.slice(eq + 1);
    else if (key === 'OU') ous.push(part.slice(eq + 1));
    if (end === -1) break;
    start = end + 1;
  }
  return family === 'server' ? `server:${(cn ?? '').toLowerCase()}` : `client:${cn ?? ''}|${ous.join('|')}`;
}
