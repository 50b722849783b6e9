// The JPNIC log's schema and replay check (as src/ra/event-schema.ts + restore-check.ts do for the RA): a backup's
// every event is checked against this table, then the whole state replayed, before a restore may replace anything —
// so a crafted backup is refused instead of leaving the JPNIC page unable to open.
import { base64Decode } from '../pki/pem';
import { arr, checkLog, fields, hex, int, mailCheck, num, oneOf, opt, shape, str, time, type Check, type LogCheck } from '../sim';
import { importCaPkcs8 } from './ca';
import type { ManagerProfile } from './rules';
import { projectJpnicState, type JpnicState } from './state';
import type { JpnicCa, JpnicCertificate, JpnicEvent, JpnicEventBody, License } from './types';

const manager = shape<ManagerProfile>()({ managerId: str, maintainerCode: str, organization: str, managerName: str, managerEmail: str });
const ca = shape<JpnicCa>()({ id: oneOf('jpnic-root', 'jpnic-resource'), name: str, certDerB64: str, keyRef: str });
const certificate = shape<JpnicCertificate>()({
  serialHex: hex,
  serialDecimal: str,
  kind: oneOf('manager', 'applicant'),
  accountId: opt(str),
  name: str,
  email: str,
  subject: str,
  certDerB64: str,
  notBefore: time,
  notAfter: time,
  sha256: str,
  revokedAt: opt(time),
  revocationReason: opt(int),
});
const license = shape<License>()({
  licenseId: str,
  accountId: str,
  purpose: oneOf('issue', 'reissue'),
  name: str,
  email: str,
  blocks: arr(str),
  createdAt: time,
  expiresAt: time,
  replacesSerialHex: opt(hex),
  newSerialHex: opt(hex),
  usedAt: opt(time),
  supersededAt: opt(time),
  serialHex: opt(hex),
});

type JpnicType = JpnicEventBody['type'];
type BodyKeys<K extends JpnicType> = Exclude<keyof Extract<JpnicEventBody, { type: K }>, 'type'>;

/** One row per event type; a field added to types.ts without a check here fails the type check. */
const EVENT_FIELDS: { [K in JpnicType]: { [F in BodyKeys<K>]-?: Check } } = {
  'jpnic-initialized': { manager, cas: arr(ca) },
  'jpnic-certificate-issued': { certificate, licenseId: opt(str) },
  'jpnic-account-registered': { account: fields({ accountId: str, userName: str }) },
  'jpnic-account-deleted': { accountId: str },
  'jpnic-license-created': { license },
  'jpnic-serial-reserved': { accountId: str, serialHex: hex },
  'jpnic-license-refused': { reason: str },
  'jpnic-revoked': { serialHex: hex, reason: int },
  'jpnic-crl-published': { number: int, thisUpdate: time, nextUpdate: time, fileId: str },
  'jpnic-mailed': { mail: mailCheck },
  'jpnic-clock-advanced': { days: num, offsetMs: num },
};

export function checkJpnicEvents(value: unknown): string | undefined {
  return checkLog(EVENT_FIELDS, value);
}

function referencedFiles(state: JpnicState): string[] {
  const ids = state.crl ? [state.crl.fileId] : [];
  for (const mail of state.mails) for (const a of mail.attachments) ids.push(a.fileId);
  return ids;
}

/** Why this (schema-checked) log cannot be restored, or undefined: the engine could open and use it. */
export async function jpnicReplayProblem(
  events: readonly JpnicEvent[],
  files: Readonly<Record<string, Uint8Array>>,
  pkcs8: Readonly<Record<string, Uint8Array>>,
): Promise<string | undefined> {
  if (events[0]?.type !== 'jpnic-initialized') return 'the log does not start with the initialisation';
  if (events.some((e, i) => i > 0 && e.type === 'jpnic-initialized')) return 'the log is initialised twice';
  let state: JpnicState;
  try {
    state = projectJpnicState(events);
  } catch (e) {
    return `replay failed: ${String(e)}`;
  }
  for (const id of ['jpnic-root', 'jpnic-resource'] as const) {
    const record = state.cas.get(id);
    if (!record) return `CA ${id} missing`;
    if (!base64Decode(record.certDerB64)) return `CA ${id}: certificate is not base64`;
    const key = Object.hasOwn(pkcs8, record.keyRef) ? pkcs8[record.keyRef] : undefined;
    if (!key) return `CA ${id}: no private key`;
    try {
      await importCaPkcs8(key);
    } catch {
      return `CA ${id}: the private key does not import`;
    }
  }
  for (const id of referencedFiles(state)) if (!Object.hasOwn(files, id)) return `file ${id} is missing`;
  return undefined;
}

export const JPNIC_LOG_CHECK: LogCheck<JpnicEvent> = { events: checkJpnicEvents, replay: jpnicReplayProblem };
