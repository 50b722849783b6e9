// The worker's side of the validator page: the report stays here; the page gets a summary, pages of records,
// where a record is, and the file converted.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ReportStore } from './report-store';

const CLIENT = ['CN=KOKURITSU HANAKO,OU=01,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', '5', '2', '', '', '', '', '国立　太郎', '学術基盤推進部', 'admin@example.ac.jp', '国立　花子', '', '情報学研究科', 'hanako@example.ac.jp', ''];
const text = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
const sjis = (rows: string[][]) => new Blob([execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text(rows) })]);

describe('ReportStore', () => {
  it('summarises, pages and locates: only problem rows in the filtered list, stale generations get nothing', async () => {
    const rows = Array.from({ length: 120 }, (_, i) =>
      CLIENT.map((c, col) => (col === 0 ? `CN=USER ${i + 1},OU=${String(i + 1).padStart(4, '0')},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP` : col === 9 && i % 3 === 0 ? '' : c)),
    );
    const store = new ReportStore();
    const s = await store.validate(sjis(rows), 'client-issue', 'a.tsv');
    expect(s.totals).toMatchObject({ records: 120, ng: 40 });
    expect(s.problems).toBe(40);
    expect(s.groups[0]).toMatchObject({ count: 40, seqs: [1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37, 40, 43, 46, 49, 52, 55, 58] });
    expect(s.groups[0].sample.code).toBe('201');
    const page = await store.page({ gen: s.gen, problemsOnly: true, offset: 20, size: 20 });
    expect(page?.map((r) => r.seq)).toEqual(Array.from({ length: 20 }, (_, i) => 61 + 3 * i));
    expect(await store.locate(s.gen, 100, true)).toBe(33);
    expect(await store.locate(s.gen, 101, true)).toBe(-1);
    expect(await store.locate(s.gen, 101, false)).toBe(100);
    const next = await store.validate(sjis(rows.slice(0, 2)), 'client-issue', 'b.tsv');
    expect(await store.page({ gen: s.gen, problemsOnly: false, offset: 0, size: 20 })).toBeNull();
    expect((await store.page({ gen: next.gen, problemsOnly: false, offset: 0, size: 20 }))?.length).toBe(2);
  });

  it('overlapping calls: an earlier file that finishes last does not replace the newer report the page shows', async () => {
    const store = new ReportStore();
    const slowBytes = await sjis([CLIENT, CLIENT, CLIENT]).arrayBuffer();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    // A large file: reading it takes longer than the small file chosen right after it (the kind changed, then the file).
    const slow = { arrayBuffer: async () => (await gate, slowBytes) } as unknown as Blob;
    const first = store.validate(slow, 'client-issue', 'big.tsv');
    const second = await store.validate(sjis([CLIENT]), 'client-issue', 'after.tsv');
    release();
    const stale = await first;
    expect(stale.gen).toBeLessThan(second.gen);
    const page = await store.page({ gen: second.gen, problemsOnly: false, offset: 0, size: 20 });
    expect(page?.map((r) => r.seq)).toEqual([1]);
    expect(await store.page({ gen: stale.gen, problemsOnly: false, offset: 0, size: 20 })).toBeNull();
  });

  it('a client file checked as server: every row U105, the kind guessed', async () => {
    const s = await new ReportStore().validate(sjis([CLIENT, CLIENT, CLIENT]), 'server-issue', 'c.tsv');
    expect(s.allWrongWidth).toBe(true);
    expect(s.guessed).toBe('client-issue');
  });

  it('a UTF-8 file is convertible and converts to bytes that validate without U103', async () => {
    const store = new ReportStore();
    const s = await store.validate(new Blob([text([CLIENT])]), 'client-issue', 'u.tsv');
    expect(s.convertible).toBe(true);
    expect(s.fileIssues.map((i) => i.code)).toContain('U103');
    const converted = await store.convert(s.gen);
    if (!converted?.ok) throw new Error('not converted');
    const again = await store.validate(new Blob([converted.bytes.slice()]), 'client-issue', 'u-sjis.tsv');
    expect(again.fileIssues.map((i) => i.code)).not.toContain('U103');
    expect(again.ok).toBe(true);
  });
});
