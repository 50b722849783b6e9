// The JPNIC event log told in words for the trainer's view and the CLI (the same AuditLine as the RA's).
import { jstDateTime, type AuditLine } from '../sim';
import { MESSAGES, type MessageKey } from './rules';
import type { JpnicEvent } from './types';

type Said = { ja: string; en: string };

const DESCRIBE: { [K in JpnicEvent['type']]: (e: Extract<JpnicEvent, { type: K }>) => Said } = {
  'jpnic-initialized': (e) => ({ ja: `初期化（資源管理者 ${e.manager.managerId}、メンテナーコード ${e.manager.maintainerCode}、CA ${e.cas.length}件）`, en: `initialised (manager ${e.manager.managerId}, maintainer ${e.manager.maintainerCode}, ${e.cas.length} CAs)` }),
  'jpnic-certificate-issued': (e) => ({ ja: `${e.certificate.kind === 'manager' ? '資源管理者' : '資源申請者'}証明書を発行: ${e.certificate.name} シリアル番号 ${e.certificate.serialDecimal}`, en: `${e.certificate.kind} certificate issued: ${e.certificate.name} serial ${e.certificate.serialDecimal}` }),
  'jpnic-account-registered': (e) => ({ ja: `アカウント登録: 証明書認証ID ${e.account.accountId}（${e.account.userName}）`, en: `account registered: ${e.account.accountId} (${e.account.userName})` }),
  'jpnic-account-deleted': (e) => ({ ja: `アカウント削除（失効ではない）: ${e.accountId}`, en: `account deleted (not a revocation): ${e.accountId}` }),
  'jpnic-license-created': (e) => ({ ja: `ライセンスID発行（${e.license.purpose === 'issue' ? '発行' : '再発行'}）: ${e.license.accountId} → ${e.license.email}`, en: `license ID created (${e.license.purpose}): ${e.license.accountId} → ${e.license.email}` }),
  'jpnic-license-refused': (e) => {
    const m = MESSAGES[e.reason as MessageKey] as Said | undefined;
    return { ja: `ライセンスIDを拒否: ${m?.ja ?? e.reason}`, en: `license ID refused: ${m?.en ?? e.reason}` };
  },
  'jpnic-serial-reserved': (e) => ({ ja: `再発行用シリアル番号を予約: ${e.accountId} → ${BigInt(`0x${e.serialHex}`).toString(10)}`, en: `serial reserved for reissue: ${e.accountId} → ${BigInt(`0x${e.serialHex}`).toString(10)}` }),
  'jpnic-revoked': (e) => ({ ja: `失効: シリアル番号 ${BigInt(`0x${e.serialHex}`).toString(10)}（理由 ${e.reason}）`, en: `revoked: serial ${BigInt(`0x${e.serialHex}`).toString(10)} (reason ${e.reason})` }),
  'jpnic-crl-published': (e) => ({ ja: `CRL発行 No.${e.number}`, en: `CRL published #${e.number}` }),
  'jpnic-mailed': (e) => ({ ja: `メール送信「${e.mail.subject}」→ ${e.mail.to.join(', ')}`, en: `mail "${e.mail.subject}" → ${e.mail.to.join(', ')}` }),
  'jpnic-clock-advanced': (e) => ({ ja: `時計を${e.days}日進めました`, en: `clock advanced by ${e.days} days` }),
};

/** The RA's audit line with this service's event types. */
export type JpnicAuditLine = Omit<AuditLine, 'type'> & { type: JpnicEvent['type'] };

export function jpnicAuditTrail(events: readonly JpnicEvent[]): JpnicAuditLine[] {
  return events.map((e) => ({
    seq: e.seq,
    at: jstDateTime(new Date(e.at)),
    type: e.type,
    text: (DESCRIBE[e.type] as (x: JpnicEvent) => Said)(e),
  }));
}
