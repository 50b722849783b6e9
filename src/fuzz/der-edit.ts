// DER surgery for tests and the fuzz suite: a CSR or certificate taken apart into its top-level elements (children()
// of src/pki/der-tlv.ts) is put back together with one detail changed (an extra element, other parameters, BER lengths…).
import { concatBytes } from '../pki/bytes';
import { tlv } from '../pki/der-tlv';

export const SEQUENCE = 0x30;
export const NULL = Uint8Array.from([0x05, 0x00]);

/** SEQUENCE of the given elements. */
export function sequence(...parts: Uint8Array[]): Uint8Array {
  return tlv(SEQUENCE, concatBytes(parts));
}
