// Step 2 of an upload: the RA's own checks, after the validator (tsv/) found a record well formed.
// They need what only the RA knows: the institution's registered values and the issued certificates.
import type { FieldKey } from '../spec/types';
import { sameDn, type Rdn } from '../pki/dn';
import { isUnderDomain } from './institutions';
import { registeredErrors } from './registered';
import { RA_MESSAGES, type RaMessage } from './messages';
import { Row, rdnValue } from './row';
import { isCertificateValid, type ReadonlyRaState } from './state';
import { dnKey, dnKeyOf, dnOf } from './dn-key';
import { jstDate } from './clock';
import type { CertificateRecord, DomainFault, Institution, RaError } from './types';

export function raError(row: Row, field: FieldKey, msg: RaMessage): RaError {
  return { column: row.column(field), columnName: row.columnName(field), code: msg.code, message: msg.message };
}

export { dnKey } from './dn-key';

/** A certificate valid at `now` holds this DN key (looked up in the projection's index, not scanned). */
export function certificateHoldsDnKey(state: ReadonlyRaState, now: Date, key: string): boolean {
  for (const serial of state.index.certificatesByDnKey.get(key) ?? []) {
    const cert = state.certificates.get(serial);
    if (cert && isCertificateValid(cert, now)) return true;
  }
  return false;
}

/**
 * DN keys of applications still waiting for their certificate: a client-certificate URL not used and not expired,
 * no certificate yet, not a renewal (a renewal's DN is held by the certificate it renews).
 */
export function waitingDnKeys(state: ReadonlyRaState, now: Date): Set<string> {
  const keys = new Set<string>();
  for (const [token, applicationIds] of state.index.openClientTokens) {
    const t = state.tokens.get(token);
    if (!t || t.usedAt || new Date(t.expiresAt) <= now) continue;
    for (const id of applicationIds) {
      const app = state.applications.get(id);
      if (app && !app.renewsSerialHex && !state.certificateByApplication.has(id)) keys.add(dnKeyOf(app.family, app.dn));
    }
  }
  return keys;
}

/** DN keys that already hold a valid certificate or an application still waiting for one (212). */
export function dnKeyOccupied(state: ReadonlyRaState, now: Date, file: FileCheckState, key: string): boolean {
  return file.occupied.has(key) || certificateHoldsDnKey(state, now, key);
}

/**
 * Issue and renew need an active institution with a current approval. Revocation needs neither: a key
 * compromise must be revocable whatever the institution's standing (RFC 5280 §3.3; docs/ra-engine.md).
 */
function institutionErrors(row: Row, inst: Institution, now: Date): RaError[] {
  if (row.action === 'revoke') return [];
  if (!inst.active) return [raError(row, 'dn', RA_MESSAGES.institutionInactive)];
  if (jstDate(now) > inst.approvalExpires) return [raError(row, 'dn', RA_MESSAGES.approvalExpired)];
  return [];
}

/**
 * 241, R101–R103: the shared check (registered.ts), as RA errors of this row. A domain the trainer "removed" is no
 * longer registered (the CA withdrew it); when a server's domains pass, the CA's WHOIS question may fail as the
 * trainer chose (SPEC §7.2).
 */
function registeredValueErrors(row: Row, inst: Institution): RaError[] {
  const faults = inst.domainFaults ?? {};
  const domains = inst.domains.filter((d) => faults[d] !== 'removed');
  const input = { kind: row.kind, dn: row.dn(), dnsNames: row.dnsNames(), profile: row.get('profile') };
  const errors = registeredErrors(input, { ...inst, domains }).map((e) => raError(row, e.field, e.message));
  if (row.family === 'server' && row.action !== 'revoke' && !errors.some((e) => e.code === RA_MESSAGES.domainNotAllowed.code)) {
    errors.push(...whoisErrors(row, rdnValue(row.dn(), 'CN') ?? '', domains, faults));
  }
  return errors;
}

/** The CA asks WHOIS about a server's domain at issuance (SPEC §7.2); the trainer decides what it answers. */
const WHOIS_FAULT_MESSAGES = {
  'whois-connection': RA_MESSAGES.whoisConnection,
  'whois-mismatch': RA_MESSAGES.whoisMismatch,
} as const;

function whoisErrors(row: Row, cn: string, domains: string[], faults: Record<string, DomainFault>): RaError[] {
  const domain = domains.find((d) => isUnderDomain(cn, [d]));
  const fault = domain ? faults[domain] : undefined;
  return fault && fault !== 'removed' ? [raError(row, 'dn', WHOIS_FAULT_MESSAGES[fault])] : [];
}

/** Renew and revoke name an existing certificate by serial: it must be this institution's, with this DN. */
function targetErrors(row: Row, rdns: Rdn[], inst: Institution, state: ReadonlyRaState): { errors: RaError[]; target?: CertificateRecord } {
  const hex = row.serialHex();
  const cert = hex ? state.certificates.get(hex) : undefined;
  if (!cert || cert.family !== row.family) return { errors: [raError(row, 'serial', RA_MESSAGES.serialNotFound)] };
  if (cert.institutionId !== inst.id) return { errors: [raError(row, 'serial', RA_MESSAGES.serialOtherInstitution)] };
  if (!sameDn(dnOf(cert.dn), rdns)) return { errors: [raError(row, 'dn', RA_MESSAGES.dnNotCertificates)], target: cert };
  if (row.action === 'revoke' && cert.revokedAt) return { errors: [raError(row, 'serial', RA_MESSAGES.alreadyRevoked)], target: cert };
  if (row.action === 'renew' && cert.renewedBySerialHex) return { errors: [raError(row, 'serial', RA_MESSAGES.alreadyRenewed)], target: cert };
  return { errors: [], target: cert };
}

/** What the checks remember across the rows of one file. */
export interface FileCheckState {
  /** Keys taken by waiting applications and by this file's earlier rows; valid certificates are looked up. */
  occupied: Set<string>;
  serialsSeen: Set<string>;
}

export function newFileCheckState(state: ReadonlyRaState, now: Date): FileCheckState {
  return { occupied: waitingDnKeys(state, now), serialsSeen: new Set() };
}

export interface RowCheck {
  errors: RaError[];
  target?: CertificateRecord;
}

/** The RA checks of one record that the validator passed. `csrSpkiSha256` is the new key of a server renewal. */
export function checkRow(
  row: Row,
  inst: Institution,
  state: ReadonlyRaState,
  now: Date,
  file: FileCheckState,
  csrSpkiSha256?: string,
): RowCheck {
  const blocking = institutionErrors(row, inst, now);
  if (blocking.length) return { errors: blocking };
  const rdns = row.dn();
  const errors = registeredValueErrors(row, inst);
  if (row.action === 'issue') {
    const key = dnKey(row.family, rdns);
    if (dnKeyOccupied(state, now, file, key)) errors.push(raError(row, 'dn', RA_MESSAGES.dnExists));
    else if (errors.length === 0) file.occupied.add(key);
    return { errors };
  }
  const hex = row.serialHex();
  if (hex && file.serialsSeen.has(hex)) return { errors: [...errors, raError(row, 'serial', RA_MESSAGES.serialTwice)] };
  if (hex) file.serialsSeen.add(hex);
  const target = targetErrors(row, rdns, inst, state);
  errors.push(...target.errors);
  if (row.action === 'renew' && csrSpkiSha256 && target.target && keyUsedBefore(csrSpkiSha256, target.target, state)) {
    errors.push(raError(row, 'csr', RA_MESSAGES.keyReused));
  }
  return { errors, target: target.target };
}

/** 「以前使用した鍵ペアの再利用はできません。」: the old certificate's key, or any key this DN has had. */
function keyUsedBefore(spkiSha256: string, old: CertificateRecord, state: ReadonlyRaState): boolean {
  return keyUsedByDnKey(state, spkiSha256, old.serialHex, dnKeyOf(old.family, old.dn));
}

/** A certificate with this key that is `serialHex` itself or has DN key `key`: the DN key's few certificates, not a scan. */
export function keyUsedByDnKey(state: ReadonlyRaState, spkiSha256: string, serialHex: string, key: string): boolean {
  if (state.certificates.get(serialHex)?.spkiSha256 === spkiSha256) return true;
  for (const serial of state.index.certificatesByDnKey.get(key) ?? []) {
    if (state.certificates.get(serial)?.spkiSha256 === spkiSha256) return true;
  }
  return false;
}
