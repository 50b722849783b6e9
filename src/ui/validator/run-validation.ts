// Validate an uploaded file in a Web Worker; if the worker cannot start, validate on the main thread instead.
import type { KindId } from '../../spec/types';
import { boundReport, type ShownReport } from '../../tsv/bound-report';
import type { InstitutionRegistered } from '../../builder/institution-check';
import { workerFunction } from '../../workers/call';
import ValidateWorker from './validate.worker?worker';

async function onMainThread(file: Blob, kind: KindId, fileName?: string, institution?: InstitutionRegistered): Promise<ShownReport> {
  const { validateFile } = await import('../../tsv');
  const { checkReportAgainst } = await import('../../builder/institution-check');
  const report = await validateFile(new Uint8Array(await file.arrayBuffer()), kind, { fileName });
  return boundReport(institution ? checkReportAgainst(report, institution) : report);
}

/** The file goes to the worker as a Blob (by reference, no copy on the main thread). */
export const runValidation: (file: Blob, kind: KindId, fileName?: string, institution?: InstitutionRegistered) => Promise<ShownReport> =
  workerFunction(() => new ValidateWorker(), onMainThread);
