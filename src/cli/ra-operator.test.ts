// `upki-tsv ra operator issue|renew|revoke` end to end: the P12 files open in OpenSSL with the printed
// PIN, `ra export` writes the operator's P12, and after revocation the exported CRL lists the serial.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../pki/openssl.testkit';

const BIN = resolve(__dirname, '../../bin/upki-tsv.mjs');
const tmp = tempDir('upki-cli-ra-operator-');
afterAll(() => tmp.remove());

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, 'ra', ...args], { cwd: tmp.dir, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function openP12(file: string, pin: string): string {
  const r = spawnSync('openssl', ['pkcs12', '-in', tmp.path(file), '-passin', `pass:${pin}`, '-clcerts', '-nokeys'], { encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

// Each step spawns the CLI (tsx + the engine) several times: generous limits for a loaded shared machine.
const STEP_TIMEOUT = 240_000;
let pin = '';
let serial = '';

describe('upki-tsv ra operator', () => {
  it('issues: the P12 opens with the printed access PIN, and `ra export` writes it', () => {
    expect(cli(['init', '--state', 'st']).status).toBe(0);
    expect(cli(['operator', 'issue', '--state', 'st']).status).toBe(2); // --out missing
    const issued = cli(['operator', 'issue', '--state', 'st', '--out', 'ra.p12']);
    expect(issued.status, issued.stderr).toBe(0);
    expect(issued.stdout).toContain('登録担当者用証明書発行受付通知');
    pin = /access PIN \(= P12 password\): (\S+)/.exec(issued.stdout)![1];
    serial = /serial (\d+)/.exec(issued.stdout)![1];
    expect(openP12('ra.p12', pin)).toContain('L = Academe-ops');

    expect(cli(['export', '--state', 'st', '--out', 'out1']).status).toBe(0);
    expect(readdirSync(tmp.path('out1/operator'))).toEqual([`${serial}.p12`]);
    expect(openP12(`out1/operator/${serial}.p12`, pin)).toContain('L = Academe-ops');
  }, STEP_TIMEOUT);

  it('renews: a new P12 under the printed P12 PIN (not the access PIN)', () => {
    const renewed = cli(['operator', 'renew', '--state', 'st', '--serial', serial, '--out', 'ra2.p12']);
    expect(renewed.status, renewed.stderr).toBe(0);
    const p12Pin = /shown once\): (\S+)/.exec(renewed.stdout)![1];
    expect(p12Pin).not.toBe(pin);
    expect(openP12('ra2.p12', p12Pin)).toContain('L = Academe-ops');
    expect(spawnSync('openssl', ['pkcs12', '-in', tmp.path('ra2.p12'), '-passin', `pass:${pin}`, '-nokeys'], { encoding: 'utf8' }).status).not.toBe(0);
  }, STEP_TIMEOUT);

  it('revokes once; unknown and revoked serials are refused; the exported CRL lists it', () => {
    const revoked = cli(['operator', 'revoke', '--state', 'st', '--serial', serial]);
    expect(revoked.status, revoked.stderr).toBe(0);
    expect(cli(['operator', 'revoke', '--state', 'st', '--serial', serial]).status).toBe(1);
    expect(cli(['operator', 'revoke', '--state', 'st', '--serial', '42']).status).toBe(1);
    expect(cli(['operator', 'renew', '--state', 'st', '--serial', serial, '--out', 'ra3.p12']).status).toBe(1);
    expect(existsSync(tmp.path('ra3.p12'))).toBe(false);
    expect(cli(['operator', 'frobnicate', '--state', 'st']).status).toBe(2);

    expect(cli(['export', '--state', 'st', '--out', 'out2']).status).toBe(0);
    const crlFile = readdirSync(tmp.path('out2/crl')).find((f) => f.startsWith('ra-operator'))!;
    const text = spawnSync('openssl', ['crl', '-in', tmp.path(`out2/crl/${crlFile}`), '-inform', crlFile.endsWith('.pem') ? 'PEM' : 'DER', '-noout', '-text'], { encoding: 'utf8' }).stdout;
    expect(text.toUpperCase()).toContain(BigInt(serial).toString(16).toUpperCase());
  }, STEP_TIMEOUT);
});
