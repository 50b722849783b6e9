// The event log's schema as data: every event of a backup (or any foreign log) is checked against it
// before the engine may replay it, so a crafted file is refused instead of crashing the RA page later.
// `shape<T>()` lists every key of a domain type, so a field added to types.ts / events.ts without a
// check here fails the type check.
import { KIND_IDS } from '../spec/types';
import { arr, bool, checkLog, checkLogEvent, hex, int, num, oneOf, opt, record, shape, str, time, fields, type Check } from './schema-kit';
import type { RaEvent, RaEventType } from './events';
import type {
  Application,
  CaRecord,
  CertificateRecord,
  Contact,
  DownloadToken,
  Institution,
  Mail,
  MailAttachment,
  OperatorCertificate,
} from './types';

const caRole = oneOf('root', 'server-rsa', 'server-ecc', 'client-auth', 'smime', 'ra-operator');
const kind = oneOf(...KIND_IDS);
const p12Format = oneOf('modern', 'legacy');

const contact = shape<Contact>()({ name: str, mail: str, nameEn: opt(str) });
const institution = shape<Institution>()({
  id: str,
  o: str,
  st: str,
  l: str,
  domains: arr(str),
  ouAllowList: record(arr(str)),
  approvalExpires: (v, p) => (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? undefined : `${p}: not YYYY-MM-DD`),
  ra: contact,
  admins: arr(contact),
  active: bool,
  domainFaults: opt(record(oneOf('whois-connection', 'whois-mismatch', 'removed'))),
});
const caRecord = shape<CaRecord>()({
  id: caRole,
  name: str,
  parent: caRole,
  certDerB64: str,
  keyRef: str,
  keyAlgorithm: oneOf('RSA', 'EC'),
});
const application = shape<Application>()({
  id: str,
  uploadId: str,
  seq: int,
  kind,
  family: oneOf('server', 'client'),
  institutionId: str,
  at: time,
  dn: str,
  profile: str,
  method: opt(oneOf('1', '2', '3')),
  adminName: str,
  adminDept: str,
  adminMail: str,
  userName: str,
  userDept: str,
  userMail: str,
  p12Name: str,
  fqdn: str,
  software: str,
  dnsNames: arr(str),
  csr: opt(str),
  renewsSerialHex: opt(hex),
  p12Format,
});
const certificate = shape<CertificateRecord>()({
  serialHex: hex,
  serialDecimal: str,
  applicationId: str,
  family: oneOf('server', 'client'),
  profile: str,
  caId: caRole,
  institutionId: str,
  dn: str,
  certDerB64: str,
  notBefore: time,
  notAfter: time,
  spkiSha256: str,
  issuedAt: time,
  downloadedAt: opt(time),
  renewedBySerialHex: opt(hex),
  revokedAt: opt(time),
  revocationReason: opt(oneOf(0, 1, 3, 4, 5)),
  revocationComment: opt(str),
  reminderSentAt: opt(time),
});
const token = shape<DownloadToken>()({
  token: str,
  purpose: oneOf('server-cert', 'pin', 'client-cert', 'client-all', 'ra-operator'),
  uploadId: str,
  applicationIds: arr(str),
  createdAt: time,
  expiresAt: time,
  requiresToken: opt(str),
  usedAt: opt(time),
  pinSha256: opt(str),
  fileIds: arr(str),
  renewsSerialHex: opt(hex),
});
const attachment = shape<MailAttachment>()({ fileName: str, contentType: str, fileId: str });
/** A mail as logged (shared with the JPNIC log's schema: both services mail through src/ra/notify). */
export const mail = shape<Mail>()({
  id: str,
  at: time,
  to: arr(str),
  subject: str,
  body: str,
  attachments: arr(attachment),
  signed: bool,
});
const operatorCertificate = shape<OperatorCertificate>()({
  serialHex: hex,
  serialDecimal: str,
  institutionId: str,
  subject: str,
  certDerB64: str,
  notBefore: time,
  notAfter: time,
  issuedAt: time,
  fileId: str,
  token: str,
  renewsSerialHex: opt(hex),
  revokedAt: opt(time),
});

type BodyKeys<K extends RaEventType> = Exclude<keyof Extract<RaEvent, { type: K }>, 'type' | 'seq' | 'at'>;

/** One row per event type: the checks of its own fields (seq, at and type are checked for all). */
const EVENT_FIELDS: { [K in RaEventType]: { [F in BodyKeys<K>]-?: Check } } = {
  initialized: { institutions: arr(institution), cas: arr(caRecord) },
  'institution-saved': { institution },
  uploaded: {
    uploadId: str,
    fileName: str,
    kind,
    mode: oneOf('abort', 'valid-only'),
    p12Format,
    institutionId: str,
    registered: bool,
    records: arr(fields({ seq: int, ok: bool, codes: arr(str), serialHex: opt(hex) })),
    fileCodes: opt(arr(str)),
  },
  'application-accepted': { application },
  issued: { certificate },
  'token-created': { token },
  downloaded: { token: str, applicationIds: arr(str), serialsHex: arr(hex) },
  revoked: { serialHex: hex, reason: oneOf(0, 1, 3, 4, 5), comment: str, uploadId: str },
  'reminder-sent': { serialHex: hex },
  mailed: { mail },
  'crl-published': { caId: caRole, number: int, thisUpdate: time, nextUpdate: time, fileId: str },
  'clock-advanced': { days: num, offsetMs: num },
  'operator-certificate-issued': { certificate: operatorCertificate },
  'operator-certificate-revoked': { serialHex: hex },
  'administrator-updated': { institutionId: str, oldMail: str, name: str, mail: str },
  'ra-login': { serialHex: hex, subject: str },
  'ra-login-refused': { reason: str, subject: str },
  'ra-logout': { serialHex: hex, subject: str },
};

/** The first problem of event number `index` (0-based) of a log, or undefined when it is well formed. */
export function checkEvent(value: unknown, index: number): string | undefined {
  return checkLogEvent(EVENT_FIELDS, value, index);
}

/** The first problem of a whole log, or undefined. */
export function checkEvents(value: unknown): string | undefined {
  return checkLog(EVENT_FIELDS, value);
}
