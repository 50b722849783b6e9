// The simulator's clock. Every date the engine writes comes from here, so a trainer can move time
// forward (tokens expire, reminders fall due, certificates expire) without touching the real clock.
const JST_OFFSET_MS = 9 * 3600_000;
const DAY_MS = 86_400_000;

export type RealClock = () => Date;

export const systemClock: RealClock = () => new Date();

export function simulatedNow(real: RealClock, offsetMs: number): Date {
  return new Date(real().getTime() + offsetMs);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

/**
 * Calendar months in JST (ADDENDUM B.4): 2026-01-31 + 1 month → 2026-02-28 (clamped to the month's end),
 * time of day kept.
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

/** 'YYYY/MM/DD HH:MM:SS' in JST, as the RA's lists and mails show times. */
export function jstDateTime(date: Date): string {
  const iso = new Date(date.getTime() + JST_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

export const DAY = DAY_MS;
