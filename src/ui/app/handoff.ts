// Handing a CSR from 鍵・CSR to the builder: the key page leaves it here and navigates; the builder takes it
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
