// The CLI's RA state folder under concurrent and interrupted use (issue 10): a stale lock left by a killed
// process, two commands at once, two `ra init` at once; folder and exported files owner-only.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pki/openssl.testkit';
import { clientIssueRow, tsvBytes } from '../tsv/fixtures';
import { ORPHAN_AGE_MS } from '../ra/store/dir-store';

const BIN = resolve(__dirname, '../../bin/upki-tsv.mjs');
const tmp = tempDir('upki-cli-ra-cc-');
afterAll(() => tmp.remove());

/** Run `upki-tsv ra …` as its own process, without waiting (several run at once). */
function cli(args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [BIN, 'ra', ...args], { cwd: tmp.dir });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

const rows = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) =>
    clientIssueRow({
      dn: `CN=${prefix} ${i + 1},OU=${prefix === 'ALPHA' ? '1' : '2'}${String(i).padStart(7, '0')},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`,
      method: '2',
      userMail: `${prefix.toLowerCase()}${i + 1}@nii.ac.jp`,
      p12Name: `${prefix.toLowerCase()}${i + 1}`,
    }),
  );

/** A lock directory as a killed process leaves it: present, not refreshed for an hour. */
function staleLock(state: string): void {
  const lock = tmp.path(`${state}/.lockdir`);
  mkdirSync(lock, { recursive: true });
  const hourAgo = new Date(Date.now() - 3600_000);
  utimesSync(lock, hourAgo, hourAgo);
}

beforeAll(() => {
  const nii = { o: 'National Institute of Informatics', st: 'Tokyo', l: 'Chiyoda-ku', domains: ['nii.ac.jp'], ouAllowList: {}, approvalExpires: '2099-03-31' };
  tmp.write('nii.json', JSON.stringify(nii));
  tmp.write('alpha.tsv', tsvBytes(rows('ALPHA', 3)));
  tmp.write('beta.tsv', tsvBytes(rows('BETA', 3)));
});

describe('RA state folder shared by processes', () => {
  it('two `ra init` at once both succeed on one state with one key-wrapping key', async () => {
    const [a, b] = await Promise.all([cli(['init', '--state', 'twice', '--institution', 'nii.json']), cli(['init', '--state', 'twice', '--institution', 'nii.json'])]);
    expect([a.status, b.status, a.stderr, b.stderr]).toEqual([0, 0, '', '']);
    expect(statSync(tmp.path('twice/kwk.key')).size).toBe(32);
    const exported = await cli(['export', '--state', 'twice', '--out', 'twice-out']);
    expect(exported.status, exported.stderr).toBe(0);
    // One CA hierarchy, not two: the second init found the first one's.
    const state = JSON.parse(readFileSync(tmp.path('twice/state.json'), 'utf8')) as { events: { type: string }[] };
    expect(state.events.filter((e) => e.type === 'initialized')).toHaveLength(1);
  });

  it('two uploads at once over a stale lock both commit: no upload lost, every P12 its own file', async () => {
    expect((await cli(['init', '--state', 'cc', '--institution', 'nii.json'])).status).toBe(0);
    staleLock('cc');
    const [a, b] = await Promise.all([
      cli(['upload', '--state', 'cc', '--kind', 'client-issue', '--json', 'alpha.tsv']),
      cli(['upload', '--state', 'cc', '--kind', 'client-issue', '--json', 'beta.tsv']),
    ]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const serials = [a, b].flatMap((r) => (JSON.parse(r.stdout) as { records: { serial: string }[] }).records.map((x) => x.serial));
    expect(new Set(serials).size).toBe(6);

    const out = await cli(['export', '--state', 'cc', '--out', 'cc-out']);
    expect(out.status, out.stderr).toBe(0);
    const p12 = readdirSync(tmp.path('cc-out/p12'), { recursive: true, withFileTypes: true }).filter((d) => d.isFile());
    expect(p12).toHaveLength(6);
    const p12Bytes = new Set(p12.map((d) => readFileSync(resolve(d.parentPath, d.name)).toString('base64')));
    expect(p12Bytes.size).toBe(6);
    for (const serial of serials) expect(existsSync(tmp.path(`cc-out/certs/${serial}.pem`))).toBe(true);
    expect(existsSync(tmp.path('cc/.lockdir'))).toBe(false);
  });

  it('keeps the folder and exported files owner-only, and removes files an interrupted commit left', async () => {
    expect(statSync(tmp.path('cc')).mode & 0o777).toBe(0o700);
    expect(statSync(tmp.path('cc/state.json')).mode & 0o777).toBe(0o600);
    expect(statSync(tmp.path('cc/kwk.key')).mode & 0o777).toBe(0o600);
    for (const name of readdirSync(tmp.path('cc/files'))) expect(statSync(tmp.path(`cc/files/${name}`)).mode & 0o777).toBe(0o600);
    const exported = readdirSync(tmp.path('cc-out'), { recursive: true, withFileTypes: true });
    for (const d of exported) expect(statSync(resolve(d.parentPath, d.name)).mode & 0o777).toBe(d.isFile() ? 0o600 : 0o700);

    // What a commit killed before its commit point leaves: a file nobody references and a temporary state.
    const long = new Date(Date.now() - ORPHAN_AGE_MS - 60_000);
    writeFileSync(tmp.path('cc/files/deadbeef.orphan.p12'), 'x');
    writeFileSync(tmp.path('cc/state.json.deadbeef.tmp'), '{');
    utimesSync(tmp.path('cc/files/deadbeef.orphan.p12'), long, long);
    utimesSync(tmp.path('cc/state.json.deadbeef.tmp'), long, long);
    expect((await cli(['clock', '--state', 'cc', '--advance', '1'])).status).toBe(0);
    expect(existsSync(tmp.path('cc/files/deadbeef.orphan.p12'))).toBe(false);
    expect(existsSync(tmp.path('cc/state.json.deadbeef.tmp'))).toBe(false);
  });
});
