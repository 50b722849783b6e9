// Public API of the TSV layer: codec, validation pipeline, CSR rules, message catalogue, RA-line formatter.
import { KINDS } from '../spec/kinds';
import type { KindId } from '../spec/types';
import { decodeAndParse, parseTsv, type ParseResult } from './codec';
import { addCsrChecks } from './csr-check';
import type { ValidationReport } from './types';
import { buildReport, internalError, runSyncRules, type ValidateOptions } from './validate';

export type { Issue, RecordReport, Severity, ValidationReport } from './types';
export { parseTsv, decodeAndParse, formatTsv, encodeTsv, checkColumnCount, type TsvRecord, type EncodeTsvResult } from './codec';
export { validateRecords, type ValidateOptions } from './validate';
export { parseDnsNames } from './columns';
export { checkDnString, checkRdns } from './dn-check';
export {
  checkCsrForProfile,
  checkCsrCommon,
  checkCsrSubject,
  fitProfiles,
  compareCsrDn,
  csrOrderAccepted,
  csrFailureIssue,
  describeKey,
  toTsvOrder,
} from './csr-rules';
export { MESSAGES, renderMessage, type MessageId, type MessageDef } from './messages';
export { makeIssue } from './issue';
export { formatRaLine, formatIssueLines } from './format';
export { fixHint } from './hints';
export { serialValue } from './file-rules';
export { guessKind } from './guess';

/** The full pipeline on file bytes: encoding → codec → all rules → CSR checks. Never throws. */
export async function validateFile(bytes: Uint8Array, kind: KindId, options: ValidateOptions = {}): Promise<ValidationReport> {
  try {
    // Tolerate an ArrayBuffer from a File/Blob read: the type says Uint8Array, JavaScript callers may not.
    const view = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
    const parsed = decodeAndParse(view, kind);
    return await validateParsed(kind, parsed, options, parsed.encoding);
  } catch (error) {
    return failed(kind, error);
  }
}

/** The same pipeline on text already decoded (a paste, a builder preview). Never throws. */
export async function validateText(text: string, kind: KindId, options: ValidateOptions = {}): Promise<ValidationReport> {
  try {
    return await validateParsed(kind, parseTsv(text, kind), options);
  } catch (error) {
    return failed(kind, error);
  }
}

async function validateParsed(kind: KindId, parsed: ParseResult, options: ValidateOptions, encoding?: string): Promise<ValidationReport> {
  const spec = KINDS[kind];
  const { fileIssues, checked } = runSyncRules(spec, parsed.records, options, parsed.fileIssues);
  await addCsrChecks(spec, checked);
  return buildReport(kind, fileIssues, checked, encoding);
}

function failed(kind: KindId, error: unknown): ValidationReport {
  return { kind, ok: false, fileIssues: [internalError(0, error)], records: [] };
}
