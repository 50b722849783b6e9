// The controls a training step can point at: each data-guide id, the role screen it lives on and how to get there
// when it is not on screen. The role screens carry `data-guide="<id>"` on the real control; guides.test.ts checks
// that every id here (and every target of every built-in scenario) exists in the UI source.
import type { Step } from '../../../training/scenario';
import type { Role } from '../../../training/scenario';
import type { Text } from '../../../spec/types';
import type { RoleId } from '../../roles/roles';

/** Scenario roles → their screens: the simulated service's role pages (#/service/<id>), JPNIC's people on #/jpnic. */
export const ROLE_PATH: Readonly<Record<Role, string>> = {
  admin: '/service/admin',
  'ra-operator': '/service/ra',
  user: '/service/user',
  'pin-distributor': '/service/pin',
  'service-desk': '/service/desk',
  trainer: '/service/trainer',
  'jpnic-manager': '/jpnic/manager',
  'jpnic-applicant': '/jpnic/applicant',
};

/** The role segment of a role's path (what GUIDES' paths take). */
export function roleSegment(role: Role): RoleId {
  return ROLE_PATH[role].split('/')[2] as RoleId;
}

export interface Guide {
  /** Where the control is, said when it is not on screen. */
  where: Text;
  /** The path that shows it (or the screen before it), for the panel's 「ここへ移動」. */
  path: (role: RoleId) => string;
}

export const GUIDES: Readonly<Record<string, Guide>> = {
  'ra-upload': {
    where: {
      ja: '登録担当者 →「RAシステム（証明書でログイン）」→ 登録担当者用証明書でログイン → メニュー「発行・更新・失効」の画面です。',
      en: 'RA operator → “RA system (certificate login)” → log in with the RA operator certificate → menu “Issue / renew / revoke”.',
    },
    path: () => '/service/ra/sys',
  },
  'mail-link': {
    where: {
      ja: 'この役割の受信箱で光っているメールを開き、本文のURLを押してください。',
      en: "Open the highlighted mail in this role's inbox and press the URL in it.",
    },
    path: (role) => `/service/${role}`,
  },
  'url-pin': {
    where: { ja: 'メールのURLを開いた画面の「アクセスPIN」欄です。', en: 'The access PIN field on the page of the mailed URL.' },
    path: (role) => `/service/${role}`,
  },
  'clock-advance': {
    where: { ja: 'トレーナー画面の「模擬時刻」の横のボタンです。', en: 'The buttons beside “Simulated time” on the trainer screen.' },
    path: () => '/service/trainer',
  },
  'operator-register': {
    where: { ja: 'サービス窓口の画面の「登録担当者を登録」です。', en: 'The service desk screen, “Register the RA operator”.' },
    path: () => '/service/desk',
  },
  'operator-renew': {
    where: { ja: 'サービス窓口の画面、登録担当者用証明書の一覧の「更新」です。', en: 'The service desk screen, “Renew” in the list of RA operator certificates.' },
    path: () => '/service/desk',
  },
  'operator-revoke': {
    where: { ja: 'サービス窓口の画面、登録担当者用証明書の一覧の「失効」です。', en: 'The service desk screen, “Revoke” in the list of RA operator certificates.' },
    path: () => '/service/desk',
  },
  'fault-select': {
    where: { ja: 'トレーナー画面の「障害の注入」のドメイン欄です。', en: 'The domain selectors under “Fault injection” on the trainer screen.' },
    path: () => '/service/trainer',
  },
  'admin-send': {
    where: { ja: '利用管理者の画面の「登録担当者へ送る」です。', en: 'The admin screen, “Send to the RA operator”.' },
    path: () => '/service/admin',
  },
  'jpnic-register': {
    where: { ja: '模擬JPNICの資源管理者画面（ログイン後）の利用者の「登録」です。', en: 'The JPNIC resource manager screen (after login), “Register”.' },
    path: () => '/jpnic/manager',
  },
  'jpnic-issue': {
    where: { ja: '模擬JPNICの資源管理者画面、アカウント一覧の「発行」です。', en: 'The JPNIC resource manager screen, “Issue” in the account list.' },
    path: () => '/jpnic/manager',
  },
  'jpnic-reissue': {
    where: { ja: '模擬JPNICの資源管理者画面、アカウント一覧の「再発行」です。', en: 'The JPNIC resource manager screen, “Reissue” in the account list.' },
    path: () => '/jpnic/manager',
  },
  'jpnic-revoke': {
    where: { ja: '模擬JPNICの資源管理者画面、アカウント一覧の「失効」です。', en: 'The JPNIC resource manager screen, “Revoke” in the account list.' },
    path: () => '/jpnic/manager',
  },
  'jpnic-license': {
    where: { ja: '模擬JPNICの資源申請者画面、証明書取得の「ライセンスID」欄です。', en: 'The JPNIC resource applicant screen, the license ID field of the certificate fetch.' },
    path: () => '/jpnic/applicant',
  },
  'builder-export': {
    where: { ja: 'TSV作成（#/builder）の書き出しボタンです。', en: 'The export button of Build TSV (#/builder).' },
    path: () => '/builder',
  },
};

/**
 * The CSS selector of a step's control. A step about a kind of mail link or upload narrows the highlight to the
 * matching ones (data-purpose / data-family on the control); controls without those attributes always match.
 */
export function guideSelector(step: Step): string | undefined {
  if (!step.target) return undefined;
  let sel = `[data-guide~="${step.target}"]`;
  const p = step.check.params;
  if (typeof p.purpose === 'string') sel += `:is(:not([data-purpose]),[data-purpose~="${p.purpose}"])`;
  const family = typeof p.family === 'string' ? p.family : typeof p.kind === 'string' ? p.kind.split('-')[0] : undefined;
  if (family) sel += `:is(:not([data-family]),[data-family="${family}"])`;
  return sel;
}

/** The upload kind a step asks for (its check's `kind`, or a renewal's), shown beside 処理内容. */
export function uploadKind(step: Step): string | undefined {
  const p = step.check.params;
  if (typeof p.kind === 'string') return p.kind;
  if (step.check.id === 'certificate-renewed') return `${typeof p.family === 'string' ? p.family : 'server'}-renew`;
  if (step.check.id === 'crl-lists-revocation' || step.check.id === 'certificates-revoked') return 'server-revoke';
  if (step.check.id === 'certificates-issued' && step.target === 'ra-upload') return `${typeof p.family === 'string' ? p.family : 'server'}-issue`;
  return undefined;
}
