// Revocation (SPEC §6.5, §7.4): mark each certificate revoked with its reason, publish a new CRL for
// every CA concerned, and mail 「サーバ/クライアント証明書失効完了通知」 to the 登録担当者 and 利用管理者.
import { publishCrl } from '../ca/authority';
import type { TxContext } from '../context';
import { recipients, sendMail } from '../notify/mailer';
import { revoked } from '../notify/templates';
import type { Row } from '../row';
import type { CaRole, CertificateRecord, Institution, RevocationReasonCode } from '../types';

export interface RevokeInput {
  row: Row;
  target: CertificateRecord;
}

export function revokeCertificate(ctx: TxContext, target: CertificateRecord, reason: RevocationReasonCode, comment: string, uploadId: string): CertificateRecord {
  ctx.emit({ type: 'revoked', serialHex: target.serialHex, reason, comment, uploadId });
  return ctx.state.certificates.get(target.serialHex)!;
}

export async function revokeRows(ctx: TxContext, inputs: RevokeInput[], inst: Institution, uploadId: string): Promise<void> {
  const cas = new Set<CaRole>();
  const done: { cert: CertificateRecord; row: Row }[] = [];
  for (const { row, target } of inputs) {
    const reason = Number(row.get('reason') || '0') as RevocationReasonCode;
    done.push({ cert: revokeCertificate(ctx, target, reason, row.get('reasonComment'), uploadId), row });
    cas.add(target.caId);
  }
  for (const ca of cas) await publishCrl(ctx, ca);
  for (const { cert, row } of done) {
    const app = ctx.state.applications.get(cert.applicationId);
    // Column 10 names a new 利用管理者 when the administrator changed (SPEC §5.3); else the one on file.
    const admin = row.get('adminMail') || app?.adminMail;
    sendMail(ctx, recipients(inst.ra.mail, admin), revoked(cert));
  }
}
