// The audit trail: the event log told in words, newest last (for the trainer's view and the CLI).
import type { Text } from '../spec/types';
import { jstDateTime } from './clock';
import type { RaEvent } from './events';
import { serialHexToDecimal } from './row';

export interface AuditLine {
  seq: number;
  /** JST, as the RA shows times. */
  at: string;
  type: RaEvent['type'];
  text: Text;
}

function describe(e: RaEvent): Text {
  switch (e.type) {
    case 'initialized':
      return { ja: `初期化（機関 ${e.institutions.length}件、CA ${e.cas.length}件）`, en: `initialised (${e.institutions.length} institutions, ${e.cas.length} CAs)` };
    case 'institution-saved':
      return { ja: `機関情報を保存: ${e.institution.o}`, en: `institution saved: ${e.institution.o}` };
    case 'uploaded': {
      const ok = e.records.filter((r) => r.ok).length;
      if (!e.registered) {
        return { ja: `${e.fileName} をアップロード（${e.kind}、エラーのため登録なし）`, en: `uploaded ${e.fileName} (${e.kind}, refused: nothing registered)` };
      }
      return { ja: `${e.fileName} をアップロード（${e.kind}、${ok}/${e.records.length}件受付）`, en: `uploaded ${e.fileName} (${e.kind}, ${ok}/${e.records.length} accepted)` };
    }
    case 'application-accepted':
      return { ja: `申請 ${e.application.id} を受付: ${e.application.dn}`, en: `application ${e.application.id} accepted: ${e.application.dn}` };
    case 'issued':
      return { ja: `証明書を発行: シリアル番号 ${e.certificate.serialDecimal}`, en: `certificate issued: serial ${e.certificate.serialDecimal}` };
    case 'token-created':
      return { ja: `ワンタイムURLを作成（${e.token.purpose}）`, en: `one-time URL created (${e.token.purpose})` };
    case 'downloaded':
      return { ja: `ダウンロード（証明書 ${e.serialsHex.length}件）`, en: `downloaded (${e.serialsHex.length} certificates)` };
    case 'revoked':
      return { ja: `失効: シリアル番号 ${serialHexToDecimal(e.serialHex)}（理由 ${e.reason}）`, en: `revoked: serial ${serialHexToDecimal(e.serialHex)} (reason ${e.reason})` };
    case 'reminder-sent':
      return { ja: `旧証明書の失効申請再通知: ${serialHexToDecimal(e.serialHex)}`, en: `old-certificate reminder: ${serialHexToDecimal(e.serialHex)}` };
    case 'mailed':
      return { ja: `メール送信「${e.mail.subject}」→ ${e.mail.to.join(', ')}`, en: `mail "${e.mail.subject}" → ${e.mail.to.join(', ')}` };
    case 'crl-published':
      return { ja: `CRL発行: ${e.caId} No.${e.number}`, en: `CRL published: ${e.caId} #${e.number}` };
    case 'clock-advanced':
      return { ja: `時計を${e.days}日進めました`, en: `clock advanced by ${e.days} days` };
    case 'operator-certificate-issued':
      return { ja: `登録担当者用証明書を発行: シリアル番号 ${e.certificate.serialDecimal}`, en: `RA operator certificate issued: serial ${e.certificate.serialDecimal}` };
    case 'operator-certificate-revoked':
      return { ja: `登録担当者用証明書を失効: シリアル番号 ${serialHexToDecimal(e.serialHex)}`, en: `RA operator certificate revoked: serial ${serialHexToDecimal(e.serialHex)}` };
    case 'administrator-updated':
      return { ja: `利用管理者情報を更新: ${e.oldMail} → ${e.name} <${e.mail}>`, en: `administrator updated: ${e.oldMail} → ${e.name} <${e.mail}>` };
    case 'ra-login':
      return { ja: `ログイン: ${e.subject}（シリアル番号 ${serialHexToDecimal(e.serialHex)}）`, en: `login: ${e.subject} (serial ${serialHexToDecimal(e.serialHex)})` };
    case 'ra-login-refused':
      return { ja: `ログイン失敗（${e.reason}）: ${e.subject}`, en: `login refused (${e.reason}): ${e.subject}` };
    case 'ra-logout':
      return { ja: `ログアウト: ${e.subject}（シリアル番号 ${serialHexToDecimal(e.serialHex)}）`, en: `logout: ${e.subject} (serial ${serialHexToDecimal(e.serialHex)})` };
  }
}

export function auditTrail(events: readonly RaEvent[]): AuditLine[] {
  return events.map((e) => ({ seq: e.seq, at: jstDateTime(new Date(e.at)), type: e.type, text: describe(e) }));
}
