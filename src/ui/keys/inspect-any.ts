// One entry for the import panel: a pasted or dropped file may be a CSR or a certificate.
import { inspectCertificate } from '../../pki/certificate';
import { inspectCsr } from '../../pki/csr';
import type { CertificateInfo, CsrInfo } from '../../pki/types';
import { MAX_INPUT_BYTES } from '../../pki/pem';
import type { Text } from '../../spec/types';

export type Loaded =
  | { kind: 'csr'; info: CsrInfo }
  | { kind: 'certificate'; info: CertificateInfo; count: number }
  | { kind: 'key'; pem: string; encrypted: boolean }
  | { kind: 'error'; message: Text };

/** Said before anything is parsed: no CSR, certificate or key file comes near 64 KiB, so bigger input is a mistake. */
export const TOO_LARGE: Text = {
  ja: `入力が大きすぎます（${MAX_INPUT_BYTES / 1024} KiB まで）。CSR・証明書・秘密鍵のファイルを1つだけ選んでください。`,
  en: `The input is too large (${MAX_INPUT_BYTES / 1024} KiB at most). Choose a single CSR, certificate or private key file.`,
};

export async function inspectAny(input: string | Uint8Array): Promise<Loaded> {
  // Checked first, on the page's thread: nothing below may scan megabytes of a paste (issue 10).
  if ((typeof input === 'string' ? input.length : input.byteLength) > MAX_INPUT_BYTES) return { kind: 'error', message: TOO_LARGE };
  const text = typeof input === 'string' ? input : input[0] === 0x30 ? '' : new TextDecoder().decode(input.slice(0, 70_000));
  const key = /-----BEGIN (ENCRYPTED )?PRIVATE KEY-----/.exec(text);
  if (key) return { kind: 'key', pem: text, encrypted: !!key[1] };
  const csr = await inspectCsr(input);
  if (csr.ok) return { kind: 'csr', info: csr.info };
  const cert = await inspectCertificate(input);
  // A chain file holds several: the first one is shown, and the page says how many there were.
  if (cert.ok) return { kind: 'certificate', info: cert.info, count: Math.max(1, (text.match(/-----BEGIN CERTIFICATE-----/g) ?? []).length) };
  // Report the CSR reading's reason unless the input announced itself as a certificate.
  const saysCertificate = typeof input === 'string' && /-----BEGIN CERTIFICATE-----/.test(input);
  return { kind: 'error', message: saysCertificate ? cert.message : csr.message };
}
