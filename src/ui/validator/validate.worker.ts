// Runs the validator off the main thread and keeps its report here (report-store.ts): the page asks for a
// summary, then for the page of records it shows. A large or hostile file never reaches the page whole.
// reflect-metadata first: CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { ReportStore, type ValidatorApi } from './report-store';

export type ValidatorMethod = keyof ValidatorApi;
export interface ValidatorRequest<M extends ValidatorMethod = ValidatorMethod> {
  id: number;
  method: M;
  args: Parameters<ValidatorApi[M]>;
}
export type ValidatorReply = { id: number; result: unknown } | { id: number; error: string };

const scope = self as unknown as {
  onmessage: ((e: MessageEvent<ValidatorRequest>) => void) | null;
  postMessage(m: ValidatorReply, transfer?: Transferable[]): void;
};
const store = new ReportStore();

async function answer({ id, method, args }: ValidatorRequest): Promise<void> {
  try {
    const call = store[method].bind(store) as (...a: unknown[]) => Promise<unknown>;
    const result = await call(...args);
    // Bytes (a converted file, the text for the builder) move to the page instead of being copied.
    const transfer = hasBytes(result) ? [result.bytes.buffer] : result instanceof Uint8Array ? [result.buffer] : [];
    scope.postMessage({ id, result }, transfer as Transferable[]);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
}

function hasBytes(value: unknown): value is { bytes: Uint8Array } {
  return typeof value === 'object' && value !== null && 'bytes' in value && value.bytes instanceof Uint8Array;
}

// answer() catches everything itself: nothing is left to reject.
scope.onmessage = (e) => void answer(e.data);
