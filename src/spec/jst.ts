// Dates in UPKI are Japanese calendar dates (ADDENDUM B.4): JST, UTC+9 all year (Japan has no daylight saving).

export const JST_OFFSET_MS = 9 * 3600_000;

/**
 * Calendar months in JST: 2026-01-31 + 1 month → 2026-02-28 (clamped to the month's last day), time of day kept.
 * Validity in months (spec/profiles.ts) and the RA's clock both count this way.
 */
export function addMonthsJst(date: Date, months: number): Date {
  const jst = new Date(date.getTime() + JST_OFFSET_MS);
  const y = jst.getUTCFullYear();
  const m = jst.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const day = Math.min(jst.getUTCDate(), lastDay);
  const shifted = Date.UTC(y, m, day, jst.getUTCHours(), jst.getUTCMinutes(), jst.getUTCSeconds(), jst.getUTCMilliseconds());
  return new Date(shifted - JST_OFFSET_MS);
}

/** 'YYYY-MM-DD' of the JST calendar day. */
export function jstDate(date: Date): string {
  return new Date(date.getTime() + JST_OFFSET_MS).toISOString().slice(0, 10);
}

/** 'YYYY/MM/DD HH:MM:SS' in JST, as the RA's lists and mails and the key page's certificate validity show times. */
export function jstDateTime(date: Date): string {
  const iso = new Date(date.getTime() + JST_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}
