// The one-time URLs at work (simulated): what the 利用管理者, the PIN distributor and the 利用者 get
// when they open a URL from a mail, and the mails those downloads trigger (SPEC §6.3, §7.1, §7.3).
import { pemEncode, base64Decode } from '../pki/pem';
import { inspectCsr } from '../pki/csr';
import { describePublicKey, spkiSha256 } from '../pki/spki';
import { keyUsedByDnKey } from './check';
import { dnKeyOf } from './dn-key';
import type { Text } from '../spec/types';
import type { TxContext } from './context';
import { oldCertificateRevocationFileName, oldCertificateRevocationTsv, p12FileName } from './files/layouts';
import { issueForApplication } from './issue/common';
import { clientAllZip, clientEmails, clientSubject } from './issue/client';
import { sha256Hex } from './issue/pin';
import { issueOperatorCertificate } from './issue/operator';
import { recipients, sendMail } from './notify/mailer';
import { clientDownloaded, serverDownloaded, serverRenewalDownloaded } from './notify/templates';
import { isCertificateValid } from './state';
import type { CertificateRecord, DownloadToken, MailAttachment, TokenPurpose } from './types';
import { parseDnString } from '../pki/dn';

export type DownloadFailure =
  | 'unknown-token'
  | 'wrong-url'
  | 'used'
  | 'expired'
  | 'pins-first'
  | 'wrong-pin'
  | 'bad-key'
  | 'key-reused'
  | 'revoked'
  | 'p12-name-quote';

export type DownloadResult =
  | { ok: true; fileName: string; contentType: string; bytes: Uint8Array; serialsHex: string[] }
  | { ok: false; reason: DownloadFailure; message: Text };

const FAILURES: Record<DownloadFailure, Text> = {
  'unknown-token': { ja: 'このURLは無効です。', en: 'This URL is not valid.' },
  'wrong-url': { ja: 'このURLではこのファイルを取得できません。', en: 'This URL does not serve this download.' },
  used: { ja: 'このURLはすでに使用されています（ワンタイムURL）。', en: 'This one-time URL has already been used.' },
  expired: { ja: 'このURLの有効期限（1ヶ月）が切れています。', en: 'This URL has expired (valid for one month).' },
  'pins-first': {
    ja: 'アクセスPINがまだ取得されていません。アクセスPIN取得後にアクセスしてください。',
    en: 'The access PINs have not been fetched yet; this URL works after that.',
  },
  'wrong-pin': { ja: 'アクセスPINが正しくありません。', en: 'The access PIN is wrong.' },
  'bad-key': { ja: '公開鍵（またはCSR）を読み取れません。RSA 2048bitの鍵が必要です。', en: 'The public key (or CSR) cannot be read; an RSA 2048 key is needed.' },
  'key-reused': {
    ja: '以前使用した鍵ペアの再利用はできません。新たに鍵ペアを作成してください。',
    en: 'This key pair was used before; create a new one.',
  },
  revoked: { ja: 'この証明書は失効しています。', en: 'This certificate has been revoked.' },
  // 003 §5-4-1 column 12: 「ダウンロード方法が3でP12ダウンロードファイル名に「'」が含まれている場合、現在証明書取得ができません。」
  'p12-name-quote': {
    ja: '証明書を取得できません。P12ダウンロードファイル名に「\'」が含まれています（ダウンロード方法3では、P12ダウンロードファイル名に「\'」が含まれている場合、証明書取得ができません）。',
    en: "The certificate cannot be obtained: the P12 file name contains ' (with download method 3 such a name cannot be obtained, as the manual says).",
  },
};

function fail(reason: DownloadFailure): DownloadResult {
  return { ok: false, reason, message: FAILURES[reason] };
}

/** The token must exist, serve this purpose, be unused, unexpired and — for certificates — come after the PINs. */
function openToken(ctx: TxContext, token: string, purpose: TokenPurpose): DownloadToken | DownloadFailure {
  const t = ctx.state.tokens.get(token);
  if (!t) return 'unknown-token';
  if (t.purpose !== purpose) return 'wrong-url';
  if (t.usedAt) return 'used';
  if (new Date(t.expiresAt) < ctx.now) return 'expired';
  if (t.requiresToken && !ctx.state.tokens.get(t.requiresToken)?.usedAt) return 'pins-first';
  return t;
}

function certsOf(ctx: TxContext, t: DownloadToken): CertificateRecord[] {
  return t.applicationIds
    .map((id) => ctx.state.certificateByApplication.get(id))
    .map((serial) => (serial ? ctx.state.certificates.get(serial) : undefined))
    .filter((c): c is CertificateRecord => !!c);
}

function markDownloaded(ctx: TxContext, t: DownloadToken, certs: CertificateRecord[]): void {
  ctx.emit({ type: 'downloaded', token: t.token, applicationIds: t.applicationIds, serialsHex: certs.map((c) => c.serialHex) });
}

async function fileResult(ctx: TxContext, fileId: string, fileName: string, contentType: string, serialsHex: string[]): Promise<DownloadResult> {
  const bytes = await ctx.tx.getFile(fileId);
  if (!bytes) throw new Error(`file ${fileId} is missing from the store`);
  return { ok: true, fileName, contentType, bytes, serialsHex };
}

function certificatePem(cert: CertificateRecord): Uint8Array {
  return new TextEncoder().encode(pemEncode('CERTIFICATE', base64Decode(cert.certDerB64)!));
}

/** 利用管理者: 「サーバ証明書ダウンロード画面」 → Base64 (PEM) server.crt; mails M2 or, after a renewal, M3. */
export function downloadServerCertificate(ctx: TxContext, token: string): DownloadResult {
  const t = openToken(ctx, token, 'server-cert');
  if (typeof t === 'string') return fail(t);
  const [cert] = certsOf(ctx, t);
  if (cert.revokedAt) return fail('revoked');
  markDownloaded(ctx, t, [cert]);
  const app = ctx.state.applications.get(cert.applicationId)!;
  const inst = ctx.state.institutions.get(cert.institutionId)!;
  const old = app.renewsSerialHex ? ctx.state.certificates.get(app.renewsSerialHex) : undefined;
  if (!old) sendMail(ctx, recipients(inst.ra.mail), serverDownloaded(cert));
  else {
    let attachment: MailAttachment | undefined;
    if (isCertificateValid(old, ctx.now)) {
      const fileName = oldCertificateRevocationFileName(old);
      const fileId = ctx.putFile(`attachments/${ctx.nextMailId()}/${fileName}`, oldCertificateRevocationTsv(old, app.adminMail));
      attachment = { fileName, contentType: 'text/tab-separated-values', fileId };
    }
    sendMail(ctx, recipients(inst.ra.mail), serverRenewalDownloaded(cert, old, attachment));
  }
  return { ok: true, fileName: 'server.crt', contentType: 'application/x-pem-file', bytes: certificatePem(cert), serialsHex: [cert.serialHex] };
}

/** 「アクセスPINダウンロード画面」 → clientPin.zip (methods 1, 3) or clientAllPin.zip (method 2). */
export async function downloadPins(ctx: TxContext, token: string): Promise<DownloadResult> {
  const t = openToken(ctx, token, 'pin');
  if (typeof t === 'string') return fail(t);
  markDownloaded(ctx, t, []);
  const fileId = t.fileIds[0];
  return fileResult(ctx, fileId, fileId.endsWith('clientAllPin.zip') ? 'clientAllPin.zip' : 'clientPin.zip', 'application/zip', []);
}

function mailClientDownload(ctx: TxContext, certs: CertificateRecord[]): void {
  if (certs.length === 0) return;
  const app = ctx.state.applications.get(certs[0].applicationId)!;
  const inst = ctx.state.institutions.get(app.institutionId)!;
  sendMail(ctx, recipients(inst.ra.mail, app.adminMail), clientDownloaded(certs));
}

/** Method 1, 利用者: the P12 named after column 12 (or the CN). */
export async function downloadClientCertificate(ctx: TxContext, token: string): Promise<DownloadResult> {
  const t = openToken(ctx, token, 'client-cert');
  if (typeof t === 'string') return fail(t);
  if (t.fileIds.length === 0) return fail('wrong-url'); // method 3: use issueBrowserCertificate
  const certs = certsOf(ctx, t);
  if (certs.some((c) => c.revokedAt)) return fail('revoked');
  markDownloaded(ctx, t, certs);
  mailClientDownload(ctx, certs);
  const app = ctx.state.applications.get(t.applicationIds[0])!;
  return fileResult(ctx, t.fileIds[0], p12FileName(app), 'application/x-pkcs12', certs.map((c) => c.serialHex));
}

/**
 * Method 2, 利用管理者: clientAll.zip (every P12 + client.txt), after the PIN distributor fetched the PINs.
 * Certificates revoked before the download are left out — zip, client.txt and the mail — and the stored
 * zip is replaced by what was delivered; when every one is revoked the URL answers 'revoked'.
 */
export async function downloadClientAll(ctx: TxContext, token: string): Promise<DownloadResult> {
  const t = openToken(ctx, token, 'client-all');
  if (typeof t === 'string') return fail(t);
  const all = certsOf(ctx, t);
  const certs = all.filter((c) => !c.revokedAt);
  if (certs.length === 0) return fail('revoked');
  if (certs.length < all.length) {
    const items = certs.map((cert) => ({ app: ctx.state.applications.get(cert.applicationId)!, cert }));
    ctx.putFile(t.fileIds[0], await clientAllZip(ctx, items));
  }
  markDownloaded(ctx, t, certs);
  mailClientDownload(ctx, certs);
  return fileResult(ctx, t.fileIds[0], 'clientAll.zip', 'application/zip', certs.map((c) => c.serialHex));
}

/** Method 3, 利用者's browser: after the PIN, the browser's public key (SPKI DER) or CSR gets the certificate. */
export async function issueBrowserCertificate(
  ctx: TxContext,
  token: string,
  pin: string,
  publicKeyOrCsr: Uint8Array,
): Promise<DownloadResult> {
  const t = openToken(ctx, token, 'client-cert');
  if (typeof t === 'string') return fail(t);
  if (!t.pinSha256) return fail('wrong-url');
  if ((await sha256Hex(pin)) !== t.pinSha256) return fail('wrong-pin');
  const spki = await browserSpki(publicKeyOrCsr);
  if (!spki) return fail('bad-key');
  const app = ctx.state.applications.get(t.applicationIds[0])!;
  if (app.p12Name.includes("'")) return fail('p12-name-quote');
  if (app.renewsSerialHex && (await keyUsedBefore(ctx, app.renewsSerialHex, spki))) return fail('key-reused');
  const rdns = parseDnString(app.dn);
  const cert = await issueForApplication(ctx, {
    app,
    subject: clientSubject(app, rdns.ok ? rdns.rdns : []),
    spki,
    emails: clientEmails(app, rdns.ok ? rdns.rdns : []),
  });
  markDownloaded(ctx, t, [cert]);
  mailClientDownload(ctx, [cert]);
  return { ok: true, fileName: 'client.crt', contentType: 'application/x-pem-file', bytes: certificatePem(cert), serialsHex: [cert.serialHex] };
}

/** A renewal must come with a new key (SPEC §2.1, §5.5): not the renewed certificate's, nor any earlier one of its DN. */
async function keyUsedBefore(ctx: TxContext, renewedSerialHex: string, spki: Uint8Array): Promise<boolean> {
  const old = ctx.state.certificates.get(renewedSerialHex);
  if (!old) return false;
  const hash = await spkiSha256(spki);
  // Not only `old` itself: any certificate of its DN key (the same rule as the upload's check.ts keyUsedBefore).
  return keyUsedByDnKey(ctx.state, hash, '', dnKeyOf(old.family, old.dn));
}

/** An RSA 2048 SPKI, given directly or inside a CSR whose self-signature verifies (ADDENDUM B.14). */
async function browserSpki(input: Uint8Array): Promise<Uint8Array | undefined> {
  const csr = await inspectCsr(input);
  let spki: Uint8Array | undefined;
  if (csr.ok) spki = csr.info.signatureValid ? csr.info.spki : undefined;
  else spki = input;
  const key = spki && describePublicKey(spki);
  return key && key.algorithm === 'RSA' && key.bits === 2048 ? spki : undefined;
}

/** 登録担当者: the URL of M10 with the access PIN → the RA operator certificate as P12 (SPEC §10.2). */
export async function downloadOperatorCertificate(ctx: TxContext, token: string, pin: string): Promise<DownloadResult> {
  const t = openToken(ctx, token, 'ra-operator');
  if (typeof t === 'string') return fail(t);
  if ((await sha256Hex(pin)) !== t.pinSha256) return fail('wrong-pin');
  const inst = ctx.state.institutions.get(t.uploadId.replace(/^operator:/, ''));
  if (!inst) return fail('unknown-token');
  const { p12, certificate } = await issueOperatorCertificate(ctx, token, inst, pin);
  ctx.emit({ type: 'downloaded', token, applicationIds: [], serialsHex: [] });
  return { ok: true, fileName: `${certificate.serialDecimal}.p12`, contentType: 'application/x-pkcs12', bytes: p12, serialsHex: [certificate.serialHex] };
}
