// Runs the validator off the main thread and keeps its report here (report-store.ts): the page asks for a
// summary, then for the page of records it shows. A large or hostile file never reaches the page whole.
// reflect-metadata first: CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { serveFunction } from '../../workers/call';
import { ReportStore, storeCall, type ValidatorMethod } from './report-store';

const store = new ReportStore();

// Bytes (a converted file, the text for the builder) move to the page instead of being copied.
serveFunction(
  (method: ValidatorMethod, args: unknown[]) => storeCall(store, method, args),
  (result) => (hasBytes(result) ? [result.bytes.buffer] : result instanceof Uint8Array ? [result.buffer] : []) as Transferable[],
);

function hasBytes(value: unknown): value is { bytes: Uint8Array } {
  return typeof value === 'object' && value !== null && 'bytes' in value && value.bytes instanceof Uint8Array;
}
