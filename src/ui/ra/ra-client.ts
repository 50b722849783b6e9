// The page's side of the RA worker: typed calls (request id → reply), progress for uploads, cancel.
// `?worker` works in both builds (an inline blob: worker in the single file; see vite.config.ts).
// When no worker can start, the same service runs on the main thread (slower, but still correct).
import type { UploadResult } from '../../ra/types';
import type { RaApi, RaMethod, RaReply, UploadRequest } from '../../workers/ra-api';
import RaWorker from '../../workers/ra.worker?worker';
import { keygenPort } from './keygen-frame';

type Args<M extends RaMethod> = Parameters<RaApi[M]>;
type Result<M extends RaMethod> = Awaited<ReturnType<RaApi[M]>>;

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: Error) => void;
  onProgress?: (done: number, total: number) => void;
}

/** An upload that was cancelled before it committed: nothing was registered. */
export class UploadCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'UploadCancelled';
  }
}

class WorkerUnavailable extends Error {}

let worker: Worker | undefined;
let workerBroken = false;
let nextId = 1;
const pending = new Map<number, Pending>();

function onReply(reply: RaReply): void {
  const p = pending.get(reply.id);
  if (!p) return;
  if (reply.type === 'progress') {
    p.onProgress?.(reply.done, reply.total);
    return;
  }
  pending.delete(reply.id);
  if (reply.type === 'result') p.resolve(reply.value);
  else p.reject(new Error(reply.message));
}

function getWorker(): Worker | undefined {
  if (workerBroken) return undefined;
  if (worker) return worker;
  try {
    worker = new RaWorker();
  } catch {
    workerBroken = true;
    return undefined;
  }
  worker.onmessage = (e: MessageEvent<RaReply>) => onReply(e.data);
  // RSA keys on a second core: the key helper frame's own renderer process (keygen-frame.ts).
  const started = worker;
  void keygenPort().then((port) => {
    if (port && worker === started) started.postMessage({ keygenPort: port }, [port]);
  });
  // A worker that cannot load (or dies) is not used again: its requests and all later ones run on the main thread.
  worker.onerror = (e) => {
    e.preventDefault();
    workerBroken = true;
    worker?.terminate();
    worker = undefined;
    for (const p of pending.values()) p.reject(new WorkerUnavailable());
    pending.clear();
  };
  return worker;
}

/**
 * Cancel at once, even inside synchronous validation or P12 building: stop the worker and start a new
 * one on the next call. The upload's store transaction commits in one IndexedDB transaction, which a
 * terminated worker either finished or never began, so the state is consistent either way (the upload
 * panel looks at the store afterwards to say which). Other requests waiting behind the upload are
 * refused (not re-sent: one may have run already) — the page refreshes its view after a cancel anyway.
 */
function cancelByTermination(uploadId: number): void {
  worker?.terminate();
  worker = undefined;
  for (const [id, p] of pending) p.reject(id === uploadId ? new UploadCancelled() : new Error('interrupted by a cancelled upload; please try again'));
  pending.clear();
}

// ---- main-thread fallback ---------------------------------------------------------------------

let local: Promise<import('../../workers/ra-service').RaService> | undefined;

function localService() {
  local ??= (async () => {
    const [{ RaService }, { openRaStore }] = await Promise.all([import('../../workers/ra-service'), import('../../ra')]);
    return new RaService(() => openRaStore());
  })();
  return local;
}

const localUploads = new Map<number, AbortController>();

// ---- calls -----------------------------------------------------------------------------------

function send<M extends RaMethod>(method: M, args: Args<M>, onProgress?: Pending['onProgress']): { id: number; promise: Promise<Result<M>> } {
  const id = nextId++;
  const w = getWorker();
  if (!w) return sendLocally(id, method, args, onProgress);
  const promise = new Promise<Result<M>>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (v: unknown) => void, reject, onProgress });
    w.postMessage({ id, method, args });
  }).catch((err: unknown) => {
    if (err instanceof WorkerUnavailable) return sendLocally(id, method, args, onProgress).promise;
    throw err;
  });
  return { id, promise };
}

function sendLocally<M extends RaMethod>(id: number, method: M, args: Args<M>, onProgress?: Pending['onProgress']): { id: number; promise: Promise<Result<M>> } {
  const controller = new AbortController();
  localUploads.set(id, controller);
  const promise = localService()
    .then((s) =>
      method === 'upload'
        ? s.upload(args[0] as UploadRequest, { onProgress, signal: controller.signal })
        : (s[method] as (...a: unknown[]) => Promise<unknown>).apply(s, args),
    )
    .catch((err: unknown) => {
      throw err instanceof Error && err.name === 'AbortError' ? new UploadCancelled() : err;
    })
    .finally(() => localUploads.delete(id)) as Promise<Result<M>>;
  return { id, promise };
}

export function call<M extends Exclude<RaMethod, 'upload'>>(method: M, ...args: Args<M>): Promise<Result<M>> {
  return send(method, args).promise;
}

export interface RunningUpload {
  promise: Promise<UploadResult>;
  cancel(): void;
}

export function startUpload(request: UploadRequest, onProgress: (done: number, total: number) => void): RunningUpload {
  const { id, promise } = send('upload', [request], onProgress);
  return {
    promise,
    cancel() {
      if (pending.has(id)) cancelByTermination(id);
      else localUploads.get(id)?.abort();
    },
  };
}
