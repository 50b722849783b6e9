// Validate an uploaded file in a Web Worker; if the worker cannot start, validate on the main thread instead.
import type { KindId } from '../../spec/types';
import { boundReport, type ShownReport } from '../../tsv/bound-report';
import { workerFunction } from '../../workers/call';
import ValidateWorker from './validate.worker?worker';

async function onMainThread(bytes: Uint8Array, kind: KindId, fileName?: string): Promise<ShownReport> {
  const { validateFile } = await import('../../tsv');
  return boundReport(await validateFile(bytes, kind, { fileName }));
}

export const runValidation: (bytes: Uint8Array, kind: KindId, fileName?: string) => Promise<ShownReport> =
  workerFunction(() => new ValidateWorker(), onMainThread);
