// The saved institution profiles, read only — what a page that merely offers them needs (the validator's picker),
// without the format's checks that writing them takes (src/store/profiles.ts).
import type { InstitutionProfile } from '../builder/institution';
import { getAll, PROFILES } from './db';

/** Every saved profile, by label then id. */
export async function listProfiles(db: IDBDatabase): Promise<InstitutionProfile[]> {
  const all = await getAll<InstitutionProfile>(db, PROFILES);
  return all.sort((a, b) => a.label.localeCompare(b.label) || a.id.localeCompare(b.id));
}
