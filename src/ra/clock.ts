// The simulator's clock. Every date the engine writes comes from here, so a trainer can move time
// forward (tokens expire, reminders fall due, certificates expire) without touching the real clock.
import { JST_OFFSET_MS } from '../spec/jst';

const DAY_MS = 86_400_000;

export type RealClock = () => Date;

export const systemClock: RealClock = () => new Date();

export function simulatedNow(real: RealClock, offsetMs: number): Date {
  return new Date(real().getTime() + offsetMs);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

// Calendar arithmetic in JST lives with the validity rules that need it too.
export { addMonthsJst, jstDate } from '../spec/jst';

/** 'YYYY/MM/DD HH:MM:SS' in JST, as the RA's lists and mails show times. */
export function jstDateTime(date: Date): string {
  const iso = new Date(date.getTime() + JST_OFFSET_MS).toISOString();
  return `${iso.slice(0, 10).replace(/-/g, '/')} ${iso.slice(11, 19)}`;
}

export const DAY = DAY_MS;
