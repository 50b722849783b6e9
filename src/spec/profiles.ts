// Certificate profiles, download methods, revocation reasons and file limits (SPEC §2, §4.3, §5; ADDENDUM B.4, B.11).
import type { Family, ProfileSpec, ProfileValidity, Text, ValidityRule } from './types';
import { addMonthsJst } from './jst';
import { own } from './own';

export type Profile = ProfileSpec & ProfileValidity;

const t = (ja: string, en: string): Text => ({ ja, en });

const RSA_CSR_ALGORITHMS = [
  'sha1WithRSAEncryption',
  'sha256WithRSAEncryption',
  'sha384WithRSAEncryption',
  'sha512WithRSAEncryption',
  'md5WithRSAEncryption',
] as const;
const ECDSA_CSR_ALGORITHMS = ['ecdsa-with-SHA256', 'ecdsa-with-SHA384'] as const;

// SPEC §2.1 leaves server validity open (§12.23). We follow the CA/Browser Forum Baseline Requirements
// (ballot SC-081) that bind NII's public server CA, so the simulator issues realistic periods.
const SERVER_VALIDITY: readonly ValidityRule[] = [
  { days: 397, source: 'derived', note: t('CA/Bフォーラム BR: 398日以内', 'CA/B Forum BR: at most 398 days') },
  { fromJst: '2026-03-15T00:00:00+09:00', days: 199, source: 'derived', note: t('BR SC-081: 200日以内', 'BR SC-081: at most 200 days') },
  { fromJst: '2027-03-15T00:00:00+09:00', days: 99, source: 'derived', note: t('BR SC-081: 100日以内', 'BR SC-081: at most 100 days') },
  { fromJst: '2029-03-15T00:00:00+09:00', days: 46, source: 'derived', note: t('BR SC-081: 47日以内', 'BR SC-081: at most 47 days') },
];

const months = (n: number, fromJst?: string): ValidityRule => ({ months: n, fromJst, source: 'manual' });

function server(id: '3' | '11', rsa: boolean): Profile {
  return {
    id,
    family: 'server',
    type: rsa ? 'server-rsa' : 'server-ecc',
    title: rsa
      ? t('サーバ証明書（sha256WithRSAEncryption）', 'Server certificate (sha256WithRSAEncryption)')
      : t('サーバ証明書（ecdsa-with-SHA384）', 'Server certificate (ecdsa-with-SHA384)'),
    key: rsa ? { algorithm: 'RSA', bits: 2048 } : { algorithm: 'EC', curve: 'P-384' },
    csrSignatureAlgorithms: rsa ? RSA_CSR_ALGORITHMS : ECDSA_CSR_ALGORITHMS,
    certSignatureAlgorithm: rsa ? 'sha256WithRSAEncryption' : 'ecdsa-with-SHA384',
    validity: SERVER_VALIDITY,
  };
}

function client(id: string, smime: boolean, validity: readonly ValidityRule[]): Profile {
  return {
    id,
    family: 'client',
    type: smime ? 'smime' : 'client-auth',
    title: smime
      ? t('S/MIME証明書（sha256WithRSAEncryption）', 'S/MIME certificate (sha256WithRSAEncryption)')
      : t('クライアント証明書（sha256WithRSAEncryption）', 'Client certificate (sha256WithRSAEncryption)'),
    // SPEC §12.23: the client key is not stated; RSA 2048 matches the sha256WithRSAEncryption profiles.
    key: { algorithm: 'RSA', bits: 2048 },
    certSignatureAlgorithm: 'sha256WithRSAEncryption',
    validity,
  };
}

export const PROFILES: Readonly<Record<string, Profile>> = {
  '3': server('3', true),
  '11': server('11', false),
  '5': client('5', false, [months(52), months(48, '2023-09-08T21:00:00+09:00')]),
  '7': client('7', true, [months(52), { days: 823, fromJst: '2022-03-22T00:00:00+09:00', source: 'manual' }]),
  '13': client('13', false, [months(13)]),
  '14': client('14', false, [months(25)]),
  '15': client('15', true, [months(13)]),
  '16': client('16', true, [months(25)]),
};

const idsOf = (family: Family) => Object.values(PROFILES).filter((p) => p.family === family).map((p) => p.id);

/** In numeric order (integer-like object keys enumerate ascending). */
export const PROFILE_IDS: Readonly<Record<Family, readonly string[]>> = {
  server: idsOf('server'),
  client: idsOf('client'),
};

/** S/MIME profiles: CN = 利用者mail, no access PIN, P12 name required unless method 2 (SPEC §3.4, ADDENDUM B.8). */
export const SMIME_PROFILE_IDS: readonly string[] = ['7', '15', '16'];

export function isSmimeProfile(id: string): boolean {
  return SMIME_PROFILE_IDS.includes(id);
}

export interface DownloadMethod {
  id: '1' | '2' | '3';
  name: Text;
  /** Whether an access PIN may be written in column 15 (ADDENDUM B.10). */
  pinAllowed: boolean;
}

export const DOWNLOAD_METHODS: Readonly<Record<'1' | '2' | '3', DownloadMethod>> = {
  '1': { id: '1', name: t('P12個別', 'Individual P12'), pinAllowed: false },
  '2': { id: '2', name: t('P12一括', 'Bulk P12'), pinAllowed: true },
  '3': { id: '3', name: t('ブラウザ個別', 'Individual browser issuance'), pinAllowed: false },
};

export interface RevocationReason {
  id: '0' | '1' | '3' | '4' | '5';
  name: Text;
  /** X.509 CRLReason (RFC 5280 §5.3.1). */
  reasonCode: number;
  /** The RFC 5280 name. */
  x509Name: string;
}

export const REVOCATION_REASONS: Readonly<Record<'0' | '1' | '3' | '4' | '5', RevocationReason>> = {
  '0': { id: '0', name: t('未定義', 'unspecified'), reasonCode: 0, x509Name: 'unspecified' },
  '1': { id: '1', name: t('鍵の危殆化', 'key compromise'), reasonCode: 1, x509Name: 'keyCompromise' },
  '3': { id: '3', name: t('主体DNの変更', 'affiliation changed'), reasonCode: 3, x509Name: 'affiliationChanged' },
  '4': { id: '4', name: t('証明書の更新または証明書記載内容の変更', 'superseded'), reasonCode: 4, x509Name: 'superseded' },
  '5': { id: '5', name: t('証明書の利用終了', 'cessation of operation'), reasonCode: 5, x509Name: 'cessationOfOperation' },
};

/** Numeric limits quoted from the manual (SPEC §4.3, §5) and ADDENDUM B. */
export const LIMITS = {
  maxRecords: 99,
  maxRecordsBulk: 1000,
  dnMaxLength: 250,
  csrMaxLength: 2048,
  mailMaxLength: 78,
  dnsNamesMaxEntries: 8,
  dnsNamesMaxLength: 250,
  pinMinLength: 6,
  pinMaxLength: 36,
  serialMaxLengthServer: 50,
  serialMaxLengthClient: 32,
  /** Files above this are refused before reading (ours): the largest real file (1000 rows × ~2.5 KB) is far below it. */
  maxFileBytes: 64 * 1024 * 1024,
} as const;

/** The validity rule that applies to a certificate of `profileId` issued at `issuedAt`. */
export function validityRuleFor(profileId: string, issuedAt: Date): ValidityRule | undefined {
  const profile = own(PROFILES, profileId);
  if (!profile) return undefined;
  let current: ValidityRule | undefined;
  for (const rule of profile.validity) {
    if (!rule.fromJst || Date.parse(rule.fromJst) <= issuedAt.getTime()) current = rule;
  }
  return current;
}

/**
 * notAfter of a certificate of `profileId` whose notBefore is `notBefore`: months are added on the JST calendar
 * (clamped to the month's last day), days as 24-hour periods. Undefined for an unknown profile.
 */
export function computeNotAfter(profileId: string, notBefore: Date): Date | undefined {
  const rule = validityRuleFor(profileId, notBefore);
  if (!rule) return undefined;
  if (rule.days !== undefined) return new Date(notBefore.getTime() + rule.days * 86_400_000);
  return addMonthsJst(notBefore, rule.months ?? 0);
}
