// Handing a CSR from 鍵・CSR (or a TSV file from the validator) to the builder: the key page leaves it here and navigates; the builder takes it
// once its draft is shown and adds a row of the chosen kind. In memory only (a CSR is public, but a reload
// should not replay an old hand-off).
import type { KindId } from '../../spec/types';

export interface CsrHandoff {
  kind: Extract<KindId, 'server-issue' | 'server-renew'>;
  /** The CSR as PEM or DER, as the key page has it. */
  csr: string | Uint8Array;
}

let pending: CsrHandoff | null = null;

export function handOffCsr(handoff: CsrHandoff): void {
  pending = handoff;
}

/** The waiting hand-off, once. */
export function takeCsrHandoff(): CsrHandoff | null {
  const h = pending;
  pending = null;
  return h;
}

/** A whole TSV file from the validator (「TSV作成で開く」), opened through the builder's TSV import. */
export interface TsvHandoff {
  kind: KindId;
  /** The file's bytes (Shift-JIS, ASCII or UTF-8: what the builder's import reads). */
  bytes: Uint8Array;
  name: string;
}

let pendingTsv: TsvHandoff | null = null;

export function handOffTsv(handoff: TsvHandoff): void {
  pendingTsv = handoff;
}

export function takeTsvHandoff(): TsvHandoff | null {
  const h = pendingTsv;
  pendingTsv = null;
  return h;
}
