// The page's side of the validator worker: typed calls through the shared worker client (workers/call.ts) and
// cancel. Cancel terminates the worker (validation is synchronous work there, a message could not interrupt it);
// the next call starts a new one. If no worker can start, the same ReportStore runs on the main thread (correct,
// slower, not cancellable).
import { workerClient } from '../../workers/call';
import type { ValidatorApi, ValidatorMethod } from './report-store';
import ValidateWorker from './validate.worker?worker';

/** The user cancelled: the running call ends with this, and the report it was making is gone. */
export class ValidationCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'ValidationCancelled';
  }
}

export interface ValidatorClient extends ValidatorApi {
  cancel(): void;
}

export function createValidatorClient(start: () => Worker = () => new ValidateWorker()): ValidatorClient {
  // Loaded only when needed: the validator's code stays out of the page's own chunk.
  let local: ValidatorApi | undefined;
  const onMainThread = async (method: ValidatorMethod, args: unknown[]) => {
    const m = await import('./report-store');
    local ??= new m.ReportStore();
    return m.storeCall(local, method, args);
  };
  const client = workerClient(start, onMainThread);
  const call =
    <M extends ValidatorMethod>(method: M) =>
    (...args: Parameters<ValidatorApi[M]>) =>
      client.call(method, args) as ReturnType<ValidatorApi[M]>;

  return {
    validate: call('validate'),
    page: call('page'),
    locate: call('locate'),
    convert: call('convert'),
    text: call('text'),
    cancel: () => client.cancel(() => new ValidationCancelled()),
  };
}
