// The SubjectPublicKeyInfo inside a PKCS#10 request: the key a server certificate is issued to.
// pki's CsrInfo now carries it (`spki`); this stays for callers that hold only the DER, and reads it with
// pki's own CSR splitter rather than walking the structure a second time.
import { splitCsr } from '../../pki/csr';

export function csrSpki(csrDer: Uint8Array): Uint8Array | undefined {
  return splitCsr(csrDer)?.spki;
}
