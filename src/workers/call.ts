// One function, run in a Web Worker when one can start, on the main thread otherwise.
// Page side: `workerFunction(start, fallback)`, or `workerClient(start, fallback)` where the page must also cancel;
// worker side: `serveFunction(fn)`. The protocol is {id, args} → {id, result} | {id, error}. When the worker fails
// to load or crashes, every waiting call and every later one runs through `fallback`, so the page keeps working
// (slower) instead of failing.
// Start workers with Vite's `import W from './x.worker?worker'` so the single-file build can inline them.

type Reply<R> = { id: number; result: R } | { id: number; error: string };

class WorkerUnavailable extends Error {}

export interface WorkerClient<A extends unknown[], R> {
  call: (...args: A) => Promise<R>;
  /**
   * Stop at once, even inside synchronous work (a message could not interrupt it): terminate the worker and
   * reject every waiting call with `reason()`. The next call starts a new worker. Calls already handed to the
   * main-thread fallback run on: that work cannot be interrupted.
   */
  cancel: (reason: () => Error) => void;
}

export function workerClient<A extends unknown[], R>(start: () => Worker, fallback: (...args: A) => Promise<R>): WorkerClient<A, R> {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();

  const stop = (reason: () => Error) => {
    worker?.terminate();
    worker = undefined;
    for (const p of pending.values()) p.reject(reason());
    pending.clear();
  };

  function getWorker(): Worker | undefined {
    if (broken) return undefined;
    if (worker) return worker;
    try {
      worker = start();
    } catch {
      broken = true;
      return undefined;
    }
    worker.onmessage = (e: MessageEvent<Reply<R>>) => {
      const p = pending.get(e.data.id);
      if (!p) return;
      pending.delete(e.data.id);
      if ('result' in e.data) p.resolve(e.data.result);
      else p.reject(new Error(e.data.error));
    };
    worker.onerror = () => {
      broken = true;
      stop(() => new WorkerUnavailable());
    };
    return worker;
  }

  const call = async (...args: A): Promise<R> => {
    const w = getWorker();
    if (!w) return fallback(...args);
    const id = nextId++;
    try {
      return await new Promise<R>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        w.postMessage({ id, args });
      });
    } catch (err) {
      if (err instanceof WorkerUnavailable) return fallback(...args);
      throw err;
    }
  };
  return { call, cancel: stop };
}

export function workerFunction<A extends unknown[], R>(start: () => Worker, fallback: (...args: A) => Promise<R>): (...args: A) => Promise<R> {
  return workerClient(start, fallback).call;
}

/**
 * Inside a worker: answer every {id, args} message with fn(...args). `transfer` names buffers of the result to
 * move to the page instead of copying them.
 */
export function serveFunction<A extends unknown[], R>(fn: (...args: A) => Promise<R>, transfer: (result: R) => Transferable[] = () => []): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<{ id: number; args: A }>) => void) | null;
    postMessage(m: Reply<R>, transfer: Transferable[]): void;
  };
  const answer = async (id: number, args: A): Promise<void> => {
    try {
      const result = await fn(...args);
      scope.postMessage({ id, result }, transfer(result));
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) }, []);
    }
  };
  // answer() catches everything itself: nothing is left to reject.
  scope.onmessage = (e) => void answer(e.data.id, e.data.args);
}
