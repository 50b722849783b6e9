// The certificate step of an import over two workers: the import worker reads the first half of the list's
// certificates while a helper worker (the same script, given a MessagePort by the page) reads the second half.
// The machine has two cores and the page's thread is idle while the worker reads; the DER walk and the key's
// SHA-256 are ~40 µs a certificate, so 10 000 of them are worth a second thread. The helper answers only when it
// is running (a helper still compiling its script is not waited for: the import worker then reads them all).
import { needsFacts, withCertificateFacts, withFacts, type CertFacts, type SourceRecord } from '../../inventory';
import { factsOfBase64 } from '../../inventory/certs';

/** Between the import worker and its helper, over the page's MessageChannel. */
export type HelperMessage = { type: 'ready' } | { type: 'facts'; b64: string[] } | { type: 'facts-done'; facts: (CertFacts | undefined)[] };

/** Fewer certificates than this are read by the import worker alone (the messages would cost more than they save). */
export const SPLIT_AT = 1000;

/** The helper's side: says it is running, then reads each batch of base64 certificates it is sent. */
export function serveFacts(port: MessagePort): void {
  port.onmessage = (e: MessageEvent<HelperMessage>) => {
    const m = e.data;
    if (m.type !== 'facts') return;
    void Promise.all(m.b64.map((b) => (b ? factsOfBase64(b).catch(() => undefined) : Promise.resolve(undefined)))).then((facts) => {
      // The import worker has the bytes already: they are not sent back.
      facts.forEach((f, i) => f?.certDerB64 === m.b64[i] && delete f.certDerB64);
      port.postMessage({ type: 'facts-done', facts } satisfies HelperMessage);
    });
  };
  port.postMessage({ type: 'ready' } satisfies HelperMessage);
}

/** The import worker's end of the channel: whether the helper is running, and its answer to one request. */
export interface Helper {
  ready(): boolean;
  /** The facts of these certificates, or undefined if the helper is lost (then the caller reads them itself). */
  facts(b64: string[]): Promise<(CertFacts | undefined)[] | undefined>;
  /** The page says the helper failed: a pending request ends with undefined. */
  lost(): void;
}

export function helperOn(port: MessagePort): Helper {
  let running = false;
  let answer: ((facts: (CertFacts | undefined)[] | undefined) => void) | undefined;
  port.onmessage = (e: MessageEvent<HelperMessage>) => {
    if (e.data.type === 'ready') running = true;
    else if (e.data.type === 'facts-done') answer?.(e.data.facts);
  };
  return {
    ready: () => running,
    facts: (b64) =>
      new Promise((resolve) => {
        answer = resolve;
        port.postMessage({ type: 'facts', b64 } satisfies HelperMessage);
      }),
    lost: () => {
      running = false;
      answer?.(undefined);
    },
  };
}

/** withCertificateFacts with the second half of the certificates read by the helper, when it is running. */
export async function withFactsSplit(records: SourceRecord[], helper: Helper | undefined, onProgress?: (done: number) => void, splitAt = SPLIT_AT): Promise<SourceRecord[]> {
  const todo = records.reduce((n, r) => n + (needsFacts(r) ? 1 : 0), 0);
  if (!helper?.ready() || todo < splitAt) return withCertificateFacts(records, onProgress);
  const half = Math.ceil(records.length / 2);
  const theirs = records.slice(half);
  const asked = helper.facts(theirs.map((r) => (needsFacts(r) ? r.certDerB64 : '')));
  const mine = await withCertificateFacts(records.slice(0, half), onProgress);
  const facts = await asked;
  const rest = facts ? theirs.map((r, i) => withFacts(r, facts[i])) : await withCertificateFacts(theirs);
  onProgress?.(records.length);
  return [...mine, ...rest];
}
