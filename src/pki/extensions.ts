// Reading X.509 extensions we care about (subjectAltName), from requests and certificates alike.
import { children, contentBytes, isContext, oidOf, parseDer, type Node } from './asn1';

const OID_SUBJECT_ALT_NAME = '2.5.29.17';
const ASCII = new TextDecoder('latin1');

export interface SanFacts {
  dnsNames: string[];
  emails: string[];
}

/** Extension ::= SEQUENCE { extnID, critical BOOLEAN DEFAULT FALSE, extnValue OCTET STRING } */
function extensionValue(extensions: Node[], oid: string): Uint8Array | null {
  for (const ext of extensions) {
    const parts = children(ext);
    if (oidOf(parts[0]) !== oid) continue;
    const value = parts[parts.length - 1];
    return value ? contentBytes(value) : null;
  }
  return null;
}

/** dNSName [2] and rfc822Name [1] entries of a subjectAltName extension; empty when absent or malformed. */
export function readSanExtension(extensions: Node[]): SanFacts {
  const facts: SanFacts = { dnsNames: [], emails: [] };
  const value = extensionValue(extensions, OID_SUBJECT_ALT_NAME);
  const names = value && parseDer(value);
  for (const name of children(names ?? undefined)) {
    if (isContext(name, 2)) facts.dnsNames.push(ASCII.decode(contentBytes(name)));
    else if (isContext(name, 1)) facts.emails.push(ASCII.decode(contentBytes(name)));
  }
  return facts;
}
