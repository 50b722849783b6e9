// What distinguishes the values of the coded columns, for choices and suggestions: a profile's validity today
// (5 = 48か月, 13 = 13か月, 14 = 25か月, 7 = 823日 …, from spec/profiles.ts), the manual's words for 失効理由
// and the download methods.
import { DOWNLOAD_METHODS, PROFILES, REVOCATION_REASONS } from '../../spec/profiles';
import type { ColumnSpec, Text } from '../../spec/types';

/** The validity rule in force at `now` (the last one whose start is not after it). */
export function validityText(profileId: string, now = new Date()): Text | null {
  const rules = PROFILES[profileId]?.validity ?? [];
  const rule = [...rules].reverse().find((r) => !r.fromJst || new Date(r.fromJst) <= now);
  if (!rule) return null;
  if (rule.months) return { ja: `${rule.months}か月`, en: `${rule.months} months` };
  if (rule.days) return { ja: `${rule.days}日`, en: `${rule.days} days` };
  return null;
}

/** "5: クライアント証明書（…）— 48か月". */
export function profileLabel(profileId: string, tr: (t: Text) => string, now = new Date()): string {
  const p = PROFILES[profileId];
  if (!p) return profileId;
  const v = validityText(profileId, now);
  return `${profileId}: ${tr(p.title)}${v ? ` — ${tr(v)}` : ''}`;
}

/** Suggestions for a coded column: value and label, or [] for free-text columns. */
export function valueChoices(column: ColumnSpec, tr: (t: Text) => string): { value: string; label: string }[] {
  const values = column.values ?? [];
  if (column.field === 'reason') return values.map((v) => ({ value: v, label: `${v}: ${tr(REVOCATION_REASONS[v as keyof typeof REVOCATION_REASONS]?.name ?? { ja: '', en: '' })}` }));
  if (column.field === 'method') return values.map((v) => ({ value: v, label: `${v}: ${tr(DOWNLOAD_METHODS[v as keyof typeof DOWNLOAD_METHODS]?.name ?? { ja: '', en: '' })}` }));
  if (column.field === 'profile') return values.map((v) => ({ value: v, label: profileLabel(v, tr) }));
  return [];
}
