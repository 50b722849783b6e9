// X.501 Names: reading them out of DER (with each value's ASN.1 string type) and building the
// PrintableString subject a UPKI server CSR needs (SPEC §3.1, §3.2: DER order C, ST, L, O, CN).
import * as asn1js from 'asn1js';
import { children, isUniversal, oidOf, TAG, type Node } from './asn1';
import type { DnKey, Rdn } from './dn';

// The text-only half lives apart so that pages which only check or show subjects load no ASN.1 library.
export { isPrintableString, serverSubjectRdns, subjectTsvString, toTsvOrder, type ServerSubject } from './subject-order';

export const OID_BY_KEY: Record<DnKey, string> = {
  CN: '2.5.4.3',
  OU: '2.5.4.11',
  O: '2.5.4.10',
  L: '2.5.4.7',
  ST: '2.5.4.8',
  C: '2.5.4.6',
  E: '1.2.840.113549.1.9.1',
};

const KEY_BY_OID = new Map(Object.entries(OID_BY_KEY).map(([k, oid]) => [oid, k as DnKey]));

const STRING_TYPE_BY_TAG: Record<number, string> = {
  12: 'UTF8String',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  28: 'UniversalString',
  30: 'BMPString',
};

export interface NameFacts {
  /** Known attributes in DER order; multi-valued RDNs flattened. */
  rdns: Rdn[];
  /** ASN.1 string type of each entry of rdns. */
  stringTypes: string[];
  /** OIDs of attributes we do not map to a DnKey. */
  unknownAttributes: string[];
  hasEmailAddress: boolean;
}

function stringValue(value: Node): string {
  const block = value.valueBlock as { value?: unknown };
  return typeof block.value === 'string' ? block.value : '';
}

function stringType(value: Node): string {
  if (value.idBlock.tagClass !== 1) return `tag [${value.idBlock.tagNumber}]`;
  return STRING_TYPE_BY_TAG[value.idBlock.tagNumber] ?? `tag ${value.idBlock.tagNumber}`;
}

/** Read a Name (SEQUENCE OF SET OF AttributeTypeAndValue). Null when the structure is not a Name. */
export function readName(node: Node | undefined): NameFacts | null {
  if (!isUniversal(node, TAG.SEQUENCE)) return null;
  const facts: NameFacts = { rdns: [], stringTypes: [], unknownAttributes: [], hasEmailAddress: false };
  for (const set of children(node)) {
    if (!isUniversal(set, TAG.SET)) return null;
    for (const atv of children(set)) {
      const [type, value] = children(atv);
      const oid = oidOf(type);
      if (!oid || !value) return null;
      const key = KEY_BY_OID.get(oid);
      if (!key) {
        facts.unknownAttributes.push(oid);
        continue;
      }
      if (key === 'E') facts.hasEmailAddress = true;
      facts.rdns.push({ key, value: stringValue(value) });
      facts.stringTypes.push(stringType(value));
    }
  }
  return facts;
}

/** DER of a Name with one attribute per RDN, every value a PrintableString. Caller validates the characters. */
export function encodePrintableName(rdns: readonly Rdn[]): Uint8Array {
  const sets = rdns.map(
    (r) =>
      new asn1js.Set({
        value: [
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: OID_BY_KEY[r.key] }),
              new asn1js.PrintableString({ value: r.value }),
            ],
          }),
        ],
      }),
  );
  return new Uint8Array(new asn1js.Sequence({ value: sets }).toBER());
}
