// One function, run in a Web Worker when one can start, on the main thread otherwise.
// Page side: `workerFunction(start, fallback)`; worker side: `serveFunction(fn)`. The protocol is
// {id, args} → {id, result} | {id, error}. When the worker fails to load or crashes, every waiting call
// and every later one runs through `fallback`, so the page keeps working (slower) instead of failing.
// Start workers with Vite's `import W from './x.worker?worker'` so the single-file build can inline them.

type Reply<R> = { id: number; result: R } | { id: number; error: string };

class WorkerUnavailable extends Error {}

export function workerFunction<A extends unknown[], R>(
  start: () => Worker,
  fallback: (...args: A) => Promise<R>,
): (...args: A) => Promise<R> {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 1;
  const pending = new Map<number, { resolve: (r: R) => void; reject: (e: Error) => void }>();

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
      worker?.terminate();
      worker = undefined;
      for (const p of pending.values()) p.reject(new WorkerUnavailable());
      pending.clear();
    };
    return worker;
  }

  return async (...args: A): Promise<R> => {
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
}

/** Inside a worker: answer every {id, args} message with fn(...args). */
export function serveFunction<A extends unknown[], R>(fn: (...args: A) => Promise<R>): void {
  const scope = self as unknown as {
    onmessage: ((e: MessageEvent<{ id: number; args: A }>) => void) | null;
    postMessage(m: Reply<R>): void;
  };
  const answer = async (id: number, args: A): Promise<void> => {
    try {
      scope.postMessage({ id, result: await fn(...args) });
    } catch (err) {
      scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
    }
  };
  // answer() catches everything itself: nothing is left to reject.
  scope.onmessage = (e) => void answer(e.data.id, e.data.args);
}
