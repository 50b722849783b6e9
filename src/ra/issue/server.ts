// Server issue and renew (SPEC §7.1, §7.3): certificate from the CSR's key, SAN = dNSNames + FQDN,
// then 「サーバ証明書発行受付通知」 with a one-time URL to the 利用管理者 (column 10).
import type { CsrInfo } from '../../pki/types';
import type { TxContext } from '../context';
import { sendMail, recipients } from '../notify/mailer';
import { serverIssueAccepted } from '../notify/templates';
import type { Row } from '../row';
import type { CertificateRecord, Institution, P12Format } from '../types';
import { acceptApplication } from './application';
import { createToken, issueForApplication } from './common';

export async function issueServerRow(
  ctx: TxContext,
  row: Row,
  csr: CsrInfo,
  inst: Institution,
  uploadId: string,
  p12Format: P12Format,
  renews?: CertificateRecord,
): Promise<CertificateRecord> {
  const spki = csr.spki;
  const app = acceptApplication(ctx, row, inst, uploadId, p12Format, renews);
  const cert = await issueForApplication(ctx, { app, subject: csr.subject, spki, dnsNames: app.dnsNames });
  const token = createToken(ctx, 'server-cert', uploadId, [app.id]);
  sendMail(ctx, recipients(app.adminMail), serverIssueAccepted(ctx.url(token.token)));
  return cert;
}
