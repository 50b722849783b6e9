// The RA upload in four named steps: validate (tsv/) → check (RA rules) → issue/revoke → notify.
// `runUpload` runs inside one store transaction: in abort mode one error means nothing is written.
import { KINDS } from '../spec/kinds';
import type { KindId } from '../spec/types';
import { inspectCsr } from '../pki/csr';
import type { CsrInfo } from '../pki/types';
import type { ValidationReport } from '../tsv/types';
import { checkRow, newFileCheckState, type RowCheck } from './check';
import type { TxContext } from './context';
import { issueClientRows, type ProgressCallback } from './issue/client';
import { issueServerRow } from './issue/server';
import { revokeRows } from './issue/revoke';
import { raLine } from './messages';
import { Row, rdnValue } from './row';
import { completionScreen, errorScreen } from './screens';
import type { CertificateRecord, ErrorMode, Institution, P12Format, RaError, RecordResult, UploadResult } from './types';
import { issueErrors } from './validate-port';

export interface UploadInput {
  bytes: Uint8Array;
  fileName: string;
  kind: KindId;
  /** 「全件処理を中断する」 (default) or 「入力値不備のないデータのみ登録する」. */
  mode?: ErrorMode;
  /** P12 encryption for client methods 1 and 2 (default modern). */
  p12Format?: P12Format;
  /** Defaults to the first institution. */
  institutionId?: string;
  /** Progress of client key generation (methods 1 and 2), e.g. for a bulk upload's progress bar. */
  onProgress?: ProgressCallback;
  /**
   * Cancels the upload: the transaction then throws the signal's reason and commits nothing. Checked
   * between rows and keys; once the upload has committed, aborting changes nothing.
   */
  signal?: AbortSignal;
}

interface CheckedRow {
  row: Row;
  errors: RaError[];
  csr?: CsrInfo;
  target?: CertificateRecord;
}

/** Server issue/renew rows carry a CSR; the validator vouched for it, the RA needs its key. */
async function readCsr(row: Row): Promise<CsrInfo | undefined> {
  if (row.family !== 'server' || row.action === 'revoke') return undefined;
  const result = await inspectCsr(row.get('csr'), { tsvColumn: true });
  return result.ok ? result.info : undefined;
}

/** Step 2: RA checks for every record the validator passed. */
async function checkRecords(ctx: TxContext, report: ValidationReport, inst: Institution): Promise<CheckedRow[]> {
  const file = newFileCheckState(ctx.state, ctx.now);
  const checked: CheckedRow[] = [];
  for (const record of report.records) {
    const row = new Row(report.kind, record.seq, record.cells);
    const errors = issueErrors(report.kind, record.issues);
    if (errors.length) {
      checked.push({ row, errors });
      continue;
    }
    const csr = await readCsr(row);
    const check: RowCheck = checkRow(row, inst, ctx.state, ctx.now, file, csr?.spkiSha256);
    checked.push({ row, errors: check.errors, csr, target: check.target });
  }
  return checked;
}

/** Step 3: issue, renew or revoke the accepted rows. Returns the new certificate per record seq. */
async function processRows(ctx: TxContext, rows: CheckedRow[], inst: Institution, uploadId: string, input: UploadInput) {
  const p12Format = input.p12Format ?? 'modern';
  const spec = KINDS[rows[0].row.kind];
  const issued = new Map<number, CertificateRecord | undefined>();
  const signal = input.signal;
  const onProgress: ProgressCallback | undefined = signal || input.onProgress
    ? (done, total) => {
        signal?.throwIfAborted();
        input.onProgress?.(done, total);
      }
    : undefined;
  if (spec.action === 'revoke') {
    await revokeRows(ctx, rows.map((r) => ({ row: r.row, target: r.target! })), inst, uploadId);
  } else if (spec.family === 'server') {
    for (const r of rows) {
      signal?.throwIfAborted();
      issued.set(r.row.seq, await issueServerRow(ctx, r.row, r.csr!, inst, uploadId, p12Format, r.target));
    }
  } else {
    const inputs = rows.map((r) => ({ row: r.row, renews: r.target }));
    const byRow = await issueClientRows(ctx, inputs, inst, uploadId, p12Format, onProgress);
    for (const [seq, cert] of byRow) issued.set(seq, cert);
  }
  return issued;
}

/** A serial is reported only for what was done: the new certificate, or the one a registered revocation revoked. */
function recordResult(c: CheckedRow, registered: boolean, cert?: CertificateRecord, applicationId?: string): RecordResult {
  const revoked = registered && c.row.action === 'revoke' && c.errors.length === 0 ? c.target : undefined;
  return {
    seq: c.row.seq,
    ok: c.errors.length === 0,
    errors: c.errors,
    serialHex: cert?.serialHex ?? revoked?.serialHex,
    serialDecimal: cert?.serialDecimal ?? revoked?.serialDecimal,
    applicationId,
    lines: c.errors.map((e) => raLine(c.row.kind, c.row.seq, e)),
    ...(c.row.family === 'client' ? { applicant: applicantOf(c.row) } : {}),
  };
}

/** The client result table's 機関名 / 所属名 / 氏名 / メールアドレス (ADDENDUM A): O of the DN and the user's columns. */
function applicantOf(row: Row): NonNullable<RecordResult['applicant']> {
  return { o: rdnValue(row.dn(), 'O') ?? '', dept: row.get('userDept'), name: row.get('userName'), mail: row.get('userMail') };
}

export function findInstitution(ctx: TxContext, id?: string): Institution {
  const inst = id ? ctx.state.institutions.get(id) : ctx.state.institutions.values().next().value;
  if (!inst) throw new Error(id ? `unknown institution ${id}` : 'no institution registered');
  return inst;
}

/** Steps 2–4 on a validated file, inside one transaction. */
export async function runUpload(ctx: TxContext, input: UploadInput, report: ValidationReport): Promise<UploadResult> {
  const spec = KINDS[input.kind];
  const mode = input.mode ?? 'abort';
  const p12Format = input.p12Format ?? 'modern';
  const inst = findInstitution(ctx, input.institutionId);
  const fileErrors = issueErrors(input.kind, report.fileIssues);
  const checked = await checkRecords(ctx, report, inst);
  const anyError = fileErrors.length > 0 || checked.some((c) => c.errors.length > 0);
  const accepted = checked.filter((c) => c.errors.length === 0);
  const method = accepted[0]?.row.get('method') || undefined;
  const refuse = fileErrors.length > 0 || accepted.length === 0 || (anyError && mode === 'abort');

  if (refuse) {
    // A refused file is written to the log too (registered: false): the RA keeps a trail of what was tried, and the
    // training player reads the RA's codes of a refusal from the log as the trainee's mistake.
    ctx.emit({
      type: 'uploaded',
      uploadId: ctx.nextUploadId(),
      fileName: input.fileName,
      kind: input.kind,
      mode,
      p12Format,
      institutionId: inst.id,
      registered: false,
      records: checked.map((c) => ({ seq: c.row.seq, ok: c.errors.length === 0, codes: c.errors.map((e) => e.code) })),
      fileCodes: fileErrors.map((e) => e.code),
    });
    return {
      kind: input.kind,
      mode,
      ok: false,
      registered: false,
      fileErrors,
      fileLines: fileErrors.map((e) => raLine(input.kind, 0, e)),
      records: checked.map((c) => recordResult(c, false)),
      screen: errorScreen(spec.family, spec.action, fileErrors.length === 0 && mode === 'abort' ? accepted.length : 0),
    };
  }

  const uploadId = ctx.nextUploadId();
  ctx.emit({
    type: 'uploaded',
    uploadId,
    fileName: input.fileName,
    kind: input.kind,
    mode,
    p12Format,
    institutionId: inst.id,
    registered: true,
    records: checked.map((c) => ({ seq: c.row.seq, ok: c.errors.length === 0, codes: c.errors.map((e) => e.code) })),
  });
  const issued = await processRows(ctx, accepted, inst, uploadId, input);
  // This upload's applications are among this transaction's own events (not a walk of every application).
  const appBySeq = new Map<number, string>();
  for (const e of ctx.emitted) if (e.type === 'application-accepted' && e.application.uploadId === uploadId) appBySeq.set(e.application.seq, e.application.id);
  return {
    uploadId,
    kind: input.kind,
    mode,
    ok: !anyError,
    registered: true,
    fileErrors,
    fileLines: fileErrors.map((e) => raLine(input.kind, 0, e)),
    records: checked.map((c) => recordResult(c, true, issued.get(c.row.seq), appBySeq.get(c.row.seq))),
    screen: completionScreen(spec.family, spec.action, method),
  };
}
