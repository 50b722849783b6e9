// Filling a row from PKI artefacts: the "make key and CSR" result (server issue/renew) and a dropped old
// certificate (renew/revoke). Only places values by field key; the validator judges them afterwards.
import { subjectTsvString } from '../pki/subject-order';
import type { CertificateInfo } from '../pki/types';
import type { FieldKey, KindSpec } from '../spec/types';
import { dnsNameEntryHost, formatDnsNames } from '../spec/dns-names';
import { parseDnsNames as parseDnsNamesColumn } from '../tsv/columns';
import { composeDn } from './defaults';
import { columnIndex, writableColumnIndex } from './grid';
import type { InstitutionProfile } from './institution';
import { p12NameFrom } from './smime';

export type CellUpdates = Map<number, string>;

function put(spec: KindSpec, updates: CellUpdates, field: FieldKey, value: string): void {
  const at = writableColumnIndex(spec, field);
  if (at >= 0) updates.set(at, value);
}

/** What the key action produced, in the shape of pki/keys.ts `KeyAndCsr`. */
export interface KeyActionOutput {
  subjectTsv: string;
  csrOneLine: string;
  dnsNamesColumn: string;
}

/** DN, CSR, FQDN (= CN) and dNSName columns from a freshly made key and CSR. */
export function cellsFromKeyAction(spec: KindSpec, cn: string, out: KeyActionOutput): CellUpdates {
  const updates: CellUpdates = new Map();
  put(spec, updates, 'dn', out.subjectTsv);
  put(spec, updates, 'csr', out.csrOneLine);
  put(spec, updates, 'fqdn', cn);
  put(spec, updates, 'dnsNames', out.dnsNamesColumn);
  return updates;
}

/**
 * The serial as the column can hold it: decimal (as NII's TSV tool shows it) when it fits the column's
 * maximum length, otherwise 0x-hex (R-SERIAL allows both), which is shorter.
 */
export function serialForColumn(spec: KindSpec, info: Pick<CertificateInfo, 'serialDecimal' | 'serialHex'>): string {
  const at = columnIndex(spec, 'serial');
  const max = at >= 0 ? spec.columns[at].maxLength : Infinity;
  return info.serialDecimal.length <= max ? info.serialDecimal : `0x${info.serialHex.toUpperCase()}`;
}

/**
 * What a renewal must carry over from the certificate being renewed (or revoked): DN and serial always; for a
 * server renewal also the FQDN (= CN) and every other dNSName (else the renewed certificate silently loses host
 * names); for a client renewal also the user's mail and a P12 name. An S/MIME certificate carries only CN
 * (SPEC §3.4 item 2) while the TSV DN needs O, L, ST, C: those come from the institution profile.
 */
export function cellsFromCertificate(
  spec: KindSpec,
  info: Pick<CertificateInfo, 'subject' | 'serialDecimal' | 'serialHex'> & Partial<Pick<CertificateInfo, 'sanDnsNames' | 'sanEmails'>>,
  institution: InstitutionProfile | null,
): CellUpdates {
  const updates: CellUpdates = new Map();
  const hasO = info.subject.some((r) => r.key === 'O');
  const cn = info.subject.find((r) => r.key === 'CN')?.value ?? '';
  let dn = subjectTsvString(info.subject);
  if (!hasO && institution) {
    const ous = info.subject.filter((r) => r.key === 'OU').map((r) => r.value);
    dn = composeDn(spec.family, { cn, ous }, institution);
  }
  put(spec, updates, 'dn', dn);
  put(spec, updates, 'serial', serialForColumn(spec, info));
  if (spec.action !== 'renew') return updates;
  if (spec.family === 'server') {
    put(spec, updates, 'fqdn', cn);
    put(spec, updates, 'dnsNames', formatDnsNames(otherDnsNames(cn, info.sanDnsNames ?? [])));
  } else {
    const mail = info.sanEmails?.[0] ?? (cn.includes('@') ? cn : '');
    if (mail) put(spec, updates, 'userMail', mail);
    const p12At = columnIndex(spec, 'p12Name');
    if (p12At >= 0 && cn) put(spec, updates, 'p12Name', p12NameFrom(cn, spec.columns[p12At].maxLength));
  }
  return updates;
}

/** The certificate's dNSNames other than the FQDN (the RA adds the FQDN itself), in order, without repeats. */
export function otherDnsNames(fqdn: string, names: readonly string[]): string[] {
  const seen = new Set([fqdn.toLowerCase()]);
  const out: string[] = [];
  for (const n of names) {
    const key = n.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(n);
  }
  return out;
}

/**
 * Column 13 as a list to edit: ['a', 'b'] from "dNSName=a,dNSName=b". The syntax is spec's, read by tsv (one rule, one place);
 * an entry tsv finds malformed stays in the list, at its place and as written, so that editing one name never
 * drops another (the validator reports it).
 */
export function parseDnsNames(column: string): string[] {
  if (column.trim() === '') return [];
  const parsed = parseDnsNamesColumn(column);
  const names = [...parsed.hosts];
  for (const m of parsed.malformed) names.splice(m.index - 1, 0, dnsNameEntryHost(m.entry) ?? m.entry);
  return names.map((n) => n.trim());
}

export { formatDnsNames };
