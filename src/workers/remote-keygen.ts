// The RA worker's side of the key helper frame (keygen-frame-source.ts): a KeyGenerator that asks over a
// MessagePort. A reply that does not come within KEY_TIMEOUT_MS fails the request, so the batch goes on with the
// worker's own WebCrypto instead of waiting for a helper that went away (client-keys.ts keyStream).
import type { ClientKeyPair, KeyGenerator } from '../ra/issue/client-keys';

const KEY_TIMEOUT_MS = 30_000;

type Reply = { id: number; pkcs8: ArrayBuffer; spki: ArrayBuffer } | { id: number; error: string };

export function remoteKeyGenerator(port: MessagePort, concurrency = 2): KeyGenerator & { closed(): boolean } {
  let nextId = 1;
  let dead = false;
  const waiting = new Map<number, { resolve: (p: ClientKeyPair) => void; reject: (e: Error) => void }>();
  port.onmessage = (e: MessageEvent<Reply>) => {
    const w = waiting.get(e.data.id);
    if (!w) return;
    waiting.delete(e.data.id);
    if ('error' in e.data) w.reject(new Error(e.data.error));
    else w.resolve({ privateKey: new Uint8Array(e.data.pkcs8), spki: new Uint8Array(e.data.spki) });
  };
  return {
    concurrency,
    closed: () => dead,
    generate() {
      if (dead) return Promise.reject(new Error('key helper gone'));
      const id = nextId++;
      return new Promise<ClientKeyPair>((resolve, reject) => {
        const timer = setTimeout(() => {
          dead = true; // a helper that stopped answering is not asked again
          waiting.delete(id);
          reject(new Error('key helper did not answer'));
        }, KEY_TIMEOUT_MS);
        waiting.set(id, {
          resolve: (p) => (clearTimeout(timer), resolve(p)),
          reject: (e) => (clearTimeout(timer), reject(e)),
        });
        port.postMessage({ id });
      });
    },
  };
}
