// The built-in training scenarios, as data (validated like any pack's scenario by scenario.test.ts). Texts Japanese
// first with English beside; each step cites where the manual (via SPEC.md) says it.
import type { Scenario, Step } from './scenario';
import { MORE_SCENARIOS } from './builtin-more';

const t = (ja: string, en: string) => ({ ja, en });

function step(s: Step): Step {
  return s;
}

const serverLifecycle: Scenario = {
  id: 'server-lifecycle',
  version: 1,
  title: t('サーバ証明書：発行 → 更新 → 14日後の通知 → 旧証明書の失効 → CRL', 'Server certificate: issue → renew → 14-day reminder → revoke the old one → CRL'),
  summary: t(
    '利用管理者がCSRと申請TSVを作り、登録担当者がアップロードし、利用管理者がメールのURLから証明書を取得します。更新後は旧証明書を失効させます。',
    'The admin makes a CSR and the application file, the RA operator uploads it, the admin fetches the certificate from the mail; after renewal the old certificate is revoked.',
  ),
  steps: [
    step({
      id: 'issue-upload',
      role: 'ra-operator',
      instruction: t('サーバ証明書発行申請TSVを「全件中断」でアップロードしてください。', 'Upload a server issue application file in abort mode.'),
      check: { id: 'upload-registered', params: { kind: 'server-issue' } },
      explanation: t('RAは全行を検査し、エラーがなければ受け付けて利用管理者へ「サーバ証明書発行受付通知」を送ります。', 'The RA checks every row; with no error it registers the application and mails the admin the acceptance notice.'),
      manual: 'SPEC §7.1–7.2',
      target: 'ra-upload',
    }),
    step({
      id: 'issue-download',
      role: 'admin',
      instruction: t('利用管理者のメールを開き、証明書取得URLから証明書を取得してください。', "Open the admin's mail and fetch the certificate from its 証明書取得URL."),
      check: { id: 'downloaded', params: { purpose: 'server-cert' } },
      explanation: t('URLはワンタイムです。取得すると登録担当者に「サーバ証明書取得通知」が届きます。', 'The URL is one-time; fetching it sends the RA operator the download notice.'),
      manual: 'SPEC §7.1, §8',
      target: 'mail-link',
    }),
    step({
      id: 'renew-upload',
      role: 'ra-operator',
      instruction: t('同じFQDNの更新申請TSV（新しい鍵のCSR）をアップロードしてください。', 'Upload a renewal file for the same FQDN with a CSR for a new key.'),
      check: { id: 'certificate-renewed', params: { family: 'server' } },
      explanation: t('更新では旧証明書のシリアル番号を指定し、鍵は必ず新しくします（同じ鍵はエラー）。', 'A renewal names the old serial number and must use a new key (the same key is refused).'),
      manual: 'SPEC §7.3',
      target: 'ra-upload',
    }),
    step({
      id: 'renew-download',
      role: 'admin',
      instruction: t('更新後の証明書をメールのURLから取得してください。', 'Fetch the renewed certificate from the mail.'),
      check: { id: 'downloaded', params: { purpose: 'server-cert' } },
      explanation: t('取得通知には旧証明書の失効申請TSVが添付されます。新しい証明書をサーバに設定したら旧証明書を失効させます。', 'The notice carries a revocation file for the old certificate: revoke it once the server uses the new one.'),
      manual: 'SPEC §7.3, §8 M3',
      target: 'mail-link',
    }),
    step({
      id: 'wait-reminder',
      role: 'trainer',
      instruction: t('時計を14日以上進めてください。', 'Advance the clock by 14 days or more.'),
      check: { id: 'reminder-sent', params: {} },
      explanation: t('旧証明書が失効されないまま14日が過ぎると、利用管理者と登録担当者に失効依頼のメールが届きます。', 'When the old certificate is still valid 14 days later, the admin and the RA operator are reminded to revoke it.'),
      manual: 'SPEC §8 M4',
      target: 'clock-advance',
    }),
    step({
      id: 'revoke-old',
      role: 'ra-operator',
      instruction: t('メールに添付された失効申請TSVをサーバ証明書失効申請としてアップロードしてください。', 'Upload the attached revocation file as a server revocation.'),
      check: { id: 'crl-lists-revocation', params: {} },
      explanation: t(
        '失効は即時です。失効通知メールが届き、発行CAのCRLが更新されて失効した証明書のシリアル番号が載ります。サーバやブラウザはCRLで失効を知ります。',
        "Revocation takes effect at once: a notice is mailed and the issuing CA's CRL is refreshed with the serial number; servers and browsers learn of revocations from it.",
      ),
      manual: 'SPEC §7.4, §2.5',
      target: 'ra-upload',
    }),
  ],
};

const mistakeAndFix: Scenario = {
  id: 'mistake-and-fix',
  version: 1,
  title: t('誤りのある申請と訂正（全件中断）', 'A refused file and its fix (abort mode)'),
  summary: t('誤りのあるTSVをアップロードしてRAのエラー表示を読み、TSV作成で直して再アップロードします。', "Upload a file with a mistake, read the RA's error, fix it in the builder and upload again."),
  steps: [
    step({
      id: 'refused',
      role: 'ra-operator',
      instruction: t('利用管理者mailが空の行を含むクライアント証明書発行申請TSVを「全件中断」でアップロードしてください。', 'Upload a client issue file with an empty admin mail in abort mode.'),
      check: { id: 'upload-refused', params: { kind: 'client-issue' } },
      explanation: t('全件中断では1行でもエラーがあると1件も登録されません。エラー内容は「コード:列,列名,メッセージ」です。', 'In abort mode one bad row means nothing is registered; each error reads code:column,name,message.'),
      manual: 'SPEC §7.2',
      target: 'ra-upload',
    }),
    step({
      id: 'fixed',
      role: 'admin',
      instruction: t('TSV作成でファイルを開き、指摘された列を直して書き出し、もう一度アップロードしてください。', 'Open the file in the builder, fix the column named, export, and upload again.'),
      check: { id: 'upload-registered', params: { kind: 'client-issue' } },
      explanation: t('TSV作成は入力中にRAと同じ規則で検査するので、アップロード前に誤りが分かります。', 'The builder checks with the RA rules while you type, so mistakes show before the upload.'),
      manual: 'SPEC §5.4',
      target: 'ra-upload',
    }),
  ],
};

const classP12: Scenario = {
  id: 'client-p12-class',
  version: 1,
  title: t('クライアント証明書：40人クラスのP12一括', 'Client certificates: P12一括 for a class of 40'),
  summary: t('名簿からダウンロード方法2の申請TSVを作り、アップロードし、アクセスPIN配付者がPINを、利用管理者が証明書をまとめて取得します。', 'Make a method-2 file from a roster, upload it, then the PIN distributor and the admin fetch the PINs and certificates.'),
  steps: [
    step({
      id: 'upload',
      role: 'ra-operator',
      instruction: t('40行のクライアント証明書発行申請TSV（ダウンロード方法2）をアップロードしてください。', 'Upload the 40-row client issue file (download method 2).'),
      check: { id: 'certificates-issued', params: { family: 'client', method: '2', min: 40 } },
      explanation: t('方法2（P12一括）ではRAが鍵と証明書を作り、PINとP12をまとめて配付します。', 'With method 2 the RA makes keys and certificates and hands out PINs and P12 files in bulk.'),
      manual: 'SPEC §6.1–6.3',
      target: 'ra-upload',
    }),
    step({
      id: 'pins',
      role: 'pin-distributor',
      instruction: t('アクセスPIN配付者のメールからPINのzipを取得してください。', "Fetch the PIN zip from the PIN distributor's mail."),
      check: { id: 'downloaded', params: { purpose: 'pin' } },
      explanation: t('PINは証明書と別の経路で本人に渡します。', 'PINs reach the users by another path than the certificates.'),
      manual: 'SPEC §6.3',
      target: 'mail-link',
    }),
    step({
      id: 'all',
      role: 'admin',
      instruction: t('利用管理者のメールから証明書一括取得URLを開いてください。', "Open the bulk certificate URL from the admin's mail."),
      check: { id: 'downloaded', params: { purpose: 'client-all' } },
      explanation: t('clientAll.zipには全員のP12が入ります。P12はそれぞれのPINで保護されています。', "clientAll.zip holds everyone's P12, each protected by its PIN."),
      manual: 'SPEC §6.6',
      target: 'mail-link',
    }),
  ],
};

const browserIssue: Scenario = {
  id: 'client-browser',
  version: 2,
  title: t('クライアント証明書：ブラウザ発行（方法3）', 'Client certificate: browser issuance (method 3)'),
  summary: t('利用者がメールのURLとアクセスPINでブラウザ内に鍵を作り、証明書を受け取ります。', 'The user makes the key in the browser with the mailed URL and access PIN and receives the certificate.'),
  steps: [
    step({
      id: 'upload',
      role: 'ra-operator',
      instruction: t('ダウンロード方法3の行を含むクライアント証明書発行申請TSVをアップロードしてください。', 'Upload a client issue file with a method-3 row.'),
      check: { id: 'upload-registered', params: { kind: 'client-issue' } },
      explanation: t('方法3では証明書はまだ発行されません。利用者に取得用のメールが届きます。', 'With method 3 nothing is issued yet: the user gets a mail to fetch it.'),
      manual: 'SPEC §6.1',
      target: 'ra-upload',
    }),
    step({
      id: 'pins',
      role: 'admin',
      instruction: t('利用管理者のメール「アクセスPIN発行通知」のURLからPINのzipを取得し、利用者にPINを渡してください。', "Fetch the PIN zip from the admin's access-PIN mail and hand the PIN to the user."),
      check: { id: 'downloaded', params: { purpose: 'pin' } },
      explanation: t('アクセスPINは利用管理者に届き、証明書取得URL（利用者宛）とは別の経路で本人に渡します。', 'The access PIN goes to the admin and reaches the user by another path than the URL mailed to the user.'),
      manual: 'SPEC §6.3',
      target: 'mail-link',
      hints: [t('zipの中の clientPin.txt に利用者ごとのPINがあります。', 'clientPin.txt in the zip lists each user’s PIN.')],
    }),
    step({
      id: 'issue',
      role: 'user',
      instruction: t('利用者のメールのURLを開き、アクセスPINを入れて証明書を発行してください。', "Open the URL in the user's mail, enter the access PIN and issue the certificate."),
      check: { id: 'certificates-issued', params: { family: 'client', method: '3' } },
      explanation: t('秘密鍵は利用者のブラウザから出ません。RAは公開鍵に証明書を発行します。', "The private key never leaves the user's browser; the RA certifies its public key."),
      manual: 'SPEC §6.3',
      target: 'mail-link',
    }),
  ],
};

const operatorCertificate: Scenario = {
  id: 'operator-certificate',
  version: 2,
  title: t('登録担当者用証明書の発行', "The RA operator's own certificate"),
  summary: t('サービス窓口が登録担当者を登録し、登録担当者がメールのURLとアクセスPINで証明書を取得します。', 'The service desk registers the RA operator, who fetches the certificate with the mailed URL and access PIN.'),
  steps: [
    step({
      id: 'registered',
      role: 'service-desk',
      instruction: t('登録担当者を登録し、表示されたアクセスPINを本人に渡してください。', 'Register the RA operator and hand the access PIN shown to them.'),
      check: { id: 'mail-sent', params: { subject: '登録担当者用証明書発行受付通知' } },
      explanation: t(
        '窓口の登録で登録担当者に証明書取得URLのメールが届きます。アクセスPINはメールとは別に本人確認の上で渡します。登録担当者用証明書はRAの画面にログインするためのクライアント証明書です。',
        'Registration mails the RA operator the certificate URL; the access PIN is handed over separately after the identity check. The RA operator certificate is the client certificate that logs in to the RA screens.',
      ),
      manual: 'SPEC §10',
      target: 'operator-register',
    }),
    step({
      id: 'fetched',
      role: 'ra-operator',
      instruction: t('メールのURLを開き、窓口から受け取ったアクセスPINで証明書を取得してください。', 'Open the mailed URL and fetch the certificate with the access PIN the desk gave you.'),
      check: { id: 'downloaded', params: { purpose: 'ra-operator' } },
      explanation: t('P12ファイルは一度だけ取得できます。ブラウザに取り込み、バックアップを安全に保管します。', 'The P12 can be fetched once; import it into the browser and keep a backup safe.'),
      manual: 'SPEC §10.2',
      target: 'mail-link',
    }),
  ],
};

export const BUILTIN_SCENARIOS: readonly Scenario[] = [serverLifecycle, mistakeAndFix, classP12, browserIssue, operatorCertificate, ...MORE_SCENARIOS];
