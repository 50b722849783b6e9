// The page's side of making renewal keys: in a worker (renew.worker.ts) when one starts, else on the main thread.
// Cancel terminates the worker; the keys made so far die with it (they were never handed to the page).
import { makeRenewalKeys, type InventoryEntry, type RenewalKeysResult, type RowDefaults } from '../../inventory';
import type { RenewMessage, RenewRequest } from './renew.worker';
import RenewWorker from './renew.worker?worker';

const CANCELLED: RenewalKeysResult = { ok: false, cancelled: true, message: { ja: '中止しました。鍵は保存していません。', en: 'Cancelled; no key was kept.' } };

export function startRenewalKeys(
  entries: InventoryEntry[],
  passphrase: string,
  defaults: RowDefaults,
  onProgress: (done: number, total: number) => void,
): { done: Promise<RenewalKeysResult>; cancel(): void } {
  let finish: (r: RenewalKeysResult) => void = () => {};
  const done = new Promise<RenewalKeysResult>((resolve) => (finish = resolve));
  let worker: Worker | undefined;
  let heard = false;
  const ctrl = new AbortController();
  const end = (r: RenewalKeysResult) => {
    worker?.terminate();
    worker = undefined;
    finish(r);
  };
  const onMain = () => void makeRenewalKeys(entries, { passphrase, defaults, signal: ctrl.signal, onProgress }).then(end);
  try {
    worker = new RenewWorker();
  } catch {
    onMain();
    return { done, cancel: () => ctrl.abort() };
  }
  worker.onmessage = (e: MessageEvent<RenewMessage>) => {
    heard = true;
    const m = e.data;
    if (m.type === 'progress') onProgress(m.done, m.total);
    else if (m.type === 'done') end(m.result);
    else end({ ok: false, message: { ja: `鍵を作れませんでした: ${m.message}`, en: `Could not make the keys: ${m.message}` } });
  };
  worker.onerror = (e) => {
    console.warn(`renewal key worker failed (${e.message})`);
    if (heard) return end({ ok: false, message: { ja: `鍵を作れませんでした: ${e.message}`, en: `Could not make the keys: ${e.message}` } });
    worker?.terminate();
    worker = undefined;
    onMain();
  };
  worker.postMessage({ entries, passphrase, defaults } satisfies RenewRequest);
  return {
    done,
    cancel: () => {
      ctrl.abort();
      if (worker) end(CANCELLED);
    },
  };
}
