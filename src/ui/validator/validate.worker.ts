// Runs the validator off the main thread, so a large or hostile file cannot freeze the page.
// reflect-metadata first: CSR checks load @peculiar/x509, which reads decorator metadata.
import 'reflect-metadata';
import { validateFile } from '../../tsv';
import type { ValidateRequest, ValidateResponse } from './run-validation';

const scope = self as unknown as { onmessage: ((e: MessageEvent<ValidateRequest>) => void) | null; postMessage(m: ValidateResponse): void };

scope.onmessage = async (e) => {
  const { id, bytes, kind, fileName } = e.data;
  try {
    const report = await validateFile(bytes, kind, { fileName });
    scope.postMessage({ id, report });
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) });
  }
};
