// Cell values of the RA's files → model values: JST date-times, serials (decimal or 0x-hex), dNSName lists, CN.
import { JST_OFFSET_MS } from '../spec/jst';

/** 'YYYY/MM/DD HH:MM:SS' (or '-' separators, or a date alone) in JST → ISO 8601 UTC; undefined if not a date. */
export function jstToIso(text: string): string | undefined {
  const m = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const utc = Date.UTC(+y, +mo - 1, +d, +h, +mi, +s) - JST_OFFSET_MS;
  return Number.isNaN(utc) ? undefined : new Date(utc).toISOString();
}

/** Decimal or 0x-hex (either case) → decimal without leading zeros; undefined if neither. */
export function serialToDecimalText(text: string): string | undefined {
  const t = text.trim();
  if (/^\d{1,80}$/.test(t)) return BigInt(t).toString();
  if (/^0x[0-9a-f]{1,64}$/i.test(t)) return BigInt(`0x${t.slice(2)}`).toString();
  return undefined;
}

export function decimalToHex(decimal: string): string {
  return BigInt(decimal).toString(16).toUpperCase();
}

/** 'dNSName=a,dNSName=b' (as applied) or 'a,b' → ['a', 'b']. */
export function parseDnsList(text: string): string[] {
  return text
    .split(/[,\s]+/)
    .map((p) => p.replace(/^dNSName=/i, '').trim().toLowerCase())
    .filter((p) => p.length > 0);
}

/** The CN of a DN written CN first (TSV order) or last (RFC 4514 order). */
export function cnOfDn(dn: string): string {
  return /(?:^|,)\s*CN=((?:[^,\\]|\\.)*)/i.exec(dn)?.[1]?.trim() ?? '';
}

/** The registered domain a host belongs to, for grouping: the last three labels under .ac.jp/.go.jp/…, else two. */
export function domainOf(name: string): string {
  if (name.includes('@')) return domainOf(name.slice(name.indexOf('@') + 1));
  if (!/^[\w*.-]+\.[a-z]{2,}$/i.test(name)) return '';
  const labels = name.toLowerCase().split('.');
  const secondLevelJp = labels.length >= 3 && labels[labels.length - 1] === 'jp' && /^(?:ac|co|go|or|ne|ed|lg|gr|ad)$/.test(labels[labels.length - 2]);
  return labels.slice(secondLevelJp ? -3 : -2).join('.');
}
