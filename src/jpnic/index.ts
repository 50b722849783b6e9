// Public API of the simulated JPNIC resource-certificate service (browser-safe).
export { JpnicEngine, refuse, type JpnicOpenOptions, type LoginOk, type LicenseHandout } from './engine';
export { installCertificate, compareFingerprint, groupFingerprint, tellApart, pickerLabel, applicantOwner, MANAGER_OWNER, MIN_PASSPHRASE, type Installed } from './applicant';
export { parseLicenseInput, joinBlocks, screenBlocks } from './license';
export { jpnicAuditTrail, type JpnicAuditLine } from './audit';
export { certificateStatus, currentCertificate, pendingLicense, type JpnicState, type CertificateStatus } from './state';
export * from './rules';
export type * from './types';
