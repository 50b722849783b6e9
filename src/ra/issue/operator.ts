// The 登録担当者用証明書 (SPEC §10, new/lost flow): the サービス窓口 registers the RA operator → the
// system mails the 証明書取得URL (M10) → the RA obtains the access PIN from the desk (a PDF in reality;
// here the trainer is handed it) → at the URL, with the PIN, the certificate is issued and downloaded as
// a P12 protected by that PIN (SPEC §12.32 leaves the P12 password open). Subject: C=JP, O, L=Academe-ops
// (fixed, SPEC §10.4), CN = the romanized RA name. Validity 25 months (not stated anywhere; ours).
import { issueCertificate } from '../../pki/certificate-builder';
import { buildPkcs12 } from '../../pki/pkcs12';
import { base64Encode } from '../../pki/pem';
import type { Rdn } from '../../pki/dn';
import { chainOf, signingCa } from '../ca/authority';
import { backdated, inclusiveNotAfter } from '../../pki/validity';
import { addMonthsJst } from '../clock';
import type { TxContext } from '../context';
import { recipients, sendMail } from '../notify/mailer';
import { operatorRegistered } from '../notify/templates';
import { serialHexToDecimal } from '../row';
import type { Institution, OperatorCertificate } from '../types';
import { createToken } from './common';
import { CLIENT_KEY_PARAMS } from './client';
import { generatePin, sha256Hex } from './pin';

export const OPERATOR_VALIDITY_MONTHS = 25;
export const OPERATOR_LOCALITY = 'Academe-ops';

export function operatorSubject(inst: Institution): Rdn[] {
  const cn = inst.ra.nameEn || inst.ra.mail.split('@')[0];
  return [
    { key: 'C', value: 'JP' },
    { key: 'O', value: inst.o },
    { key: 'L', value: OPERATOR_LOCALITY },
    { key: 'CN', value: cn },
  ];
}

/** The desk registers the RA operator: a URL by mail, and the PIN handed over separately (returned). */
export async function registerOperator(ctx: TxContext, inst: Institution): Promise<{ token: string; pin: string }> {
  const pin = generatePin();
  const token = createToken(ctx, 'ra-operator', `operator:${inst.id}`, [], { pinSha256: await sha256Hex(pin) });
  sendMail(ctx, recipients(inst.ra.mail), operatorRegistered(ctx.url(token.token)));
  return { token: token.token, pin };
}

/** At the URL with the right PIN: key, certificate and P12 are made; the P12 is returned. */
export async function issueOperatorCertificate(
  ctx: TxContext,
  token: string,
  inst: Institution,
  pin: string,
  renewsSerialHex?: string,
): Promise<{ p12: Uint8Array; certificate: OperatorCertificate }> {
  const keys = await globalThis.crypto.subtle.generateKey(CLIENT_KEY_PARAMS, true, ['sign', 'verify']);
  const serialHex = ctx.allocateSerial('client');
  const subject = operatorSubject(inst);
  const notBefore = backdated(ctx.now);
  const notAfter = inclusiveNotAfter(addMonthsJst(notBefore, OPERATOR_VALIDITY_MONTHS));
  const der = await issueCertificate({
    ...(await signingCa(ctx, 'ra-operator')),
    subject,
    publicKey: keys.publicKey,
    serialHex,
    notBefore,
    notAfter,
    profile: 'ra-operator',
    emails: [inst.ra.mail],
  });
  const p12 = await buildPkcs12({
    privateKey: keys.privateKey,
    certificate: der,
    chain: chainOf(ctx, 'ra-operator'),
    password: pin,
    format: 'modern',
    friendlyName: subject[subject.length - 1].value,
  });
  const certificate: OperatorCertificate = {
    serialHex,
    serialDecimal: serialHexToDecimal(serialHex),
    institutionId: inst.id,
    subject: [...subject].reverse().map((r) => `${r.key}=${r.value}`).join(','),
    certDerB64: base64Encode(der),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    issuedAt: ctx.at,
    fileId: ctx.putFile(`operator/${serialHex}.p12`, p12),
    token,
    ...(renewsSerialHex ? { renewsSerialHex } : {}),
  };
  ctx.emit({ type: 'operator-certificate-issued', certificate });
  return { p12, certificate };
}
