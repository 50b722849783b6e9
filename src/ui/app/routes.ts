// The page table. To add a page, append ONE line: {path, title:{ja,en}, component: lazy(() => import(...))}.
// The navigation bar, the home page and the router all read this list; order here is the order in the nav.
// A route owns its sub-paths: '/ra' also receives '#/ra/uploads/3' (see RouteProps.rest).
import { lazy, type Component } from 'solid-js';
import type { Text } from '../../spec/types';

export interface RouteProps {
  /** Path segments after the route's own path, e.g. ['uploads', '3'] for '#/ra/uploads/3'. */
  rest: string[];
}

export interface RouteDef {
  path: string;
  title: Text;
  /** One line for the home page. */
  summary?: Text;
  component: Component<RouteProps>;
}

export const routes: RouteDef[] = [
  { path: '/validate', title: { ja: 'TSV検証', en: 'Validate TSV' }, summary: { ja: '申請TSVファイルをRAと同じ規則で検査します。', en: 'Check an application TSV file with the RA’s rules.' }, component: lazy(() => import('../validator/ValidatorPage')) },
  { path: '/keys', title: { ja: '鍵・CSR', en: 'Keys & CSR' }, summary: { ja: 'サーバ証明書用の鍵ペアとCSRを作成し、CSR・証明書を確認します。', en: 'Make a key pair and CSR for a server certificate; check CSRs and certificates.' }, component: lazy(() => import('../keys/KeysPage')) },
  { path: '/builder', title: { ja: 'TSV作成', en: 'Build TSV' }, summary: { ja: '6種類の申請TSVを表形式で作成し、検証してShift-JISで書き出します。', en: 'Build any of the six application TSVs in a grid, check it and export Shift-JIS.' }, component: lazy(() => import('../builder/BuilderPage')) },
  { path: '/ra', title: { ja: '模擬RA', en: 'Simulated RA' }, summary: { ja: '研修用の模擬RA・認証局: 申請ファイルのアップロード、送信メール、証明書一覧、時刻操作。', en: 'A training RA/CA: upload application files, read the mails, list certificates, move the clock.' }, component: lazy(() => import('../ra/RaPage')) },
  { path: '/inventory', title: { ja: '証明書一覧・更新計画', en: 'Inventory & renewals' }, summary: { ja: 'RAのダウンロードファイル・証明書・P12から一覧を作り、期限を見通して更新・失効ファイルを作ります。', en: 'Turn the RA’s lists, certificates and P12s into one table, see what expires when, make renewal and revocation files.' }, component: lazy(() => import('../inventory/InventoryPage')) },
  { path: '/service', title: { ja: '模擬サービス', en: 'Simulated service' }, summary: { ja: '役割ごとの画面（利用管理者・登録担当者・利用者・PIN配付者・サービス窓口・トレーナー）とメール受信箱。登録担当者は証明書でRAシステムにログインします。', en: 'Each role’s screens and inbox (admin, RA operator, user, PIN distributor, service desk, trainer); the RA operator logs in with a certificate.' }, component: lazy(() => import('../roles/ServicePage')) },
  { path: '/jpnic', title: { ja: '模擬JPNIC', en: 'Simulated JPNIC' }, summary: { ja: 'JPNIC 資源申請者証明書の発行・失効・再発行を資源管理者・資源申請者・トレーナーの役割で練習します。', en: 'Rehearse JPNIC resource-applicant certificates (issue, revoke, reissue) as manager, applicant and trainer.' }, component: lazy(() => import('../jpnic/JpnicPage')) },
];
