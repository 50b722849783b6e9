// What the simulated CA issues works in real servers: a server key + CSR from `upki-tsv csr`, certificates
// through `upki-tsv ra`, nginx (and Apache httpd) configured from `ra export`'s install kit and its
// generated snippet, checked by curl, `openssl s_client -verify_return_error`, gnutls-cli and Chromium
// (through Playwright's client-certificate support). A client-revoke upload + re-export + reload makes the
// server refuse the revoked client while the others still get 200. One nginx for the whole file.
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pki/openssl.testkit';
import { readSjisTsv, unzip } from '../ra/ra.testkit';
import { clientIssueRow, clientRevokeRow, serverIssueRow, tsvBytes } from '../tsv/fixtures';
import { freePort, startApache, startNginx, until, type RunningServer } from './servers.testkit';

const BIN = resolve(__dirname, '../../bin/upki-tsv.mjs');
const HOST = 'www.nii.ac.jp';
const ORG = 'O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
const tmp = tempDir('upki-servers-');
chmodSync(tmp.dir, 0o755); // server workers may run as another user

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: tmp.dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`upki-tsv ${args.join(' ')} exited ${r.status}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}

interface Client {
  name: string;
  dn: string;
  method: '1' | '2';
  format: 'modern' | 'legacy';
  serial?: string;
  p12?: string;
  pin?: string;
  /** PEM cert + key extracted by openssl (for s_client and gnutls-cli). */
  crt?: string;
  key?: string;
}

const clients: Client[] = [
  { name: 'm1modern', dn: `CN=METHOD ONE MODERN,OU=11111111,${ORG}`, method: '1', format: 'modern' },
  { name: 'm1legacy', dn: `CN=METHOD ONE LEGACY,OU=11111112,${ORG}`, method: '1', format: 'legacy' },
  { name: 'm2modern', dn: `CN=METHOD TWO MODERN,OU=22222221,${ORG}`, method: '2', format: 'modern' },
  { name: 'm2legacy', dn: `CN=METHOD TWO LEGACY,OU=22222222,${ORG}`, method: '2', format: 'legacy' },
];
const revokedClient = clients[2];

let kit: string; // the install kit directory of the server certificate, with server.key beside
let nginx: RunningServer;
let nginxBlock: string;
let browser: Browser | undefined;

/** Chromium loads the page presenting `c`'s P12 (Playwright client certificates); the HTTP status it got. */
async function chromiumStatus(c: Client): Promise<number | undefined> {
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium' });
  // The proxy Playwright puts between Chromium and the server resolves names itself: localhost reaches
  // 127.0.0.1 without DNS. The name then differs from the certificate's, hence ignoreHTTPSErrors; the
  // chain and hostname are checked by openssl, gnutls-cli and curl.
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    clientCertificates: [{ origin: `https://localhost:${nginx.port}`, pfxPath: c.p12!, passphrase: c.pin! }],
  });
  try {
    const page = await context.newPage();
    const response = await page.goto(`https://localhost:${nginx.port}/`);
    if (response?.status() === 200) expect(await page.textContent('#ok')).toBe('client certificate accepted');
    return response?.status();
  } finally {
    await context.close();
  }
}

/** The generated snippet with its paths pointing at the kit and `listen` at our port; nothing else changed. */
function localize(snippet: string, port: number): string {
  return snippet
    .replaceAll('/etc/ssl/upki', kit)
    .replaceAll('/var/www/html', join(tmp.dir, 'www'))
    .replace('listen 443 ssl;', `listen 127.0.0.1:${port} ssl;`)
    .replace('<VirtualHost *:443>', `<VirtualHost 127.0.0.1:${port}>`);
}

/** Copy a fresh `ra export` into the kit (certificates unchanged, CRLs current). */
function export_(out: string): void {
  cli(['ra', 'export', '--state', 'st', '--out', out]);
  const [serial] = readdirSync(tmp.path(`${out}/install`));
  for (const f of readdirSync(tmp.path(`${out}/install/${serial}`))) copyFileSync(tmp.path(`${out}/install/${serial}/${f}`), join(kit, f));
}

beforeAll(async () => {
  tmp.write('nii.json', JSON.stringify({ o: 'National Institute of Informatics', st: 'Tokyo', l: 'Chiyoda-ku', domains: ['nii.ac.jp'], ouAllowList: {}, approvalExpires: '2099-03-31' }));
  cli(['ra', 'init', '--state', 'st', '--institution', 'nii.json']);
  // The server's key and CSR, as a usage admin makes them.
  cli(['csr', '--profile', '3', '--cn', HOST, '--o', 'National Institute of Informatics', '--st', 'Tokyo', '--l', 'Chiyoda-ku', '--san', `web.nii.ac.jp`, '--no-encrypt', '--out', 'keys']);
  const csr = readFileSync(tmp.path(`keys/${HOST}.csr.txt`), 'utf8').trim();
  tmp.write('server.tsv', tsvBytes([serverIssueRow({ dn: `CN=${HOST},${ORG}`, fqdn: HOST, csr, dnsNames: 'dNSName=web.nii.ac.jp' })]));
  cli(['ra', 'upload', '--state', 'st', '--kind', 'server-issue', 'server.tsv']);
  for (const c of clients) {
    tmp.write(`${c.name}.tsv`, tsvBytes([clientIssueRow({ dn: c.dn, method: c.method, userMail: `${c.name}@nii.ac.jp`, p12Name: c.name })]));
    c.serial = JSON.parse(cli(['ra', 'upload', '--state', 'st', '--kind', 'client-issue', '--p12', c.format, '--json', `${c.name}.tsv`])).records[0].serial;
  }
  kit = tmp.path('kit');
  mkdirSync(kit);
  copyFileSync(tmp.path(`keys/${HOST}.key`), join(kit, 'server.key'));
  export_('out1');
  // PINs from the exported PIN zips (Python reads the zips), P12 files by 申請ID.
  const pins = new Map<string, string>();
  for (const zip of readdirSync(tmp.path('out1/bundles')).filter((b) => /Pin\.zip$/.test(b))) {
    for (const data of Object.values(await unzip(readFileSync(tmp.path(`out1/bundles/${zip}`))))) {
      const rows = readSjisTsv(data);
      const [pinAt, idAt] = [rows[0].indexOf('アクセスPIN'), rows[0].indexOf('申請ID')];
      for (const row of rows.slice(1)) pins.set(row[idAt], row[pinAt]);
    }
  }
  for (const id of readdirSync(tmp.path('out1/p12'))) {
    const [file] = readdirSync(tmp.path(`out1/p12/${id}`));
    const c = clients.find((x) => `${x.name}.p12` === file)!;
    c.p12 = tmp.path(`out1/p12/${id}/${file}`);
    c.pin = pins.get(id);
    c.crt = tmp.path(`${c.name}.crt`);
    c.key = tmp.path(`${c.name}.key`);
    for (const [what, out] of [[['-clcerts', '-nokeys'], c.crt], [['-nocerts', '-noenc'], c.key]] as const) {
      const r = spawnSync('openssl', ['pkcs12', '-in', c.p12, '-passin', `pass:${c.pin}`, ...what, '-out', out], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
    }
  }
  expect(clients.every((c) => c.p12 && c.pin)).toBe(true);

  mkdirSync(tmp.path('www'));
  writeFileSync(tmp.path('www/index.html'), '<!doctype html><title>UPKI training</title><h1 id="ok">client certificate accepted</h1>\n');
  const port = await freePort();
  nginxBlock = localize(readFileSync(join(kit, 'nginx-client-auth.conf'), 'utf8'), port);
  nginx = await startNginx(tmp.path('nginx'), nginxBlock, port);
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await nginx?.stop();
  tmp.remove();
});

/** curl's HTTP status (000 when the TLS handshake failed) with a client P12, the way a user would call it. */
function curl(c: Client | undefined, port = nginx.port): string {
  const cert = c ? ['--cert-type', 'P12', '--cert', `${c.p12}:${c.pin}`] : [];
  const r = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', '--resolve', `${HOST}:${port}:127.0.0.1`, '--cacert', join(kit, 'root.pem'), ...cert, `https://${HOST}:${port}/`], { encoding: 'utf8' });
  return r.stdout;
}

function sClient(c: Client, port = nginx.port) {
  const args = ['s_client', '-connect', `127.0.0.1:${port}`, '-servername', HOST, '-verify_hostname', HOST, '-CAfile', join(kit, 'root.pem'), '-verify_return_error', '-showcerts', '-ign_eof', '-cert', c.crt!, '-key', c.key!];
  return spawnSync('openssl', args, { input: `GET / HTTP/1.0\r\nHost: ${HOST}\r\n\r\n`, encoding: 'utf8' });
}

function gnutls(c: Client) {
  const args = ['--x509cafile', join(kit, 'root.pem'), '--x509certfile', c.crt!, '--x509keyfile', c.key!, '--sni-hostname', HOST, '--verify-hostname', HOST, '-p', String(nginx.port), '127.0.0.1'];
  return spawnSync('gnutls-cli', args, { input: `GET / HTTP/1.0\r\nHost: ${HOST}\r\n\r\n`, encoding: 'utf8' });
}

describe('nginx configured from the install kit (client certificates, CRL checked)', () => {
  it('the kit: fullchain is server + issuing CA without the root; crl-all.pem holds the root CRL too', () => {
    const full = readFileSync(join(kit, 'fullchain.pem'), 'utf8');
    expect(full.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(full).toBe(readFileSync(join(kit, 'server.crt'), 'utf8') + readFileSync(join(kit, 'chain.pem'), 'utf8'));
    expect(full).not.toContain(readFileSync(join(kit, 'root.pem'), 'utf8').split('\n')[1]);
    const crls = spawnSync('openssl', ['crl2pkcs7', '-in', join(kit, 'crl-all.pem')], { encoding: 'utf8' });
    expect(crls.status).toBe(0);
    const issuers = readFileSync(join(kit, 'crl-all.pem'), 'utf8').match(/BEGIN X509 CRL/g);
    expect(issuers).toHaveLength(6);
    // The README's first check, as written.
    const v = spawnSync('openssl', ['verify', '-CAfile', 'root.pem', '-untrusted', 'chain.pem', 'server.crt'], { cwd: kit, encoding: 'utf8' });
    expect(v.stdout).toContain('server.crt: OK');
  });

  it('openssl s_client: chain and hostname verify, two certificates sent, and a client gets 200', () => {
    const r = sClient(clients[0]);
    expect(r.stdout).toContain('Verify return code: 0 (ok)');
    expect(r.stdout).toContain('HTTP/1.1 200 OK');
    expect(r.stdout.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/1 s:C ?= ?JP, O ?= ?UPKI Workbench \(training only\), CN ?= ?UPKI Workbench Training Server CA RSA/);
  });

  it('gnutls-cli: trusted chain, hostname verified, 200', () => {
    const r = gnutls(clients[1]);
    expect(r.stdout).toContain('The certificate is trusted');
    expect(r.stdout).toContain('HTTP/1.1 200 OK');
  });

  it('curl: 200 for every client (methods 1 and 2, modern and legacy P12), 400 without a certificate', () => {
    for (const c of clients) expect(curl(c), c.name).toBe('200');
    expect(curl(undefined)).toBe('400');
  });

  it('a wrong hostname fails verification (the checks can fail)', () => {
    const r = spawnSync('openssl', ['s_client', '-connect', `127.0.0.1:${nginx.port}`, '-servername', 'other.nii.ac.jp', '-verify_hostname', 'other.nii.ac.jp', '-CAfile', join(kit, 'root.pem'), '-verify_return_error'], { input: '', encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stdout + r.stderr).toMatch(/hostname mismatch/i);
  });

  it('Chromium (Playwright client certificates) loads the page with a P12 from the RA', async () => {
    expect(await chromiumStatus(revokedClient)).toBe(200);
  });

  it('after a client-revoke upload, re-export and reload, the revoked client is refused and the others get 200', async () => {
    tmp.write('revoke.tsv', tsvBytes([clientRevokeRow({ dn: revokedClient.dn, serial: revokedClient.serial!, reason: '1' })]));
    cli(['ra', 'upload', '--state', 'st', '--kind', 'client-revoke', 'revoke.tsv']);
    export_('out2');
    nginx.reload();
    // Old workers finish their connections after a reload; new connections see the new CRL.
    await until('nginx refusing the revoked client', () => curl(revokedClient) === '400');
    expect(nginx.log()).toContain('certificate revoked');
    for (const c of clients.filter((x) => x !== revokedClient)) expect(curl(c), c.name).toBe('200');
    const s = sClient(revokedClient);
    expect(s.stdout).not.toContain('HTTP/1.1 200 OK');
    const g = gnutls(revokedClient);
    expect(g.stdout).not.toContain('HTTP/1.1 200 OK');
    expect(g.stdout).toContain('400');

    expect(await chromiumStatus(revokedClient)).toBe(400);
    expect(await chromiumStatus(clients[0])).toBe(200);
  });
});

describe('Apache httpd 2.4 configured from the install kit', () => {
  it('verifies the chain, gives 200 to good clients and refuses the revoked one (CRL chain check)', async () => {
    const port = await freePort();
    const vhost = localize(readFileSync(join(kit, 'apache-client-auth.conf'), 'utf8'), port);
    mkdirSync(tmp.path('apache/www'), { recursive: true });
    copyFileSync(tmp.path('www/index.html'), tmp.path('apache/www/index.html'));
    const apache = await startApache(tmp.path('apache'), vhost, port);
    try {
      const s = sClient(clients[0], port);
      expect(s.stdout).toContain('Verify return code: 0 (ok)');
      expect(s.stdout.match(/-----BEGIN CERTIFICATE-----/g)).toHaveLength(2);
      for (const c of clients.filter((x) => x !== revokedClient)) expect(curl(c, port), c.name).toBe('200');
      expect(curl(revokedClient, port)).not.toBe('200');
      expect(apache.log()).toMatch(/revoked/i);
    } finally {
      await apache.stop();
    }
  });
});
