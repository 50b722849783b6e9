// The checks of the JPNIC scenarios: they read the JPNIC engine's own event log (src/jpnic), which has its own seq,
// so a step looks at JPNIC events after input.jpnicSinceSeq — license handed out, certificate fetched, revoked.
import type { JpnicEvent, LicensePurpose } from '../jpnic/types';
import { REVOCATION_REASON } from '../jpnic/rules';
import type { Text } from '../spec/types';
import type { CheckDef, CheckInput, CheckParams } from './checks';

const PURPOSES: readonly LicensePurpose[] = ['issue', 'reissue'];
const label = (ja: string, en: string): Text => ({ ja, en });

function jpnicSince(input: CheckInput): JpnicEvent[] {
  const after = input.jpnicSinceSeq ?? 0;
  return (input.jpnicEvents ?? []).filter((e) => e.seq > after);
}

function purpose(p: CheckParams): string | undefined {
  const v = p.purpose;
  return typeof v === 'string' && v !== '' ? v : undefined;
}

/** License id → purpose, from the whole log (a certificate is fetched with a license made in an earlier step). */
function licensePurposes(events: readonly JpnicEvent[]): Map<string, LicensePurpose> {
  const map = new Map<string, LicensePurpose>();
  for (const e of events) if (e.type === 'jpnic-license-created') map.set(e.license.licenseId, e.license.purpose);
  return map;
}

export const JPNIC_CHECKS: CheckDef[] = [
  {
    id: 'jpnic-account-registered',
    label: label('JPNIC: 資源申請者のアカウントが登録された', 'JPNIC: an applicant account was registered'),
    params: {},
    test: (input) => jpnicSince(input).some((e) => e.type === 'jpnic-account-registered'),
  },
  {
    id: 'jpnic-license-issued',
    label: label('JPNIC: ライセンスIDが発行された（発行・再発行の申請）', 'JPNIC: a license ID was handed out (issue or reissue)'),
    params: { purpose: { type: 'enum', values: PURPOSES, label: label('発行／再発行', 'issue / reissue') } },
    test: (input, p) => jpnicSince(input).some((e) => e.type === 'jpnic-license-created' && (!purpose(p) || e.license.purpose === purpose(p))),
  },
  {
    id: 'jpnic-certificate-fetched',
    label: label('JPNIC: 資源申請者がライセンスIDで証明書を取得しインストールした', 'JPNIC: the applicant fetched and installed the certificate with the license ID'),
    params: { purpose: { type: 'enum', values: PURPOSES, label: label('発行／再発行', 'issue / reissue') } },
    test: (input, p) => {
      const byLicense = licensePurposes(input.jpnicEvents ?? []);
      return jpnicSince(input).some((e) => e.type === 'jpnic-certificate-issued' && e.licenseId !== undefined && (!purpose(p) || byLicense.get(e.licenseId) === purpose(p)));
    },
  },
  {
    id: 'jpnic-license-refused',
    label: label('JPNIC: 誤ったライセンスIDが拒否された', 'JPNIC: a wrong license ID was refused'),
    params: {},
    test: (input) => jpnicSince(input).some((e) => e.type === 'jpnic-license-refused'),
  },
  {
    id: 'jpnic-revoked',
    label: label('JPNIC: 資源申請者証明書が失効された', "JPNIC: an applicant's certificate was revoked"),
    params: {},
    // A reissue revokes the replaced certificate itself (reason superseded); this check wants the manager's 失効.
    test: (input) => jpnicSince(input).some((e) => e.type === 'jpnic-revoked' && e.reason !== REVOCATION_REASON.superseded),
  },
];
