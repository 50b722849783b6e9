// `upki-tsv inventory` and `upki-tsv renew-plan` end to end on the simulated RA's own CLI: issue 5 servers and
// 30 clients, advance the clock, export the RA's downloads, list what expires, write the renewal files, upload
// them to the simulated RA and check with OpenSSL that the new certificates carry the old SANs and the new keys.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openssl, tempDir } from '../pki/openssl.testkit';
import { clientIssueRows, makeServerCsr, serverIssueRow, tsvBytes } from '../tsv/fixtures';

const BIN = resolve(__dirname, '../../bin/upki-tsv.mjs');
const tmp = tempDir('upki-cli-inventory-');
afterAll(() => tmp.remove());
const O = 'National Institute of Informatics';
const HOSTS = ['a', 'b', 'c', 'd', 'e'].map((h) => `${h}.nii.ac.jp`);

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp.dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

let asOf: string;

beforeAll(async () => {
  tmp.write('nii.json', JSON.stringify({ o: O, st: 'Tokyo', l: 'Chiyoda-ku', domains: ['nii.ac.jp'], ouAllowList: {}, approvalExpires: '2099-03-31' }));
  const rows = [];
  for (const [i, host] of HOSTS.entries()) {
    const dn = `CN=${host},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`;
    const csr = await makeServerCsr({ dn });
    rows.push(serverIssueRow({ dn, csr: csr.oneLine, fqdn: host, dnsNames: i % 2 ? `dNSName=alt${i}.nii.ac.jp` : '' }));
  }
  tmp.write('servers.tsv', tsvBytes(rows));
  tmp.write('clients.tsv', tsvBytes(clientIssueRows(30, { method: '2' })));
  expect(cli(['ra', 'init', '--state', 'st', '--institution', 'nii.json']).status).toBe(0);
  expect(cli(['ra', 'upload', '--state', 'st', '--kind', 'server-issue', 'servers.tsv']).status).toBe(0);
  expect(cli(['ra', 'upload', '--state', 'st', '--kind', 'client-issue', 'clients.tsv']).status).toBe(0);
  // Two of the servers are renewed late: advance to 80 days before the servers' expiry.
  expect(cli(['ra', 'clock', '--state', 'st', '--advance', '120']).status).toBe(0);
  expect(cli(['ra', 'export', '--state', 'st', '--out', 'out']).status).toBe(0);
  asOf = readFileSync(tmp.path('out/now.txt'), 'utf8').split('\t')[0];
}, 300_000);

describe('upki-tsv inventory', () => {
  it('merges the three RA lists into 35 rows and filters by days left', () => {
    const all = cli(['inventory', '--json', '--as-of', asOf, 'out/downloads']);
    expect(all.status, all.stderr).toBe(0);
    const rows = JSON.parse(all.stdout) as { cn: string; kind: string; status: string; daysLeft: number; sources: string[]; serialHex: string }[];
    expect(rows).toHaveLength(35);
    expect(rows.filter((r) => r.kind === 'server')).toHaveLength(5);
    expect(rows.every((r) => r.status === 'valid')).toBe(true);
    expect(rows[0].sources.length).toBeGreaterThanOrEqual(2);
    const soon = JSON.parse(cli(['inventory', '--json', '--as-of', asOf, '--expiring-within', '90', 'out/downloads']).stdout) as typeof rows;
    expect(soon.map((r) => r.cn).sort()).toEqual(HOSTS);
    expect(soon.every((r) => r.daysLeft > 60 && r.daysLeft <= 90)).toBe(true);
    const text = cli(['inventory', '--as-of', asOf, '--expiring-within', '90', 'out/downloads']);
    expect(text.stdout.split('\n')[0]).toBe('状態\t残り日数\t有効期間終了(JST)\t種別\tCN\tシリアル番号\tプロファイル\t申請ID\t利用管理者mail');
    const csv = cli(['inventory', '--csv', '--as-of', asOf, 'out/downloads']);
    expect(csv.stdout.startsWith('\ufeffCN,')).toBe(true);
  });

  it('usage errors exit 2; an unreadable file is named and exits 1', () => {
    expect(cli(['inventory']).status).toBe(2);
    expect(cli(['inventory', '--expiring-within', 'soon', 'out']).status).toBe(2);
    tmp.write('junk.txt', new Uint8Array([0, 1, 2, 3]));
    const r = cli(['inventory', 'junk.txt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('junk.txt: このファイルはテキストではないデータ');
  });
});

describe('upki-tsv renew-plan', () => {
  it('writes keys, CSRs and the renewal TSV; the simulated RA issues from them with the same SANs and the new keys', () => {
    tmp.write('pass.txt', 'renewal passphrase 2027\n');
    const r = cli(['renew-plan', '--expiring-within', '90', '--as-of', asOf, '--out', 'plan', '--passphrase-file', 'pass.txt', '--software', 'nginx', 'out/downloads']);
    expect(r.status, r.stderr).toBe(0);
    const files = readdirSync(tmp.path('plan')).sort();
    expect(files.filter((f) => f.endsWith('.key'))).toEqual(HOSTS.map((h) => `${h}.key`));
    const tsv = files.filter((f) => f.startsWith('upki-server-renew-'));
    expect(tsv).toHaveLength(1);
    const up = cli(['ra', 'upload', '--state', 'st', '--kind', 'server-renew', '--json', `plan/${tsv[0]}`]);
    expect(up.status, up.stdout + up.stderr).toBe(0);
    const result = JSON.parse(up.stdout.trim().split('\n').pop()!) as { records: { ok: boolean; serial?: string }[] };
    expect(result.records.every((x) => x.ok)).toBe(true);
    expect(cli(['ra', 'export', '--state', 'st', '--out', 'out2']).status).toBe(0);
    const oldSans = (host: string) => {
      const old = JSON.parse(cli(['inventory', '--json', '--as-of', asOf, 'out/downloads']).stdout).find((x: { cn: string }) => x.cn === host);
      return [...(old.dnsNames as string[])].sort();
    };
    for (const [i, host] of HOSTS.entries()) {
      const serial = result.records[i].serial!;
      const crt = tmp.path(`out2/certs/${serial}.pem`);
      const subject = openssl(['x509', '-in', crt, '-noout', '-subject']);
      expect(subject).toContain(`CN = ${host}`);
      const sans = [...openssl(['x509', '-in', crt, '-noout', '-ext', 'subjectAltName']).matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1]).sort();
      expect(sans).toEqual(oldSans(host));
      const keyPub = openssl(['pkey', '-in', tmp.path(`plan/${host}.key`), '-passin', `file:${tmp.path('pass.txt')}`, '-pubout']);
      expect(openssl(['x509', '-in', crt, '-noout', '-pubkey'])).toBe(keyPub);
      expect(openssl(['req', '-in', tmp.path(`plan/${host}.csr`), '-noout', '-pubkey'])).toBe(keyPub);
    }
  }, 300_000);
});
