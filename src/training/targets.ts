// The data-guide ids the player panel can highlight (the role screens carry them as data-guide attributes): the
// scenario editor offers these in a select, and docs/training.md lists them. A step's target is optional.
import type { Text } from '../spec/types';

export const GUIDE_TARGETS: readonly { id: string; label: Text }[] = [
  { id: 'ra-upload', label: { ja: '登録担当者: 申請TSVのアップロード', en: 'RA operator: upload of an application file' } },
  { id: 'mail-link', label: { ja: 'メール本文のURL', en: 'a URL in a mail' } },
  { id: 'clock-advance', label: { ja: 'トレーナー: 時計を進める', en: 'trainer: advance the clock' } },
  { id: 'operator-register', label: { ja: 'サービス窓口: 登録担当者の登録', en: 'service desk: register the RA operator' } },
  { id: 'operator-renew', label: { ja: 'サービス窓口: 登録担当者用証明書の更新手続き', en: "service desk: start the RA operator certificate's renewal" } },
  { id: 'operator-revoke', label: { ja: 'サービス窓口: 登録担当者用証明書の失効', en: 'service desk: revoke an RA operator certificate' } },
  { id: 'fault-select', label: { ja: 'トレーナー: ドメインの障害の設定', en: 'trainer: set a domain fault' } },
  { id: 'tsv-builder', label: { ja: '利用管理者: TSV作成', en: 'admin: the TSV builder' } },
  { id: 'jpnic-register', label: { ja: 'JPNIC 資源管理者: アカウント登録', en: 'JPNIC manager: register an account' } },
  { id: 'jpnic-issue', label: { ja: 'JPNIC 資源管理者: 発行', en: 'JPNIC manager: issue' } },
  { id: 'jpnic-license', label: { ja: 'JPNIC 資源申請者: ライセンスIDの入力', en: 'JPNIC applicant: enter the license ID' } },
  { id: 'jpnic-revoke', label: { ja: 'JPNIC 資源管理者: 失効', en: 'JPNIC manager: revoke' } },
  { id: 'jpnic-reissue', label: { ja: 'JPNIC 資源管理者: 再発行', en: 'JPNIC manager: reissue' } },
];
