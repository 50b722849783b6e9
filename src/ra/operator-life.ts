// The RA operator certificate after issuance (SPEC §10): logging in with it (3-2), renewing it near
// expiry (2-1 ≪有効期限切れ間近≫) and revoking a lost one. Login checks belong to the engine, not to the
// simulated browser's certificate store: the store only holds what the person imported.
import { base64Encode } from '../pki/pem';
import type { Text } from '../spec/types';
import { publishCrl } from './ca/authority';
import type { TxContext } from './context';
import type { DownloadResult } from './downloads';
import { createToken } from './issue/common';
import { issueOperatorCertificate } from './issue/operator';
import { generatePin } from './issue/pin';
import { recipients, sendMail } from './notify/mailer';
import { operatorRenewal } from './notify/templates';
import type { ReadonlyRaState } from './state';
import type { OperatorCertificate } from './types';

export type LoginRefusal = 'revoked' | 'expired' | 'personal' | 'unknown';

export type LoginResult =
  | { ok: true; certificate: OperatorCertificate; institutionId: string }
  | { ok: false; reason: LoginRefusal; message: Text };

/** Screen text of the failure (the manual shows the screen only as a picture; this is its gist). */
export const LOGIN_FAILURES: Record<LoginRefusal, Text> = {
  revoked: { ja: 'クライアント認証に失敗しました。選択された証明書は失効しています。', en: 'Client authentication failed: the selected certificate has been revoked.' },
  expired: { ja: 'クライアント認証に失敗しました。選択された証明書は有効期限が切れています。', en: 'Client authentication failed: the selected certificate has expired.' },
  personal: {
    ja: 'クライアント認証に失敗しました。選択された証明書には本システムへのアクセス権限がありません。',
    en: 'Client authentication failed: the selected certificate has no access to this system.',
  },
  unknown: { ja: 'クライアント認証に失敗しました。証明書が無効です。', en: 'Client authentication failed: the certificate is not valid.' },
};

/** Judge a certificate the browser presented: one of ours with L=Academe-ops, unrevoked and in its validity period. */
export function judgeLogin(state: ReadonlyRaState, certificateDer: Uint8Array, now: Date): LoginResult {
  const b64 = base64Encode(certificateDer);
  const cert = [...state.operatorCertificates.values()].find((c) => c.certDerB64 === b64);
  const refuse = (reason: LoginRefusal): LoginResult => ({ ok: false, reason, message: LOGIN_FAILURES[reason] });
  if (!cert) {
    // A 個人認証用証明書 from this simulator (a user's client certificate) has no access rights (001 §3-2).
    const personal = [...state.certificates.values()].some((c) => c.certDerB64 === b64);
    return refuse(personal ? 'personal' : 'unknown');
  }
  if (cert.revokedAt) return refuse('revoked');
  if (now < new Date(cert.notBefore) || now > new Date(cert.notAfter)) return refuse('expired');
  return { ok: true, certificate: cert, institutionId: cert.institutionId };
}

export function login(ctx: TxContext, certificateDer: Uint8Array, subject: string): LoginResult {
  const result = judgeLogin(ctx.state, certificateDer, ctx.now);
  if (result.ok) ctx.emit({ type: 'ra-login', serialHex: result.certificate.serialHex, subject: result.certificate.subject });
  else ctx.emit({ type: 'ra-login-refused', reason: result.reason, subject });
  return result;
}

export function logout(ctx: TxContext, serialHex: string): void {
  const cert = ctx.state.operatorCertificates.get(serialHex);
  ctx.emit({ type: 'ra-logout', serialHex, subject: cert?.subject ?? '' });
}

export type OperatorActionResult = { ok: true; token?: string } | { ok: false; message: Text };

const NOT_VALID: Text = { ja: '有効な登録担当者用証明書ではありません。', en: 'This is not a valid RA operator certificate.' };

/**
 * サービス窓口, after the phone call and the authentication with the current certificate: the renewal
 * mail (M11) with a URL that is opened by presenting that certificate. Any time while it is valid.
 */
export function startRenewal(ctx: TxContext, serialHex: string): OperatorActionResult {
  const cert = ctx.state.operatorCertificates.get(serialHex);
  const inst = cert && ctx.state.institutions.get(cert.institutionId);
  if (!cert || !inst || cert.revokedAt || ctx.now > new Date(cert.notAfter)) return { ok: false, message: NOT_VALID };
  const token = createToken(ctx, 'ra-operator', `operator:${inst.id}`, [], { renewsSerialHex: serialHex });
  sendMail(ctx, recipients(inst.ra.mail), operatorRenewal(ctx.url(token.token), cert.serialDecimal));
  return { ok: true, token: token.token };
}

export type RenewalResult = (DownloadResult & { ok: false }) | (DownloadResult & { ok: true; p12Pin: string });

/** At the renewal URL: the current certificate authenticates; the P12 PIN is made here and shown once. */
export async function renewAtUrl(ctx: TxContext, token: string, currentDer: Uint8Array): Promise<RenewalResult> {
  const t = ctx.state.tokens.get(token);
  const refuse = (ja: string, en: string, reason: 'unknown-token' | 'used' | 'expired' | 'wrong-pin'): RenewalResult => ({ ok: false, reason, message: { ja, en } });
  if (!t || t.purpose !== 'ra-operator' || !t.renewsSerialHex) return refuse('このURLは無効です。', 'This URL is not valid.', 'unknown-token');
  if (t.usedAt) return refuse('このURLはすでに使用されています（ワンタイムURL）。', 'This one-time URL has already been used.', 'used');
  if (new Date(t.expiresAt) < ctx.now) return refuse('このURLの有効期限（1ヶ月）が切れています。', 'This URL has expired (valid for one month).', 'expired');
  const judged = judgeLogin(ctx.state, currentDer, ctx.now);
  if (!judged.ok) return { ok: false, reason: 'wrong-pin', message: judged.message };
  if (judged.certificate.serialHex !== t.renewsSerialHex) {
    return refuse('この更新URLの対象の登録担当者用証明書を選択してください。', 'Choose the RA operator certificate this renewal URL is for.', 'wrong-pin');
  }
  const inst = ctx.state.institutions.get(judged.institutionId);
  if (!inst) return refuse('このURLは無効です。', 'This URL is not valid.', 'unknown-token');
  const p12Pin = generatePin();
  const { p12, certificate } = await issueOperatorCertificate(ctx, token, inst, p12Pin, t.renewsSerialHex);
  ctx.emit({ type: 'downloaded', token, applicationIds: [], serialsHex: [] });
  return { ok: true, fileName: `${certificate.serialDecimal}.p12`, contentType: 'application/x-pkcs12', bytes: p12, serialsHex: [certificate.serialHex], p12Pin };
}

/** サービス窓口 revokes a lost RA operator certificate: no more logins, and the CRL lists it at once. */
export async function revokeOperator(ctx: TxContext, serialHex: string): Promise<OperatorActionResult> {
  const cert = ctx.state.operatorCertificates.get(serialHex);
  if (!cert) return { ok: false, message: NOT_VALID };
  if (cert.revokedAt) return { ok: false, message: { ja: 'この登録担当者用証明書はすでに失効しています。', en: 'This RA operator certificate is already revoked.' } };
  ctx.emit({ type: 'operator-certificate-revoked', serialHex });
  await publishCrl(ctx, 'ra-operator');
  return { ok: true };
}
