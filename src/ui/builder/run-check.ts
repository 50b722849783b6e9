// Run the grid check in a Web Worker; when no worker can start (or it crashes), run it on the main thread.
import type { SheetCheck } from '../../builder/check';
import type { RowMeta } from '../../builder/grid';
import type { KindId } from '../../spec/types';
import CheckWorker from './check.worker?worker';

export interface CheckRequest {
  id: number;
  kind: KindId;
  rows: string[][];
  /** Row metadata in row order (the old certificate's key on renew rows); absent when no row has any. */
  metas?: (RowMeta | undefined)[];
}

export type CheckResponse = { id: number; check: SheetCheck } | { id: number; error: string };

let worker: Worker | undefined;
let broken = false;
let nextId = 1;
const pending = new Map<number, { resolve: (c: SheetCheck) => void; reject: (e: Error) => void }>();

class WorkerUnavailable extends Error {}

function getWorker(): Worker | undefined {
  if (broken) return undefined;
  if (worker) return worker;
  try {
    worker = new CheckWorker();
  } catch {
    broken = true;
    return undefined;
  }
  worker.onmessage = (e: MessageEvent<CheckResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('check' in e.data) p.resolve(e.data.check);
    else p.reject(new Error(e.data.error));
  };
  worker.onerror = () => {
    broken = true;
    worker?.terminate();
    worker = undefined;
    for (const p of pending.values()) p.reject(new WorkerUnavailable());
    pending.clear();
  };
  return worker;
}

async function onMainThread(kind: KindId, rows: string[][], metas?: (RowMeta | undefined)[]): Promise<SheetCheck> {
  const [{ checkSheetFull }, { KINDS }] = await Promise.all([import('../../builder/check'), import('../../spec/kinds')]);
  return checkSheetFull(KINDS[kind], rows, metas);
}

export async function runCheck(kind: KindId, rows: string[][], metas?: (RowMeta | undefined)[]): Promise<SheetCheck> {
  const w = getWorker();
  if (!w) return onMainThread(kind, rows, metas);
  const id = nextId++;
  try {
    return await new Promise<SheetCheck>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, kind, rows, metas } satisfies CheckRequest);
    });
  } catch (err) {
    if (err instanceof WorkerUnavailable) return onMainThread(kind, rows, metas);
    throw err;
  }
}
