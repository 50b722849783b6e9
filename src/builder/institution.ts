// An institution profile: the values every row of one institution shares (SPEC §3.1, §3.3: O, ST, L are
// fixed per institution), kept so that new rows start filled. Exported/imported as a JSON file.
import { validateInstitution, type SubjectIssue } from '../pki/subject-rules';
import { columnOf } from '../spec/kinds';
import type { Text } from '../spec/types';
import { checkCell } from '../tsv/columns';
import type { Issue } from '../tsv/types';

export interface InstitutionProfile {
  id: string;
  /** What the user calls this profile, e.g. 「本部」. */
  label: string;
  o: string;
  st: string;
  l: string;
  /** Registered domains (サービス利用申請時に登録した対象ドメイン), offered as FQDN suggestions. */
  domains: string[];
  adminName: string;
  adminDept: string;
  adminMail: string;
  /** Server software name/version (server column 12). */
  software: string;
  updatedAt: string;
}

export const PROFILE_FILE_FORMAT = 'upki-workbench/institution-profiles';
export const PROFILE_FILE_VERSION = 1;

const STRING_FIELDS = ['id', 'label', 'o', 'st', 'l', 'adminName', 'adminDept', 'adminMail', 'software'] as const;

export function blankProfile(id: string, label = ''): InstitutionProfile {
  return {
    id,
    label,
    o: '',
    st: '',
    l: '',
    domains: [],
    adminName: '',
    adminDept: '',
    adminMail: '',
    software: '',
    updatedAt: new Date(0).toISOString(),
  };
}

export function serializeProfiles(profiles: readonly InstitutionProfile[]): string {
  return JSON.stringify({ format: PROFILE_FILE_FORMAT, version: PROFILE_FILE_VERSION, profiles }, null, 2);
}

export type ProfileParseResult =
  | { ok: true; profiles: InstitutionProfile[] }
  | { ok: false; message: Text };

function fail(ja: string, en: string): ProfileParseResult {
  return { ok: false, message: { ja, en } };
}

/** Read a profile file. Unknown keys are dropped; a missing optional string becomes ''. Never throws. */
export function parseProfiles(json: string): ProfileParseResult {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch {
    return fail('JSONとして読めません。', 'The file is not valid JSON.');
  }
  if (!isObject(data) || data.format !== PROFILE_FILE_FORMAT || !Array.isArray(data.profiles)) {
    return fail('機関プロファイルのファイルではありません。', 'This is not an institution profile file.');
  }
  if (typeof data.version !== 'number' || data.version > PROFILE_FILE_VERSION) {
    return fail('このファイルの版には対応していません。', 'This file version is not supported.');
  }
  const profiles: InstitutionProfile[] = [];
  for (const [i, item] of data.profiles.entries()) {
    const profile = readProfile(item);
    if (!profile) return fail(`${i + 1}件目のプロファイルが不正です。`, `Profile ${i + 1} is malformed.`);
    profiles.push(profile);
  }
  return { ok: true, profiles };
}

/** The profile fields that new rows copy into a TSV column of the same field key (builder/defaults.ts). */
export const ROW_FIELDS = ['adminName', 'adminDept', 'adminMail', 'software'] as const;
export type RowField = (typeof ROW_FIELDS)[number];

/**
 * A row field checked with the validator's own cell rule for the column it fills, so that a value every row
 * would reject (a character outside JIS X 0208, a malformed mail) is caught once, here. Server issue has all
 * four columns, defined as in the other kinds. Blank is allowed: the row then asks for the value itself.
 */
export function rowFieldIssues(profile: InstitutionProfile, field: RowField): Issue[] {
  const column = columnOf('server-issue', field);
  const value = profile[field];
  return column && value !== '' ? checkCell(column, value, 1) : [];
}

/** Errors (not warnings): O, ST and L by the rules CSR generation applies (pki/subject-rules.ts), the row fields by the validator's. */
export function profileErrors(profile: InstitutionProfile): (SubjectIssue | Issue)[] {
  const all = [...validateInstitution(profile), ...ROW_FIELDS.flatMap((field) => rowFieldIssues(profile, field))];
  return all.filter((issue) => issue.severity === 'error');
}

/**
 * A file is taken whole or not at all: a profile with a bad O/ST/L (or row field) would put that value into every new row
 * and CSR, so the first such profile refuses the file, naming the profile and its problems.
 */
export function checkImportedProfiles(profiles: readonly InstitutionProfile[]): ProfileParseResult {
  for (const [i, profile] of profiles.entries()) {
    const errors = profileErrors(profile);
    if (errors.length === 0) continue;
    const name = profile.label || profile.id;
    return fail(
      `${i + 1}件目のプロファイル「${name}」を読み込めません: ${errors.map((e) => e.message.ja).join(' ')}`,
      `Profile ${i + 1} ("${name}") cannot be imported: ${errors.map((e) => e.message.en).join(' ')}`,
    );
  }
  return { ok: true, profiles: [...profiles] };
}

function readProfile(item: unknown): InstitutionProfile | null {
  if (!isObject(item) || typeof item.id !== 'string' || item.id === '') return null;
  const profile = blankProfile(item.id);
  for (const key of STRING_FIELDS) {
    const value = item[key];
    if (value === undefined) continue;
    if (typeof value !== 'string') return null;
    profile[key] = value;
  }
  if (item.domains !== undefined) {
    if (!Array.isArray(item.domains) || !item.domains.every((d) => typeof d === 'string')) return null;
    profile.domains = item.domains;
  }
  if (typeof item.updatedAt === 'string') profile.updatedAt = item.updatedAt;
  return profile;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
