// `node bin/upki-tsv.mjs ra` end to end: init → upload (server, client) → clock → export; the exported
// certificates, CRLs and P12 bundles checked with OpenSSL, the mails with Python's email parser.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pki/openssl.testkit';
import { clientIssueRows, makeServerCsr, serverIssueRow, serverRevokeRow, tsvBytes } from '../tsv/fixtures';
import { nssDb, readSjisTsv, unzip } from '../ra/ra.testkit';

const BIN = resolve(__dirname, '../../bin/upki-tsv.mjs');
const tmp = tempDir('upki-cli-ra-');
afterAll(() => tmp.remove());

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'ra', ...args], { cwd: tmp.dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DN = 'CN=www.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
let serverSerial: string;

beforeAll(async () => {
  tmp.write(
    'nii.json',
    JSON.stringify({
      o: 'National Institute of Informatics',
      st: 'Tokyo',
      l: 'Chiyoda-ku',
      domains: ['nii.ac.jp'],
      ouAllowList: {},
      approvalExpires: '2099-03-31',
    }),
  );
  const csr = await makeServerCsr({ dn: DN });
  tmp.write('server.tsv', tsvBytes([serverIssueRow({ csr: csr.oneLine })]));
  tmp.write('client.tsv', tsvBytes(clientIssueRows(2, { method: '2' })));
});

describe('upki-tsv ra', () => {
  it('refuses usage errors with exit 2 and a missing state with a hint', () => {
    expect(cli([]).status).toBe(2);
    expect(cli(['upload', '--kind', 'server-issue', 'server.tsv']).status).toBe(2);
    const missing = cli(['upload', '--state', 'nowhere', '--kind', 'server-issue', 'server.tsv']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('ra init');
  });

  it('init creates the state with the institution from JSON', () => {
    const r = cli(['init', '--state', 'st', '--institution', 'nii.json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('O=National Institute of Informatics');
    expect(cli(['init', '--state', 'st']).status).toBe(2);
    tmp.write('bad.json', JSON.stringify({ o: 'X', st: 'Tokyo', l: 'Chiyoda-ku', domains: [], approvalExpires: '2099-03-31' }));
    const bad = cli(['init', '--state', 'st-bad', '--institution', 'bad.json']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('domains');
  });

  it('upload --json issues a server certificate (download simulated)', () => {
    const r = cli(['upload', '--state', 'st', '--kind', 'server-issue', '--json', 'server.tsv']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.ok).toBe(true);
    expect(out.records).toHaveLength(1);
    expect(out.records[0]).toMatchObject({ seq: 1, ok: true, errors: [] });
    serverSerial = out.records[0].serial;
    expect(serverSerial).toMatch(/^\d+$/);
  });

  it('upload prints the RA table and exits 1 on a refused file', () => {
    const r = cli(['upload', '--state', 'st', '--kind', 'server-issue', 'server.tsv']);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('サーバ証明書　発行・更新・失効申請エラー画面');
    expect(r.stdout).toContain('1\tNG\t212:1,主体者DN,指定したDNはすでに存在しています。');
  });

  it('issues method-2 client certificates with legacy P12 files', () => {
    const r = cli(['upload', '--state', 'st', '--kind', 'client-issue', '--p12', 'legacy', 'client.tsv']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('クライアント証明書　発行・更新申請完了画面');
    expect(r.stdout).toMatch(/1\tOK\t\t\d+/);
  });

  it('revokes, advances the clock and exports files other tools accept', async () => {
    tmp.write('revoke.tsv', tsvBytes([serverRevokeRow({ dn: DN, serial: serverSerial, reason: '4' })]));
    expect(cli(['upload', '--state', 'st', '--kind', 'server-revoke', 'revoke.tsv']).status).toBe(0);
    const c = cli(['clock', '--state', 'st', '--advance', '10']);
    expect(c.status).toBe(0);
    expect(c.stdout).toContain('CRLs refreshed: 5');
    const e = cli(['export', '--state', 'st', '--out', 'out']);
    expect(e.status).toBe(0);

    const chain = tmp.path('out/chain/chain.pem');
    const cert = tmp.path(`out/certs/${serverSerial}.pem`);
    expect(spawnSync('openssl', ['verify', '-CAfile', chain, cert], { encoding: 'utf8' }).stdout).toContain(': OK');
    const crls = readdirSync(tmp.path('out/crl'));
    expect(crls.sort()).toEqual(['client-auth.crl', 'ra-operator.crl', 'server-ecc.crl', 'server-rsa.crl', 'smime.crl']);
    const crlText = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', tmp.path('out/crl/server-rsa.crl'), '-CAfile', chain, '-verify', '-noout', '-text'], { encoding: 'utf8' });
    expect(crlText.stderr).toContain('verify OK');
    expect(crlText.stdout).toContain('Superseded');
    const revoked = spawnSync('openssl', ['verify', '-crl_check', '-CAfile', chain, '-CRLfile', tmp.path('out/crl/server-rsa.crl'), cert], { encoding: 'utf8' });
    expect(revoked.status).not.toBe(0);

    const bundles = readdirSync(tmp.path('out/bundles'));
    const pinZip = bundles.find((b) => b.endsWith('clientAllPin.zip'));
    const allZip = bundles.find((b) => b.endsWith('clientAll.zip'));
    if (!pinZip || !allZip) throw new Error(`bundles missing: ${bundles.join(', ')}`);
    // Python reads the zips, the WHATWG decoder the PIN list; OpenSSL and NSS open each P12 with its PIN.
    const pinRows = readSjisTsv((await unzip(readFileSync(tmp.path(`out/bundles/${pinZip}`))))['clientAllPin.txt']);
    const [pinAt, nameAt] = [pinRows[0].indexOf('アクセスPIN'), pinRows[0].indexOf('P12ダウンロードファイル名')];
    expect(pinRows).toHaveLength(3);
    const p12s = await unzip(readFileSync(tmp.path(`out/bundles/${allZip}`)));
    for (const row of pinRows.slice(1)) {
      const entry = Object.keys(p12s).find((n) => n === row[nameAt] || n === `${row[nameAt]}.p12`);
      if (!entry) throw new Error(`no P12 for ${row[nameAt]} in ${Object.keys(p12s).join(', ')}`);
      const p12 = tmp.write(`cli-${entry}`, p12s[entry]);
      const opened = spawnSync('openssl', ['pkcs12', '-legacy', '-in', p12, '-passin', `pass:${row[pinAt]}`, '-clcerts', '-nokeys'], { encoding: 'utf8' });
      expect(opened.status, opened.stderr).toBe(0);
      expect(spawnSync('openssl', ['verify', '-CAfile', chain, '-purpose', 'sslclient'], { input: opened.stdout, encoding: 'utf8' }).stdout).toContain(': OK');
      const db = nssDb(tmp, `nss-${entry}`);
      expect(spawnSync('pk12util', ['-l', p12, '-d', `sql:${db}`, '-W', row[pinAt]], { encoding: 'utf8' }).status).toBe(0);
      expect(spawnSync('pk12util', ['-l', p12, '-d', `sql:${db}`, '-W', 'wrong-pin'], { encoding: 'utf8' }).status).not.toBe(0);
    }

    const list = new TextDecoder('shift_jis', { fatal: true }).decode(readFileSync(tmp.path('out/downloads/allCertificateList.txt')));
    expect(list.split('\r\n')[0].split('\t').slice(0, 2)).toEqual(['主体者DN', '状態']);
  });

  it('writes mails as RFC 5322 messages that Python parses, with decoded subjects and attachments', () => {
    const script = `
import email, email.policy, glob, json, sys
out = []
for p in sorted(glob.glob(sys.argv[1] + '/*.eml')):
    m = email.message_from_bytes(open(p, 'rb').read(), policy=email.policy.default)
    body = m.get_body(preferencelist=('plain',)).get_content()
    out.append({'subject': str(m['subject']), 'to': str(m['to']), 'body': body[:40],
                'attachments': [a.get_filename() for a in m.iter_attachments()]})
print(json.dumps(out, ensure_ascii=False))
`;
    const r = spawnSync('python3', ['-c', script, tmp.path('out/mail')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const mails = JSON.parse(r.stdout) as { subject: string; to: string; body: string; attachments: string[] }[];
    const subjects = mails.map((m) => m.subject);
    expect(subjects).toContain('サーバ証明書発行受付通知');
    expect(subjects).toContain('サーバ証明書取得通知');
    expect(subjects).toContain('サーバ証明書失効完了通知');
    expect(subjects).toContain('アクセスPIN発行通知');
    expect(subjects).toContain('クライアント証明書取得通知');
    expect(mails.find((m) => m.subject === 'サーバ証明書発行受付通知')!.body).toContain('#以下に証明書の取得先が記述されています。');
  });
});
