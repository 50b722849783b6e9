// The CAs at work inside a transaction: their issuer material, chains and CRL publication.
import { buildCrl, type CrlEntry } from '../../pki/crl';
import { repositoryOf } from '../../pki/ca-profiles';
import { backdated } from '../../pki/validity';
import { base64Decode } from '../../pki/pem';
import type { CertificateIssuer } from '../../pki/certificate-builder';
import { addDays } from '../clock';
import type { TxContext } from '../context';
import type { CaRole } from '../types';

/** CRLs promise their next issue one week ahead; a revocation publishes a new one at once. */
export const CRL_NEXT_UPDATE_DAYS = 7;

export const ISSUING_CAS: readonly CaRole[] = ['server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator'];

/**
 * Every CA that publishes a CRL: the issuing CAs and the root, whose CRL (an ARL, listing revoked issuing
 * CAs — normally none) lets nginx/Apache check the whole chain (`ssl_crl` checks every level).
 */
export const CRL_CAS: readonly CaRole[] = ['root', ...ISSUING_CAS];

export function caCertificate(ctx: Pick<TxContext, 'state'>, ca: CaRole): Uint8Array {
  const record = ctx.state.cas.get(ca);
  const der = record && base64Decode(record.certDerB64);
  if (!der) throw new Error(`CA ${ca} is missing from the state`);
  return der;
}

export async function caIssuer(ctx: TxContext, ca: CaRole): Promise<CertificateIssuer> {
  return { certificate: caCertificate(ctx, ca), privateKey: await ctx.keyring.signingKey(ctx.tx, ca) };
}

/** What `issueCertificate` needs from a CA that signs an end-entity certificate: the issuer and its repository URLs (AIA, CDP). */
export async function signingCa(ctx: TxContext, ca: CaRole): Promise<{ issuer: CertificateIssuer; crlUrl: string; caIssuersUrl: string }> {
  return { issuer: await caIssuer(ctx, ca), ...repositoryOf(ca) };
}

/** Issuing CA first, then the root (what a P12 and a server chain file carry). */
export function chainOf(ctx: Pick<TxContext, 'state'>, ca: CaRole): Uint8Array[] {
  return ca === 'root' ? [caCertificate(ctx, 'root')] : [caCertificate(ctx, ca), caCertificate(ctx, 'root')];
}

export function crlFileId(ca: CaRole, number: number): string {
  return `crl/${ca}-${number}.crl`;
}

/** Sign and record a new CRL for `ca` listing every certificate it issued that is revoked (thisUpdate backdated, pki/validity.ts). */
export async function publishCrl(ctx: TxContext, ca: CaRole): Promise<void> {
  // From the index of revoked serials (10 000 of 100 000 in the bench), not a walk of every certificate.
  const entries: CrlEntry[] = [];
  for (const [serial, caId] of ctx.state.index.revokedSerials) {
    const c = caId === ca ? ctx.state.certificates.get(serial) : undefined;
    if (c?.revokedAt) entries.push({ serialHex: c.serialHex, revokedAt: new Date(c.revokedAt), reason: c.revocationReason ?? 0 });
  }
  // RA operator certificates live apart from the TSV certificates; a lost one (reason 1 keyCompromise
  // would be a guess, so 0: no reasonCode, as for every unspecified reason) is listed on its CA's CRL.
  if (ca === 'ra-operator') {
    for (const c of ctx.state.operatorCertificates.values()) {
      if (c.revokedAt) entries.push({ serialHex: c.serialHex, revokedAt: new Date(c.revokedAt), reason: 0 });
    }
  }
  const number = (ctx.state.crls.get(ca)?.number ?? 0) + 1;
  const nextUpdate = addDays(ctx.now, CRL_NEXT_UPDATE_DAYS);
  const issuer = await caIssuer(ctx, ca);
  const der = await buildCrl({
    issuerCertificate: issuer.certificate,
    issuerKey: issuer.privateKey,
    entries,
    thisUpdate: backdated(ctx.now),
    nextUpdate,
    crlNumber: BigInt(number),
  });
  const fileId = ctx.putFile(crlFileId(ca, number), der);
  ctx.emit({ type: 'crl-published', caId: ca, number, thisUpdate: ctx.at, nextUpdate: nextUpdate.toISOString(), fileId });
}
