// The parts both simulated services (UPKI RA in src/ra, JPNIC in src/jpnic) share, from one place. They
// still live in src/ra this round (parallel work there); moving them physically here is a follow-up
// (docs/jpnic.md). Browser-safe: the directory store (node:fs) is in ./node.
export type { Store, StoreTx, ReadView, StoreSnapshot, StoredEvent, StoredSecret } from '../ra/store/store';
export { emptySnapshot } from '../ra/store/store';
export { MemoryStore } from '../ra/store/memory-store';
export { IndexedDbStore } from '../ra/store/idb-store';
export { wrapPkcs8, unwrapPkcs8 } from '../ra/ca/keyring';
export { systemClock, simulatedNow, addDays, DAY, jstDate, jstDateTime, type RealClock } from '../ra/clock';
export { recipients } from '../ra/notify/mailer';
export { toEml } from '../ra/notify/eml';
export type { Mail } from '../ra/types';
export type { AuditLine } from '../ra/audit';
export { createBackup, openBackup, MINIMAL_LOG_CHECK, type BackupResult, type LogCheck, type RestoreResult } from '../ra/backup';
export { arr, bool, checkLog, fields, hex, int, num, oneOf, opt, shape, str, time, type Check } from '../ra/schema-kit';
export { mail as mailCheck } from '../ra/event-schema';
export { randomSerialHex, normaliseSerialHex } from '../ra/context';
// CA and certificate building are the pure core's (src/pki); re-exported so a service imports one place.
export { issueCertificate, caKeyAlgorithm, encodeName, type CertificateIssuer } from '../pki/certificate-builder';
export { buildCrl, type CrlReason } from '../pki/crl';
export { buildPkcs12 } from '../pki/pkcs12';
export * from './browser-store';
