// Validate an uploaded file in a Web Worker; if the worker cannot start, validate on the main thread instead.
// Works in both builds: `?worker` becomes an inline blob: worker in the single file (see vite.config.ts).
import type { KindId } from '../../spec/types';
import type { ValidationReport } from '../../tsv/types';
import ValidateWorker from './validate.worker?worker';

export interface ValidateRequest {
  id: number;
  bytes: Uint8Array;
  kind: KindId;
  fileName?: string;
}

export type ValidateResponse = { id: number; report: ValidationReport } | { id: number; error: string };

interface Pending {
  resolve: (r: ValidationReport) => void;
  reject: (e: Error) => void;
}

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker | undefined {
  if (workerBroken) return undefined;
  if (worker) return worker;
  try {
    worker = new ValidateWorker();
  } catch {
    workerBroken = true;
    return undefined;
  }
  worker.onmessage = (e: MessageEvent<ValidateResponse>) => {
    const p = pending.get(e.data.id);
    if (!p) return;
    pending.delete(e.data.id);
    if ('report' in e.data) p.resolve(e.data.report);
    else p.reject(new Error(e.data.error));
  };
  worker.onerror = () => {
    // The worker failed to load or crashed: hand every waiting request to the main thread.
    workerBroken = true;
    worker?.terminate();
    worker = undefined;
    for (const p of pending.values()) p.reject(new WorkerUnavailable());
    pending.clear();
  };
  return worker;
}

class WorkerUnavailable extends Error {}

async function onMainThread(bytes: Uint8Array, kind: KindId, fileName?: string): Promise<ValidationReport> {
  const { validateFile } = await import('../../tsv');
  return validateFile(bytes, kind, { fileName });
}

export async function runValidation(bytes: Uint8Array, kind: KindId, fileName?: string): Promise<ValidationReport> {
  const w = getWorker();
  if (!w) return onMainThread(bytes, kind, fileName);
  const id = nextId++;
  try {
    return await new Promise<ValidationReport>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      w.postMessage({ id, bytes, kind, fileName } satisfies ValidateRequest);
    });
  } catch (err) {
    if (err instanceof WorkerUnavailable) return onMainThread(bytes, kind, fileName);
    throw err;
  }
}
