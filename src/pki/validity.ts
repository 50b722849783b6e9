// Validity arithmetic shared by every certificate and CRL the simulated CA signs.
//
// Backdating: notBefore and a CRL's thisUpdate are set BACKDATE_MS before the moment of issue, so a
// relying party whose clock is a little behind still accepts fresh material (public CAs backdate by up
// to about an hour; Let's Encrypt by one hour). The period is then counted from notBefore.
//
// Inclusive count: RFC 5280 §4.1.2.5 and the CA/Browser Forum count notAfter's second as part of the
// validity period, so a period of N seconds ends at notBefore + N − 1 s (a "199-day" certificate is then
// valid for exactly 199 × 86 400 seconds).

export const BACKDATE_MS = 60 * 60 * 1000;

/** notBefore / thisUpdate for something issued at `issuedAt`. */
export function backdated(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() - BACKDATE_MS);
}

/** notAfter for a period that starts at notBefore and whose exclusive end is `periodEnd` (notBefore + period). */
export function inclusiveNotAfter(periodEnd: Date): Date {
  return new Date(periodEnd.getTime() - 1000);
}
