// Pieces shared by server and client issuance.
import { computeNotAfter } from '../../spec/profiles';
import { issueCertificate } from '../../pki/certificate-builder';
import { UPKI_PROFILE_ISSUER, type CertProfile } from '../../pki/ca-profiles';
import { base64Encode } from '../../pki/pem';
import type { Rdn } from '../../pki/dn';
import { spkiSha256 } from '../../pki/spki';
import { addMonthsJst } from '../clock';
import { signingCa } from '../ca/authority';
import { backdated, inclusiveNotAfter } from '../../pki/validity';
import type { TxContext } from '../context';
import { serialHexToDecimal } from '../row';
import type { Application, CertificateRecord, DownloadToken, TokenPurpose } from '../types';
import { own } from '../../spec/own';

/** One-time URLs are valid for one month from sending (SPEC §8). */
export const URL_VALIDITY_MONTHS = 1;

export interface IssueInput {
  app: Application;
  /** DER order (C first), or CN only for S/MIME. */
  subject: Rdn[];
  spki: Uint8Array;
  dnsNames?: string[];
  emails?: string[];
}

export function issuerOf(profile: string): { ca: CertificateRecord['caId']; profile: CertProfile } {
  const issuer = own(UPKI_PROFILE_ISSUER, profile);
  if (!issuer) throw new Error(`unknown profile ${profile}`);
  return issuer;
}

/** Sign a certificate for the application with a freshly drawn serial and record it (`issued`). */
export async function issueForApplication(ctx: TxContext, input: IssueInput): Promise<CertificateRecord> {
  const { ca, profile } = issuerOf(input.app.profile);
  const serialHex = ctx.allocateSerial(input.app.family);
  // Backdated, and the period counted inclusively from notBefore (pki/validity.ts).
  const notBefore = backdated(ctx.now);
  const periodEnd = computeNotAfter(input.app.profile, notBefore);
  if (!periodEnd) throw new Error(`no validity rule for profile ${input.app.profile}`);
  const notAfter = inclusiveNotAfter(periodEnd);
  const der = await issueCertificate({
    ...(await signingCa(ctx, ca)),
    subject: input.subject,
    publicKey: input.spki,
    serialHex,
    notBefore,
    notAfter,
    profile,
    dnsNames: input.dnsNames,
    emails: input.emails,
  });
  const certificate: CertificateRecord = {
    serialHex,
    serialDecimal: serialHexToDecimal(serialHex),
    applicationId: input.app.id,
    family: input.app.family,
    profile: input.app.profile,
    caId: ca,
    institutionId: input.app.institutionId,
    dn: input.app.dn,
    certDerB64: base64Encode(der),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    spkiSha256: await spkiSha256(input.spki),
    issuedAt: ctx.at,
  };
  ctx.emit({ type: 'issued', certificate });
  return certificate;
}

export function createToken(
  ctx: TxContext,
  purpose: TokenPurpose,
  uploadId: string,
  applicationIds: string[],
  extra: Partial<Pick<DownloadToken, 'requiresToken' | 'fileIds' | 'pinSha256' | 'renewsSerialHex'>> = {},
): DownloadToken {
  const token: DownloadToken = {
    token: ctx.newToken(),
    purpose,
    uploadId,
    applicationIds,
    createdAt: ctx.at,
    expiresAt: addMonthsJst(ctx.now, URL_VALIDITY_MONTHS).toISOString(),
    fileIds: extra.fileIds ?? [],
    requiresToken: extra.requiresToken,
    pinSha256: extra.pinSha256,
    ...(extra.renewsSerialHex ? { renewsSerialHex: extra.renewsSerialHex } : {}),
  };
  ctx.emit({ type: 'token-created', token });
  return token;
}
