// Renewal needs a new key pair (SPEC §2.1; the RA refuses key reuse with R108). No TSV column holds the old
// certificate's key, so the builder keeps its SPKI hash as row metadata (grid.ts RowMeta) when the user drops
// the old certificate on a renew row, and compares it with the CSR in column 7 here.
import { inspectCsr } from '../pki/csr';
import { sameKey } from '../pki/spki';
import { RA_MESSAGES } from '../ra/messages';
import { columnOf } from '../spec/kinds';
import type { KindSpec } from '../spec/types';
import type { Issue } from '../tsv/types';
import type { RowMeta } from './grid';

export interface KeyReuseInput {
  /** 1-based record number inside its file, as the validator numbers it. */
  seq: number;
  cells: readonly string[];
  meta: RowMeta | undefined;
  /** Issues already found on the record: a CSR that failed its own checks is not read again. */
  issues: readonly Issue[];
}

/** The R108 error for a renew record whose CSR has the same public key as the old certificate, else none. */
export async function keyReuseIssues(spec: KindSpec, record: KeyReuseInput): Promise<Issue[]> {
  const csrColumn = columnOf(spec, 'csr');
  const oldKey = record.meta?.oldSpkiSha256;
  if (spec.action !== 'renew' || !csrColumn || !oldKey) return [];
  const text = record.cells[csrColumn.no - 1] ?? '';
  if (text === '' || record.issues.some((i) => i.column === csrColumn.no && i.severity === 'error')) return [];
  const csr = await inspectCsr(text, { tsvColumn: true });
  if (!csr.ok || !sameKey(csr.info, { spkiSha256: oldKey })) return [];
  const { code, message } = RA_MESSAGES.keyReused;
  return [{ seq: record.seq, column: csrColumn.no, field: 'csr', code, severity: 'error', message }];
}
