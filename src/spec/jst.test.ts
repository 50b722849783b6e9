import { describe, expect, it } from 'vitest';
import { addMonthsJst, jstDate, jstDateTime } from './jst';

describe('JST calendar', () => {
  it('adds months on the Japanese calendar, clamped to the month end', () => {
    // 2026-01-31 10:00 JST is 01:00 UTC; one month later is the last day of February, same time.
    expect(addMonthsJst(new Date('2026-01-31T01:00:00Z'), 1).toISOString()).toBe('2026-02-28T01:00:00.000Z');
    // 2026-02-28 16:00 UTC is already 1 March 01:00 in Japan: one month later is 1 April JST, not 28 March.
    expect(addMonthsJst(new Date('2026-02-28T16:00:00Z'), 1).toISOString()).toBe('2026-03-31T16:00:00.000Z');
  });

  it('names the JST day', () => {
    expect(jstDate(new Date('2026-03-31T14:59:59Z'))).toBe('2026-03-31');
    expect(jstDate(new Date('2026-03-31T15:00:00Z'))).toBe('2026-04-01');
  });

  it('writes the JST date and time as the RA and the key page show them', () => {
    expect(jstDateTime(new Date('2026-03-31T14:59:59Z'))).toBe('2026/03/31 23:59:59');
    expect(jstDateTime(new Date('2026-03-31T15:00:00Z'))).toBe('2026/04/01 00:00:00');
  });
});
