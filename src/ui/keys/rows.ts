// Ready-to-paste TSV rows for renewing or revoking a certificate the user loaded: the spec's column layout
// (spec/kinds.ts) with DN and serial placed by the builder's fill rules; every other column left empty.
import { cellsFromCertificate } from '../../builder/fill';
import { emptyCells } from '../../builder/grid';
import type { InstitutionProfile } from '../../builder/institution';
import type { CertificateInfo } from '../../pki/types';
import { KINDS } from '../../spec/kinds';
import type { Family, KindId } from '../../spec/types';
import { checkDnColumn } from '../../tsv/validate';
import type { Issue } from '../../tsv/types';

/** Server when the CN is a host name (letters, digits, dots, hyphens, at least one dot); client otherwise. */
export function guessFamily(info: Pick<CertificateInfo, 'subject'>): Family {
  const cn = info.subject.find((r) => r.key === 'CN')?.value ?? '';
  return /^[A-Z0-9-]+(?:\.[A-Z0-9-]+)+$/i.test(cn) ? 'server' : 'client';
}

/** One TSV record (no line end) of `kind` with the certificate's DN (TSV order) and serial filled in. */
export function prefilledRow(
  kind: Extract<KindId, `${string}-renew` | `${string}-revoke`>,
  info: Pick<CertificateInfo, 'subject' | 'serialDecimal' | 'serialHex'>,
  institution: InstitutionProfile | null = null,
): string {
  const spec = KINDS[kind];
  const cells = emptyCells(spec);
  for (const [at, value] of cellsFromCertificate(spec, info, institution)) cells[at] = value;
  return cells.join('\t');
}

/**
 * Why column 1 of this row would be refused: the validator's own column-1 rules (tsv/validate.ts checkDnColumn),
 * errors only. 鍵・CSR offers a row or a DN to copy, or to send to the builder, only when this is empty.
 */
export function dnRejections(kind: KindId, cells: readonly string[] | string): Issue[] {
  const row = typeof cells === 'string' ? cells.split('\t') : cells;
  return checkDnColumn(KINDS[kind], row).issues.filter((i) => i.severity === 'error');
}
