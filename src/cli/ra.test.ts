// `node bin/upki-tsv.mjs ra` end to end: init → upload (server, client) → clock → export; the exported
// certificates, CRLs and P12 bundles checked with OpenSSL, the mails with Python's email parser.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pki/openssl.testkit';
import { clientIssueRow, clientIssueRows, makeServerCsr, serverIssueRow, serverRenewRow, serverRevokeRow, tsvBytes } from '../tsv/fixtures';
import { nssDb, pk12utilImports, readSjisTsv, unzip, verify } from '../ra/ra.testkit';
import { validityRuleFor } from '../spec/profiles';

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
  const m1 = 'CN=METHOD ONE,OU=77777777,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
  tmp.write('client1.tsv', tsvBytes([clientIssueRow({ dn: m1, method: '1', userMail: 'one@nii.ac.jp', p12Name: 'one' })]));
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

  it('issues a method-1 client certificate (modern P12)', () => {
    const r = cli(['upload', '--state', 'st', '--kind', 'client-issue', '--json', 'client1.tsv']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).records[0].serial).toMatch(/^\d+$/);
  });

  it('prints no serial for the rows of a refused (abort mode) file', () => {
    tmp.write('revoke-two.tsv', tsvBytes([serverRevokeRow({ dn: DN, serial: serverSerial, reason: '1' }), serverRevokeRow({ dn: DN, serial: '12345', reason: '1' })]));
    const r = cli(['upload', '--state', 'st', '--kind', 'server-revoke', '--mode', 'abort', '--json', 'revoke-two.tsv']);
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout);
    expect(out.registered).toBe(false);
    expect(out.records.map((x: { ok: boolean; errors: { code: string }[] }) => [x.ok, x.errors.map((e) => e.code)])).toEqual([[true, []], [false, ['R104']]]);
    for (const record of out.records) expect(Object.keys(record)).not.toContain('serial');
  });

  it('revokes, advances the clock and exports files other tools accept', async () => {
    tmp.write('revoke.tsv', tsvBytes([serverRevokeRow({ dn: DN, serial: serverSerial, reason: '4' })]));
    expect(cli(['upload', '--state', 'st', '--kind', 'server-revoke', 'revoke.tsv']).status).toBe(0);
    const c = cli(['clock', '--state', 'st', '--advance', '10']);
    expect(c.status).toBe(0);
    expect(c.stdout).toContain('CRLs refreshed: 6'); // five issuing CAs and the root (its ARL)
    const e = cli(['export', '--state', 'st', '--out', 'out']);
    expect(e.status).toBe(0);

    // The simulated time of the export: every check below runs at it, not at the real time.
    const [iso, epoch] = readFileSync(tmp.path('out/now.txt'), 'utf8').trimEnd().split('\t');
    const at = new Date(iso);
    expect(String(Math.floor(at.getTime() / 1000))).toBe(epoch);
    const chain = tmp.path('out/chain/chain.pem');
    const cert = tmp.path(`out/certs/${serverSerial}.pem`);
    expect(verify(at, ['-CAfile', chain, cert]).output).toContain(': OK');
    const crls = readdirSync(tmp.path('out/crl'));
    expect(crls.sort()).toEqual(['all.pem', 'client-auth.crl', 'ra-operator.crl', 'root.crl', 'server-ecc.crl', 'server-rsa.crl', 'smime.crl']);
    const crlText = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', tmp.path('out/crl/server-rsa.crl'), '-CAfile', chain, '-verify', '-noout', '-text'], { encoding: 'utf8' });
    expect(crlText.stderr).toContain('verify OK');
    expect(crlText.stdout).toContain('Superseded');
    const revoked = verify(at, ['-crl_check', '-CAfile', chain, '-CRLfile', tmp.path('out/crl/server-rsa.crl'), cert]);
    expect(revoked.status).not.toBe(0);
    expect(revoked.output).toContain('certificate revoked');

    // PINs by 申請ID from every exported PIN zip (Python reads the zips, the WHATWG decoder the lists).
    const bundles = readdirSync(tmp.path('out/bundles'));
    const pins = new Map<string, string>();
    for (const zip of bundles.filter((b) => /Pin\.zip$/.test(b))) {
      const [name, data] = Object.entries(await unzip(readFileSync(tmp.path(`out/bundles/${zip}`))))[0];
      const rows = readSjisTsv(data);
      const [pinAt, idAt] = [rows[0].indexOf('アクセスPIN'), rows[0].indexOf('申請ID')];
      expect(name).toMatch(/^client(All)?Pin\.txt$/);
      for (const row of rows.slice(1)) pins.set(row[idAt], row[pinAt]);
    }
    expect(pins.size).toBe(3);

    // Every P12 the RA made (method 1 and 2) is exported; OpenSSL and NSS open each with its PIN.
    const p12Dirs = readdirSync(tmp.path('out/p12')).sort();
    expect(p12Dirs).toEqual([...pins.keys()].sort());
    for (const id of p12Dirs) {
      const [name] = readdirSync(tmp.path(`out/p12/${id}`));
      expect(name).toMatch(/^(one|user1|user2)\.p12$/);
      const p12 = tmp.path(`out/p12/${id}/${name}`);
      const opened = spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', `pass:${pins.get(id)}`, '-clcerts', '-nokeys'], { encoding: 'utf8' });
      expect(opened.status, opened.stderr).toBe(0);
      expect(verify(at, ['-CAfile', chain, '-purpose', 'sslclient'], opened.stdout).output).toContain(': OK');
      expect(spawnSync('openssl', ['pkcs12', '-in', p12, '-passin', 'pass:wrong-pin', '-nokeys'], { encoding: 'utf8' }).status).not.toBe(0);
      pk12utilImports(tmp, p12, pins.get(id)!, `cli-${id}`);
    }

    // clientAll.zip as delivered: the same P12 files, listed in client.txt.
    const allZip = bundles.find((b) => b.endsWith('clientAll.zip'));
    if (!allZip) throw new Error(`clientAll.zip missing: ${bundles.join(', ')}`);
    const p12s = await unzip(readFileSync(tmp.path(`out/bundles/${allZip}`)));
    expect(Object.keys(p12s).sort()).toEqual(['client.txt', 'user1.p12', 'user2.p12']);
    const db = nssDb(tmp, 'nss-cli-bundle');
    const entry = tmp.write('cli-user1.p12', p12s['user1.p12']);
    const pinOfUser1 = [...pins.entries()].find(([id]) => readdirSync(tmp.path(`out/p12/${id}`))[0] === 'user1.p12')![1];
    expect(spawnSync('pk12util', ['-l', entry, '-d', `sql:${db}`, '-W', pinOfUser1], { encoding: 'utf8' }).status).toBe(0);

    const list = readSjisTsv(readFileSync(tmp.path('out/downloads/allCertificateList.txt')));
    expect(list[0].slice(0, 2)).toEqual(['主体者DN', '状態']);
    expect(readdirSync(tmp.path('out/downloads')).sort()).toEqual([
      'allCertificateList.txt', 'clientCertificateList.txt', 'ouAllowList.txt', 'serverCertificateList.txt', 'statistics.txt',
    ]);
  }, 180_000);

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

  it('export: every AIA caIssuers / CDP URL in the certificates names an exported file at the same path', () => {
    const PREFIX = 'http://upki-workbench.example/';
    const urls = new Set<string>();
    const texts: Record<string, string> = {};
    const files = [...readdirSync(tmp.path('out/certs')).map((f) => `certs/${f}`), ...['server-rsa', 'client-auth'].map((ca) => `chain/${ca}.pem`)];
    for (const f of files) {
      texts[f] = spawnSync('openssl', ['x509', '-in', tmp.path(`out/${f}`), '-noout', '-text'], { encoding: 'utf8' }).stdout;
      for (const m of texts[f].matchAll(/URI:(\S+)/g)) urls.add(m[1]);
    }
    for (const expected of ['crl/root.crl', 'ca/root.cer', 'crl/server-rsa.crl', 'ca/server-rsa.cer', 'crl/client-auth.crl', 'ca/client-auth.cer']) {
      expect([...urls]).toContain(PREFIX + expected);
    }
    for (const url of urls) {
      expect(url.startsWith(PREFIX), url).toBe(true);
      const path = tmp.path(`out/${url.slice(PREFIX.length)}`);
      const kind = url.endsWith('.crl') ? 'crl' : 'x509';
      const r = spawnSync('openssl', [kind, '-inform', 'DER', '-in', path, '-noout'], { encoding: 'utf8' });
      expect(r.status, `${url}: ${r.stderr}`).toBe(0);
    }
    // The DER caIssuers file is the CA certificate of chain/.
    const der = spawnSync('openssl', ['x509', '-inform', 'DER', '-in', tmp.path('out/ca/server-rsa.cer')], { encoding: 'utf8' }).stdout;
    expect(der).toBe(readFileSync(tmp.path('out/chain/server-rsa.pem'), 'utf8'));
    // Profile: training policy OIDs, the issuing CA's EKU as NII's G7 intermediates carry it, no OCSP.
    const server = texts[`certs/${serverSerial}.pem`];
    expect(server).toContain('Policy: 2.25.6532093304910340162613057054859102759.1');
    expect(server).toMatch(/CA Issuers - URI:http:\/\/upki-workbench\.example\/ca\/server-rsa\.cer/);
    expect(server).not.toContain('OCSP');
    expect(texts['chain/server-rsa.pem']).toMatch(/Extended Key Usage: \n\s+TLS Web Server Authentication, TLS Web Client Authentication/);
    expect(texts['chain/server-rsa.pem']).toContain('Policy: 2.25.6532093304910340162613057054859102759.1');
    expect(texts['chain/client-auth.pem']).toMatch(/Extended Key Usage: \n\s+TLS Web Client Authentication\n/);
    // crl/all.pem: every CRL, the root's first, each signed by its CA.
    const all = readFileSync(tmp.path('out/crl/all.pem'), 'utf8');
    expect(all.match(/-----BEGIN X509 CRL-----/g)).toHaveLength(6);
    const rootCrl = spawnSync('openssl', ['crl', '-inform', 'DER', '-in', tmp.path('out/crl/root.crl'), '-CAfile', tmp.path('out/chain/root.pem'), '-verify', '-noout', '-issuer'], { encoding: 'utf8' });
    expect(rootCrl.stderr).toContain('verify OK');
    expect(rootCrl.stdout).toContain('UPKI Workbench Training Root CA');
  });

  it('counts validity inclusively and backdates notBefore by one hour', () => {
    const dates = spawnSync('openssl', ['x509', '-in', tmp.path(`out/certs/${serverSerial}.pem`), '-noout', '-startdate', '-enddate'], { encoding: 'utf8' }).stdout;
    const [start, end] = ['notBefore', 'notAfter'].map((k) => Date.parse(new RegExp(`${k}=(.+)`).exec(dates)![1]));
    const days = validityRuleFor('3', new Date(start))!.days!;
    expect((end - start) / 1000).toBe(days * 86400 - 1);
  });

  it('--lang en prints file-level errors in English, and rows of a refused file are marked not processed (not OK)', () => {
    const bytes = tsvBytes(clientIssueRows(1, { method: '2' }));
    const nul = new Uint8Array([...bytes.slice(0, 10), 0, ...bytes.slice(10)]);
    tmp.write('nul.tsv', nul);
    const en = cli(['upload', '--state', 'st', '--kind', 'client-issue', '--lang', 'en', 'nul.tsv']);
    expect(en.status).toBe(1);
    expect(en.stdout).toMatch(/^0\tNG\tU101:[\x20-\x7e]+$/m); // ASCII: the English message
    expect(en.stdout).not.toMatch(/^\d+\tOK/m); // an undecodable file has no rows to show
    tmp.write('too-many.tsv', tsvBytes(clientIssueRows(100, { method: '1' }))); // method 1: at most 99 records
    const ja = cli(['upload', '--state', 'st', '--kind', 'client-issue', 'too-many.tsv']);
    const en100 = cli(['upload', '--state', 'st', '--kind', 'client-issue', '--lang', 'en', 'too-many.tsv']);
    expect(en100.stdout).toMatch(/^0\tNG\t214:The file has more records than allowed\.$/m);
    expect(en100.stdout).toContain('100\t-\tnot processed (the whole file was refused)');
    expect(ja.stdout).toMatch(/^0\tNG\t214:/m);
    expect(ja.stdout).not.toMatch(/^\d+\tOK/m);
    expect(ja.stdout).toContain('100\t-\t未処理');
    const json = JSON.parse(cli(['upload', '--state', 'st', '--kind', 'client-issue', '--json', '--lang', 'en', 'too-many.tsv']).stdout);
    expect(json.fileErrors[0].code).toBe('214');
    expect(json.records.at(-1)).toMatchObject({ seq: 100, ok: true, notProcessed: true });
  });

  it('init without --institution starts with the demo institution; the 14-day reminder is in the export after clock --advance 15', async () => {
    const init = cli(['init', '--state', 'st-demo']);
    expect(init.status, init.stderr).toBe(0);
    expect(init.stdout).toContain('O=Example University, ST=Tokyo, L=Chiyoda-ku, domains=example.ac.jp');
    const dn = 'CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP';
    const fields = { dn, fqdn: 'www.example.ac.jp', adminMail: 'admin@example.ac.jp' };
    tmp.write('demo-issue.tsv', tsvBytes([serverIssueRow({ ...fields, csr: (await makeServerCsr({ dn })).oneLine })]));
    const issued = cli(['upload', '--state', 'st-demo', '--kind', 'server-issue', '--json', 'demo-issue.tsv']);
    expect(issued.status, issued.stdout).toBe(0);
    const serial = JSON.parse(issued.stdout).records[0].serial;
    tmp.write('demo-renew.tsv', tsvBytes([serverRenewRow({ ...fields, serial, csr: (await makeServerCsr({ dn })).oneLine })]));
    expect(cli(['upload', '--state', 'st-demo', '--kind', 'server-renew', 'demo-renew.tsv']).status).toBe(0); // downloaded at once
    const clock = cli(['clock', '--state', 'st-demo', '--advance', '15']);
    expect(clock.stdout).toContain('reminders sent: 1');
    expect(cli(['export', '--state', 'st-demo', '--out', 'out-demo']).status).toBe(0);
    const script = `
import email, email.policy, glob, json, sys
out = []
for p in sorted(glob.glob(sys.argv[1] + '/*.eml')):
    m = email.message_from_bytes(open(p, 'rb').read(), policy=email.policy.default)
    out.append({'subject': str(m['subject']), 'to': str(m['to']), 'body': m.get_body(preferencelist=('plain',)).get_content()})
print(json.dumps(out, ensure_ascii=False))
`;
    const r = spawnSync('python3', ['-c', script, tmp.path('out-demo/mail')], { encoding: 'utf8' });
    const mails = JSON.parse(r.stdout) as { subject: string; to: string; body: string }[];
    const admin = mails.find((m) => m.subject === 'サーバ用証明書更新(旧証明書の失効申請)再通知');
    const ra = mails.find((m) => m.subject === 'サーバ証明書更新(旧証明書の失効申請)再通知');
    expect(admin?.to).toBe('admin@example.ac.jp');
    expect(admin?.body).toContain(serial);
    expect(ra?.to).toBe('ra@example.ac.jp');
  }, 180_000);
});
