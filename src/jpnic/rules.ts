// The JPNIC resource-certificate service's rules as data (seed 000, SPEC §11). Where the manual is
// silent (SPEC §11 last paragraph) the value here is this simulator's decision, explained in docs/jpnic.md.
import type { Rdn } from '../pki/dn';
import type { Text } from '../spec/types';

/** ライセンスID: three blocks; the first two are shown on the 証明書申請完了 screen, the last one only in the mail. */
export const LICENSE = {
  blocks: 3,
  blockLength: 5,
  /** Upper-case letters and digits without the look-alikes 0/O, 1/I/L, 5/S, 2/Z, 8/B: read aloud face to face. */
  alphabet: 'ACDEFGHJKMNPQRTUVWXY34679',
  separator: '-',
  /** Days (simulated clock) a license ID stays usable; one use only. */
  validDays: 14,
} as const;

/** 資源申請者証明書 validity in days. */
export const APPLICANT_VALIDITY_DAYS = 365;
/** 資源管理者証明書 (issued to the simulated manager at first start) validity in days. */
export const MANAGER_VALIDITY_DAYS = 730;

/** 証明書認証ID: system-assigned, sequential, never reused (even after 削除). */
export function accountIdOf(n: number): string {
  return `CA${String(n).padStart(6, '0')}`;
}

/** The simulated LIR (資源管理者) created at first start; a trainer can name another in `init`. */
export interface ManagerProfile {
  /** 資源管理者ID（指定事業者ID） shown after login. */
  managerId: string;
  /** メンテナーコード: printed in every notice mail. */
  maintainerCode: string;
  /** Organisation name in the manager's certificate. */
  organization: string;
  /** CN of the 資源管理者証明書 (alphabet). */
  managerName: string;
  managerEmail: string;
}

export const DEFAULT_MANAGER: ManagerProfile = {
  managerId: 'JP00009999',
  maintainerCode: 'TR9999JP',
  organization: 'Example Training LIR',
  managerName: 'Hanako Kanri',
  managerEmail: 'lir-admin@example.ac.jp',
};

export const MANAGER_PROFILE_PATTERNS: Record<keyof ManagerProfile, RegExp> = {
  managerId: /^JP\d{8}$/,
  maintainerCode: /^[A-Z]{2}\d{4}JP$/,
  organization: /^[A-Z0-9][A-Z0-9 .,&'-]{0,63}$/i,
  managerName: /^[A-Z][A-Z .,'-]{0,63}$/i,
  managerEmail: /^[\w.%+-]+@[A-Z0-9-]+(?:\.[A-Z0-9-]+)+$/i,
};

/** 発行対象の名称（アルファベット） and EMAIL on 「証明書申請」/「証明書更新」. */
export const APPLICANT_NAME = /^[A-Z][A-Z .,'-]{0,63}$/i;
export const APPLICANT_EMAIL = MANAGER_PROFILE_PATTERNS.managerEmail;

const TRAINING_O = 'UPKI Workbench (training only)';
const trainingName = (cn: string): Rdn[] => [
  { key: 'C', value: 'JP' },
  { key: 'O', value: TRAINING_O },
  { key: 'CN', value: `${cn} - NOT TRUSTED` },
];

export type JpnicCaId = 'jpnic-root' | 'jpnic-resource';

export const JPNIC_CAS: Record<JpnicCaId, { subject: Rdn[]; validityYears: number; fileName: string; title: Text }> = {
  'jpnic-root': {
    subject: trainingName('JPNIC Primary Root CA S2 (training)'),
    validityYears: 20,
    fileName: 'jpnic-primary-root-ca-s2.cer',
    title: { ja: 'JPNIC プライマリルート認証局証明書（訓練用）', en: 'JPNIC Primary Root CA certificate (training)' },
  },
  'jpnic-resource': {
    subject: trainingName('JPNIC Resource Service CA S2 (training)'),
    validityYears: 10,
    fileName: 'jpnic-resource-service-ca-s2.cer',
    title: { ja: 'JPNIC 資源管理認証局証明書（訓練用）', en: 'JPNIC Resource Service CA certificate (training)' },
  },
};

/** Subject of an end-entity certificate: who holds it, under the LIR's maintainer code. */
export function endEntitySubject(maintainerCode: string, name: string): Rdn[] {
  return [
    { key: 'C', value: 'JP' },
    { key: 'O', value: 'JPNIC Resource Service (training)' },
    { key: 'OU', value: maintainerCode },
    { key: 'CN', value: name },
  ];
}

/**
 * The sites as the manual names them. Display text only: the simulator never requests them and never renders
 * them as links (everything happens in this page); they are the real names so that the 「ドメイン名が nic.ad.jp
 * で終わっていること」 check is practised on what the applicant will really see.
 */
export const SITES = {
  ca: 'http://jpnic-ca.nic.ad.jp/',
  /** Where the applicant fetches the certificate (the mail's URL; the trusted site of 1.2.2.3). */
  certificateSite: 'https://mntner-ca.nic.ad.jp/',
  fingerprintPage: 'https://serv.nic.ad.jp/capub/fingerprint.html',
  webApplication: 'https://web-apply.nic.ad.jp/',
};

/** The 1.2.2.6 check: the host of the page that installs the certificate ends with nic.ad.jp. */
export function isJpnicHost(url: string): boolean {
  try {
    const host = new URL(url).hostname.toLowerCase();
    return host === 'nic.ad.jp' || host.endsWith('.nic.ad.jp');
  } catch {
    return false;
  }
}

export const MAIL_FROM = '"JPNIC (simulated)" <ca-notice@nic.ad.jp.invalid>';

/** Revocation reason written to the CRL (RFC 5280 codes). */
export const REVOCATION_REASON = { revoke: 0, superseded: 4 } as const;

/** Every refusal the service can answer, Japanese first. */
export const MESSAGES = {
  notInitialized: { ja: 'JPNIC サービスが初期化されていません（init を実行してください）。', en: 'The JPNIC service is not initialised (run init).' },
  noCertificate: { ja: '証明書が選択されていません。', en: 'No certificate was selected.' },
  unknownCertificate: { ja: 'この証明書は JPNIC（訓練用）が発行したものではありません。ログインできません。', en: 'This certificate was not issued by the (training) JPNIC CA. Login refused.' },
  revokedCertificate: { ja: 'この証明書は失効しています。ログインできません。', en: 'This certificate has been revoked. Login refused.' },
  expiredCertificate: { ja: 'この証明書は有効期間外です。ログインできません。', en: 'This certificate is outside its validity period. Login refused.' },
  deletedAccount: {
    ja: 'この証明書のアカウント（証明書認証ID）は削除されています。証明書は失効していませんが、Web申請システムにはログインできません。',
    en: 'The account (certificate authentication ID) of this certificate was deleted. The certificate is not revoked, but it can no longer log in.',
  },
  notManager: { ja: '資源管理者証明書ではありません。この操作には資源管理者証明書での認証が必要です。', en: 'Not a resource-manager certificate. This operation needs authentication with the resource-manager certificate.' },
  unknownAccount: { ja: 'その証明書認証IDのアカウントはありません。', en: 'No account with that certificate authentication ID.' },
  badUserName: { ja: '利用者名を入力してください（64文字以内）。', en: 'Enter the user name (up to 64 characters).' },
  badName: { ja: '名称はアルファベットで入力してください（先頭は英字、英字・空白・ . , \' - のみ、64文字以内）。', en: "Enter the name in the alphabet (starting with a letter; letters, spaces and . , ' - only; up to 64 characters)." },
  badEmail: { ja: 'EMAIL の形式が正しくありません。通知に使われますので正しく入力してください。', en: 'The EMAIL is not a valid address. It receives the notice, so enter it correctly.' },
  alreadyIssued: { ja: 'このアカウントには有効な証明書があります。新しい証明書は「再発行」で申請してください。', en: 'This account already has a valid certificate. Use "reissue" for a new one.' },
  noActiveCertificate: { ja: 'このアカウントには有効な証明書がありません。', en: 'This account has no valid certificate.' },
  licenseIncomplete: {
    ja: `ライセンスIDは${LICENSE.blocks}ブロック（各${LICENSE.blockLength}文字）すべてを入力してください。3ブロック目は通知メールに、1・2ブロック目は資源管理者から伝えられています。`,
    en: `Enter all ${LICENSE.blocks} blocks of the license ID (${LICENSE.blockLength} characters each). The third block is in the notice mail; the first two come from your resource manager.`,
  },
  licenseWrong: { ja: 'ライセンスIDが正しくありません。資源管理者から伝えられたブロックと通知メールのブロックを確認してください。', en: 'The license ID is not correct. Check the blocks from your resource manager and the one in the notice mail.' },
  licenseUsed: { ja: 'このライセンスIDは使用済みです（ライセンスIDは一度しか使えません）。資源管理者に再発行を依頼してください。', en: 'This license ID has already been used (one use only). Ask your resource manager for a new one.' },
  licenseExpired: { ja: 'このライセンスIDは有効期限が切れています。資源管理者に発行し直しを依頼してください。', en: 'This license ID has expired. Ask your resource manager to issue a new one.' },
  licenseSuperseded: { ja: 'このライセンスIDは新しいライセンスIDに置き換えられ、使えません。', en: 'This license ID was replaced by a newer one and cannot be used.' },
  licenseAccountGone: { ja: 'このライセンスIDのアカウントは削除されています。', en: 'The account of this license ID has been deleted.' },
  badPassphrase: { ja: 'パスフレーズは8文字以上にしてください。', en: 'The passphrase must have at least 8 characters.' },
  badDays: { ja: '日数は正の数で指定してください。', en: 'Days must be a positive number.' },
} satisfies Record<string, Text>;

export type MessageKey = keyof typeof MESSAGES;
