// The grid's full check (all rules + CSR checks) off the main thread, so a 1000-row sheet stays smooth to edit.
// reflect-metadata first: the CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { checkSheetFull } from '../../builder/check';
import { KINDS } from '../../spec/kinds';
import type { CheckRequest, CheckResponse } from './run-check';

const scope = self as unknown as { onmessage: ((e: MessageEvent<CheckRequest>) => void) | null; postMessage(m: CheckResponse): void };

scope.onmessage = async (e) => {
  const { id, kind, rows, metas } = e.data;
  try {
    scope.postMessage({ id, check: await checkSheetFull(KINDS[kind], rows, metas) });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
