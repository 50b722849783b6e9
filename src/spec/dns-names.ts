// The syntax of TSV column 13 (server issue/renew): 「dNSName=XXX,dNSName=ZZZ」 (SPEC §5.1; manual text in kinds.ts).
// Written by the key page, the builder and the RA; read by the validator (tsv/columns.ts parseDnsNames).

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
