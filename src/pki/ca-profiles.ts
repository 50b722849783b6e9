// Certificate profiles of the simulated (training) CA, as data. The builder reads these rows;
// a new profile is a new row here, not a new branch in certificate-builder.ts.
//
// | profile     | basicConstraints (critical) | keyUsage (critical)                         | extKeyUsage     | subjectAltName        | SKI | AKI |
// |-------------|-----------------------------|---------------------------------------------|-----------------|-----------------------|-----|-----|
// | root-ca     | cA=TRUE, pathLen 1          | keyCertSign, cRLSign                        | —               | —                     | yes | no  |
// | issuing-ca  | cA=TRUE, pathLen 0          | keyCertSign, cRLSign                        | —               | —                     | yes | yes |
// | server      | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | serverAuth      | dNSName (≥1 required) | yes | yes |
// | client-auth | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | clientAuth      | rfc822Name if given   | yes | yes |
// | smime       | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | emailProtection | rfc822Name (required) | yes | yes |
// | ra-operator | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | clientAuth      | rfc822Name if given   | yes | yes |
//
// No certificatePolicies: a training CA has no CP/CPS, and borrowing a real policy OID (e.g. the CA/B
// Forum's) would claim a compliance the simulator does not have.
import type { Rdn } from './dn';

export type CertProfile = 'root-ca' | 'issuing-ca' | 'server' | 'client-auth' | 'smime' | 'ra-operator';

export type KeyUsageName = 'digitalSignature' | 'keyEncipherment' | 'keyCertSign' | 'cRLSign';

export type ExtKeyUsageName = 'serverAuth' | 'clientAuth' | 'emailProtection';

export const EXT_KEY_USAGE_OIDS: Record<ExtKeyUsageName, string> = {
  serverAuth: '1.3.6.1.5.5.7.3.1',
  clientAuth: '1.3.6.1.5.5.7.3.2',
  emailProtection: '1.3.6.1.5.5.7.3.4',
};

export interface ProfileExtensions {
  ca: boolean;
  /** Only for CAs: how many CA certificates may follow this one in a path. */
  pathLength?: number;
  keyUsage: KeyUsageName[];
  /** Added when the subject key is RSA (key transport for TLS-RSA / S/MIME encryption). */
  keyUsageIfRsa: KeyUsageName[];
  extKeyUsage: ExtKeyUsageName[];
  /** Which SAN entries the profile carries, and whether at least one is required. */
  san: { dns: 'required' | 'none'; email: 'required' | 'optional' | 'none' };
  authorityKeyIdentifier: boolean;
  /** S/MIME (SPEC §3.4): subject is CN only. The builder refuses other RDNs for such profiles. */
  subjectCnOnly: boolean;
}

const END_ENTITY = {
  ca: false,
  keyUsage: ['digitalSignature'],
  keyUsageIfRsa: ['keyEncipherment'],
  authorityKeyIdentifier: true,
  subjectCnOnly: false,
} as const satisfies Partial<ProfileExtensions>;

export const PROFILE_EXTENSIONS: Record<CertProfile, ProfileExtensions> = {
  'root-ca': {
    ca: true,
    pathLength: 1,
    keyUsage: ['keyCertSign', 'cRLSign'],
    keyUsageIfRsa: [],
    extKeyUsage: [],
    san: { dns: 'none', email: 'none' },
    // RFC 5280 §4.2.1.1: MAY be omitted in a self-signed certificate.
    authorityKeyIdentifier: false,
    subjectCnOnly: false,
  },
  'issuing-ca': {
    ca: true,
    pathLength: 0,
    keyUsage: ['keyCertSign', 'cRLSign'],
    keyUsageIfRsa: [],
    extKeyUsage: [],
    san: { dns: 'none', email: 'none' },
    authorityKeyIdentifier: true,
    subjectCnOnly: false,
  },
  server: { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['serverAuth'], san: { dns: 'required', email: 'none' } },
  'client-auth': { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['clientAuth'], san: { dns: 'none', email: 'optional' } },
  smime: { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['emailProtection'], san: { dns: 'none', email: 'required' }, subjectCnOnly: true },
  'ra-operator': { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['clientAuth'], san: { dns: 'none', email: 'optional' } },
};

// ---------------------------------------------------------------------------------------------
// The training CA hierarchy (SPEC §2.5 mirrored, with names that say plainly it is not a real CA).
// One RSA root signs every issuing CA, including the ECC one (its certificate is then signed
// sha256WithRSAEncryption; the ECC CA itself signs with ecdsa-with-SHA384). A separate ECC root
// would add a second trust anchor to install for no training value.

export type TrainingCaId = 'root' | 'server-rsa' | 'server-ecc' | 'client-auth' | 'smime' | 'ra-operator';

export type CaKeySpec = { algorithm: 'RSA'; bits: 2048 | 3072; hash: 'SHA-256' } | { algorithm: 'EC'; curve: 'P-384'; hash: 'SHA-384' };

export interface TrainingCaSpec {
  id: TrainingCaId;
  /** DER order (C first). */
  subject: Rdn[];
  key: CaKeySpec;
  validityYears: number;
  /** The end-entity profile this CA issues (undefined for the root, which issues only CAs). */
  issues?: CertProfile;
}

const TRAINING_O = 'UPKI Workbench (training only)';

function trainingName(cn: string): Rdn[] {
  return [
    { key: 'C', value: 'JP' },
    { key: 'O', value: TRAINING_O },
    { key: 'CN', value: `${cn} - NOT TRUSTED` },
  ];
}

const RSA_CA_KEY: CaKeySpec = { algorithm: 'RSA', bits: 2048, hash: 'SHA-256' };

export const TRAINING_CAS: Record<TrainingCaId, TrainingCaSpec> = {
  root: { id: 'root', subject: trainingName('UPKI Workbench Training Root CA'), key: RSA_CA_KEY, validityYears: 20 },
  'server-rsa': { id: 'server-rsa', subject: trainingName('UPKI Workbench Training Server CA RSA'), key: RSA_CA_KEY, validityYears: 10, issues: 'server' },
  'server-ecc': { id: 'server-ecc', subject: trainingName('UPKI Workbench Training Server CA ECC'), key: { algorithm: 'EC', curve: 'P-384', hash: 'SHA-384' }, validityYears: 10, issues: 'server' },
  'client-auth': { id: 'client-auth', subject: trainingName('UPKI Workbench Training Client Auth CA'), key: RSA_CA_KEY, validityYears: 10, issues: 'client-auth' },
  smime: { id: 'smime', subject: trainingName('UPKI Workbench Training S/MIME CA'), key: RSA_CA_KEY, validityYears: 10, issues: 'smime' },
  'ra-operator': { id: 'ra-operator', subject: trainingName('UPKI Workbench Training RA Operator CA'), key: RSA_CA_KEY, validityYears: 10, issues: 'ra-operator' },
};

/** UPKI profile ID (TSV column 2, SPEC §2.1/§2.2) → issuing CA and certificate profile. */
export const UPKI_PROFILE_ISSUER: Record<string, { ca: TrainingCaId; profile: CertProfile }> = {
  '3': { ca: 'server-rsa', profile: 'server' },
  '11': { ca: 'server-ecc', profile: 'server' },
  '5': { ca: 'client-auth', profile: 'client-auth' },
  '13': { ca: 'client-auth', profile: 'client-auth' },
  '14': { ca: 'client-auth', profile: 'client-auth' },
  '7': { ca: 'smime', profile: 'smime' },
  '15': { ca: 'smime', profile: 'smime' },
  '16': { ca: 'smime', profile: 'smime' },
};

/**
 * A CRL location that can never resolve (RFC 6761 reserves `.invalid`), for the optional
 * cRLDistributionPoints extension: the simulator serves CRLs as downloads, not over HTTP.
 */
export function trainingCrlUrl(ca: TrainingCaId): string {
  return `http://upki-workbench.invalid/crl/${ca}.crl`;
}
