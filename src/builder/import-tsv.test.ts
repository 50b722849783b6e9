import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readTsvForEditing, widthProblems } from './import-tsv';

const DN = 'CN=KOKURITSU HANAKO,OU=2024001,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
const row = [DN, '5', '1', '', '', '', '', '国立　太郎', '', 'admin@nii.ac.jp', '国立　花子', '', '', 'hanako@nii.ac.jp', ''];
const text = `${row.join('\t')}\r\n${row.join('\t').replace('2024001', '2024002')}\r\n`;

describe('readTsvForEditing', () => {
  it('reads a Shift-JIS file (encoded by iconv) and guesses client issue first', () => {
    const bytes = new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: text }));
    const result = readTsvForEditing(bytes);
    expect(result.encoding).toBe('Shift_JIS');
    expect(result.records).toHaveLength(2);
    expect(result.records[0]).toEqual(row);
    expect(result.guesses[0].kind).toBe('client-issue');
    expect(result.guesses).toHaveLength(6);
    expect(result.fileIssues).toEqual([]);
  });

  it('reads UTF-8 too, reporting it as a file issue for the user to see', () => {
    const result = readTsvForEditing(new TextEncoder().encode(text));
    expect(result.records[1][0]).toContain('OU=2024002');
    expect(result.fileIssues.map((i) => i.code)).toContain('U103');
  });

  it('a 15-column client file confirmed as server issue: every row has U105, 2 cells to drop', () => {
    const result = readTsvForEditing(new TextEncoder().encode(text));
    expect(widthProblems('client-issue', result.records)).toEqual([]);
    const problems = widthProblems('server-issue', result.records);
    expect(problems.map((p) => [p.issue.code, p.issue.seq, p.dropped, p.added])).toEqual([
      ['U105', 1, 2, 0],
      ['U105', 2, 2, 0],
    ]);
  });

  it('a short row is padded: the cells it gains are counted', () => {
    const result = readTsvForEditing(new TextEncoder().encode(`${row.join('\t')}\r\n${row.slice(0, 10).join('\t')}\r\n`));
    expect(widthProblems('client-issue', result.records).map((p) => [p.issue.seq, p.dropped, p.added])).toEqual([[2, 0, 5]]);
  });

  it('bytes that decode to no record give nothing to open', () => {
    const result = readTsvForEditing(new Uint8Array([0xff, 0xfe, 0x00, 0xd8, 0x00]));
    expect(result.records).toEqual([]);
    expect(result.fileIssues.some((i) => i.severity === 'error')).toBe(true);
  });
});
