// `node bin/upki-tsv.mjs csr` end to end, the files checked with OpenSSL.
import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openssl, tempDir, verifyCsr } from '../pki/openssl.testkit';

const BIN = resolve(__dirname, '../../bin/upki-tsv.mjs');
const tmp = tempDir('upki-cli-csr-');
afterAll(() => tmp.remove());

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'csr', ...args], { cwd: tmp.dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const INSTITUTION = ['--o', 'National Institute of Informatics', '--st', 'Tokyo', '--l', 'Chiyoda-ku'];

// Drives the command on a pseudo-terminal (its stdin a TTY, as for a person typing): each answer is sent once
// the next prompt has appeared. Prints everything the terminal showed; exits with the command's status.
const PTY_DRIVER = `
import os, pty, select, sys
answers = sys.argv[1].split('\\n')
pid, fd = pty.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
seen, sent = b'', 0
while True:
    if not select.select([fd], [], [], 120)[0]:
        break
    try:
        chunk = os.read(fd, 4096)
    except OSError:
        break
    if not chunk:
        break
    seen += chunk
    prompts = seen.count(b'Passphrase for the private key: ') + seen.count(b'Again, to confirm: ')
    while sent < prompts and sent < len(answers):
        os.write(fd, answers[sent].encode() + b'\\r')
        sent += 1
_, status = os.waitpid(pid, 0)
sys.stdout.write(seen.decode('utf-8', 'replace'))
sys.exit(os.waitstatus_to_exitcode(status))
`;

function cliOnTerminal(args: string[], answers: string[]) {
  const r = spawnSync('python3', ['-c', PTY_DRIVER, answers.join('\n'), process.execPath, BIN, 'csr', ...args], { cwd: tmp.dir, encoding: 'utf8' });
  return { status: r.status, screen: r.stdout, stderr: r.stderr };
}

describe('upki-tsv csr', () => {
  it('writes <CN>.csr, <CN>.key (encrypted) and <CN>.csr.txt that OpenSSL accepts', () => {
    tmp.write('pass.txt', 'a long passphrase\n');
    const r = cli(['--profile', '11', '--cn', 'www.example.ac.jp', ...INSTITUTION, '--san', 'www.example.ac.jp,alt.example.ac.jp',
      '--out', 'out', '--passphrase-file', 'pass.txt']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('CN=www.example.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP');
    expect(r.stdout).toContain('dNSName=www.example.ac.jp,dNSName=alt.example.ac.jp');
    const csr = tmp.path('out/www.example.ac.jp.csr');
    const key = tmp.path('out/www.example.ac.jp.key');
    expect(verifyCsr(csr)).toMatch(/verify OK/);
    expect(openssl(['req', '-in', csr, '-noout', '-subject', '-nameopt', 'oneline'])).toBe(
      'subject=C = JP, ST = Tokyo, L = Chiyoda-ku, O = National Institute of Informatics, CN = www.example.ac.jp\n',
    );
    expect(openssl(['req', '-in', csr, '-noout', '-text'])).toMatch(/DNS:www\.example\.ac\.jp, DNS:alt\.example\.ac\.jp/);
    expect(tmp.read('out/www.example.ac.jp.key').toString()).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(statSync(key).mode & 0o777).toBe(0o600);
    expect(openssl(['pkey', '-in', key, '-passin', `file:${tmp.path('pass.txt')}`, '-pubout'])).toBe(
      openssl(['req', '-in', csr, '-pubkey', '-noout']),
    );
    const oneLine = tmp.read('out/www.example.ac.jp.csr.txt').toString();
    expect(oneLine).toMatch(/^[A-Z0-9+/]+=*$/i);
    openssl(['base64', '-d', '-A', '-in', tmp.path('out/www.example.ac.jp.csr.txt'), '-out', tmp.path('one.der')]);
    expect(openssl(['req', '-inform', 'DER', '-in', tmp.path('one.der'), '-outform', 'PEM'])).toBe(tmp.read('out/www.example.ac.jp.csr').toString());
    // A second run refuses to overwrite the key.
    const again = cli(['--profile', '11', '--cn', 'www.example.ac.jp', ...INSTITUTION, '--out', 'out', '--passphrase-file', 'pass.txt']);
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('--force');
  });

  it('--force over an existing 0644 key leaves a 0600 key (a new file, renamed into place), no temporary file', () => {
    const dir = tmp.path('force');
    mkdirSync(dir, { mode: 0o700 });
    chmodSync(dir, 0o700);
    writeFileSync(`${dir}/f.example.ac.jp.key`, 'old key\n', { mode: 0o644 });
    chmodSync(`${dir}/f.example.ac.jp.key`, 0o644);
    const r = cli(['--profile', '11', '--cn', 'f.example.ac.jp', ...INSTITUTION, '--out', 'force', '--no-encrypt', '--force']);
    expect(r.status).toBe(0);
    expect(r.stderr).not.toMatch(/others can write/);
    expect(statSync(`${dir}/f.example.ac.jp.key`).mode & 0o777).toBe(0o600);
    expect(openssl(['pkey', '-in', `${dir}/f.example.ac.jp.key`, '-pubout'])).toBe(openssl(['req', '-in', `${dir}/f.example.ac.jp.csr`, '-pubkey', '-noout']));
    expect(readdirSync(dir).sort()).toEqual(['f.example.ac.jp.csr', 'f.example.ac.jp.csr.txt', 'f.example.ac.jp.key']);
  });

  it('refuses a symbolic link in place of the key, --force or not, and leaves its target alone', () => {
    const dir = tmp.path('link');
    mkdirSync(dir, { mode: 0o700 });
    writeFileSync(tmp.path('victim.txt'), 'precious\n');
    symlinkSync(tmp.path('victim.txt'), `${dir}/l.example.ac.jp.key`);
    symlinkSync(tmp.path('nowhere'), `${dir}/l.example.ac.jp.csr`);
    for (const extra of [[], ['--force']]) {
      const r = cli(['--profile', '11', '--cn', 'l.example.ac.jp', ...INSTITUTION, '--out', 'link', '--no-encrypt', ...extra]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/シンボリックリンク[\s\S]*symbolic link/);
    }
    expect(readFileSync(tmp.path('victim.txt'), 'utf8')).toBe('precious\n');
    expect(existsSync(tmp.path('nowhere'))).toBe(false);
    expect(lstatSync(`${dir}/l.example.ac.jp.key`).isSymbolicLink()).toBe(true);
  });

  it('warns when others can write to the output folder', () => {
    const dir = tmp.path('shared');
    mkdirSync(dir);
    chmodSync(dir, 0o777);
    const r = cli(['--profile', '11', '--cn', 's.example.ac.jp', ...INSTITUTION, '--out', 'shared', '--no-encrypt']);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/他のユーザーも書き込めます[\s\S]*others can write/);
    expect(statSync(`${dir}/s.example.ac.jp.key`).mode & 0o777).toBe(0o600);
  });

  it('writes an unencrypted RSA key only with --no-encrypt', () => {
    const r = cli(['--profile', '3', '--cn', 'rsa.example.ac.jp', ...INSTITUTION, '--out', 'plain', '--no-encrypt']);
    expect(r.status).toBe(0);
    const csr = tmp.path('plain/rsa.example.ac.jp.csr');
    expect(verifyCsr(csr)).toMatch(/verify OK/);
    expect(openssl(['req', '-in', csr, '-noout', '-text'])).toMatch(/Public-Key: \(2048 bit\)[\s\S]*sha256WithRSAEncryption/);
    expect(openssl(['pkey', '-in', tmp.path('plain/rsa.example.ac.jp.key'), '-pubout'])).toBe(openssl(['req', '-in', csr, '-pubkey', '-noout']));
  });

  it('exits 1 with Japanese and English reasons on invalid input, writing nothing', () => {
    const r = cli(['--profile', '3', '--cn', 'bad_host', '--o', 'NII', '--st', 'Tokyo', '--l', 'Default City', '--out', 'bad', '--no-encrypt']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('[CN]');
    expect(r.stderr).toContain('[L]');
    expect(r.stderr).toMatch(/使用できない文字/);
    expect(r.stderr).toMatch(/not allowed/);
    expect(existsSync(tmp.path('bad'))).toBe(false);
    tmp.write('short.txt', 'short\n');
    const weak = cli(['--profile', '3', '--cn', 'ok.example.ac.jp', ...INSTITUTION, '--out', 'weak', '--passphrase-file', 'short.txt']);
    expect(weak.status).toBe(1);
    expect(weak.stderr).toMatch(/8文字以上[\s\S]*at least 8/);
  });

  it('without a passphrase file, asks on the terminal twice without echo and encrypts the key with the answer', () => {
    const pass = 'typed on the terminal';
    const r = cliOnTerminal(['--profile', '11', '--cn', 'tty.example.ac.jp', ...INSTITUTION, '--out', 'tty'], [pass, pass]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.screen).toContain('秘密鍵のパスフレーズ / Passphrase for the private key: ');
    expect(r.screen).toContain('確認のためもう一度 / Again, to confirm: ');
    expect(r.screen).not.toContain(pass);
    const key = tmp.path('tty/tty.example.ac.jp.key');
    expect(tmp.read('tty/tty.example.ac.jp.key').toString()).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(openssl(['pkey', '-in', key, '-passin', `pass:${pass}`, '-pubout'])).toBe(
      openssl(['req', '-in', tmp.path('tty/tty.example.ac.jp.csr'), '-pubkey', '-noout']),
    );
  });

  it('refuses a mismatched, empty or short passphrase at the prompt, writing nothing', () => {
    const args = ['--profile', '11', '--cn', 'nope.example.ac.jp', ...INSTITUTION, '--out', 'nope'];
    const mismatch = cliOnTerminal(args, ['first passphrase', 'other passphrase']);
    expect(mismatch.status).toBe(1);
    expect(mismatch.screen).toMatch(/一致しません[\s\S]*differ/);
    const empty = cliOnTerminal(args, ['']);
    expect(empty.status).toBe(1);
    expect(empty.screen).toMatch(/入力されていません[\s\S]*No passphrase/);
    const short = cliOnTerminal(args, ['short']);
    expect(short.status).toBe(1);
    expect(short.screen).toMatch(/8文字以上[\s\S]*at least 8/);
    expect(existsSync(tmp.path('nope'))).toBe(false);
  });

  it('without a passphrase file and without a terminal, exits 2 and says what to give', () => {
    const r = cli(['--profile', '3', '--cn', 'a.example.jp', ...INSTITUTION, '--out', 'x']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/端末がありません[\s\S]*--passphrase-file F[\s\S]*--no-encrypt/);
    expect(r.stderr).toMatch(/No terminal[\s\S]*--passphrase-file F[\s\S]*--no-encrypt/);
    expect(existsSync(tmp.path('x'))).toBe(false);
  });

  it('exits 2 on usage errors', () => {
    expect(cli([]).status).toBe(2);
    expect(cli(['--profile', '5', '--cn', 'a.example.jp', ...INSTITUTION, '--out', 'x', '--no-encrypt']).status).toBe(2);
    expect(cli(['--profile', '3', '--cn', 'a.example.jp', ...INSTITUTION, '--out', 'x', '--no-encrypt', '--passphrase-file', 'p']).status).toBe(2);
    expect(cli(['--bogus']).status).toBe(2);
  });
});
