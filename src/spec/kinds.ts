// The six UPKI TSV formats, column by column (SPEC §5; ADDENDUM B.1, B.7, B.8, B.10, B.11).
import { DOWNLOAD_METHODS, LIMITS, PROFILE_IDS, REVOCATION_REASONS } from './profiles';
import type { ColumnSpec, FieldKey, KindId, KindSpec, Text } from './types';

type ColumnDraft = Omit<ColumnSpec, 'no'>;

const t = (ja: string, en: string): Text => ({ ja, en });

// Allowed values and limits are profiles.ts's; the columns only say where they apply.
const SERVER_PROFILE_VALUES = PROFILE_IDS.server;
const CLIENT_PROFILE_VALUES = PROFILE_IDS.client;
const METHOD_VALUES = Object.keys(DOWNLOAD_METHODS);
const REASON_VALUES = Object.keys(REVOCATION_REASONS);

const SERVER_DN_EXAMPLE = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
const CLIENT_DN_EXAMPLE =
  'CN=KOKURITSU HANAKO,OU=Cyber Science Infrastructure Development Department,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';

const blank: ColumnDraft = {
  field: 'blank',
  name: t('（空白）', '(blank)'),
  required: 'blank',
  charClass: 'empty',
  maxLength: 0,
  help: t('空白の項目です。何も入力しないでください。', 'Unused position: leave it empty.'),
};

function dn(help: Text, example: string): ColumnDraft {
  return { field: 'dn', name: t('主体者DN', 'Subject DN'), required: 'required', charClass: 'dn', maxLength: LIMITS.dnMaxLength, help, example };
}

const serverDn = (help: Text) => dn(help, SERVER_DN_EXAMPLE);
const clientDn = (help: Text) => dn(help, CLIENT_DN_EXAMPLE);

function profile(values: readonly string[], help: Text, example: string): ColumnDraft {
  return {
    field: 'profile',
    name: t('証明書プロファイルID', 'Certificate profile ID'),
    required: 'required',
    charClass: 'digits',
    maxLength: 2, // IC-1: 5-3-2 prints 1, but "11" needs 2.
    values,
    help,
    example,
  };
}

const serverProfile = profile(
  SERVER_PROFILE_VALUES,
  t('3:sha256WithRSAEncryption（RSA 2048bit）、11:ecdsa-with-SHA384（ECDSA secp384r1）', '3: sha256WithRSAEncryption (RSA 2048), 11: ecdsa-with-SHA384 (ECDSA P-384)'),
  '3',
);

const clientProfile = profile(
  CLIENT_PROFILE_VALUES,
  t(
    '5, 13, 14: クライアント証明書、7, 15, 16: S/MIME証明書（いずれも sha256WithRSAEncryption）',
    '5, 13, 14: client authentication; 7, 15, 16: S/MIME (all sha256WithRSAEncryption)',
  ),
  '5',
);

const method: ColumnDraft = {
  field: 'method',
  name: t('ダウンロード方法', 'Download method'),
  required: 'required',
  charClass: 'digits',
  maxLength: 1,
  values: METHOD_VALUES,
  help: t(
    '1:P12個別、2:P12一括、3:ブラウザ個別。1つのファイルに複数のダウンロード方法は混在できません。',
    '1: individual P12, 2: bulk P12, 3: browser issuance. One method per file.',
  ),
  example: '1',
};

function serial(maxLength: number, name: Text, help: Text): ColumnDraft {
  return { field: 'serial', name, required: 'required', charClass: 'serial', maxLength, help, example: '0x112210E261FEC92B' };
}

const REVOKE_SERIAL_NAME = t('失効対象証明書シリアル番号', 'Serial number of the certificate to revoke');
const RENEW_SERIAL_NAME = t('更新対象証明書シリアル番号', 'Serial number of the certificate to renew');

const SERIAL_HELP_TAIL = t(
  '10進数または16進数で記述してください。16進数の場合は先頭に「0x」をつけてください（英字は大文字小文字どちらも可）。',
  'Decimal, or hexadecimal with a leading "0x" (either letter case).',
);

const reason: ColumnDraft = {
  field: 'reason',
  name: t('失効理由', 'Revocation reason'),
  required: 'required',
  charClass: 'digits',
  maxLength: 1,
  values: REASON_VALUES,
  help: t(
    '0:unspecified（未定義）、1:keyCompromise（鍵の危殆化）、3:affiliationChanged（主体DNの変更）、4:superseded（証明書の更新または証明書記載内容の変更）、5:cessationOfOperation（証明書の利用終了）',
    '0: unspecified, 1: keyCompromise, 3: affiliationChanged, 4: superseded, 5: cessationOfOperation',
  ),
  example: '5',
};

const reasonComment: ColumnDraft = {
  field: 'reasonComment',
  name: t('失効理由コメント', 'Revocation reason comment'),
  required: 'optional',
  charClass: 'jis',
  maxLength: 128,
  help: t('失効理由にコメントが必要な場合は、記述してください。', 'A comment on the reason, if needed.'),
  example: 'サーバ廃止のため',
};

function jisText(field: FieldKey, name: Text, maxLength: number, help: Text, example: string, required: 'required' | 'optional' = 'optional'): ColumnDraft {
  return { field, name, required, charClass: 'jis', maxLength, help, example };
}

const adminName = jisText('adminName', t('利用管理者氏名', 'Administrator name'), 64, t('利用管理者の氏名（全角・半角）。', 'Name of the usage administrator.'), '国立　太郎');
const adminDept = jisText('adminDept', t('利用管理者所属', 'Administrator department'), 64, t('利用管理者の所属（全角・半角）。', 'Department of the usage administrator.'), '学術基盤推進部基盤企画課');

function mail(field: 'adminMail' | 'userMail', required: ColumnSpec['required'], help: Text, requiredNote?: Text): ColumnDraft {
  return {
    field,
    name: field === 'adminMail' ? t('利用管理者mail', 'Administrator e-mail') : t('利用者mail', 'User e-mail'),
    required,
    requiredNote,
    charClass: 'mail',
    maxLength: LIMITS.mailMaxLength,
    help,
    example: 'xxxxx@example.com',
  };
}

const fqdn: ColumnDraft = {
  field: 'fqdn',
  name: t('利用管理者FQDN', 'Server FQDN'),
  required: 'required',
  charClass: 'fqdn',
  maxLength: 64,
  help: t('CSRで設定したCNを記述してください。', 'The CN set in the CSR.'),
  example: 'www.nii.ac.jp',
};

const software = jisText(
  'software',
  t('利用管理者ソフトウェア名・バージョン', 'Server software name and version'),
  128,
  t('証明書をインストールするソフトウェアの名前・バージョン番号。', 'Name and version of the software the certificate is installed on.'),
  'apache2.0',
  'required',
);

const dnsNames: ColumnDraft = {
  field: 'dnsNames',
  name: t('dNSName', 'dNSName'),
  required: 'optional',
  charClass: 'dnsNames',
  maxLength: LIMITS.dnsNamesMaxLength,
  help: t(
    '同一証明書に複数ホスト名を記載する場合に「dNSName=XXX,dNSName=ZZZ」の形式で記載します（8つまで）。利用管理者FQDNが含まれていない場合は自動付与され、自動付与分を含め250文字以内です。末尾に「,」を記載しないでください。',
    'Extra host names as "dNSName=XXX,dNSName=ZZZ" (up to 8). The server FQDN is added automatically when absent; 250 characters including it. No trailing ",".',
  ),
  example: 'dNSName=www.nii.ac.jp,dNSName=nii.ac.jp',
};

const csr: ColumnDraft = {
  field: 'csr',
  name: t('CSR', 'CSR'),
  required: 'required',
  charClass: 'csr',
  maxLength: LIMITS.csrMaxLength,
  help: t(
    'CSRの「-----BEGIN CERTIFICATE REQUEST-----」行と「-----END CERTIFICATE REQUEST-----」行を削除し、一行で記述してください。プロファイル3はRSA 2048bit、11はECDSA secp384r1。',
    'The base64 body of the CSR on one line, without the BEGIN/END lines. Profile 3: RSA 2048; profile 11: ECDSA P-384.',
  ),
};

const userName = jisText('userName', t('利用者氏名', 'User name'), 64, t('利用者の氏名（全角・半角）。', 'Name of the certificate holder.'), '国立　花子');
const userDept = jisText('userDept', t('利用者所属', 'User department'), 64, t('利用者の所属（全角・半角）。', 'Department of the certificate holder.'), '学術基盤推進部基盤企画課');

const p12Name: ColumnDraft = {
  field: 'p12Name',
  name: t('P12ダウンロードファイル名', 'P12 download file name'),
  required: 'conditional',
  requiredNote: t(
    'プロファイルIDが7, 15, 16（S/MIME）かつダウンロード方法が2以外の場合は必須。未指定の場合、方法1・3では主体者DNのCNがファイル名になります。',
    'Required for profiles 7, 15, 16 (S/MIME) unless the method is 2. When empty, methods 1 and 3 use the CN.',
  ),
  charClass: 'p12Name',
  maxLength: 64,
  help: t(
    '証明書ダウンロード時のファイル名。使用可能文字は半角英数字、空白、「\'」「()」「,」「-」「.」「=」。方法3で「\'」を含むと現在証明書取得ができません。',
    'File name used on download: ASCII letters, digits, space and \' ( ) , - . =. With method 3 an apostrophe currently breaks the download.',
  ),
  example: 'KOKURITSU HANAKO',
};

const userMailIssue = mail(
  'userMail',
  'conditional',
  t('利用者のメールアドレス。S/MIME（7, 15, 16）ではCNと一致している必要があります。', 'The user\'s address. For S/MIME (7, 15, 16) it must equal the CN.'),
  t('証明書プロファイルIDが5かつダウンロード方法が2の時のみ任意項目です。', 'Optional only when the profile is 5 and the method is 2.'),
);

const pin: ColumnDraft = {
  field: 'pin',
  name: t('アクセスPIN', 'Access PIN'),
  required: 'conditional',
  requiredNote: t(
    'ダウンロード方法「2:P12一括」の場合のみ指定可能（6桁以上36桁以下）。プロファイル7, 15, 16は指定不可。未指定の場合はシステムが生成します。',
    'May be given only with method 2 (6 to 36 characters), never for profiles 7, 15, 16. Generated by the system when empty.',
  ),
  charClass: 'pin',
  maxLength: LIMITS.pinMaxLength,
  help: t('PKCS#12のアクセスPIN。', 'Password of the PKCS#12 file.'),
};

const adminMailIssue = mail('adminMail', 'required', t('証明書取得URL（またはアクセスPIN取得URL）の送信先となります。', 'Receives the certificate URL (or access-PIN URL) mail.'));
const adminMailRevoke = mail('adminMail', 'optional', t('利用管理者が変更になった場合、変更後のEmailアドレスを記述してください。', 'New address, if the administrator changed.'));

function kind(id: KindId, section: string, title: Text, drafts: ColumnDraft[], extra: Partial<KindSpec> = {}): KindSpec {
  const columns = drafts.map((c, i) => ({ ...c, no: i + 1 }));
  const [family, action] = id.split('-') as [KindSpec['family'], KindSpec['action']];
  return {
    id,
    family,
    action,
    section,
    title,
    columnCount: columns.length as 13 | 15,
    columns,
    maxRecords: LIMITS.maxRecords,
    ...extra,
  };
}

const serverIssueDn = serverDn(
  t('CSR作成時に設定したDNを"CN,O,L,ST,C"の順序で記述してください。CSRに記述されたDNと異なる場合はエラーとなります。', 'The DN of the CSR, in the order CN,O,L,ST,C. It must equal the CSR\'s DN.'),
);
const serverRenewDn = serverDn(
  t('CSR作成時に設定したDNを"CN,O,L,ST,C"の順序で記述してください。CSRのDN、また更新対象のDNと異なる場合はエラーとなります。', 'The DN of the CSR in the order CN,O,L,ST,C; it must equal the CSR\'s DN and the renewed certificate\'s DN.'),
);
const serverRevokeDn = serverDn(t('失効対象のDNを記入してください。異なる場合はエラーとなります。', 'The DN of the certificate to revoke.'));
const clientIssueDn = clientDn(
  t('発行するクライアント証明書のDNを"CN,OU,O,L,ST,C"の順序で記述してください。', 'The DN of the client certificate, in the order CN,OU,O,L,ST,C.'),
);
const clientRenewDn = clientDn(t('発行済の証明書のDNを"CN,OU,O,L,ST,C"の順序で記述してください。', 'The DN of the issued certificate, in the order CN,OU,O,L,ST,C.'));
const clientRevokeDn = clientDn(
  t('証明書発行／更新時に設定したDNを"CN,OU,O,L,ST,C"の順序で記述してください。', 'The DN given at issue/renewal, in the order CN,OU,O,L,ST,C.'),
);

const serialHelp = (ja: string, en: string) => t(`${ja}${SERIAL_HELP_TAIL.ja}`, `${en} ${SERIAL_HELP_TAIL.en}`);
// 5-3-2 names column 4 「失効対象証明書シリアル番号」 (the old certificate is revoked after the renewal).
const renewSerialServer = serial(LIMITS.serialMaxLengthServer, t(REVOKE_SERIAL_NAME.ja, 'Serial number of the old certificate (to be replaced)'), serialHelp('旧証明書（更新対象）のシリアル番号。', 'Serial of the old certificate.'));
const revokeSerialServer = serial(LIMITS.serialMaxLengthServer, REVOKE_SERIAL_NAME, serialHelp('失効対象証明書のシリアル番号。', 'Serial of the certificate to revoke.'));
const renewSerialClient = serial(LIMITS.serialMaxLengthClient, RENEW_SERIAL_NAME, serialHelp('更新対象証明書のシリアル番号。', 'Serial of the certificate to renew.'));
const revokeSerialClient = serial(LIMITS.serialMaxLengthClient, REVOKE_SERIAL_NAME, serialHelp('失効対象証明書のシリアル番号。', 'Serial of the certificate to revoke.'));

const clientRevokePin: ColumnDraft = {
  ...blank,
  field: 'pin',
  name: t('アクセスPIN', 'Access PIN'),
  help: t('失効申請では空にしてください。', 'Leave empty in a revocation file.'),
};

const userMailRevoke = mail('userMail', 'optional', t('利用者が変更になった場合、変更後のEmailアドレスを記述してください。', 'New address, if the user changed.'));

export const KINDS: Record<KindId, KindSpec> = {
  'server-issue': kind('server-issue', '5-3-1', t('サーバ証明書発行申請', 'Server certificate issue'), [
    serverIssueDn, serverProfile, blank, blank, blank, blank, csr, adminName, adminDept, adminMailIssue, fqdn, software, dnsNames,
  ]),
  'server-renew': kind('server-renew', '5-3-2', t('サーバ証明書更新申請', 'Server certificate renewal'), [
    serverRenewDn, serverProfile, blank, renewSerialServer, blank, blank, csr, adminName, adminDept, adminMailIssue, fqdn, software, dnsNames,
  ]),
  'server-revoke': kind('server-revoke', '5-3-3', t('サーバ証明書失効申請', 'Server certificate revocation'), [
    serverRevokeDn, blank, blank, revokeSerialServer, reason, reasonComment, blank, blank, blank, adminMailRevoke, blank, blank, blank,
  ]),
  'client-issue': kind(
    'client-issue',
    '5-4-1',
    t('クライアント証明書発行申請', 'Client certificate issue'),
    [clientIssueDn, clientProfile, method, blank, blank, blank, blank, adminName, adminDept, adminMailIssue, userName, p12Name, userDept, userMailIssue, pin],
    { maxRecordsBulk: LIMITS.maxRecordsBulk },
  ),
  'client-renew': kind(
    'client-renew',
    '5-4-2',
    t('クライアント証明書更新申請', 'Client certificate renewal'),
    [clientRenewDn, clientProfile, method, renewSerialClient, blank, blank, blank, adminName, adminDept, adminMailIssue, userName, p12Name, userDept, userMailIssue, pin],
    { maxRecordsBulk: LIMITS.maxRecordsBulk },
  ),
  'client-revoke': kind('client-revoke', '5-4-3', t('クライアント証明書失効申請', 'Client certificate revocation'), [
    clientRevokeDn, blank, blank, revokeSerialClient, reason, reasonComment, blank, blank, blank, adminMailRevoke, blank, blank, blank, userMailRevoke, clientRevokePin,
  ]),
};

/** The column of `kind` holding `field`; undefined when the kind has no such column (e.g. 'csr' in a revoke file). */
export function columnOf(kind: KindId | KindSpec, field: FieldKey): ColumnSpec | undefined {
  const spec = typeof kind === 'string' ? KINDS[kind] : kind;
  return spec.columns.find((c) => c.field === field);
}

/** The column with 1-based number `no`. */
export function columnAt(kind: KindId | KindSpec, no: number): ColumnSpec | undefined {
  const spec = typeof kind === 'string' ? KINDS[kind] : kind;
  return spec.columns[no - 1];
}

/** Every column name (ja and en) of every kind, e.g. to recognise a header row. */
export const ALL_COLUMN_NAMES: ReadonlySet<string> = new Set(
  Object.values(KINDS).flatMap((k) => k.columns.filter((c) => c.field !== 'blank').flatMap((c) => [c.name.ja, c.name.en])),
);
