// The RA's checks of a record against the institution's registered values: O (241), ST (R103), L (R102) of the
// DN, and the FQDN/dNSName (server) or S/MIME mail domain under a registered domain (R101). Pure, so the same
// code judges uploads in the RA engine (check.ts) and files in the builder and validator against a profile.
import { parseDnString, type Rdn } from '../pki/dn';
import { columnOf, KINDS } from '../spec/kinds';
import { isSmimeProfile } from '../spec/profiles';
import type { FieldKey, KindId } from '../spec/types';
import { parseDnsNames } from '../tsv/columns';
import { isUnderDomain } from './institutions';
import { RA_MESSAGES, type RaMessage } from './messages';

/** What the institution registered (ra Institution, or a builder institution profile). */
export interface Registered {
  o: string;
  st: string;
  l: string;
  domains: readonly string[];
}

/** What the checks read from one record. */
export interface RegisteredInput {
  kind: KindId;
  dn: readonly Rdn[];
  dnsNames: readonly string[];
  profile: string;
}

export interface RegisteredError {
  field: FieldKey;
  message: RaMessage;
  /** Which registered value the record departs from (for "your profile says …"). */
  registered: 'o' | 'st' | 'l' | 'domains';
  /** The record's own value. */
  value: string;
}

const first = (rdns: readonly Rdn[], key: string) => rdns.find((r) => r.key === key)?.value;

/** A record's cells as the registered checks read them (DN parsed by pki/dn, column 13 by the validator's rule). */
export function registeredInput(kind: KindId, cells: readonly string[]): RegisteredInput {
  const get = (field: FieldKey) => {
    const column = columnOf(kind, field);
    return column ? (cells[column.no - 1] ?? '') : '';
  };
  const parsed = parseDnString(get('dn'));
  const sans = get('dnsNames');
  return { kind, dn: parsed.ok ? parsed.rdns : [], dnsNames: sans ? parseDnsNames(sans).hosts : [], profile: get('profile') };
}

export function registeredErrors(input: RegisteredInput, inst: Registered): RegisteredError[] {
  const errors: RegisteredError[] = [];
  const o = first(input.dn, 'O');
  if (o !== inst.o) errors.push({ field: 'dn', message: RA_MESSAGES.organizationMismatch, registered: 'o', value: o ?? '' });
  const st = first(input.dn, 'ST');
  if (st !== undefined && st !== inst.st) errors.push({ field: 'dn', message: RA_MESSAGES.stateMismatch, registered: 'st', value: st });
  const l = first(input.dn, 'L');
  if (l !== undefined && l !== inst.l) errors.push({ field: 'dn', message: RA_MESSAGES.localityMismatch, registered: 'l', value: l });
  if (KINDS[input.kind].action !== 'revoke') errors.push(...domainErrors(input, inst));
  return errors;
}

/**
 * Server: the CN and every dNSName must lie under a registered domain (SPEC §3.1). S/MIME: the mail
 * domain of the CN, since the CA vouches for the address. Client authentication CNs are names: no check.
 */
function domainErrors(input: RegisteredInput, inst: Registered): RegisteredError[] {
  const cn = first(input.dn, 'CN') ?? '';
  const fail = (field: FieldKey, value: string): RegisteredError => ({ field, message: RA_MESSAGES.domainNotAllowed, registered: 'domains', value });
  if (KINDS[input.kind].family === 'server') {
    const errors: RegisteredError[] = [];
    if (!isUnderDomain(cn, inst.domains)) errors.push(fail('dn', cn));
    const outside = input.dnsNames.filter((h) => !isUnderDomain(h, inst.domains));
    if (outside.length) errors.push(fail('dnsNames', outside.join(', ')));
    return errors;
  }
  const mailDomain = cn.split('@')[1] ?? '';
  return isSmimeProfile(input.profile) && !isUnderDomain(mailDomain, inst.domains) ? [fail('dn', mailDomain)] : [];
}
