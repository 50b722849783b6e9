// Key pairs for the engine-made client certificates (methods 1 and 2), made ahead of the issuing loop so that
// key generation (the slow part) runs while the previous users' certificates and P12 files are built.
// Where keys come from is injected (EngineOptions.clientKeyGenerators): WebCrypto here by default (Node's
// libuv pool, a worker's own WebCrypto thread), or another renderer process in the page (ui/ra/keygen-frame.ts).

export const CLIENT_KEY_PARAMS: RsaHashedKeyGenParams = {
  name: 'RSASSA-PKCS1-v1_5',
  modulusLength: 2048,
  publicExponent: new Uint8Array([1, 0, 1]),
  hash: 'SHA-256',
};

/** A new RSA 2048 key pair: the private key as an extractable CryptoKey or PKCS#8 DER, the public key as SPKI DER. */
export interface ClientKeyPair {
  privateKey: CryptoKey | Uint8Array;
  spki: Uint8Array;
}

/** One source of key pairs and how many keys it should have under way at once (to keep its thread busy). */
export interface KeyGenerator {
  generate(): Promise<ClientKeyPair>;
  concurrency: number;
}

/** WebCrypto in this thread: in Node the libuv pool runs a key per core; a browser renderer has one WebCrypto thread. */
export function webCryptoKeyGenerator(concurrency: number): KeyGenerator {
  return {
    concurrency,
    async generate() {
      const pair = await globalThis.crypto.subtle.generateKey(CLIENT_KEY_PARAMS, true, ['sign', 'verify']);
      return { privateKey: pair.privateKey, spki: new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', pair.publicKey)) };
    },
  };
}

/** Cores of this machine (Node ≥ 21 and browsers have navigator.hardwareConcurrency; else assume 2). */
export function cores(): number {
  const n = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency;
  return typeof n === 'number' && n > 0 ? n : 2;
}

/** Keys handed out in order while up to `lookahead` more are being made or wait to be used. */
export interface KeyStream {
  take(index: number): Promise<ClientKeyPair>;
  /** Stop making keys (the batch failed or was cancelled): nothing new starts. */
  stop(): void;
}

/**
 * Every generator makes keys at the same time for indexes 0 … count-1, at most `lookahead` ahead of the consumer
 * (memory stays bounded in a 1000-user batch). A generator that fails hands its key to `fallback` and stops: a
 * helper process that went away costs speed, never the batch. Keys are interchangeable, so who made which does not
 * matter; the consumer takes them in order.
 */
export function keyStream(count: number, generators: readonly KeyGenerator[], fallback: KeyGenerator, lookahead: number): KeyStream {
  const slots = Array.from({ length: count }, () => {
    let resolve!: (p: ClientKeyPair) => void;
    let reject!: (e: unknown) => void;
    const promise = new Promise<ClientKeyPair>((res, rej) => ((resolve = res), (reject = rej)));
    promise.catch(() => undefined); // a key nobody takes (the batch stopped) must not be an unhandled rejection
    return { promise, resolve, reject };
  });
  let next = 0;
  let taken = 0;
  let stopped = false;
  let wake: (() => void)[] = [];
  const room = async () => {
    while (!stopped && next - taken >= lookahead) await new Promise<void>((r) => wake.push(r));
  };
  const producer = async (g: KeyGenerator): Promise<void> => {
    for (;;) {
      await room();
      if (stopped || next >= count) return;
      const i = next++;
      try {
        slots[i].resolve(await g.generate());
      } catch (e) {
        if (g === fallback) return slots[i].reject(e);
        // This helper is gone: the fallback makes its key and takes its place for the rest of the batch.
        fallback.generate().then(slots[i].resolve, slots[i].reject);
        return producer(fallback);
      }
    }
  };
  for (const g of generators.length ? generators : [fallback]) for (let k = 0; k < Math.max(1, g.concurrency); k++) void producer(g);
  return {
    async take(index) {
      taken = index + 1;
      const waiting = wake;
      wake = [];
      waiting.forEach((w) => w());
      return slots[index].promise;
    },
    stop() {
      stopped = true;
      wake.forEach((w) => w());
      wake = [];
    },
  };
}
