// The inventory's readers on the simulated RA's own files (every list kind, Shift-JIS and UTF-8, the zips,
// a P12 with its PIN, server.crt) and on hand-made files in the real layouts ADDENDUM A describes.
import { beforeAll, describe, expect, it } from 'vitest';
import { importFiles, readDropped, type DroppedFile, type InventoryEntry, type ReadResult } from './index';
import { makeRaFiles, toUtf8, type RaFiles } from './inventory.testkit';

let ra: RaFiles;
let asOf: Date;

beforeAll(async () => {
  ra = await makeRaFiles();
  asOf = await ra.engine.now();
}, 120_000);

const file = (name: string): DroppedFile => ({ name, bytes: ra.files[name] });
const one = async (f: DroppedFile, pin?: string): Promise<ReadResult> => {
  const [r] = await readDropped(f, { askPin: async () => pin ?? null });
  return r;
};
const sjis = (text: string) => {
  // Independent encoder for hand-made CP932 files: iconv would do; here the WHATWG table's inverse by brute force
  // is overkill, so hand-made files carry their bytes through Node's Buffer from a latin1 map built below.
  return encodeCp932(text);
};

describe('RA lists made by the simulated RA', () => {
  it.each([
    ['serverCertificateList.txt', 'server-list', 4],
    ['clientCertificateList.txt', 'client-list', 6],
    ['allCertificateList.txt', 'all-list', 10],
  ])('%s is read as %s with %i rows, in Shift-JIS and in UTF-8 alike', async (name, format, rows) => {
    const a = await one(file(name));
    expect(a.error).toBeUndefined();
    expect(a.format).toBe(format);
    expect(a.encoding).toBe('Shift_JIS (CP932)');
    expect(a.records).toHaveLength(rows);
    const b = await one({ name, bytes: toUtf8(ra.files[name]) });
    expect(b.encoding).toBe('UTF-8');
    expect(b.records.map(({ source: _s, ...r }) => r)).toEqual(a.records.map(({ source: _s, ...r }) => r));
  });

  it('reads the server list columns: DN, status, serial, JST dates, SANs, admin, renewal source', async () => {
    const r = await one(file('serverCertificateList.txt'));
    const web1 = r.records.find((x) => x.serialDecimal === ra.serials.web1)!;
    expect(web1).toMatchObject({ cn: 'web1.nii.ac.jp', raStatus: '5', profile: '3', adminMail: 'admin@nii.ac.jp', fqdn: 'web1.nii.ac.jp', kind: 'server' });
    expect(web1.dnsNames).toEqual(['www1.nii.ac.jp']);
    // The list's JST times and the certificate's own notAfter agree.
    const cert = (await one(file('server.crt'))).records[0];
    expect(web1.notAfter).toBe(cert.notAfter);
    const renewal = r.records.find((x) => x.serialDecimal === ra.serials.web2Renewed)!;
    expect(renewal.renewsSerialDecimal).toBe(ra.serials.web2);
    expect(r.records.find((x) => x.serialDecimal === ra.serials.web2)!.raStatus).toBe('6');
    expect(r.records.find((x) => x.serialDecimal === ra.serials.revoked)!.raStatus).toBe('7');
    expect(r.records.find((x) => x.serialDecimal === ra.serials.revoked)!.revocationReason).toMatch(/^5:/);
    // Neither the CSR nor unknown columns leak into the model; the certificate column is kept.
    expect(JSON.stringify(r.records)).not.toContain('MII'.repeat(2));
    expect(web1.certDerB64).toMatch(/^MII/);
    expect(web1.extra).toBeUndefined();
  });

  it('reads the client list: method, user, pending method-3 row without serial', async () => {
    const r = await one(file('clientCertificateList.txt'));
    const pending = r.records.find((x) => x.cn === 'USER 6')!;
    expect(pending).toMatchObject({ raStatus: '4', method: '3', userMail: 'user6@nii.ac.jp', kind: 'client' });
    expect(pending.serialDecimal).toBeUndefined();
    expect(pending.applicationId).toMatch(/^A\d+/);
  });

  it('reads the PIN zips, clientAll.zip (client.txt; the P12s are not opened) and never keeps a PIN', async () => {
    const pins = await readDropped(file('clientPin.zip'));
    expect(pins.map((p) => p.format)).toEqual(['pin-file']);
    expect(pins[0].records.map((x) => x.userMail)).toEqual(['user1@nii.ac.jp', 'user2@nii.ac.jp']);
    expect(JSON.stringify(pins)).not.toContain(ra.pin);
    const allPins = await readDropped(file('clientAllPin.zip'));
    expect(allPins[0].records).toHaveLength(3);
    const all = await readDropped(file('clientAll.zip'), { askPin: async () => { throw new Error('must not ask'); } });
    const txt = all.find((x) => x.format === 'client-txt')!;
    expect(txt.records.map((x) => x.userMail)).toEqual(['user3@nii.ac.jp', 'user4@nii.ac.jp', 'user5@nii.ac.jp']);
    expect(txt.records[0].notAfter).toMatch(/^\d{4}-/);
    expect(all[0].notes[0].en).toContain('3 P12 file(s) not opened');
  });

  it('statistics and the OU allow-list are recognised and add nothing', async () => {
    for (const name of ['statistics.txt', 'ouAllowList.txt']) {
      const r = await one(file(name));
      expect(r.error).toBeUndefined();
      expect(r.records).toEqual([]);
      expect(r.notes[0].en).toContain('nothing added');
    }
  });

  it('opens a P12 with its PIN (certificate only), and says so for a wrong PIN', async () => {
    const ok = await one(file('user1.p12'), ra.pin);
    expect(ok.error).toBeUndefined();
    expect(ok.records).toHaveLength(1); // the chain's CA certificates are left out
    expect(ok.records[0].cn).toBe('USER 1');
    expect(JSON.stringify(ok)).not.toMatch(/PRIVATE KEY/);
    const bad = await one(file('user1.p12'), 'wrong-pin');
    expect(bad.error?.en).toBe('Wrong PIN, or not a PKCS#12 file.');
    const skipped = await one(file('user1.p12'));
    expect(skipped.records).toEqual([]);
    expect(skipped.notes[0].en).toContain('no PIN');
  });
});

describe('merge', () => {
  let entries: InventoryEntry[];
  beforeAll(async () => {
    const names = Object.keys(ra.files);
    entries = (await importFiles(names.map(file), [], asOf, { askPin: async () => ra.pin })).entries;
  });

  it('one row per certificate, sources listed, statuses from the RA and the dates', () => {
    const bySerial = (s: string) => entries.find((e) => e.serialDecimal === s)!;
    expect(entries).toHaveLength(10); // 4 server applications + 6 client ones
    expect(bySerial(ra.serials.web1).sources.sort()).toEqual(['allCertificateList.txt', 'server.crt', 'serverCertificateList.txt'].sort());
    expect(bySerial(ra.serials.web1).status).toBe('valid');
    expect(bySerial(ra.serials.web2).status).toBe('renewed');
    expect(bySerial(ra.serials.revoked).status).toBe('revoked');
    expect(entries.find((e) => e.cn === 'USER 6')!.status).toBe('pending');
    const user1 = entries.find((e) => e.cn === 'USER 1')!;
    expect(user1.sources).toEqual(expect.arrayContaining(['clientPin.zip/clientPin.txt', 'user1.p12', 'clientCertificateList.txt']));
    expect(user1.spkiSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a second import updates rows instead of duplicating them', async () => {
    const again = await importFiles([file('serverCertificateList.txt')], entries, asOf);
    expect(again.entries).toHaveLength(entries.length);
  });
});

describe('hand-made files in the real layouts (ADDENDUM A)', () => {
  it('an all-certificate list with only the known headers, an unknown column and CP932 characters', async () => {
    const text =
      '主体者DN\t状態\t発行・更新申請-申請ID\t発行・更新申請-シリアル番号\t発行・更新申請-日時\t証明書種別\t備考\r\n' +
      'CN=a.example.ac.jp,O=Example,L=Chiyoda-ku,ST=Tokyo,C=JP\t5\tR0001\t123456789\t2025/04/01 10:00:00\tサーバ証明書\t髙橋①担当\r\n';
    const r = await one({ name: 'download.txt', bytes: sjis(text) });
    expect(r.format).toBe('all-list');
    expect(r.encoding).toBe('Shift_JIS (CP932)');
    expect(r.records[0]).toMatchObject({ cn: 'a.example.ac.jp', raStatus: '5', applicationId: 'R0001', serialDecimal: '123456789', kind: 'server', appliedAt: '2025-04-01T01:00:00.000Z' });
    expect(r.records[0].extra).toEqual({ 備考: '髙橋①担当' });
    expect(r.notes[0].ja).toContain('備考');
  });

  it('PIN file and client.txt whose header names are not ours: read by the known positions', async () => {
    const pin = await one({ name: 'clientPin.txt', bytes: sjis('氏名\tメール\tPIN\tDN\r\n山田　太郎\ttaro@example.ac.jp\tSECRETPIN123\tCN=TARO,OU=01,O=Example,L=Tokyo,C=JP\r\n') });
    expect(pin.format).toBe('pin-file');
    expect(pin.records[0]).toMatchObject({ userName: '山田　太郎', userMail: 'taro@example.ac.jp', cn: 'TARO', kind: 'client' });
    expect(JSON.stringify(pin)).not.toContain('SECRETPIN123');
    const txt = await one({ name: 'client.txt', bytes: sjis('シリアル\t氏名\tメール\tDN\t有効期限まで\r\n0x0A\t山田　太郎\ttaro@example.ac.jp\tCN=TARO,OU=01,O=Example,L=Tokyo,C=JP\t2027/03/31\r\n') });
    expect(txt.records[0]).toMatchObject({ serialDecimal: '10', userMail: 'taro@example.ac.jp', cn: 'TARO' });
    expect(txt.records[0].extra).toEqual({ 有効期限まで: '2027/03/31' });
  });

  it('a client list with unknown header names: 主体者DN from column 4, 利用者メールアドレス from column 15', async () => {
    const headers = Array.from({ length: 15 }, (_, i) => `項目${i + 1}`);
    const row = Array.from({ length: 15 }, () => '');
    row[3] = 'CN=HANAKO,OU=02,O=Example,L=Tokyo,C=JP';
    row[14] = 'hanako@example.ac.jp';
    row[6] = 'x';
    const r = await one({ name: 'clientCertificateList.txt', bytes: new TextEncoder().encode(`${headers.join('\t')}\n${row.join('\t')}\n`) });
    expect(r.format).toBe('client-list');
    expect(r.records[0]).toMatchObject({ cn: 'HANAKO', userMail: 'hanako@example.ac.jp' });
    expect(r.records[0].extra).toEqual({ 項目7: 'x' });
  });
});

describe('bad input gets a clear message, never a crash', () => {
  it.each([
    ['empty.txt', new Uint8Array(), 'The file is empty.'],
    ['utf16.txt', new Uint8Array([0xff, 0xfe, 0x41, 0x00]), 'UTF-16LE'],
    ['bin.txt', new Uint8Array([1, 2, 3, 4, 5]), 'binary'],
    ['eucjp.txt', new Uint8Array([0xbc, 0xe7, 0xc2, 0xce, 0xbc, 0xd4, 0x44, 0x4e, 0x09, 0xbe, 0xf5, 0xc2, 0xd6, 0x0a]), 'EUC-JP'], // 主体者DN TAB 状態 in EUC-JP (iconv),
    ['broken.zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9]), 'broken or encrypted zip'],
    ['x.pdf', new TextEncoder().encode('%PDF-1.4'), 'a PDF'],
    ['app.tsv', new TextEncoder().encode(`${'CN=a.example.ac.jp,O=E,L=L,ST=T,C=JP\t3' + '\t'.repeat(11)}\r\n`), 'application TSV'],
    ['random.txt', new TextEncoder().encode('hello\tworld\n1\t2\n'), 'Not recognised'],
    ['bad.pem', new TextEncoder().encode('-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n'), 'certificate'],
  ])('%s', async (name, bytes, message) => {
    const [r] = await readDropped({ name, bytes }, {});
    expect(r.error?.en).toContain(message);
  });
});

// --- a CP932 encoder for the hand-made files, from the WHATWG decoder's table (independent of src/text) ---
let table: Map<string, number[]> | undefined;
function encodeCp932(text: string): Uint8Array {
  if (!table) {
    table = new Map();
    const dec = new TextDecoder('shift_jis');
    for (let lead = 0x81; lead <= 0xfc; lead++) {
      if (lead > 0x9f && lead < 0xe0) continue;
      for (let trail = 0x40; trail <= 0xfc; trail++) {
        const ch = dec.decode(new Uint8Array([lead, trail]));
        if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const bytes = table.get(ch);
      if (!bytes) throw new Error(`not CP932: ${ch}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

describe('the fast certificate reader agrees with pki/certificate.ts', () => {
  it('on every certificate of the simulated RA (server, client, renewed, revoked) and an OpenSSL ECDSA P-384 one with a mail SAN', async () => {
    const { factsOfBase64, factsOfCertificate } = await import('./certs');
    const { inspectCertificate } = await import('../pki/certificate');
    const { base64Decode } = await import('../pki/pem');
    const list = await one(file('allCertificateList.txt'));
    const b64s = list.records.map((r) => r.certDerB64).filter((b): b is string => !!b);
    expect(b64s.length).toBeGreaterThanOrEqual(9);
    const { execFileSync } = await import('node:child_process');
    const ec = execFileSync('sh', ['-c', 'openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:P-384 -nodes -keyout /dev/null -subj "/C=JP/O=Ex/OU=Lab/CN=ec.example.ac.jp" -addext "subjectAltName=DNS:ec.example.ac.jp,email:a@example.ac.jp" -days 3 -outform DER 2>/dev/null | base64 -w0']);
    b64s.push(ec.toString().trim());
    for (const b64 of b64s) {
      const full = await inspectCertificate(base64Decode(b64)!);
      if (!full.ok) throw new Error('full reader failed');
      expect(await factsOfBase64(b64)).toEqual(factsOfCertificate(full.info));
    }
  });
});

describe('big lists are read in pieces, with the same result', () => {
  it('a 5 MB list in Shift-JIS and in UTF-8 with BOM', async () => {
    const text = new TextDecoder('shift_jis').decode(ra.files['serverCertificateList.txt']);
    const [header, ...rows] = text.trimEnd().split('\r\n');
    const body = Array.from({ length: Math.ceil(5_000_000 / text.length) }, () => rows).flat();
    const big = `${header}\r\n${body.join('\r\n')}\r\n`;
    const sjisBig = encodeCp932(big);
    expect(sjisBig.length).toBeGreaterThan(2 ** 20 * 2);
    const a = await one({ name: 'big.txt', bytes: sjisBig });
    expect(a.encoding).toBe('Shift_JIS (CP932)');
    expect(a.records).toHaveLength(body.length);
    const utf8 = new TextEncoder().encode(big);
    const b = await one({ name: 'big.txt', bytes: new Uint8Array([0xef, 0xbb, 0xbf, ...utf8]) });
    expect(b.encoding).toBe('UTF-8 (BOM)');
    expect(b.records.map(({ source: _s, ...r }) => r)).toEqual(a.records.map(({ source: _s, ...r }) => r));
  });
});
