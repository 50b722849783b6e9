// An accepted record becomes an application (申請) with the RA's id: the first thing recorded for it.
import type { TxContext } from '../context';
import type { Row } from '../row';
import type { Application, CertificateRecord, Institution, P12Format } from '../types';

export function acceptApplication(
  ctx: TxContext,
  row: Row,
  inst: Institution,
  uploadId: string,
  p12Format: P12Format,
  renews?: CertificateRecord,
): Application {
  const application: Application = {
    id: ctx.nextApplicationId(),
    uploadId,
    seq: row.seq,
    kind: row.kind,
    family: row.family,
    institutionId: inst.id,
    at: ctx.at,
    dn: row.get('dn'),
    profile: row.get('profile'),
    method: row.family === 'client' ? (row.get('method') as Application['method']) : undefined,
    adminName: row.get('adminName'),
    adminDept: row.get('adminDept'),
    adminMail: row.get('adminMail'),
    userName: row.get('userName'),
    userDept: row.get('userDept'),
    userMail: row.get('userMail'),
    p12Name: row.get('p12Name'),
    fqdn: row.get('fqdn'),
    software: row.get('software'),
    dnsNames: row.dnsNames(),
    csr: row.family === 'server' ? row.get('csr') : undefined,
    renewsSerialHex: renews?.serialHex,
    p12Format,
  };
  ctx.emit({ type: 'application-accepted', application });
  return application;
}
