// More built-in scenarios (issue 16): method 1 with PINs handed to users, S/MIME, the RA operator's certificate
// renewal, a WHOIS fault, and JPNIC issue → license ID → install → reissue → revoke. Data only, like builtin.ts.
import type { Scenario } from './scenario';

const t = (ja: string, en: string) => ({ ja, en });

export const method1Pins: Scenario = {
  id: 'client-method1-pins',
  version: 1,
  title: t('クライアント証明書：P12個別（方法1）とPINの手渡し', 'Client certificate: P12個別 (method 1) with PINs handed to users'),
  summary: t(
    '方法1では利用管理者がアクセスPINのzipを取得して利用者に渡し、利用者がメールのURLとPINで自分のP12を取得します。',
    "With method 1 the admin fetches the PIN zip and hands each user their PIN; the user fetches their own P12 with the mailed URL and the PIN.",
  ),
  steps: [
    {
      id: 'upload',
      role: 'ra-operator',
      instruction: t('ダウンロード方法1のクライアント証明書発行申請TSVをアップロードしてください。', 'Upload a client issue file with download method 1.'),
      check: { id: 'upload-registered', params: { kind: 'client-issue' } },
      explanation: t('方法1では「アクセスPIN発行通知」が利用管理者に、「証明書取得URL」が利用者に届きます。', 'With method 1 the PIN notice goes to the admin and the certificate URL to each user.'),
      manual: 'SPEC §6.2, §6.3 (3-2-1-3)',
      target: 'ra-upload',
    },
    {
      id: 'pins',
      role: 'admin',
      instruction: t('利用管理者のメールのアクセスPIN取得URLを開き、clientPin.zip を取得してください。', "Open the PIN URL in the admin's mail and fetch clientPin.zip."),
      check: { id: 'downloaded', params: { purpose: 'pin' } },
      explanation: t(
        'clientPin.txt に利用者ごとのアクセスPINがあります。利用管理者は本人確認のうえ各利用者にPINを伝えます（メールで送らない）。',
        'clientPin.txt lists each user’s access PIN; the admin tells each user their PIN after checking who they are (not by mail).',
      ),
      manual: 'SPEC §6.3 (3-2-1-4, 3-2-1-5)',
      target: 'mail-link',
      hints: [t('PINを取得する前に利用者が証明書URLを開くと「先にPINの取得が必要」と断られます。', 'A user who opens the certificate URL before the PINs are fetched is told to wait for them.')],
    },
    {
      id: 'user-fetch',
      role: 'user',
      instruction: t('利用者のメールの証明書取得URLを開き、渡されたアクセスPINでP12を取得してください。', "Open the certificate URL in the user's mail and fetch the P12 with the PIN you were given."),
      check: { id: 'downloaded', params: { purpose: 'client-cert' } },
      explanation: t('取得すると「クライアント証明書取得通知」（署名付き）が届きます。P12はアクセスPINで開きます。', 'The download sends the signed download notice; the P12 opens with the access PIN.'),
      manual: 'SPEC §6.3 (3-2-1-6)',
      target: 'mail-link',
    },
  ],
};

export const smime: Scenario = {
  id: 'smime-issue',
  version: 1,
  title: t('S/MIME証明書の発行', 'Issuing an S/MIME certificate'),
  summary: t(
    'プロファイル7（S/MIME）の申請TSVを作り、主体者DNのCNにメールアドレスを入れて発行し、利用者がP12を取得します。',
    'Make a profile-7 (S/MIME) file with the mail address as CN, issue it, and the user fetches the P12.',
  ),
  steps: [
    {
      id: 'upload',
      role: 'ra-operator',
      instruction: t(
        'プロファイルID 7（S/MIME）、ダウンロード方法1、P12ファイル名入りのクライアント証明書発行申請TSVをアップロードしてください。',
        'Upload a client issue file with profile 7 (S/MIME), download method 1 and a P12 file name.',
      ),
      check: { id: 'certificates-issued', params: { family: 'client', profile: '7' } },
      explanation: t(
        'S/MIMEでは主体者DNのCNと利用者メールアドレスが同じでなければならず、方法2以外ではP12ファイル名が必須です。',
        'For S/MIME the CN must be the user’s mail address, and a P12 file name is required unless the method is 2.',
      ),
      manual: 'SPEC §2.2, §3.4, §5.4',
      target: 'ra-upload',
    },
    {
      id: 'pins',
      role: 'admin',
      instruction: t('利用管理者のメールからアクセスPINを取得してください。', "Fetch the access PINs from the admin's mail."),
      check: { id: 'downloaded', params: { purpose: 'pin' } },
      explanation: t('PINは利用者に本人確認のうえで伝えます。', 'The PIN reaches the user after checking who they are.'),
      manual: 'SPEC §6.3',
      target: 'mail-link',
    },
    {
      id: 'user-fetch',
      role: 'user',
      instruction: t('利用者のメールのURLからS/MIME証明書のP12を取得してください。', "Fetch the S/MIME P12 from the URL in the user's mail."),
      check: { id: 'downloaded', params: { purpose: 'client-cert' } },
      explanation: t('メールソフトにP12を取り込むと、署名・暗号化メールが使えます。', 'Imported into the mail program, the P12 signs and encrypts mail.'),
      manual: 'SPEC §6.6',
      target: 'mail-link',
    },
  ],
};

export const operatorRenewal: Scenario = {
  id: 'operator-renewal',
  version: 1,
  title: t('登録担当者用証明書の更新', "Renewing the RA operator's certificate"),
  summary: t(
    '登録担当者が証明書を取得し、期限が近づいたらサービス窓口に連絡し、現在の証明書で認証して新しい証明書を取得します。最後に旧証明書を失効させます。',
    'The RA operator fetches a certificate; near expiry the service desk starts the renewal, the operator authenticates with the current certificate and fetches the new one; the old one is then revoked.',
  ),
  steps: [
    {
      id: 'registered',
      role: 'service-desk',
      instruction: t('登録担当者を登録してください（証明書取得URLがメールで届きます）。', 'Register the RA operator (the certificate URL is mailed).'),
      check: { id: 'mail-sent', params: { subject: '登録担当者用証明書発行受付通知' } },
      explanation: t('新規の取得はメールのURLと、窓口が本人に直接伝えるアクセスPINで行います。', 'A first certificate is fetched with the mailed URL and the access PIN the desk tells the operator in person.'),
      manual: 'SPEC §10.2',
      target: 'operator-register',
    },
    {
      id: 'fetched',
      role: 'ra-operator',
      instruction: t('メールのURLとアクセスPINで証明書を取得してください。', 'Fetch the certificate with the mailed URL and the access PIN.'),
      check: { id: 'downloaded', params: { purpose: 'ra-operator' } },
      explanation: t('これが現在の登録担当者用証明書です。更新のときの本人確認に使います。', 'This is the current operator certificate; the renewal authenticates with it.'),
      manual: 'SPEC §10.2',
      target: 'mail-link',
    },
    {
      id: 'renewal-started',
      role: 'service-desk',
      instruction: t('登録担当者から電話で連絡を受けたとして、証明書の更新手続きを開始してください。', 'As if the operator phoned, start the certificate renewal.'),
      check: { id: 'mail-sent', params: { subject: '登録担当者用証明書更新手続き通知' } },
      explanation: t('更新手続き通知（M11）のURLは、アクセスPINではなく現在の証明書で開きます。', 'The renewal notice (M11) URL opens with the current certificate, not an access PIN.'),
      manual: 'SPEC §10.2, §8 M11',
      target: 'operator-renew',
    },
    {
      id: 'renewed',
      role: 'ra-operator',
      instruction: t('更新手続き通知のURLを開き、現在の登録担当者用証明書を選んで新しい証明書を取得してください。', 'Open the renewal URL, choose the current operator certificate and fetch the new one.'),
      check: { id: 'operator-certificate-renewed', params: {} },
      explanation: t('新しいP12のPINは一度だけ表示されます。旧証明書は失効させるまでログインに使えます。', 'The new P12’s PIN is shown once; the old certificate still logs in until it is revoked.'),
      manual: 'SPEC §10.2',
      target: 'mail-link',
    },
    {
      id: 'old-revoked',
      role: 'service-desk',
      instruction: t('旧い登録担当者用証明書を失効させてください。', 'Revoke the old operator certificate.'),
      check: { id: 'operator-certificate-revoked', params: {} },
      explanation: t('失効した証明書ではRAにログインできず、登録担当者用CAのCRLに載ります。', 'A revoked certificate no longer logs in and appears on the RA operator CA’s CRL.'),
      manual: 'SPEC §10, §2.5',
      target: 'operator-revoke',
      hints: [t('一覧の状態が「有効（更新済み・旧）」の行が旧証明書です。', 'The old certificate is the row marked “valid (renewed, old)”.')],
    },
  ],
};

export const whoisFault: Scenario = {
  id: 'whois-fault',
  version: 1,
  title: t('WHOIS障害：エラーR112と再申請', 'A WHOIS fault: error R112 and the retry'),
  summary: t(
    'トレーナーがドメインにWHOIS接続障害を設定し、サーバ証明書の申請がR112で拒否されるのを確かめ、障害解消後に再申請して通します。',
    'The trainer sets a WHOIS connection fault on the domain, the server application is refused with R112, the fault is cleared and the retry passes.',
  ),
  steps: [
    {
      id: 'fault',
      role: 'trainer',
      instruction: t('トレーナー画面で機関のドメインに「WHOIS接続失敗」を設定してください。', "On the trainer's screen set 'WHOIS connection failure' on the institution's domain."),
      check: { id: 'domain-fault-set', params: { fault: 'whois-connection' } },
      explanation: t('本番ではRAが申請のたびにWHOISでドメインを確かめます。ここではその失敗を模擬します。', 'In production the RA checks the domain in WHOIS at each application; this simulates its failure.'),
      manual: 'SPEC §7.2',
      target: 'fault-select',
    },
    {
      id: 'refused',
      role: 'ra-operator',
      instruction: t('そのドメインのサーバ証明書発行申請TSVをアップロードしてください。', 'Upload a server issue file for that domain.'),
      check: { id: 'upload-refused', params: { kind: 'server-issue', code: 'R112' } },
      explanation: t(
        'R112「WHOISサーバへの接続に失敗しました」は時間をおいて再申請します。R113（情報不一致）はサービス窓口に問い合わせます。',
        'R112 (WHOIS connection failed) means retry later; R113 (WHOIS mismatch) means contact the service desk.',
      ),
      manual: 'SPEC §7.2',
      target: 'ra-upload',
    },
    {
      id: 'cleared',
      role: 'trainer',
      instruction: t('障害を「正常」に戻してください（WHOISが復旧した想定）。', "Set the domain back to 'normal' (WHOIS is back)."),
      check: { id: 'domain-fault-cleared', params: {} },
      explanation: t('障害はRA側の事情なので、申請TSVを直す必要はありません。', 'The fault was on the RA side: the file itself needs no change.'),
      manual: 'SPEC §7.2',
      target: 'fault-select',
    },
    {
      id: 'retry',
      role: 'ra-operator',
      instruction: t('同じ申請TSVをもう一度アップロードしてください。', 'Upload the same file again.'),
      check: { id: 'upload-registered', params: { kind: 'server-issue' } },
      explanation: t('今度は受け付けられ、利用管理者に受付通知が届きます。', 'This time it is registered and the admin is notified.'),
      manual: 'SPEC §7.1–7.2',
      target: 'ra-upload',
    },
  ],
};

export const jpnicLifecycle: Scenario = {
  id: 'jpnic-lifecycle',
  version: 1,
  title: t('JPNIC 資源申請者証明書：発行 → ライセンスID → インストール → 再発行 → 失効', 'JPNIC applicant certificate: issue → license ID → install → reissue → revoke'),
  summary: t(
    '資源管理者がアカウントを登録して発行し、ライセンスIDを資源申請者に渡します。資源申請者が証明書を取得・インストールし、再発行のあと失効させます。',
    'The resource manager registers an account and issues; the license ID is handed to the applicant, who fetches and installs the certificate; then it is reissued and finally revoked.',
  ),
  steps: [
    {
      id: 'account',
      role: 'jpnic-manager',
      instruction: t('資源管理者として資源申請者のアカウントを登録してください。', 'As the resource manager, register an applicant account.'),
      check: { id: 'jpnic-account-registered', params: {} },
      explanation: t('証明書認証IDが割り当てられます。登録は発行ではありません。', 'A 証明書認証ID is assigned; registering is not issuing.'),
      manual: 'SPEC §11.2 (1.2.1.1)',
      target: 'jpnic-register',
    },
    {
      id: 'issue',
      role: 'jpnic-manager',
      instruction: t('そのアカウントの「発行」から名称とEMAILを入れて申請してください。', "Press 発行 for the account and apply with the name and EMAIL."),
      check: { id: 'jpnic-license-issued', params: { purpose: 'issue' } },
      explanation: t(
        'ライセンスIDは3ブロックで、画面に2ブロック、最後の1ブロックはEMAILに届きます。画面の2ブロックは本人確認のうえ対面で渡します。',
        'The license ID has 3 blocks: 2 on the screen, the last by mail; hand the 2 screen blocks over in person after checking identity.',
      ),
      manual: 'SPEC §11.2 (1.2.1.5)',
      target: 'jpnic-issue',
    },
    {
      id: 'install',
      role: 'jpnic-applicant',
      instruction: t('資源申請者として、受け取った2ブロックとメールの最後のブロックでライセンスIDを入れ、証明書を取得・インストールしてください。', 'As the applicant, enter the 2 blocks you were given and the last block from the mail, then fetch and install the certificate.'),
      check: { id: 'jpnic-certificate-fetched', params: { purpose: 'issue' } },
      explanation: t('鍵はブラウザの中で作られ、証明書がインストールされます。ライセンスIDは一度しか使えません。', 'The key is made in the browser and the certificate installed; a license ID works once.'),
      manual: 'SPEC §11.3 (1.2.2.4–1.2.2.7)',
      target: 'jpnic-license',
    },
    {
      id: 'reissue',
      role: 'jpnic-manager',
      instruction: t('「再発行」で新しいライセンスIDを発行し、表示されたシリアル番号を控えてください。', 'Reissue with 再発行 and note the serial number shown.'),
      check: { id: 'jpnic-license-issued', params: { purpose: 'reissue' } },
      explanation: t('再発行ではライセンスIDとシリアル番号を資源申請者に伝えます。新旧の証明書はシリアル番号で見分けます。', 'A reissue hands over the license ID and the serial number; old and new certificates are told apart by it.'),
      manual: 'SPEC §11.5 (1.4.1.3–1.4.1.4)',
      target: 'jpnic-reissue',
    },
    {
      id: 'reinstall',
      role: 'jpnic-applicant',
      instruction: t('新しいライセンスIDで再発行の証明書を取得・インストールしてください。', 'Fetch and install the reissued certificate with the new license ID.'),
      check: { id: 'jpnic-certificate-fetched', params: { purpose: 'reissue' } },
      explanation: t('旧証明書はこの時点で失効（置き換え）になります。ブラウザの旧証明書は削除します。', 'The old certificate is revoked (superseded) now; delete it from the browser.'),
      manual: 'SPEC §11.5 (1.4.2.2–1.4.2.6)',
      target: 'jpnic-license',
    },
    {
      id: 'revoke',
      role: 'jpnic-manager',
      instruction: t('資源申請者が異動したとして、そのアカウントの証明書を「失効」させてください。', 'The applicant has moved on: revoke the account’s certificate with 失効.'),
      check: { id: 'jpnic-revoked', params: {} },
      explanation: t('失効した証明書ではWeb申請システムにログインできません。「削除」はアカウントの削除で、失効ではありません。', 'A revoked certificate no longer logs in; 削除 deletes the account and is not revocation.'),
      manual: 'SPEC §11.4',
      target: 'jpnic-revoke',
    },
  ],
};

export const MORE_SCENARIOS: readonly Scenario[] = [method1Pins, smime, operatorRenewal, whoisFault, jpnicLifecycle];
