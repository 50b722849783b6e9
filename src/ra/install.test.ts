// The server certificate's install kit, judged by OpenSSL: the chain file is server + issuing CA in that
// order without the root, the root CRL is among the CRLs, and the snippets name the kit's files.
// (Real nginx and Apache run the snippets in src/cli/ra-servers.test.ts.)
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pki/openssl.testkit';
import { makeServerCsr, serverIssueRow } from '../tsv/fixtures';
import type { RaEngine } from './engine';
import { INSTALL_DIR, serverInstallKit, type KitFile } from './install';
import { openTestEngine, upload } from './ra.testkit';
import { simulateDownloads } from './simulate';

const tmp = tempDir('upki-kit-');
afterAll(() => tmp.remove());
let engine: RaEngine;
let kit: Record<string, string>;

beforeAll(async () => {
  engine = await openTestEngine();
  const dn = 'CN=ecc.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';
  const csr = await makeServerCsr({ profile: '11', dn });
  const result = await upload(engine, 'server-issue', [serverIssueRow({ dn, fqdn: 'ecc.nii.ac.jp', profile: '11', csr: csr.oneLine, dnsNames: 'dNSName=alt.nii.ac.jp' })]);
  await simulateDownloads(engine, result.uploadId!);
  const cert = (await engine.state()).certificates.get(result.records[0].serialHex!)!;
  const files: KitFile[] = await serverInstallKit(engine, cert);
  kit = Object.fromEntries(files.map((f) => [f.path, f.text]));
  for (const f of files) tmp.write(f.path, f.text);
});

/** The subjects of a PEM bundle, in file order, as OpenSSL lists them. */
const subjects = (file: string) =>
  spawnSync('sh', ['-c', `openssl crl2pkcs7 -nocrl -certfile '${tmp.path(file)}' | openssl pkcs7 -print_certs -noout`], { encoding: 'utf8' }).stdout;

describe('server install kit', () => {
  it('fullchain.pem = server certificate then the ECC issuing CA, no root; it verifies against root.pem', () => {
    const list = subjects('fullchain.pem');
    expect(list.match(/^subject=/gm)).toHaveLength(2);
    expect(list.indexOf('CN = ecc.nii.ac.jp')).toBeLessThan(list.indexOf('Training Server CA ECC'));
    expect(list).not.toMatch(/subject=.*Training Root CA/);
    const v = spawnSync('openssl', ['verify', '-CAfile', tmp.path('root.pem'), '-untrusted', tmp.path('chain.pem'), '-purpose', 'sslserver', tmp.path('server.crt')], { encoding: 'utf8' });
    expect(v.stdout).toContain(': OK');
    // Without the intermediate the server certificate does not verify: chain.pem is needed (the check can fail).
    const alone = spawnSync('openssl', ['verify', '-CAfile', tmp.path('root.pem'), tmp.path('server.crt')], { encoding: 'utf8' });
    expect(alone.status).not.toBe(0);
  });

  it('client-ca.pem is the client-auth CA and the root; crl-all.pem holds six CRLs, the root ARL first', () => {
    expect(subjects('client-ca.pem')).toMatch(/Client Auth CA[\s\S]*Training Root CA/);
    const crls = kit['crl-all.pem'].split('-----END X509 CRL-----').filter((b) => b.includes('BEGIN'));
    expect(crls).toHaveLength(6);
    const first = spawnSync('openssl', ['crl', '-noout', '-issuer'], { input: `${crls[0]}-----END X509 CRL-----\n`, encoding: 'utf8' }).stdout;
    expect(first).toContain('Training Root CA');
  });

  it('snippets: nginx and Apache name the kit files, require client certificates with the CRL, and the README has the checks', () => {
    expect(kit['nginx.conf']).toContain(`ssl_certificate     ${INSTALL_DIR}/fullchain.pem;`);
    expect(kit['nginx.conf']).toContain('server_name ecc.nii.ac.jp alt.nii.ac.jp;');
    expect(kit['nginx.conf']).not.toContain('ssl_verify_client');
    for (const line of ['ssl_verify_client on;', `ssl_client_certificate ${INSTALL_DIR}/client-ca.pem;`, `ssl_crl ${INSTALL_DIR}/crl-all.pem;`]) {
      expect(kit['nginx-client-auth.conf']).toContain(line);
    }
    expect(kit['apache.conf']).toMatch(/SSLCertificateFile\s+\/etc\/ssl\/upki\/fullchain\.pem/);
    expect(kit['apache.conf']).not.toContain('SSLCertificateChainFile /');
    expect(kit['apache-client-auth.conf']).toMatch(/SSLCARevocationCheck\s+chain/);
    expect(kit['README.txt']).toContain('openssl s_client -connect ecc.nii.ac.jp:443 -servername ecc.nii.ac.jp -CAfile root.pem');
    expect(kit['README.txt']).toContain('-verify_return_error');
    expect(kit['README.txt']).toContain('openssl pkcs12 -export -inkey server.key -in fullchain.pem -out server.p12');
  });
});
