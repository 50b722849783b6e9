// The syntax of TSV column 13 (server issue/renew): 「dNSName=XXX,dNSName=ZZZ」 (SPEC §5.1; manual text in kinds.ts).
// Written by the key page, the builder and the RA; read by the validator, the builder and the RA (parseDnsNames).
import { charLength } from './charsets';

/** The key of every entry, as the manual spells it. */
export const DNS_NAME_KEY = 'dNSName=';

/** The entry's text after its key, whatever the key's case; null when the entry has no such key. */
export function dnsNameEntryHost(entry: string): string | null {
  return entry.slice(0, DNS_NAME_KEY.length).toLowerCase() === DNS_NAME_KEY.toLowerCase() ? entry.slice(DNS_NAME_KEY.length) : null;
}

/** ['a', 'b'] → "dNSName=a,dNSName=b"; names are trimmed and empty ones dropped ('' for none). */
export function formatDnsNames(names: readonly string[]): string {
  return names
    .map((n) => n.trim())
    .filter((n) => n !== '')
    .map((n) => `${DNS_NAME_KEY}${n}`)
    .join(',');
}

export interface DnsNamesParse {
  /** Host names in written order (entries that parsed). */
  hosts: string[];
  trailingComma: boolean;
  /** Entries that are not "dNSName=host": 1-based index and the text. */
  malformed: { index: number; entry: string }[];
  /** Entries whose key is not spelled exactly 「dNSName=」 (e.g. "DNSName="), as written; read anyway. */
  oddKeys: string[];
}

/** Split a dNSName column value into host names (SPEC §5.1 column 13). */
export function parseDnsNames(value: string): DnsNamesParse {
  const trailingComma = value.endsWith(',');
  const entries = (trailingComma ? value.slice(0, -1) : value).split(',');
  const hosts: string[] = [];
  const malformed: DnsNamesParse['malformed'] = [];
  const oddKeys: string[] = [];
  entries.forEach((entry, i) => {
    const host = dnsNameEntryHost(entry);
    if (host) {
      hosts.push(host);
      if (!entry.startsWith(DNS_NAME_KEY)) oddKeys.push(entry.slice(0, DNS_NAME_KEY.length));
    } else malformed.push({ index: i + 1, entry });
  });
  return { hosts, trailingComma, malformed, oddKeys };
}

/** Column 13 as NII issues it (ADDENDUM B.6): it adds the CN (= 利用管理者FQDN) when the column is not empty and lacks it. */
export interface DnsNamesAsIssued {
  added: boolean;
  /** Entries after the addition (malformed ones count: NII reads them as entries too). */
  count: number;
  /** Characters of the column after the addition. */
  length: number;
}

/**
 * The one judgement of "NII adds the CN" for the key page (before the CSR) and the validator (U215/U216).
 * Exact comparison on what is written: the key page passes the column it will write (formatDnsNames trims) and the
 * trimmed CN; the validator passes the cells as they are.
 */
export function dnsNamesAsIssued(column: string, cn: string): DnsNamesAsIssued {
  const parsed = parseDnsNames(column);
  const entries = parsed.hosts.length + parsed.malformed.length;
  const added = column !== '' && cn !== '' && !parsed.hosts.includes(cn);
  if (!added) return { added, count: column === '' ? 0 : entries, length: charLength(column) };
  return { added, count: entries + 1, length: charLength(column) + charLength(`,${DNS_NAME_KEY}${cn}`) };
}
