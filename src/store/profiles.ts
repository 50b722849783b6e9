// Institution profiles in IndexedDB, plus the JSON file round trip (src/builder/institution.ts holds the format).
import {
  checkImportedProfiles,
  parseProfiles,
  serializeProfiles,
  type InstitutionProfile,
  type ProfileParseResult,
} from '../builder/institution';
import { trimInstitution } from '../pki/subject-rules';
import { deleteOne, getOne, putMany, PROFILES } from './db';
import { listProfiles } from './profile-list';

export class ProfileStore {
  constructor(private readonly db: IDBDatabase) {}

  list(): Promise<InstitutionProfile[]> {
    return listProfiles(this.db);
  }

  get(id: string): Promise<InstitutionProfile | undefined> {
    return getOne<InstitutionProfile>(this.db, PROFILES, id);
  }

  /** Returns the profile as stored, which is what rows should take: O, ST and L trimmed. */
  async save(profile: InstitutionProfile): Promise<InstitutionProfile> {
    const stored = asStored(profile);
    await putMany(this.db, PROFILES, [stored]);
    return stored;
  }

  remove(id: string): Promise<void> {
    return deleteOne(this.db, PROFILES, id);
  }

  async exportJson(): Promise<string> {
    return serializeProfiles(await this.list());
  }

  /** Add or replace (by id) every profile in the file; nothing is written when the file is malformed or a profile's O/ST/L is invalid. */
  async importJson(json: string): Promise<ProfileParseResult> {
    const parsed = parseProfiles(json);
    const checked = parsed.ok ? checkImportedProfiles(parsed.profiles) : parsed;
    if (!checked.ok) return checked;
    const profiles = checked.profiles.map(asStored);
    await putMany(this.db, PROFILES, profiles);
    return { ok: true, profiles };
  }
}

/**
 * O, ST and L are checked trimmed (validateInstitution), so they are stored trimmed: new rows copy them into
 * the DN as they are, and `O=Univ ,L= Chiyoda-ku` would fail the validator (U232) on every row.
 */
function asStored(profile: InstitutionProfile): InstitutionProfile {
  return { ...profile, ...trimInstitution(profile), domains: [...profile.domains] };
}
