// Step 1 of an upload: the validator (tsv/). The RA never re-implements a TSV rule; this port only
// adapts the validator's report to the RA's error shape.
import { validateFile } from '../tsv';
import { columnAt } from '../spec/kinds';
import type { KindId } from '../spec/types';
import type { Issue, ValidationReport } from '../tsv/types';
import type { RaError } from './types';

export async function runValidator(bytes: Uint8Array, kind: KindId, fileName: string): Promise<ValidationReport> {
  return validateFile(bytes, kind, { fileName });
}

/** Errors only (warnings do not stop the RA), in the RA's error shape. */
export function issueErrors(kind: KindId, issues: readonly Issue[]): RaError[] {
  return issues
    .filter((i) => i.severity === 'error')
    .map((i) => ({
      column: i.column ?? 0,
      columnName: i.column ? (columnAt(kind, i.column)?.name.ja ?? '') : '',
      code: i.code,
      message: i.message,
    }));
}
