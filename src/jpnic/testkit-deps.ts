// What the test kit needs from elsewhere, in one place.
import { base64Decode } from '../pki/pem';
export { MemoryStore, memoryBrowserStore } from '../sim';

export function base64DecodeOrThrow(b64: string): Uint8Array {
  const out = base64Decode(b64);
  if (!out) throw new Error('bad base64');
  return out;
}
