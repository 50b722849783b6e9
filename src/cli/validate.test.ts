// The real command, run as a user runs it: `node bin/upki-tsv.mjs validate ...` in a child process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { clientIssueRows, makeServerCsr, serverIssueRow, tsvBytes } from '../tsv/fixtures';

const ROOT = resolve(__dirname, '../..');
const BIN = resolve(ROOT, 'bin/upki-tsv.mjs');
const dir = mkdtempSync(join(tmpdir(), 'upki-cli-validate-'));

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', cwd: dir });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let goodServer: string;
let badClient: string;

beforeAll(async () => {
  const csr = await makeServerCsr();
  goodServer = join(dir, 'server-ok.tsv');
  writeFileSync(goodServer, tsvBytes([serverIssueRow({ csr: csr.oneLine })]));
  badClient = join(dir, 'client-bad.tsv');
  const [first, second] = clientIssueRows(2);
  second[9] = ''; // column 10, 利用管理者mail
  writeFileSync(badClient, tsvBytes([first, second]));
});

describe('upki-tsv validate', () => {
  it('accepts a valid server issue file with exit 0 and an OK row', () => {
    const r = cli('validate', '--kind', 'server-issue', goodServer);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('SEQ\t処理結果\tエラー内容');
    expect(r.stdout).toMatch(/^1\tOK\t$/m);
  });

  it('prints NG rows as code:column,name,message and exits 1', () => {
    const r = cli('validate', '--kind', 'client-issue', badClient);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^1\tOK\t$/m);
    expect(r.stdout).toMatch(/^2\tNG\t201:10,利用管理者mail,.+$/m);
  });

  it("prints the acceptance example verbatim: a repeated client CN+OU is NII's 212 (B.15)", () => {
    const [row] = clientIssueRows(1);
    const dup = join(dir, 'dup.tsv');
    writeFileSync(dup, tsvBytes([row, row]));
    const r = cli('validate', '--kind', 'client-issue', dup);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('1\tOK\t\n2\tNG\t212:1,主体者DN,指定したDNはすでに存在しています。\n');
  });

  it('--json writes one object per file per line with the documented shape', () => {
    const r = cli('validate', '--kind', 'client-issue', '--json', goodServer, badClient);
    expect(r.status).toBe(1);
    const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    // A 13-column server file read as a client file: every record has the wrong column count.
    expect(lines[0].ok).toBe(false);
    const bad = lines[1];
    expect(bad).toMatchObject({ file: badClient, kind: 'client-issue', ok: false, fileErrors: [] });
    expect(bad.records).toHaveLength(2);
    expect(bad.records[0]).toMatchObject({ seq: 1, ok: true, errors: [] });
    expect(bad.records[1].ok).toBe(false);
    expect(bad.records[1].errors).toContainEqual(expect.objectContaining({ column: 10, code: '201' }));
  });

  it('--json has exactly the documented keys; a record-level error has column null', () => {
    const short = join(dir, 'short.tsv');
    const [first] = clientIssueRows(1);
    writeFileSync(short, tsvBytes([first, first.slice(0, 14)]));
    const out = JSON.parse(cli('validate', '--kind', 'client-issue', '--json', short).stdout);
    const keys = (o: object) => Object.keys(o).sort();
    expect(keys(out)).toEqual(['encoding', 'file', 'fileErrors', 'fileWarnings', 'kind', 'ok', 'records']);
    expect(out.encoding).toBe('Shift_JIS');
    for (const record of out.records) expect(keys(record)).toEqual(['errors', 'ok', 'seq', 'warnings']);
    const errors = out.records.flatMap((r: { errors: object[] }) => r.errors);
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors) expect(keys(e)).toEqual(['code', 'column', 'message']);
    expect(out.records[1].errors).toEqual([{ column: null, code: 'U105', message: expect.stringContaining('14個') }]);
    const fileLevel = JSON.parse(cli('validate', '--kind', 'client-issue', '--json', join(dir, 'none.tsv')).stdout);
    expect(fileLevel.fileErrors.map(keys)).toEqual([['code', 'message']]);
  });

  it('--lang en prints English messages', () => {
    const r = cli('validate', '--kind', 'client-issue', '--lang', 'en', badClient);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('Result: errors found');
    expect(r.stdout).not.toContain('入力必須');
  });

  it('reports a UTF-8 file as a file-level encoding error', () => {
    const utf8 = join(dir, 'utf8.tsv');
    writeFileSync(utf8, Buffer.from(serverIssueRow({ adminName: '国立　太郎' }).join('\t') + '\r\n', 'utf8'));
    const r = cli('validate', '--kind', 'server-issue', '--json', utf8);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.fileErrors.map((e: { code: string }) => e.code)).toContain('U103');
    expect(out.fileErrors[0].message).toContain('UTF-8');
  });

  it('refuses a file over the size limit before reading it (U112)', () => {
    const huge = join(dir, 'huge.tsv');
    writeFileSync(huge, '');
    truncateSync(huge, 64 * 1024 * 1024 + 1); // sparse: costs no disk, but stat() sees the size
    const r = cli('validate', '--kind', 'server-issue', '--json', huge);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).fileErrors.map((e: { code: string }) => e.code)).toEqual(['U112']);
    truncateSync(huge, 0);
    expect(JSON.parse(cli('validate', '--kind', 'server-issue', '--json', huge).stdout).fileErrors.map((e: { code: string }) => e.code)).toEqual(['213']);
  });

  it('a missing file is error 208, not a crash', () => {
    const r = cli('validate', '--kind', 'server-issue', '--json', join(dir, 'nope.tsv'));
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).fileErrors[0].code).toBe('208');
  });

  it.each([
    [['validate', 'x.tsv'], '--kind is required'],
    [['validate', '--kind', 'server-issu', 'x.tsv'], "unknown kind 'server-issu'"],
    [['validate', '--kind', 'server-issue'], 'no FILE given'],
    [['validate', '--kind', 'server-issue', '--bogus', 'x.tsv'], 'unknown option --bogus'],
    [['frobnicate'], "unknown command 'frobnicate'"],
  ])('usage error %j exits 2', (args, message) => {
    const r = cli(...args);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('upki-tsv through npx, as the README tells a user to run it', () => {
  // --no-install: resolve the project's own bin (package.json "bin"); never ask the registry.
  const npx = (...args: string[]) => spawnSync('npx', ['--no-install', 'upki-tsv', ...args], { encoding: 'utf8', cwd: ROOT });

  it('validates a good and a bad file with the exit statuses 0 and 1', () => {
    const good = npx('validate', '--kind', 'server-issue', goodServer);
    expect(good.stderr).toBe('');
    expect(good.status).toBe(0);
    expect(good.stdout).toContain('結果: 問題なし');
    const bad = npx('validate', '--kind', 'client-issue', '--lang', 'en', badClient);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/^2\tNG\t201:10,/m);
    expect(bad.stdout).toContain('Result: errors found');
  });
});

describe('output into a pipe that closes early', () => {
  it('`upki-tsv validate … | head -1` stops quietly with the validation status, no EPIPE trace', () => {
    const rows = clientIssueRows(3000);
    for (const r of rows) r[9] = ''; // column 10 required: thousands of lines of output, more than a pipe holds
    const file = join(dir, 'many-errors.tsv');
    writeFileSync(file, tsvBytes(rows));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${BIN}" validate --kind client-issue "${file}" | head -1; exit "\${PIPESTATUS[0]}"`], { encoding: 'utf8', cwd: dir });
    expect(r.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(r.stderr).not.toMatch(/EPIPE|Error/);
    expect(r.status).toBe(1);
  });
});
