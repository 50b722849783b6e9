// The page's side of the validator worker: typed calls (request id → reply) and cancel. Cancel terminates the
// worker (validation is synchronous work there, a message could not interrupt it); the next call starts a new
// one. If no worker can start, the same ReportStore runs on the main thread (correct, slower, not cancellable).
import type { ValidatorApi } from './report-store';
import type { ValidatorReply, ValidatorRequest } from './validate.worker';
import ValidateWorker from './validate.worker?worker';

/** The user cancelled: the running call ends with this, and the report it was making is gone. */
export class ValidationCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ValidationCancelled';
  }
}

class WorkerUnavailable extends Error {}

export interface ValidatorClient extends ValidatorApi {
  cancel(): void;
}

export function createValidatorClient(start: () => Worker = () => new ValidateWorker()): ValidatorClient {
  let worker: Worker | undefined;
  let broken = false;
  let nextId = 1;
  let fallback: ValidatorApi | undefined;
  const pending = new Map<number, { resolve: (r: unknown) => void; reject: (e: Error) => void }>();

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
    worker.onmessage = (e: MessageEvent<ValidatorReply>) => {
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

  async function onMainThread(): Promise<ValidatorApi> {
    fallback ??= new (await import('./report-store')).ReportStore();
    return fallback;
  }

  function call<M extends keyof ValidatorApi>(method: M, ...args: Parameters<ValidatorApi[M]>): ReturnType<ValidatorApi[M]> {
    const run = async (): Promise<unknown> => {
      const w = getWorker();
      if (!w) return ((await onMainThread())[method] as (...a: unknown[]) => Promise<unknown>)(...args);
      const id = nextId++;
      try {
        return await new Promise<unknown>((resolve, reject) => {
          pending.set(id, { resolve, reject });
          const request: ValidatorRequest<M> = { id, method, args };
          w.postMessage(request);
        });
      } catch (err) {
        if (err instanceof WorkerUnavailable) return ((await onMainThread())[method] as (...a: unknown[]) => Promise<unknown>)(...args);
        throw err;
      }
    };
    return run() as ReturnType<ValidatorApi[M]>;
  }

  return {
    validate: (...a) => call('validate', ...a),
    page: (...a) => call('page', ...a),
    locate: (...a) => call('locate', ...a),
    convert: (...a) => call('convert', ...a),
    text: (...a) => call('text', ...a),
    cancel: () => stop(() => new ValidationCancelled()),
  };
}
