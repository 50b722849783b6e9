// The message catalogue: every problem the validator can report, with its stable code (docs/codes.md).
// NII's own codes and texts (ADDENDUM A) are used where a rule matches; ours follow the scheme
// U1xx file/codec, U2xx column and DN, U3xx cross-column and cross-record, U4xx CSR. Placeholders: {name}.
import type { Text } from '../spec/types';
import type { Severity } from './types';

export interface MessageDef {
  code: string;
  severity: Severity;
  ja: string;
  en: string;
  hint?: Text;
  /** Where the code and text come from. */
  source: 'NII FAQ' | 'NII manual' | 'NII contact page' | 'ours';
}

const nii = (code: string, ja: string, en: string, hint?: Text, source: MessageDef['source'] = 'NII FAQ'): MessageDef => ({
  code, severity: 'error', ja, en, hint, source,
});
const err = (code: string, ja: string, en: string, hint?: Text): MessageDef => ({ code, severity: 'error', ja, en, hint, source: 'ours' });
const warn = (code: string, ja: string, en: string, hint?: Text): MessageDef => ({ code, severity: 'warning', ja, en, hint, source: 'ours' });
const h = (ja: string, en: string): Text => ({ ja, en });

export const MESSAGES = {
  // NII codes (ADDENDUM A)
  required: nii('201', '{name}は入力必須項目です。', '{name} is required.'),
  tooLong: nii('202', '{name}は{max}桁以内で入力してください。', '{name} must be at most {max} characters.', h('現在{actual}文字です。', 'It has {actual} characters.')),
  notDigits: nii('204', '{name}は半角数字以外の文字が含まれています。', '{name} contains characters other than half-width digits.'),
  commentBadChar: nii('205', '失効理由コメントは不正な文字が含まれています。', 'The revocation reason comment contains an invalid character.', h('{pos}文字目「{char}」（{cp}）はJIS X 0208・JIS X 0201の範囲外です。{suggestion}', 'Character {pos} "{char}" ({cp}) is outside JIS X 0208 / JIS X 0201. {suggestion}')),
  dnFormat: nii('206', '{name}がDN情報のフォーマットに準じていません。', '{name} does not follow the DN format.', h('{detail}', '{detail}')),
  mailFormat: nii('206', '{name}はメール形式ではありません。', '{name} is not an e-mail address.', h('「ユーザ名@ドメイン」の形式で、半角英数字と「._%+-」のみ使用できます（78文字以内）。', 'Use local@domain with ASCII letters, digits and ._%+- (at most 78 characters).')),
  fileNotFound: nii('208', '指定したファイルは存在しません。', 'The specified file does not exist.'),
  badExtension: nii('209', '指定したファイルの拡張子が不正です。', 'The file name extension is not allowed.', h('申請ファイルの拡張子は .tsv または .txt にしてください（{fileName}）。', 'Use a .tsv or .txt file name ({fileName}).')),
  duplicateDn: nii('212', '指定したDNはすでに存在しています。', 'The specified DN already exists.', h('{otherSeq}行目と同じ{what}です。同じDNで再発行する場合は更新申請を使ってください。', 'Same {what} as record {otherSeq}. To reuse a DN, apply for renewal.')),
  emptyFile: nii('213', '申請ファイルに入力がありません。', 'The application file is empty.'),
  tooManyRecords: nii('214', 'ファイル内のレコードが指定件数を超えているため申請できません。', 'The file has more records than allowed.', h('{count}件あります。上限は{max}件です。ファイルを分けてください。', '{count} records; the limit is {max}. Split the file.')),
  institutionInvalid: nii('215', '機関状態が無効なため申請できません。', 'The institution is not active.'),
  organizationMismatch: nii('241', '主体者DNの機関名が申請者の所属機関名ではありません。', 'The O of the subject DN is not the applicant\'s institution.', undefined, 'NII manual'),
  ouNotAllowed: nii('371', '主体者DNのOUが許可リストとして登録された値と一致しません。', 'The OU of the subject DN is not on the allow-list.', undefined, 'NII contact page'),

  // U1xx: file and codec
  binaryFile: err('U101', 'ファイルに{found}が含まれています。テキスト形式のTSVファイルではありません。', 'The file contains {found}: it is not a text TSV file.', h('表計算ソフトの形式（.xlsx等）ではなく「テキスト（タブ区切り）」で保存してください。', 'Save as "Text (tab-delimited)", not as a spreadsheet file.')),
  undecodable: err('U102', 'ファイルをShift-JISとしてもUTF-8としても読み取れません。', 'The file can be read neither as Shift-JIS nor as UTF-8.', h('{detail}', '{detail}')),
  notShiftJis: err('U103', '文字コードが{encoding}です。申請ファイルはShift-JISで保存してください。', 'The file is encoded as {encoding}; application files must be Shift-JIS.'),
  loneCr: err('U104', '{line}行目の改行コードがCRのみです。改行はCR+LFまたはLFにしてください。', 'Line {line} ends with a bare CR; use CR+LF or LF.'),
  columnCount: err('U105', '項目数が{actual}個（TAB {actualTabs}個）です。{kind}は{expected}項目（TAB {expectedTabs}個）である必要があります。', 'The record has {actual} columns ({actualTabs} TABs); {kind} needs {expected} columns ({expectedTabs} TABs).', h('入力が必須でない項目もTABで埋めてください。', 'Fill empty columns with TABs as well.')),
  headerRow: err('U106', '1行目が見出し行のようです（「{cell}」）。申請TSVファイルには見出し行を入れないでください。', 'Line 1 looks like a header row ("{cell}"); application TSV files have no header.', h('1行目を削除してください。', 'Delete the first line.')),
  blankLine: err('U107', '{line}行目が空行です。空行を削除してください。', 'Line {line} is empty; delete it.'),
  mixedMethods: err('U108', '1つの申請ファイルに複数のダウンロード方法（{methods}）は混在できません。', 'One file cannot mix download methods ({methods}).', h('ダウンロード方法ごとに申請ファイルを分けて作成してください。', 'Make one file per download method.')),
  bom: warn('U109', 'ファイルの先頭にBOM（U+FEFF）があります。取り除いて検査しました。', 'The text starts with a byte-order mark (U+FEFF); it was ignored.'),
  truncated: warn('U110', 'レコードが多すぎるため、最初の{checked}件のみ詳しく検査しました（全{count}件）。', 'Too many records: only the first {checked} of {count} were checked in detail.'),
  fileTooLarge: err('U112', 'ファイルが大きすぎます（{size}）。申請TSVファイルではないようです。', 'The file is too large ({size}); it does not look like an application TSV file.'),
  kindMismatch: warn('U111', 'この申請ファイルは「{guessed}」の形式のようです（検査した種類: {chosen}）。', 'This file looks like "{guessed}", but was checked as "{chosen}".', h('申請の種類（発行・更新・失効）を確認してください。', 'Check the kind of application (issue, renew, revoke).')),
  internalError: err('U199', '検査中に内部エラーが発生しました。', 'Internal error during validation.', h('{detail}', '{detail}')),

  // U2xx: single column and subject DN
  notBlank: err('U201', '{name}（No{no}）には何も入力しないでください。', '{name} (column {no}) must be empty.'),
  badValue: err('U202', '{name}に「{value}」は指定できません。', '{name} cannot be "{value}".', h('指定可能な値: {values}', 'Allowed values: {values}')),
  badChar: err('U203', '{name}に使用できない文字「{char}」が含まれています（{pos}文字目）。', '{name} contains a character that is not allowed: "{char}" (position {pos}).', h('使用可能な文字: {allowed}', 'Allowed: {allowed}')),
  nonJis: err('U204', '{name}の{pos}文字目「{char}」（{cp}）はJIS X 0208・JIS X 0201の範囲外です。', 'Character {pos} of {name}, "{char}" ({cp}), is outside JIS X 0208 / JIS X 0201.', h('{suggestion}', '{suggestion}')),
  controlChar: err('U205', '{name}に制御文字（{cp}）が含まれています（{pos}文字目）。', '{name} contains a control character ({cp}) at position {pos}.'),
  serialFormat: err('U206', '{name}は10進数、または先頭に「0x」をつけた16進数で記述してください。', '{name} must be decimal, or hexadecimal with a leading "0x".', h('例: 1234567812345678123 または 0x112210E261FEC92B', 'e.g. 1234567812345678123 or 0x112210E261FEC92B')),
  serialUpperPrefix: warn('U207', '{name}の接頭辞は「0X」ではなく「0x」（小文字）にしてください。', 'Write the prefix of {name} as "0x", not "0X".'),
  pinLength: err('U208', '{name}は6桁以上36桁以下で指定してください（現在{actual}桁）。', '{name} must be 6 to 36 characters long (now {actual}).'),
  fullWidthAscii: err('U219', '{name}に全角文字「{chars}」があります（{positions}文字目）。この列は半角で入力してください。', '{name} contains full-width (全角) characters "{chars}" (position {positions}); this column takes half-width (ASCII) characters.', h('半角にすると「{half}」です。', 'In half-width: "{half}".')),
  surroundingSpace: warn('U209', '{name}の前後に空白があります。', '{name} has leading or trailing spaces.', h('空白がそのまま申請内容になります。不要なら削除してください。', 'Spaces are kept as part of the value; remove them unless intended.')),
  hostSyntax: err('U210', '{name}「{host}」はFQDNの形式ではありません。', '{name} "{host}" is not a valid FQDN.', h('{detail}', '{detail}')),
  hostNoDomain: warn('U211', '{name}「{host}」にドメイン名が含まれていません。', '{name} "{host}" contains no domain name.', h('サービス利用申請時に登録した対象ドメイン名を含むFQDNのみ発行できます。', 'Only FQDNs inside the domains registered with NII can be issued.')),
  dnsNamesSyntax: err('U212', 'dNSNameは「dNSName=ホスト名」を「,」で区切った形式で記載してください（{index}番目: 「{entry}」）。', 'Write dNSName as "dNSName=host" entries separated by "," (entry {index}: "{entry}").'),
  dnsNamesTrailingComma: err('U213', 'dNSNameの末尾に「,」を記載しないでください。', 'Do not end dNSName with ",".'),
  dnsNamesTooMany: err('U214', 'dNSNameは8つまで指定可能です（{count}個記載されています）。', 'At most 8 dNSName entries are allowed ({count} written).'),
  dnsNamesFull: warn('U215', 'dNSNameが8つ記載されており、利用管理者FQDN「{fqdn}」が自動付与されると9つになります。', '8 dNSName entries are written; with the server FQDN "{fqdn}" added automatically there will be 9.', h('利用管理者FQDNをdNSNameのいずれかとして記載してください。', 'Include the server FQDN among the entries.')),
  dnsNamesTooLongWithFqdn: err('U216', '自動付与される利用管理者FQDNを含めるとdNSNameが{actual}文字になり、250文字を超えます。', 'With the automatically added server FQDN, dNSName would be {actual} characters (limit 250).'),
  dnsNamesDuplicate: warn('U217', 'dNSName「{host}」が重複しています。', 'dNSName "{host}" appears twice.'),
  dnsNamesKeyCase: warn('U218', 'dNSNameの項目名「{key}」は「dNSName=」と記載してください。', 'Write the dNSName key "{key}" exactly as "dNSName=".', h('マニュアルの形式は「dNSName=XXX,dNSName=ZZZ」です。RAが大文字小文字を区別する場合、受理されない可能性があります。', 'The manual\'s form is "dNSName=XXX,dNSName=ZZZ"; the RA may compare it case-sensitively.')),

  dnMissing: err('U220', '主体者DNに{attr}がありません。', 'The subject DN has no {attr}.'),
  dnDuplicate: err('U221', '主体者DNに{attr}が複数あります。', 'The subject DN has more than one {attr}.'),
  dnForbidden: err('U222', '主体者DNに{attr}は指定できません。', '{attr} is not allowed in the subject DN.', h('{reason}', '{reason}')),
  dnBadChar: err('U223', '主体者DNの{attr}に使用できない文字「{char}」が含まれています。', 'The {attr} of the subject DN contains a character that is not allowed: "{char}".', h('使用可能な文字: {allowed}', 'Allowed: {allowed}')),
  dnTooLong: err('U224', '主体者DNの{attr}は{max}文字以内にしてください（現在{actual}文字）。', 'The {attr} of the subject DN must be at most {max} characters (now {actual}).'),
  dnTooLongOpen: warn('U225', '主体者DNの{attr}が{actual}文字あります。{max}文字を超えると受理されない可能性があります。', 'The {attr} of the subject DN has {actual} characters; over {max} may be refused.'),
  dnCountry: err('U226', '主体者DNのCは「JP」にしてください。', 'C in the subject DN must be "JP".'),
  dnLocalityWord: err('U227', '主体者DNのLに「{word}」を含めることはできません。', 'L in the subject DN must not contain "{word}".', h('「UPKI証明書 主体者DNにおける ST および L の値一覧」の値を使ってください（"Default City" の証明書は2019年に失効されました）。', 'Use the value from NII\'s ST/L list ("Default City" certificates were revoked in 2019).')),
  dnLocalityCity: err('U228', '主体者DNのLを「City」のみにすることはできません。', 'L in the subject DN cannot be just "City".', h('「UPKI証明書 主体者DNにおける ST および L の値一覧」の値を使ってください。', 'Use the value from NII\'s ST/L list.')),
  dnNeedLOrSt: err('U229', '主体者DNにはLとSTのいずれかを記述してください。', 'The subject DN needs L or ST (at least one).'),
  dnSmimeMissing: warn('U230', 'S/MIME証明書でも主体者DNにはO, L, ST, Cの記載が必要です（{attr}がありません）。', 'S/MIME rows still need O, L, ST and C in the DN ({attr} missing).', h('マニュアル「◆S/MIME証明書の注意点」を参照してください。', 'See the S/MIME notes in the manual.')),
  dnEmptyValue: err('U231', '主体者DNの{attr}の値が空です。', 'The {attr} of the subject DN is empty.'),
  dnValueSpace: warn('U232', '主体者DNの{attr}の値の前後に空白があります。', 'The {attr} of the subject DN has leading or trailing spaces.', h('「,」や「=」の前後に空白を入れないでください。', 'Do not put spaces around "," or "=".')),
  dnLowercaseKey: warn('U233', '主体者DNの属性名「{key}」は大文字「{upper}」で記述してください。', 'Write the DN attribute name "{key}" in capitals: "{upper}".'),
  dnEmbeddedKey: warn('U234', '主体者DNの{attr}の値に「{text}」が含まれています。区切りの誤りか未対応の属性ではありませんか。', 'The {attr} of the subject DN contains "{text}": a mistyped separator or an unsupported attribute?'),

  // U3xx: cross-column and cross-record
  fqdnNotCn: err('U301', '利用管理者FQDN「{fqdn}」が主体者DNのCN「{cn}」と一致しません。', 'The server FQDN "{fqdn}" differs from the CN "{cn}" of the subject DN.', h('CSRで設定したCNを記述してください。', 'Write the CN set in the CSR.')),
  smimeCnMail: err('U302', '証明書プロファイルIDが{profile}（S/MIME）の場合、CNの値が利用者mailの値と一致している必要があります。', 'For S/MIME profile {profile}, the CN must equal the user e-mail.', h('CN「{cn}」／利用者mail「{mail}」', 'CN "{cn}" / user e-mail "{mail}"')),
  smimePin: err('U303', '証明書プロファイルIDが7, 15, 16の場合、アクセスPINはシステム生成のみで指定できません。', 'For profiles 7, 15 and 16 the access PIN is generated by the system and cannot be given.'),
  pinNeedsBulk: err('U304', 'アクセスPINはダウンロード方法「2:P12一括」の場合のみ指定できます。', 'An access PIN may be given only with download method 2 (bulk P12).', h('アクセスPINを空にしてください。', 'Leave the access PIN empty.')),
  p12DefaultChars: warn('U305', 'P12ダウンロードファイル名が未指定のため主体者DNのCN「{cn}」がファイル名になりますが、ファイル名に使用できない文字「{char}」が含まれています。', 'With no P12 file name the CN "{cn}" becomes the file name, but it contains "{char}", which is not allowed in file names.', h('P12ダウンロードファイル名を指定してください。', 'Give a P12 download file name.')),
  p12ApostropheMethod3: warn('U306', 'ダウンロード方法が3でP12ダウンロードファイル名に「\'」が含まれている場合、現在証明書取得ができません。', 'With method 3, a P12 file name containing "\'" currently cannot be downloaded.', h('P12個別またはP12一括でご申請ください。', 'Apply with method 1 or 2 instead.')),
  duplicateSerial: warn('U307', '{otherSeq}行目と同じシリアル番号です。', 'Same serial number as record {otherSeq}.'),
  // Builder only: the row remembers the dNSNames of the certificate it renews (builder/san-keep.ts).
  droppedDnsName: warn('U308', '旧証明書にあったホスト名「{host}」がありません。更新後の証明書はこの名前を含みません。', 'The old certificate\'s host name "{host}" is missing: the renewed certificate will not cover it.', h('意図して外す場合はこのままで構いません。残す場合はdNSName列（13列目）に戻してください。', 'Fine if you meant to drop it; otherwise add it back to the dNSName column (13).')),

  // U4xx: CSR (column 7)
  csrArmour: err('U401', 'CSRの「-----BEGIN CERTIFICATE REQUEST-----」行と「-----END CERTIFICATE REQUEST-----」行を削除し、一行で記述してください。', 'Remove the BEGIN/END CERTIFICATE REQUEST lines and write the CSR on one line.'),
  csrBase64: err('U402', 'CSRをBase64として読み取れません。', 'The CSR is not valid base64.', h('{detail}', '{detail}')),
  csrDer: err('U403', 'CSRをPKCS#10の証明書発行要求として解析できません。', 'The CSR cannot be parsed as a PKCS#10 request.', h('{detail}', '{detail}')),
  csrSignature: err('U404', 'CSRの署名が検証できません。CSRが改変されているか壊れています。', 'The CSR\'s signature does not verify: it was altered or is damaged.', h('CSRを作り直してください。', 'Create the CSR again.')),
  csrKey: err('U405', '証明書プロファイルID {profile} のCSRの鍵は{expected}である必要があります（このCSR: {actual}）。', 'Profile {profile} needs a {expected} key (this CSR: {actual}).', h('プロファイル3はRSA 2048bit、11はECDSA secp384r1（P-384）です。', 'Profile 3: RSA 2048 bit; profile 11: ECDSA secp384r1 (P-384).')),
  csrSignatureAlgorithm: err('U406', 'CSRの署名アルゴリズム{alg}は証明書プロファイルID {profile} では使用できません。', 'CSR signature algorithm {alg} is not accepted for profile {profile}.', h('使用可能: {allowed}', 'Accepted: {allowed}')),
  csrOrder: err('U407', 'CSRの主体者DNの順序（{actual}）が不正です。', 'The RDN order of the CSR subject ({actual}) is not accepted.', h('C→ST→L→O→(OU)→CNの順、またはその逆順にしてください。', 'Use C, ST, L, O, (OU), CN or exactly the reverse.')),
  csrEmail: err('U408', 'CSRの主体者DNにemailAddressが含まれています。', 'The CSR subject contains an emailAddress.', h('Emailは本認証局では使用しないでください。', 'This CA does not use Email.')),
  csrDnMismatch: err('U409', '主体者DNがCSRに記述されたDNと異なります。', 'The subject DN differs from the DN in the CSR.', h('CSR: {csr} ／ TSV: {tsv}', 'CSR: {csr} / TSV: {tsv}')),
  csrUnknownAttribute: err('U410', 'CSRの主体者DNに使用できない属性（{oids}）が含まれています。', 'The CSR subject contains attributes that are not allowed ({oids}).'),
  csrOu: err('U411', 'CSRの主体者DNにOUが含まれています。サーバ証明書のOUは2022年7月26日に廃止されました。', 'The CSR subject contains an OU; server OUs were abolished on 2022-07-26.', h('OUを含めずにCSRを作り直してください（鍵・CSRページで作成できます）。1列目のDNからもOUを削除してください。', 'Make the CSR again without an OU (the Keys & CSR page can), and drop the OU from the DN in column 1 too.')),
  csrSanIgnored: warn('U412', 'CSRのsubjectAltName（{names}）は証明書に反映されません。', 'The CSR\'s subjectAltName ({names}) is not copied into the certificate.', h('追加のホスト名はdNSName列に記載してください。', 'Write extra host names in the dNSName column.')),
  csrUnavailable: warn('U413', 'CSRを検査できませんでした。', 'The CSR could not be checked.', h('{detail}', '{detail}')),
  csrStringType: warn('U414', 'CSRの主体者DNの{attrs}がPrintableStringではありません（{types}）。', 'The CSR subject\'s {attrs} is not a PrintableString ({types}).', h('マニュアルはUTF8Stringを禁止していませんが、本アプリやNIIのツールで作成したCSRはPrintableStringです。OpenSSLでは設定ファイルに「string_mask = nombstr」を指定するとPrintableStringになります。', 'The manual does not forbid UTF8String, but CSRs made by this app and by NII\'s tool use PrintableString. With OpenSSL, put "string_mask = nombstr" in the config file.')),
} as const satisfies Record<string, MessageDef>;

export type MessageId = keyof typeof MESSAGES;

export type MessageParam = string | number | Text;
export type MessageParams = Readonly<Record<string, MessageParam>>;

const PLACEHOLDER = /\{(\w+)\}/g;

function fill(template: string, params: MessageParams, lang: 'ja' | 'en'): string {
  return template.replace(PLACEHOLDER, (whole, key: string) => {
    const v = params[key];
    if (v === undefined) return whole;
    return typeof v === 'object' ? v[lang] : String(v);
  });
}

/** The message and hint of `id` with its placeholders filled. */
export function renderMessage(id: MessageId, params: MessageParams = {}): { message: Text; hint?: Text } {
  const def: MessageDef = MESSAGES[id];
  const message = { ja: fill(def.ja, params, 'ja'), en: fill(def.en, params, 'en') };
  if (!def.hint) return { message };
  const hint = { ja: fill(def.hint.ja, params, 'ja').trim(), en: fill(def.hint.en, params, 'en').trim() };
  return hint.ja === '' && hint.en === '' ? { message } : { message, hint };
}
