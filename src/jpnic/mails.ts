// The service's notice mails (seed 000 1.2.2.3, 1.3.1.4, 1.4.2.1) as drafts; the engine stamps id and time.
import { jstDateTime } from '../sim';
import { LICENSE, SITES, type ManagerProfile } from './rules';
import type { JpnicCertificate, License } from './types';

export interface MailDraft {
  to: string[];
  subject: string;
  body: string;
}

const FOOTER = ['', '--', 'JPNIC 認証局（訓練用シミュレーション / training simulation）', 'このメールは UPKI Workbench の中だけのものです。実在の JPNIC からのメールではありません。'];

/** 発行・再発行の通知: the LAST block of the license ID only, and where to fetch the certificate. */
export function licenseMail(manager: ManagerProfile, license: License): MailDraft {
  const last = license.blocks[license.blocks.length - 1];
  const kind = license.purpose === 'issue' ? '発行' : '再発行（更新）';
  return {
    to: [license.email],
    subject: `【JPNIC】資源申請者証明書${kind}のお知らせ（訓練用）`,
    body: [
      `${license.name} 様`,
      '',
      `資源管理者から資源申請者証明書の${kind}申請がありました。`,
      '',
      `メンテナーコード: ${manager.maintainerCode}`,
      `認証ID（証明書認証ID）: ${license.accountId}`,
      `名称: ${license.name}`,
      `メールアドレス: ${license.email}`,
      `ライセンスID（第${LICENSE.blocks}ブロック）: ${last}`,
      '',
      `ライセンスIDは${LICENSE.blocks}ブロックに分かれています。このメールには最後のブロックだけが書かれています。`,
      `残りのブロックは資源管理者（${manager.organization}）から対面などで本人確認のうえ受け取ってください。`,
      ...(license.purpose === 'reissue' ? ['再発行では、資源管理者から新しい証明書の判別に使う「シリアル番号」も伝えられます。'] : []),
      `ライセンスIDの有効期限: ${jstDateTime(new Date(license.expiresAt))}（一度だけ使えます）`,
      '',
      '証明書の取得は次のサイトから行ってください（証明書の選択画面が出た場合は「キャンセル」で進みます）:',
      SITES.certificateSite,
      ...FOOTER,
    ].join('\n'),
  };
}

/** 失効の通知: to the address in the certificate (1.3.1.4). */
export function revocationMail(manager: ManagerProfile, cert: JpnicCertificate, revokedAt: string): MailDraft {
  return {
    to: [cert.email],
    subject: '【JPNIC】資源申請者証明書失効のお知らせ（訓練用）',
    body: [
      `${cert.name} 様`,
      '',
      '資源管理者の申請により、次の資源申請者証明書を失効しました。この証明書では Web申請システムにログインできません。',
      '',
      `メンテナーコード: ${manager.maintainerCode}`,
      `認証ID（証明書認証ID）: ${cert.accountId ?? ''}`,
      `名称: ${cert.name}`,
      `メールアドレス: ${cert.email}`,
      `シリアル番号: ${cert.serialDecimal}`,
      `失効日時: ${jstDateTime(new Date(revokedAt))}`,
      '',
      '資源申請者が行う作業は特にありません。ブラウザに残った証明書は削除してかまいません。',
      ...FOOTER,
    ].join('\n'),
  };
}
