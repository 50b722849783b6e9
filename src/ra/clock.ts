// The simulator's clock. Every date the engine writes comes from here, so a trainer can move time
// forward (tokens expire, reminders fall due, certificates expire) without touching the real clock.
const DAY_MS = 86_400_000;

export type RealClock = () => Date;

export const systemClock: RealClock = () => new Date();

export function simulatedNow(real: RealClock, offsetMs: number): Date {
  return new Date(real().getTime() + offsetMs);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

// Calendar arithmetic and time formatting in JST live with the validity rules and the key page that need them too.
export { addMonthsJst, jstDate, jstDateTime } from '../spec/jst';

export const DAY = DAY_MS;
