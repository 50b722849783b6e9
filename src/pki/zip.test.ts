// Archives read back by Python's zipfile and Info-ZIP's unzip, not by JSZip itself.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { zipFiles } from './zip';

const dir = mkdtempSync(join(tmpdir(), 'upki-zip-'));

const READ_BACK = `
import sys, zipfile, json, hashlib
z = zipfile.ZipFile(sys.argv[1])
print(json.dumps([{"name": i.filename, "date": list(i.date_time), "utf8": bool(i.flag_bits & 0x800),
  "sha256": hashlib.sha256(z.read(i)).hexdigest(), "method": i.compress_type} for i in z.infolist()]))
`;

// Without the UTF-8 flag Python decodes names as cp437; re-encoding gives back the raw bytes.
const SJIS_NAMES = `
import sys, zipfile, json
z = zipfile.ZipFile(sys.argv[1])
assert not any(i.flag_bits & 0x800 for i in z.infolist())
print(json.dumps([i.filename.encode("cp437").decode("shift_jis") for i in z.infolist()]))
`;

function sha256(data: Uint8Array | string): string {
  return execFileSync('sha256sum', { input: data }).toString().split(' ')[0];
}

describe('zipFiles', () => {
  const sjis = Uint8Array.from([0x8e, 0x81, 0x96, 0xbc, 0x09, 0x0d, 0x0a]); // 「氏名」TAB CRLF in Shift-JIS
  const p12 = crypto.getRandomValues(new Uint8Array(3000));
  const files = [
    { name: 'clientAllPin.txt', data: sjis },
    { name: '山田太郎.p12', data: p12 },
    { name: 'readme.txt', data: 'hello\r\n' },
  ];
  const clock = new Date(Date.UTC(2026, 3, 1, 9, 30, 20));

  it('writes every file intact, with the given date and UTF-8 names, readable by python zipfile and unzip', async () => {
    const path = join(dir, 'bundle.zip');
    writeFileSync(path, await zipFiles(files, clock));
    const entries = JSON.parse(execFileSync('python3', ['-c', READ_BACK, path], { encoding: 'utf8' }));
    expect(entries.map((e: { name: string }) => e.name)).toEqual(files.map((f) => f.name));
    entries.forEach((e: { sha256: string; date: number[]; method: number }, i: number) => {
      expect(e.sha256).toBe(sha256(files[i].data));
      expect(e.date).toEqual([2026, 4, 1, 9, 30, 20]);
      expect(e.method).toBe(8); // DEFLATE
    });
    expect(entries[1].utf8).toBe(true);
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('stores entries marked `store` as they are (method 0), intact for python zipfile and unzip', async () => {
    const path = join(dir, 'stored.zip');
    writeFileSync(path, await zipFiles([{ ...files[1], store: true }, files[2]], clock));
    const entries = JSON.parse(execFileSync('python3', ['-c', READ_BACK, path], { encoding: 'utf8' }));
    expect(entries.map((e: { method: number }) => e.method)).toEqual([0, 8]); // STORE, DEFLATE
    expect(entries[0].sha256).toBe(sha256(p12));
    expect(execFileSync('unzip', ['-t', path], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('can write Shift-JIS names without the UTF-8 flag, and refuses a name outside JIS X 0208', async () => {
    const path = join(dir, 'sjis.zip');
    writeFileSync(path, await zipFiles(files, clock, { fileNames: 'shift_jis' }));
    const raw = execFileSync('python3', ['-c', SJIS_NAMES, path], { encoding: 'utf8' });
    expect(JSON.parse(raw)).toEqual(files.map((f) => f.name));
    await expect(zipFiles([{ name: '髙橋.p12', data: p12 }], clock, { fileNames: 'shift_jis' })).rejects.toThrow(/Shift-JIS/);
  });

  it('is deterministic for the same files and clock, and changes with the clock', async () => {
    const a = await zipFiles(files, clock);
    const b = await zipFiles(files, clock);
    expect(sha256(a)).toBe(sha256(b));
    const c = await zipFiles(files, new Date(clock.getTime() + 60_000));
    expect(sha256(c)).not.toBe(sha256(a));
  });
});
