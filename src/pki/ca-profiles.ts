// Certificate profiles of the simulated (training) CA, as data. The builder reads these rows;
// a new profile is a new row here, not a new branch in certificate-builder.ts.
//
// | profile     | basicConstraints (critical) | keyUsage (critical)                         | extKeyUsage              | subjectAltName        | SKI | AKI | AIA caIssuers, CDP | certificatePolicies |
// |-------------|-----------------------------|---------------------------------------------|--------------------------|-----------------------|-----|-----|--------------------|---------------------|
// | root-ca     | cA=TRUE, pathLen 1          | keyCertSign, cRLSign                        | —                        | —                     | yes | no  | —                  | —                   |
// | issuing-ca  | cA=TRUE, pathLen 0          | keyCertSign, cRLSign                        | per CA (TRAINING_CAS)    | —                     | yes | yes | root's             | what the CA issues  |
// | server      | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | serverAuth               | dNSName (≥1 required) | yes | yes | issuing CA's       | training server     |
// | client-auth | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | clientAuth               | rfc822Name if given   | yes | yes | issuing CA's       | training client     |
// | smime       | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | emailProtection          | rfc822Name (required) | yes | yes | issuing CA's       | training S/MIME     |
// | ra-operator | cA=FALSE                    | digitalSignature (+keyEncipherment if RSA)  | clientAuth               | rfc822Name if given   | yes | yes | issuing CA's       | training RA op.     |
//
// certificatePolicies: OIDs under a training arc of our own (TRAINING_POLICY_ARC, a UUID OID under
// 2.25, which anyone may mint without registration, ITU-T X.667). Borrowing NII's or the CA/B Forum's
// policy OIDs would claim a CP/CPS and a compliance the simulator does not have (docs/ca-profile.md).
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
  /** certificatePolicies OIDs (non-critical); empty = no extension. Issuing CAs take those of what they issue. */
  policies: string[];
}

/**
 * The training policy arc: 2.25.<UUID as an integer> (X.667), drawn once for this project. Sub-arcs:
 * .1 server, .2 client authentication, .3 S/MIME, .4 RA operator. Nothing outside the simulator knows them.
 */
export const TRAINING_POLICY_ARC = '2.25.6532093304910340162613057054859102759';

export const TRAINING_POLICIES = {
  server: `${TRAINING_POLICY_ARC}.1`,
  'client-auth': `${TRAINING_POLICY_ARC}.2`,
  smime: `${TRAINING_POLICY_ARC}.3`,
  'ra-operator': `${TRAINING_POLICY_ARC}.4`,
} as const;

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
    policies: [],
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
    policies: [], // per CA: TRAINING_CAS[id].issues → TRAINING_POLICIES (caPolicies below)
  },
  server: { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['serverAuth'], san: { dns: 'required', email: 'none' }, policies: [TRAINING_POLICIES.server] },
  'client-auth': { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['clientAuth'], san: { dns: 'none', email: 'optional' }, policies: [TRAINING_POLICIES['client-auth']] },
  smime: { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['emailProtection'], san: { dns: 'none', email: 'required' }, subjectCnOnly: true, policies: [TRAINING_POLICIES.smime] },
  'ra-operator': { ...END_ENTITY, keyUsage: [...END_ENTITY.keyUsage], keyUsageIfRsa: [...END_ENTITY.keyUsageIfRsa], extKeyUsage: ['clientAuth'], san: { dns: 'none', email: 'optional' }, policies: [TRAINING_POLICIES['ra-operator']] },
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
  issues?: 'server' | 'client-auth' | 'smime' | 'ra-operator';
  /**
   * extendedKeyUsage of an issuing CA's own certificate, as NII's intermediates carry one (NII Open Domain
   * CA - G7 RSA/ECC: serverAuth + clientAuth; SECOM Passport for Member PUB CA8: clientAuth + emailProtection).
   */
  extKeyUsage?: ExtKeyUsageName[];
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
  'server-rsa': {
    id: 'server-rsa',
    subject: trainingName('UPKI Workbench Training Server CA RSA'),
    key: RSA_CA_KEY,
    validityYears: 10,
    issues: 'server',
    extKeyUsage: ['serverAuth', 'clientAuth'],
  },
  'server-ecc': {
    id: 'server-ecc',
    subject: trainingName('UPKI Workbench Training Server CA ECC'),
    key: { algorithm: 'EC', curve: 'P-384', hash: 'SHA-384' },
    validityYears: 10,
    issues: 'server',
    extKeyUsage: ['serverAuth', 'clientAuth'],
  },
  'client-auth': {
    id: 'client-auth',
    subject: trainingName('UPKI Workbench Training Client Auth CA'),
    key: RSA_CA_KEY,
    validityYears: 10,
    issues: 'client-auth',
    extKeyUsage: ['clientAuth'],
  },
  smime: { id: 'smime', subject: trainingName('UPKI Workbench Training S/MIME CA'), key: RSA_CA_KEY, validityYears: 10, issues: 'smime', extKeyUsage: ['emailProtection'] },
  'ra-operator': {
    id: 'ra-operator',
    subject: trainingName('UPKI Workbench Training RA Operator CA'),
    key: RSA_CA_KEY,
    validityYears: 10,
    issues: 'ra-operator',
    extKeyUsage: ['clientAuth'],
  },
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

// ---------------------------------------------------------------------------------------------
// The training repository. Certificates point at CRLs and CA certificates under a name reserved for
// documentation (RFC 2606/6761 `.example`: it never resolves in public DNS, yet a hosts-file entry or
// `curl --resolve` can aim it at a local web server). `ra export` writes each file at the URL's path,
// so the export directory can be served as the document root of that name.

export const TRAINING_REPOSITORY = 'http://upki-workbench.example';

/** Relative path (in the repository and in `ra export`) of a CA's latest CRL, DER. */
export function crlPath(ca: TrainingCaId): string {
  return `crl/${ca}.crl`;
}

/** Relative path of a CA's certificate, DER (what AIA caIssuers must serve, RFC 5280 §4.2.2.1). */
export function caCertPath(ca: TrainingCaId): string {
  return `ca/${ca}.cer`;
}

/** cRLDistributionPoints URL of the CRL that `ca` signs (the root's CRL is the ARL). */
export function trainingCrlUrl(ca: TrainingCaId): string {
  return `${TRAINING_REPOSITORY}/${crlPath(ca)}`;
}

/** authorityInfoAccess caIssuers URL of `ca`'s certificate. */
export function trainingCaIssuersUrl(ca: TrainingCaId): string {
  return `${TRAINING_REPOSITORY}/${caCertPath(ca)}`;
}

/** The repository extensions of a certificate that `issuer` signs: AIA caIssuers and CDP point at the issuer's files. OCSP is not simulated. */
export function repositoryOf(issuer: TrainingCaId): { crlUrl: string; caIssuersUrl: string } {
  return { crlUrl: trainingCrlUrl(issuer), caIssuersUrl: trainingCaIssuersUrl(issuer) };
}

/** certificatePolicies of an issuing CA's certificate: the policy of the profile it issues. */
export function caPolicies(ca: TrainingCaId): string[] {
  const issues = TRAINING_CAS[ca].issues;
  return issues ? [TRAINING_POLICIES[issues]] : [];
}
