// A second worker for the import (the same script, given a MessagePort by the page): it decodes the second half
// of a large Shift-JIS list while the import worker decodes the first, and reads the second half of the list's
// certificates while the import worker reads the first. The machine has two cores and the page's thread is idle
// while the worker reads. The helper says when it is running; one still compiling its script is not waited for
// (the import worker then does the work alone), and one that is lost (the page says so) is not waited for either.
import { needsFacts, withCertificateFacts, withFacts, type CertFacts, type SourceRecord } from '../../inventory';
import { factsOfBase64 } from '../../inventory/certs';
import { decodeShiftJisSplit, type ShiftJisElsewhere } from '../../inventory/decode';

type Facts = (CertFacts | undefined)[];

/** Between the import worker and its helper, over the page's MessageChannel. */
export type HelperMessage =
  | { type: 'ready' }
  | { type: 'facts'; id: number; b64: string[] }
  | { type: 'decode'; id: number; bytes: Uint8Array }
  | { type: 'done'; id: number; facts?: Facts; text?: string };

/** Fewer certificates than this are read by the import worker alone (the messages would cost more than they save). */
export const SPLIT_AT = 1000;

/** The helper's side: says it is running, then answers each request. */
export function serveHelper(port: MessagePort): void {
  port.onmessage = async (e: MessageEvent<HelperMessage>) => {
    const m = e.data;
    if (m.type === 'decode') {
      port.postMessage({ type: 'done', id: m.id, text: await decodeShiftJisSplit(m.bytes) } satisfies HelperMessage);
    } else if (m.type === 'facts') {
      const facts = await Promise.all(m.b64.map((b) => (b ? factsOfBase64(b).catch(() => undefined) : Promise.resolve(undefined))));
      // The import worker has the bytes already: they are not sent back.
      facts.forEach((f, i) => f?.certDerB64 === m.b64[i] && delete f.certDerB64);
      port.postMessage({ type: 'done', id: m.id, facts } satisfies HelperMessage);
    }
  };
  port.postMessage({ type: 'ready' } satisfies HelperMessage);
}

/** The import worker's end of the channel. A request answers null when the helper is not running or is lost. */
export interface Helper {
  ready: () => boolean;
  facts: (b64: string[]) => Promise<Facts | null>;
  /** decode.ts ShiftJisElsewhere. */
  decode: ShiftJisElsewhere;
  /** The page says the helper failed: pending requests answer null. */
  lost: () => void;
}

export function helperOn(port: MessagePort): Helper {
  let running = false;
  let next = 0;
  const pending = new Map<number, (m: Extract<HelperMessage, { type: 'done' }> | null) => void>();
  port.onmessage = (e: MessageEvent<HelperMessage>) => {
    const m = e.data;
    if (m.type === 'ready') running = true;
    else if (m.type === 'done') {
      pending.get(m.id)?.(m);
      pending.delete(m.id);
    }
  };
  const ask = (m: Extract<HelperMessage, { type: 'facts' | 'decode' }>, transfer: Transferable[] = []) =>
    running
      ? new Promise<Extract<HelperMessage, { type: 'done' }> | null>((resolve) => {
          pending.set(m.id, resolve);
          port.postMessage(m, transfer);
        })
      : Promise.resolve(null);
  return {
    ready: () => running,
    facts: async (b64) => (await ask({ type: 'facts', id: next++, b64 }))?.facts ?? null,
    decode: async (bytes) => {
      const done = await ask({ type: 'decode', id: next++, bytes }, [bytes.buffer]);
      return done ? done.text : null;
    },
    lost: () => {
      running = false;
      for (const answer of pending.values()) answer(null);
      pending.clear();
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
