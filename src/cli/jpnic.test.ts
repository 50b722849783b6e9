// `node bin/upki-tsv.mjs jpnic` end to end: init → register → issue → fetch (fingerprint, license ID) → login
// → reissue → fetch → revoke → delete → export; the exported chain and CRL judged by OpenSSL.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, opensslStatus, tempDir } from '../pki/openssl.testkit';

const BIN = resolve(__dirname, '../../bin/upki-tsv.mjs');
const tmp = tempDir('upki-cli-jpnic-');
afterAll(() => tmp.remove());

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'jpnic', ...args, '--state', 'state'], { cwd: tmp.dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The license ID as the applicant assembles it: two blocks from the screen, the last from the mail. */
function licenseFrom(output: string): string {
  const screen = /ライセンスID（画面）: ([A-Z0-9]{5})-([A-Z0-9]{5})-\*{5}/.exec(output)!;
  const mail = /ライセンスID（第3ブロック）: ([A-Z0-9]{5})/.exec(output)!;
  return `${screen[1]}-${screen[2]}-${mail[1]}`;
}

describe('upki-tsv jpnic', () => {
  it('runs the whole flow headless and prints refusals with exit 1', () => {
    tmp.write('pass.txt', 'applicant-pass\n');
    const init = cli('init');
    expect(init.status).toBe(0);
    const fingerprint = /SHA-1 fingerprint: ([0-9A-F ]{59})/.exec(init.stdout)![1];
    expect(cli('issue', '--account', 'CA000001', '--name', 'Taro', '--email', 'a@example.jp')).toMatchObject({ status: 1 });
    const reg = cli('register', '--user', '山田 太郎');
    expect(reg.stdout).toContain('証明書認証ID: CA000001');
    const issue = cli('issue', '--account', 'CA000001', '--name', 'Taro Yamada', '--email', 'taro@example.ac.jp');
    expect(issue.status).toBe(0);
    expect(issue.stdout).toContain('メンテナーコード: TR9999JP');
    const license = licenseFrom(issue.stdout);

    const wrongFp = cli('fetch', '--license', license, '--passphrase-file', 'pass.txt', '--out', 'browser', '--fingerprint', '0'.repeat(40));
    expect(wrongFp.status).toBe(1);
    expect(wrongFp.stderr).toContain('フィンガープリントが一致しません');
    const incomplete = cli('fetch', '--license', license.slice(0, 11), '--passphrase-file', 'pass.txt', '--out', 'browser');
    expect(incomplete.status).toBe(1);
    expect(incomplete.stderr).toContain('3ブロック');
    const fetched = cli('fetch', '--license', license, '--passphrase-file', 'pass.txt', '--out', 'browser', '--fingerprint', fingerprint);
    expect(fetched.status).toBe(0);
    expect(fetched.stdout).toContain('名称: Taro Yamada  EMAIL: taro@example.ac.jp');
    expect(cli('fetch', '--license', license, '--passphrase-file', 'pass.txt', '--out', 'browser').stderr).toContain('使用済み');
    const [firstCer] = readdirSync(tmp.path('browser')).filter((f) => f.endsWith('.cer'));
    expect(cli('login', '--cert', `browser/${firstCer}`).stdout).toContain('資源申請者 CA000001');

    const reissue = cli('reissue', '--account', 'CA000001', '--email', 'taro2@example.ac.jp');
    expect(reissue.status).toBe(0);
    const serial = /シリアル番号（控えて申請者へ伝える \/ note and pass on\): (\d+)/.exec(reissue.stdout)![1];
    expect(reissue.stdout).toContain('→ taro2@example.ac.jp');
    expect(cli('fetch', '--license', licenseFrom(reissue.stdout), '--passphrase-file', 'pass.txt', '--out', 'browser').stdout).toContain(`シリアル番号 ${serial}`);
    expect(cli('login', '--cert', `browser/${firstCer}`)).toMatchObject({ status: 1, stderr: expect.stringContaining('失効') });
    expect(cli('revoke', '--account', 'CA000001').status).toBe(0);
    expect(cli('login', '--cert', `browser/jpnic-${serial}.cer`).stderr).toContain('失効しています');

    cli('register', '--user', 'Hanako');
    const issue2 = cli('issue', '--account', 'CA000002', '--name', 'Hanako Sato', '--email', 'hanako@example.ac.jp');
    cli('fetch', '--license', licenseFrom(issue2.stdout), '--passphrase-file', 'pass.txt', '--out', 'hanako');
    const [hanakoCer] = readdirSync(tmp.path('hanako')).filter((f) => f.endsWith('.cer'));
    const del = cli('delete', '--account', 'CA000002');
    expect(del.stdout).toContain('失効しておらず CRL に載りません');
    expect(cli('login', '--cert', `hanako/${hanakoCer}`).stderr).toContain('削除されています');

    expect(cli('export', '--out', 'export').status).toBe(0);
    const root = tmp.path('export/jpnic-primary-root-ca-s2.cer');
    const ca = tmp.path('export/jpnic-resource-service-ca-s2.cer');
    const rootPem = tmp.write('root.pem', openssl(['x509', '-inform', 'DER', '-in', root]));
    const caPem = tmp.write('ca.pem', openssl(['x509', '-inform', 'DER', '-in', ca]));
    const crl = tmp.path('export/jpnic-resource-service-ca-s2.crl.pem');
    const reissuedPem = tmp.write('reissued.pem', openssl(['x509', '-inform', 'DER', '-in', tmp.path(`browser/jpnic-${serial}.cer`)]));
    const revoked = opensslStatus(['verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', crl, reissuedPem]);
    expect(revoked.output).toContain('certificate revoked');
    const deletedButValid = openssl(['verify', '-crl_check', '-CAfile', rootPem, '-untrusted', caPem, '-CRLfile', crl, tmp.write('h.pem', openssl(['x509', '-inform', 'DER', '-in', tmp.path(`hanako/${hanakoCer}`)]))]);
    expect(deletedButValid).toContain(': OK');
    expect(readdirSync(tmp.path('export/mail')).length).toBeGreaterThanOrEqual(4);
  }, 240_000);
});
