// A large server certificate list in the simulated RA's download layout (its SERVER_LIST_COLUMNS header, Shift-JIS,
// CRLF), a certificate in every row: one OpenSSL certificate copied with the serial and host name rewritten in the
// DER (the inventory does not check signatures, so reading them costs what reading issued ones would). The first
// `marked` hosts are r00000…, the rest k…: a search for 'r0' finds exactly those. Used by the e2e and the bench.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVER_LIST_COLUMNS } from '../src/ra/files/layouts';
import { shiftJis } from '../src/ra/files/tsv-file';

const host = (i: number, marked: number) => `${i < marked ? 'r' : 'k'}${String(i).padStart(5, '0')}`;

function certificates(dir: string, rows: number, marked: number): Uint8Array[] {
  const run = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['pipe', 'pipe', 'pipe'] });
  run('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-out', 'c.der', '-outform', 'DER', '-days', '60', '-set_serial', '0x4111111111111111',
    '-subj', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=Bench University/CN=q00000.bench.example.ac.jp', '-addext', 'subjectAltName=DNS:q00000.bench.example.ac.jp');
  const base = new Uint8Array(readFileSync(join(dir, 'c.der')));
  const serialAt = Buffer.from(base).indexOf(Buffer.from([0x41, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11, 0x11]));
  const names = [...Buffer.from(base).toString('latin1').matchAll(/q00000/g)].map((m) => m.index);
  return Array.from({ length: rows }, (_, i) => {
    const der = base.slice();
    der.set([0x41, 0x22, 0, 0, (i >> 24) & 255, (i >> 16) & 255, (i >> 8) & 255, i & 255], serialAt);
    for (const at of names) der.set(Buffer.from(host(i, marked), 'latin1'), at);
    return der;
  });
}

/** Writes `serverCertificateList.txt` with `rows` rows into dir and returns its path. */
export function writeLargeServerList(dir: string, rows: number, marked: number): string {
  const header = SERVER_LIST_COLUMNS.map((c) => c.header);
  const lines = certificates(dir, rows, marked).map((der, i) => {
    const fqdn = `${host(i, marked)}.bench.example.ac.jp`;
    const serial = BigInt(`0x4122${(i >>> 0).toString(16).padStart(12, '0')}`).toString();
    const cells: Record<string, string> = {
      主体者DN: `CN=${fqdn},O=Bench University,L=Chiyoda-ku,ST=Tokyo,C=JP`, 状態: '5', 証明書プロファイルID: '3', '発行・更新申請-申請ID': `A${String(i).padStart(7, '0')}`,
      '発行・更新申請-シリアル番号': serial, 利用管理者氏名: '利用　管理', 利用管理者所属: '情報基盤センター', 利用管理者メールアドレス: 'admin@example.ac.jp',
      利用管理者FQDN: fqdn, 'ソフトウェア名・バージョン': 'nginx', 証明書: Buffer.from(der).toString('base64'),
    };
    return header.map((h) => cells[h] ?? '');
  });
  const path = join(dir, 'serverCertificateList.txt');
  writeFileSync(path, shiftJis([header, ...lines].map((r) => r.join('\t')).join('\r\n') + '\r\n'));
  return path;
}
