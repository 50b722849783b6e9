// The SubjectPublicKeyInfo inside a PKCS#10 request: the key a server certificate is issued to.
// (pki's CsrInfo carries only its SHA-256; asking for the DER there is noted in the report.)
import { children, parseDer, rawBytes } from '../../pki/asn1';

export function csrSpki(csrDer: Uint8Array): Uint8Array | undefined {
  const root = parseDer(csrDer);
  const info = children(root ?? undefined)[0];
  const spki = children(info)[2];
  return spki ? rawBytes(spki) : undefined;
}
