import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeKeyAndCsr } from '../pki/keys';
import { KINDS } from '../spec/kinds';
import { validateFile } from '../tsv';
import { checkSheet } from './check';
import { newRowCells } from './defaults';
import { buildExport, packageExport } from './export';
import { blankProfile } from './institution';

const dir = mkdtempSync(join(tmpdir(), 'builder-export-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const inst = {
  ...blankProfile('x'),
  o: 'National Institute of Informatics',
  st: 'Tokyo',
  l: 'Chiyoda-ku',
  adminName: '国立　太郎',
  adminDept: '学術基盤推進部',
  adminMail: 'admin@nii.ac.jp',
  software: 'nginx 1.26',
};
const date = new Date('2026-11-23T03:00:00Z');

function clientRows(n: number, method: string): string[][] {
  return Array.from({ length: n }, (_, i) => {
    const cells = newRowCells(KINDS['client-issue'], inst, { profileId: '5', method });
    cells[0] = `CN=USER ${i},OU=${String(i).padStart(7, '0')},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
    cells[10] = '利用　者';
    cells[13] = `user${i}@nii.ac.jp`;
    return cells;
  });
}

const sjis = (bytes: Uint8Array) => new TextDecoder('shift_jis', { fatal: true }).decode(bytes);

describe('export', () => {
  it('writes one Shift-JIS CRLF file without header, named by kind and date, valid for the validator', async () => {
    const rows = clientRows(3, '1');
    expect(checkSheet(KINDS['client-issue'], rows).errors).toBe(0);
    const result = await buildExport(KINDS['client-issue'], rows, date);
    if (!result.ok) throw new Error(JSON.stringify([...result.check.byRow.values()]));
    expect(result.files.map((f) => f.name)).toEqual(['upki-client-issue-20261123.tsv']);
    const text = sjis(result.files[0].bytes);
    expect(text).toBe(rows.map((r) => r.join('\t')).join('\r\n') + '\r\n');
    expect(text).toContain('国立　太郎');
    const path = join(dir, 'one.tsv');
    writeFileSync(path, result.files[0].bytes);
    // An independent decoder (glibc iconv) reads the bytes back the same.
    expect(execFileSync('iconv', ['-f', 'SHIFT_JIS', '-t', 'UTF-8', path]).toString()).toBe(text);
    expect((await validateFile(result.files[0].bytes, 'client-issue')).ok).toBe(true);
    const single = await packageExport(KINDS['client-issue'], result.files, date);
    expect(single.name).toBe('upki-client-issue-20261123.tsv');
  });

  it('splits 150 method-1 rows into 99 + 51 and zips them', async () => {
    const rows = clientRows(150, '1');
    const result = await buildExport(KINDS['client-issue'], rows, date);
    if (!result.ok) throw new Error('refused');
    expect(result.files.map((f) => [f.name, f.rows])).toEqual([
      ['upki-client-issue-20261123-1of2.tsv', 99],
      ['upki-client-issue-20261123-2of2.tsv', 51],
    ]);
    for (const file of result.files) expect((await validateFile(file.bytes, 'client-issue')).ok).toBe(true);
    const zip = await packageExport(KINDS['client-issue'], result.files, date);
    expect(zip.name).toBe('upki-client-issue-20261123.zip');
    const zipPath = join(dir, zip.name);
    writeFileSync(zipPath, zip.bytes);
    const listing = execFileSync('unzip', ['-l', zipPath]).toString();
    expect(listing).toMatch(/upki-client-issue-20261123-1of2\.tsv/);
    expect(listing).toMatch(/upki-client-issue-20261123-2of2\.tsv/);
    const second = execFileSync('unzip', ['-p', zipPath, 'upki-client-issue-20261123-2of2.tsv']);
    expect(sjis(new Uint8Array(second)).split('\r\n')[0]).toBe(rows[99].join('\t'));
  });

  it('splits by download method', async () => {
    const rows = [...clientRows(2, '1'), ...clientRows(2, '2').map((r) => r.map((c, i) => (i === 0 ? c.replace('USER', 'BULK') : c)))];
    const result = await buildExport(KINDS['client-issue'], rows, date);
    if (!result.ok) throw new Error('refused');
    expect(result.files.map((f) => f.name)).toEqual(['upki-client-issue-20261123-method1.tsv', 'upki-client-issue-20261123-method2.tsv']);
  });

  it('keeps 1000 method-2 rows in one file', async () => {
    const rows = clientRows(1000, '2');
    const result = await buildExport(KINDS['client-issue'], rows, date);
    expect(result.ok && result.files.map((f) => f.rows)).toEqual([1000]);
  });

  it('refuses while an error remains and says where', async () => {
    const rows = clientRows(3, '1');
    rows[1][13] = 'not a mail';
    const result = await buildExport(KINDS['client-issue'], rows, date);
    expect(result.ok).toBe(false);
    expect([...result.check.byRow.keys()]).toEqual([1]);
    expect(result.check.byRow.get(1)?.some((i) => i.column === 14 && i.severity === 'error')).toBe(true);
    expect((await buildExport(KINDS['client-issue'], [], date)).ok).toBe(false);
  });

  it('server issue: a real CSR passes the full check; a CSR whose DN differs from column 1 is refused', async () => {
    const made = await makeKeyAndCsr({ profile: '3', subject: { cn: 'www.nii.ac.jp', o: inst.o, st: inst.st, l: inst.l }, passphrase: null });
    if (!made.ok) throw new Error('keygen');
    const cells = newRowCells(KINDS['server-issue'], inst, { profileId: '3' });
    cells[0] = made.value.subjectTsv;
    cells[6] = made.value.csrOneLine;
    cells[10] = 'www.nii.ac.jp';
    const ok = await buildExport(KINDS['server-issue'], [cells], date);
    if (!ok.ok) throw new Error(JSON.stringify([...ok.check.byRow.values()]));
    expect((await validateFile(ok.files[0].bytes, 'server-issue')).ok).toBe(true);

    const other = [...cells];
    other[0] = other[0].replace('www.nii.ac.jp', 'mail.nii.ac.jp');
    other[10] = 'mail.nii.ac.jp';
    const refused = await buildExport(KINDS['server-issue'], [other], date);
    expect(refused.ok).toBe(false);
    expect(refused.check.full).toBe(true);
  });
});
