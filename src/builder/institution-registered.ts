// What of an institution profile the RA compares, and whether a profile holds enough to check a file against —
// apart from the checks themselves, which run in the validator's worker.
import type { Registered } from '../ra/registered';

/** What of a profile the RA compares: O, ST, L and the registered domains. */
export type InstitutionRegistered = Registered & { label?: string };

/** Whether a profile holds enough to check against (an empty O would flag every row). */
export function canCheckAgainst(profile: Partial<InstitutionRegistered> | null | undefined): profile is InstitutionRegistered {
  return !!profile && !!profile.o?.trim() && Array.isArray(profile.domains);
}

