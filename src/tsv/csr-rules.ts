// UPKI rules on a parsed CSR (SPEC §2.1, §3.2, §5 R-CSR; ADDENDUM B.9, B.14). Used by the validator (column 7)
// and by the key/CSR import page, so both show the same messages.
import { formatDnString, sameDn, type Rdn } from '../pki/dn';
import { toTsvOrder } from '../pki/subject-order';
import type { CsrInfo, CsrInspectResult, PublicKeyInfo } from '../pki/types';
import { CSR_DN_ORDER } from '../spec/dn-rules';
import { columnOf } from '../spec/kinds';
import { PROFILE_IDS, PROFILES, type Profile } from '../spec/profiles';
import type { KeySpec } from '../spec/types';
import { checkRdns } from './dn-check';
import { makeIssue, type Where } from './issue';
import type { Issue } from './types';
import { own } from '../spec/own';

// The CN-first reordering is a pki fact (pki/name.ts); re-exported so tsv's public API keeps its name.
export { toTsvOrder };

export interface CsrCheckOptions {
  /** Where to report (default: file level, column 7). */
  where?: Where;
  /**
   * Also check the subject's attributes against the server DN rules (C=JP, O characters, L rule, …). The
   * validator turns this off: it checks column 1 and then requires the CSR's DN to equal it.
   */
  subjectRules?: boolean;
}

const ACCEPTED_ALGORITHMS: ReadonlySet<string> = new Set(PROFILE_IDS.server.flatMap((id) => PROFILES[id].csrSignatureAlgorithms ?? []));

/** Column 7 of the server issue/renew formats: its limit is the one-line CSR's. */
const CSR_COLUMN = columnOf('server-issue', 'csr')!;

const DEFAULT_WHERE: Where = { seq: 0, column: CSR_COLUMN.no, field: 'csr' };

/** Every rule a server profile puts on a CSR. An unknown or client profile yields no issues. */
export function checkCsrForProfile(info: CsrInfo, profileId: string, options: CsrCheckOptions = {}): Issue[] {
  const profile: Profile | undefined = own(PROFILES, profileId);
  if (!profile || profile.family !== 'server') return [];
  const where = options.where ?? DEFAULT_WHERE;
  const issues: Issue[] = [];
  if (!keyMatches(profile.key, info.publicKey)) {
    issues.push(makeIssue('csrKey', where, { profile: profileId, expected: describeKeySpec(profile.key), actual: describeKey(info.publicKey) }));
  }
  const allowed = profile.csrSignatureAlgorithms ?? [];
  if (!allowed.includes(info.signatureAlgorithm)) {
    issues.push(makeIssue('csrSignatureAlgorithm', where, { alg: info.signatureAlgorithm, profile: profileId, allowed: allowed.join(', ') }));
  }
  return [...checkCsrCommon(info, options), ...issues];
}

/** The rules that hold whatever the profile: the self-signature (B.14) and the subject. */
export function checkCsrCommon(info: CsrInfo, options: CsrCheckOptions = {}): Issue[] {
  const where = options.where ?? DEFAULT_WHERE;
  const issues: Issue[] = [];
  // An algorithm we do not accept (e.g. RSA-PSS) cannot be verified either: U406 says what is wrong, not U404.
  if (!info.signatureValid && ACCEPTED_ALGORITHMS.has(info.signatureAlgorithm)) issues.push(makeIssue('csrSignature', where));
  issues.push(...checkCsrSubject(info, where, options.subjectRules ?? true));
  return issues;
}

/** Subject rules that do not depend on the profile: order, emailAddress, OU, unknown attributes, attribute values. */
export function checkCsrSubject(info: CsrInfo, where: Where = DEFAULT_WHERE, attributeRules = true): Issue[] {
  const issues: Issue[] = [];
  if (!csrOrderAccepted(info.subject)) issues.push(makeIssue('csrOrder', where, { actual: info.subject.map((r) => r.key).join(',') }));
  if (info.hasEmailAddress || info.subject.some((r) => r.key === 'E')) issues.push(makeIssue('csrEmail', where));
  if (info.subject.some((r) => r.key === 'OU')) issues.push(makeIssue('csrOu', where));
  if (info.unknownSubjectAttributes.length > 0) {
    issues.push(makeIssue('csrUnknownAttribute', where, { oids: info.unknownSubjectAttributes.join(', ') }));
  }
  if (attributeRules) {
    const named = toTsvOrder(info.subject).filter((r) => r.key !== 'E' && r.key !== 'OU');
    issues.push(...checkRdns('server', named, where, { fromCsr: true }));
    const notPrintable = notPrintableIssue(info, where);
    if (notPrintable) issues.push(notPrintable);
  }
  return issues;
}

/**
 * U414 (warning) when a subject value is not a PrintableString (OpenSSL's default string_mask writes UTF8String).
 * emailAddress is IA5String by definition (already U408). Only on the import page (attributeRules): the validator
 * compares the CSR's DN with column 1 by value, and the RA accepts either encoding.
 */
function notPrintableIssue(info: CsrInfo, where: Where): Issue | undefined {
  const odd = info.subject
    .map((rdn, i) => ({ key: rdn.key, type: info.stringTypes[i] }))
    .filter((r) => r.key !== 'E' && r.type !== undefined && r.type !== 'PrintableString');
  if (odd.length === 0) return undefined;
  const attrs = odd.map((r) => r.key).join(', ');
  return makeIssue('csrStringType', where, { attrs, types: odd.map((r) => `${r.key}: ${r.type}`).join(', ') });
}

/** Server profiles whose key and CSR signature algorithm this CSR satisfies ("which profile fits"). */
export function fitProfiles(info: CsrInfo): string[] {
  return PROFILE_IDS.server.filter((id) => {
    const p = PROFILES[id];
    return keyMatches(p.key, info.publicKey) && (p.csrSignatureAlgorithms ?? []).includes(info.signatureAlgorithm);
  });
}

/**
 * C → ST → L → O → (OU) → CN, or exactly the reverse (SPEC §3.2). Attributes may be absent (their absence is
 * a separate rule); the ones present must keep this relative order. E is ignored here (reported as U408).
 */
export function csrOrderAccepted(subject: readonly Rdn[]): boolean {
  const ranks = subject.map((r) => CSR_DN_ORDER.indexOf(r.key)).filter((rank) => rank >= 0);
  const forward = ranks.every((rank, i) => i === 0 || rank > ranks[i - 1] || (rank === ranks[i - 1] && CSR_DN_ORDER[rank] === 'OU'));
  const backward = ranks.every((rank, i) => i === 0 || rank < ranks[i - 1] || (rank === ranks[i - 1] && CSR_DN_ORDER[rank] === 'OU'));
  return forward || backward;
}

/** The CSR's DN must equal TSV column 1 (「CSRに記述されたDNと異なる場合はエラー」), compared as ordered lists. */
export function compareCsrDn(csrSubject: readonly Rdn[], tsvRdns: readonly Rdn[], where: Where = { seq: 0, column: 1, field: 'dn' }): Issue[] {
  const csr = toTsvOrder(csrSubject);
  if (sameDn(csr, tsvRdns)) return [];
  return [makeIssue('csrDnMismatch', where, { csr: formatDnString(csr), tsv: formatDnString(tsvRdns) })];
}

/** The issue for a CSR that could not be read at all. */
export function csrFailureIssue(result: Extract<CsrInspectResult, { ok: false }>, where: Where = DEFAULT_WHERE): Issue {
  switch (result.code) {
    case 'armour':
      return makeIssue('csrArmour', where);
    case 'base64':
      return makeIssue('csrBase64', where, { detail: result.message });
    case 'too-large':
      return makeIssue('tooLong', where, { name: CSR_COLUMN.name, max: CSR_COLUMN.maxLength, actual: `${CSR_COLUMN.maxLength}+` });
    default:
      return makeIssue('csrDer', where, { detail: result.message });
  }
}

function keyMatches(spec: KeySpec, key: PublicKeyInfo): boolean {
  if (spec.algorithm === 'RSA') return key.algorithm === 'RSA' && key.bits === spec.bits;
  return key.algorithm === 'EC' && key.curve === spec.curve;
}

function describeKeySpec(spec: KeySpec): string {
  return spec.algorithm === 'RSA' ? `RSA ${spec.bits}bit` : `ECDSA ${spec.curve}`;
}

export function describeKey(key: PublicKeyInfo): string {
  if (key.algorithm === 'RSA') return `RSA ${key.bits}bit`;
  if (key.algorithm === 'EC') return `ECDSA ${key.curve}`;
  return `OID ${key.oid}`;
}

/** dNSNames requested in the CSR that the certificate will not carry (only column 13 and the FQDN are used). */
export function ignoredSanNames(info: CsrInfo, fqdn: string, dnsHosts: readonly string[]): string[] {
  const used = new Set([fqdn, ...dnsHosts].map((h) => h.toLowerCase()));
  return info.sanDnsNames.filter((n) => !used.has(n.toLowerCase()));
}
