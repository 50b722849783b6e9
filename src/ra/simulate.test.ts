// The CLI's simulated recipients open every URL of an upload: PINs first, then P12 files or, for
// method 3, a browser key with the PIN read back from clientPin.txt.
import { describe, expect, it } from 'vitest';
import { clientIssueRows } from '../tsv/fixtures';
import { simulateDownloads } from './simulate';
import { openTestEngine, upload } from './ra.testkit';

describe('simulateDownloads', () => {
  it.each(['1', '3'] as const)('completes method %s: every certificate issued and downloaded, mails sent', async (method) => {
    const engine = await openTestEngine();
    const result = await upload(engine, 'client-issue', clientIssueRows(2, { method }));
    expect(result.ok).toBe(true);
    const done = await simulateDownloads(engine, result.uploadId!);
    expect(done.map((d) => [d.purpose, d.result.ok])).toEqual([
      ['pin', true],
      ['client-cert', true],
      ['client-cert', true],
    ]);
    const state = await engine.state();
    expect([...state.certificates.values()].filter((c) => c.downloadedAt)).toHaveLength(2);
    expect(state.mails.filter((m) => m.subject === 'クライアント証明書取得通知')).toHaveLength(2);
    expect(await simulateDownloads(engine, result.uploadId!)).toEqual([]); // one-time: nothing left to open
  });
});
