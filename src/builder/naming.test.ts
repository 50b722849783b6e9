import { describe, expect, it } from 'vitest';
import { exportFileName, jstDateStamp, zipFileName } from './naming';

describe('export names', () => {
  const date = new Date('2026-11-23T03:00:00Z');
  it('says kind and date', () => {
    expect(exportFileName('server-issue', date)).toBe('upki-server-issue-20261123.tsv');
    expect(exportFileName('client-revoke', date)).toBe('upki-client-revoke-20261123.tsv');
    expect(zipFileName('server-issue', date)).toBe('upki-server-issue-20261123.zip');
  });
  it('numbers the parts of a split and names the method', () => {
    expect(exportFileName('server-issue', date, { chunk: 2, chunks: 2 })).toBe('upki-server-issue-20261123-2of2.tsv');
    expect(exportFileName('client-issue', date, { method: '2', chunk: 1, chunks: 1 })).toBe('upki-client-issue-20261123-method2.tsv');
  });
  it('uses the date in Japan (JST), not UTC', () => {
    expect(jstDateStamp(new Date('2026-11-23T15:30:00Z'))).toBe('20261124');
    expect(jstDateStamp(new Date('2026-12-31T14:59:59Z'))).toBe('20261231');
  });
});
