// Validate an uploaded file in a Web Worker; if the worker cannot start, validate on the main thread instead.
import type { KindId } from '../../spec/types';
import { boundReport, type ShownReport } from '../../tsv/bound-report';
import { workerFunction } from '../../workers/call';
import ValidateWorker from './validate.worker?worker';

async function onMainThread(file: Blob, kind: KindId, fileName?: string): Promise<ShownReport> {
  const { validateFile } = await import('../../tsv');
  return boundReport(await validateFile(new Uint8Array(await file.arrayBuffer()), kind, { fileName }));
}

/** The file goes to the worker as a Blob (by reference, no copy on the main thread). */
export const runValidation: (file: Blob, kind: KindId, fileName?: string) => Promise<ShownReport> =
  workerFunction(() => new ValidateWorker(), onMainThread);
