// Public API of the simulated RA/CA for the UI (browser-safe: DirectoryStore, which needs node:fs,
// is imported by the CLI from './store/dir-store' directly).
export { RaEngine, type OpenOptions } from './engine';
export type { UploadInput } from './upload';
export type { DownloadResult, DownloadFailure } from './downloads';
export type { RestoreResult } from './backup';
export type { RaState, ReadonlyRaState } from './state';
export { certificateStatus, isCertificateValid } from './state';
export type { RaEvent, RaEventType } from './events';
export type { Store, StoreSnapshot } from './store/store';
export { MemoryStore } from './store/memory-store';
export { IndexedDbStore } from './store/idb-store';
export { openRaStore } from './state-snapshot';
export { auditTrail, type AuditLine } from './audit';
export { simulateDownloads } from './simulate';
export { exportAll, type ExportedFile } from './export';
export { toEml } from './notify/eml';
export { mailLinks, type MailLink } from './notify/links';
export { DEMO_INSTITUTION, parseInstitution } from './institutions';
export { RA_MESSAGES } from './messages';
export { CERTIFICATE_LIST_FILE_NAMES, type CertificateListKind } from './reports';
export { jstDateTime, jstDate } from './clock';
export { PIN_ALPHABET, PIN_LENGTH } from './issue/pin';
export * from './types';
export { judgeLogin, LOGIN_FAILURES, type LoginResult, type LoginRefusal, type OperatorActionResult, type RenewalResult } from './operator-life';
export { errorScreen, completionScreen, type Screen } from './screens';
