// Renewal key pairs, CSRs and encrypted keys off the main thread: the key generation itself runs on the
// browser's WebCrypto thread either way, but building and signing each CSR (ASN.1 in JS), wrapping the keys and
// the progress bookkeeping would otherwise take turns with the page. Cancel = the page terminates this worker.
// reflect-metadata first: certificates and CSRs go through @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { makeRenewalKeys, type InventoryEntry, type RenewalKeysResult, type RowDefaults } from '../../inventory';

export type RenewRequest = { entries: InventoryEntry[]; passphrase: string; defaults: RowDefaults; concurrency?: number };
export type RenewMessage = { type: 'progress'; done: number; total: number } | { type: 'done'; result: RenewalKeysResult } | { type: 'error'; message: string };

const scope = self as unknown as { onmessage: ((e: MessageEvent<RenewRequest>) => void) | null; postMessage(m: RenewMessage): void };

scope.onmessage = (e) => {
  const { entries, passphrase, defaults, concurrency } = e.data;
  makeRenewalKeys(entries, { passphrase, defaults, concurrency, onProgress: (done, total) => scope.postMessage({ type: 'progress', done, total }) }).then(
    (result) => scope.postMessage({ type: 'done', result }),
    (error: unknown) => scope.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) }),
  );
};
