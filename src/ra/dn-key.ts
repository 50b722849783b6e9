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

export function dnKeyOf(family: 'server' | 'client', dn: string): string {
  return dnKey(family, dnOf(dn));
}
