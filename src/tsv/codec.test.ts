// The codec: lines, TABs, CR/LF, NUL, header rows, encodings. Shift-JIS output is checked with iconv.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { checkColumnCount, decodeAndParse, encodeTsv, formatTsv, parseTsv } from './codec';
import { clientIssueRow, serverIssueRow, serverRevokeRow } from './fixtures';

const row = serverRevokeRow();
const line = row.join('\t');

describe('parseTsv', () => {
  it('reads CRLF and LF alike, seq = line number', () => {
    const crlf = parseTsv(`${line}\r\n${line}\r\n`, 'server-revoke');
    const lf = parseTsv(`${line}\n${line}`, 'server-revoke');
    expect(crlf).toEqual(lf);
    expect(crlf.fileIssues).toEqual([]);
    expect(crlf.records.map((r) => r.seq)).toEqual([1, 2]);
    expect(crlf.records[0].cells).toEqual(row);
  });

  it('ignores trailing blank lines', () => {
    const parsed = parseTsv(`${line}\r\n\r\n\n  \r\n`, 'server-revoke');
    expect(parsed.records).toHaveLength(1);
    expect(parsed.fileIssues).toEqual([]);
  });

  it('reports a blank line in the middle (U107) and keeps line numbers', () => {
    const parsed = parseTsv(`${line}\r\n\r\n${line}\r\n`, 'server-revoke');
    expect(parsed.fileIssues.map((i) => [i.code, i.seq])).toEqual([['U107', 2]]);
    expect(parsed.records.map((r) => r.seq)).toEqual([1, 3]);
  });

  it('reports a bare CR (U104)', () => {
    const parsed = parseTsv(`${line}\r${line}\r\n`, 'server-revoke');
    expect(parsed.fileIssues.map((i) => [i.code, i.seq])).toEqual([['U104', 1]]);
    expect(parseTsv(`${line}\r\n`, 'server-revoke').fileIssues).toEqual([]);
  });

  it('reports a bare CR that ends the file (U104): nothing follows it, so it is not the CR of a CR+LF', () => {
    const afterRecord = parseTsv(`${line}\r\n\r`, 'server-revoke');
    expect(afterRecord.fileIssues.map((i) => [i.code, i.seq])).toEqual([['U104', 2]]);
    expect(afterRecord.records.map((r) => r.seq)).toEqual([1]);
    expect(parseTsv(`${line}\r`, 'server-revoke').fileIssues.map((i) => [i.code, i.seq])).toEqual([['U104', 1]]);
    for (const fine of [`${line}\r\n`, `${line}\n`, line, `${line}\r\n${line}`]) {
      expect(parseTsv(fine, 'server-revoke').fileIssues).toEqual([]);
    }
  });

  it('treats NUL as binary (U101) and reads no records', () => {
    const parsed = parseTsv(`${line}\u0000\r\n`, 'server-revoke');
    expect(parsed.fileIssues.map((i) => i.code)).toEqual(['U101']);
    expect(parsed.records).toEqual([]);
  });

  it('rejects a header row with a clear hint (U106) and does not validate it as data', () => {
    const header = ['主体者DN', '', '', '失効対象証明書シリアル番号', '失効理由', '失効理由コメント', '', '', '', '利用管理者mail', '', '', ''].join('\t');
    const parsed = parseTsv(`${header}\r\n${line}\r\n`, 'server-revoke');
    expect(parsed.fileIssues.map((i) => [i.code, i.seq])).toEqual([['U106', 1]]);
    expect(parsed.fileIssues[0].message.ja).toContain('主体者DN');
    expect(parsed.records.map((r) => r.seq)).toEqual([2]);
    expect(parseTsv(`Subject DN\tx\r\n`, 'server-revoke').fileIssues.map((i) => i.code)).toEqual(['U106']);
  });

  it('does not take a data row for a header', () => {
    expect(parseTsv(`${line}\r\n`, 'server-revoke').fileIssues).toEqual([]);
  });

  it('strips a BOM with a warning (U109)', () => {
    const parsed = parseTsv(`\uFEFF${line}\r\n`, 'server-revoke');
    expect(parsed.fileIssues.map((i) => [i.code, i.severity])).toEqual([['U109', 'warning']]);
    expect(parsed.records[0].cells[0]).toBe(row[0]);
  });
});

describe('checkColumnCount', () => {
  it('accepts the full count', () => {
    expect(checkColumnCount('server-revoke', 1, row)).toBeUndefined();
    expect(checkColumnCount('client-issue', 1, clientIssueRow())).toBeUndefined();
  });

  it('says expected and actual column and TAB counts', () => {
    const issue = checkColumnCount('server-issue', 3, row.slice(0, 12))!;
    expect(issue.code).toBe('U105');
    expect(issue.seq).toBe(3);
    expect(issue.message.ja).toContain('12個（TAB 11個）');
    expect(issue.message.ja).toContain('13項目（TAB 12個）');
    expect(issue.message.en).toContain('13 columns (12 TABs)');
    expect(checkColumnCount('client-revoke', 1, [...clientIssueRow(), ''])?.message.en).toContain('16 columns');
  });
});

describe('formatTsv and encodeTsv', () => {
  it('writes CRLF after every row and no header', () => {
    expect(formatTsv([['a', 'b'], ['c', '']])).toBe('a\tb\r\nc\t\r\n');
  });

  it('encodes Shift-JIS that iconv reads back to the same text', () => {
    const rows = [clientIssueRow({ userName: '国立　花子ｺｸﾘﾂ', userDept: '～－' })];
    const encoded = encodeTsv(rows, 'client-issue');
    expect(encoded.ok).toBe(true);
    if (!encoded.ok) return;
    const viaIconv = execFileSync('iconv', ['-f', 'SHIFT_JIS', '-t', 'UTF-8'], { input: encoded.bytes }).toString('utf8');
    expect(viaIconv.replace(/\u301c/g, '～').replace(/\u2212/g, '－')).toBe(formatTsv(rows));
    expect(new TextDecoder('shift_jis').decode(encoded.bytes)).toBe(formatTsv(rows));
  });

  it('reports characters outside JIS with row, column and position', () => {
    const encoded = encodeTsv([clientIssueRow(), clientIssueRow({ userName: '髙橋' })], 'client-issue');
    expect(encoded.ok).toBe(false);
    if (encoded.ok) return;
    expect(encoded.issues.map((i) => [i.code, i.seq, i.column, i.position])).toEqual([['U204', 2, 11, 0]]);
    expect(encoded.issues[0].hint?.ja).toContain('高');
  });
});

describe('decodeAndParse', () => {
  const sjis = (text: string) => new Uint8Array(execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS'], { input: text }));

  it('reads Shift-JIS made by iconv', () => {
    const text = formatTsv([serverIssueRow({ csr: 'MIIB', adminName: '国立　太郎' })]);
    const parsed = decodeAndParse(sjis(text), 'server-issue');
    expect(parsed.encoding).toBe('Shift_JIS');
    expect(parsed.fileIssues).toEqual([]);
    expect(parsed.records[0].cells[7]).toBe('国立　太郎');
  });

  it('reports UTF-8 (U103) but still reads the records', () => {
    const text = formatTsv([serverIssueRow({ csr: 'MIIB', adminName: '国立　太郎' })]);
    const parsed = decodeAndParse(new TextEncoder().encode(text), 'server-issue');
    expect(parsed.fileIssues.map((i) => i.code)).toEqual(['U103']);
    expect(parsed.fileIssues[0].message.ja).toContain('UTF-8');
    expect(parsed.records).toHaveLength(1);
  });

  it('stops on UTF-16 and on binary data', () => {
    const utf16 = new Uint8Array([0xff, 0xfe, ...Array.from(new TextEncoder().encode('abc')).flatMap((b) => [b, 0])]);
    expect(decodeAndParse(utf16, 'server-issue').fileIssues.map((i) => i.code)).toEqual(['U103']);
    const binary = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 1, 2, 3, 0, 0xff, 0]);
    const parsed = decodeAndParse(binary, 'server-issue');
    expect(parsed.fileIssues.map((i) => i.code)).toEqual(['U101']);
    expect(parsed.records).toEqual([]);
  });

  it('reports broken Shift-JIS (U102)', () => {
    const broken = new Uint8Array([0x61, 0x09, 0x82, 0x0a, 0x81]);
    const issues = decodeAndParse(broken, 'server-issue').fileIssues;
    expect(issues.map((i) => i.code)).toEqual(['U102']);
    // The file is named for what it is, and the fix asks for Shift-JIS only (UTF-8 is not accepted by the RA).
    expect(issues[0].message.ja).toBe('ファイルをShift-JISとしてもUTF-8としても読み取れません。');
    expect(issues[0].hint?.ja).toContain('3バイト目');
    expect(issues[0].hint?.ja).toContain('Shift-JISで保存してください');
    expect(issues[0].hint?.ja).not.toContain('UTF-8');
  });
});
