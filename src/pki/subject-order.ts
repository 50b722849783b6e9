// A UPKI server subject as text: the RDNs in DER order, their order in TSV column 1, PrintableString's repertoire —
// no ASN.1 here, so the validator and builder pages that only check subjects do not load asn1js.
import { formatDnString, type Rdn } from './dn';

/** The subject of a UPKI server certificate request, as the user types it. */
export interface ServerSubject {
  cn: string;
  o: string;
  st: string;
  l: string;
}

/** RDNs in DER order C, ST, L, O, CN (SPEC §3.2 「C → ST → L → O → (OU) → CN」). */
export function serverSubjectRdns(s: ServerSubject): Rdn[] {
  return [
    { key: 'C', value: 'JP' },
    { key: 'ST', value: s.st },
    { key: 'L', value: s.l },
    { key: 'O', value: s.o },
    { key: 'CN', value: s.cn },
  ];
}

/** PrintableString's repertoire (X.680). */
export function isPrintableString(text: string): boolean {
  return /^[A-Z0-9 '()+,\-./:=?]*$/i.test(text);
}

/**
 * TSV column 1 lists the RDNs CN first (SPEC §3.2: "CN,O,L,ST,C"), the reverse of a conventional DER order.
 * A request already encoded CN first (the manual's 「もしくはその逆順」) is kept as it is.
 */
export function toTsvOrder(derOrder: readonly Rdn[]): Rdn[] {
  const firstKnown = derOrder.find((r) => r.key !== 'E'); // a stray emailAddress may sit at either end
  return firstKnown?.key === 'CN' ? [...derOrder] : [...derOrder].reverse();
}

/** The subject as it goes into TSV column 1, from RDNs in DER order. */
export function subjectTsvString(derOrder: readonly Rdn[]): string {
  return formatDnString(toTsvOrder(derOrder));
}
