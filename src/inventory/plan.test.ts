// The planner's outputs judged by independent tools: renewal rows pass the validator and the simulated RA,
// keys open in OpenSSL with the one passphrase and match their CSRs, the ICS passes a strict RFC 5545 line
// check in Python, the CSV opens in Python's csv module; and the warnings a careful admin wants.
import { beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { validateRecords } from '../tsv/validate';
import { KINDS } from '../spec/kinds';
import { tempDir, openssl } from '../pki/openssl.testkit';
import {
  clientRenewRow, findWarnings, importFiles, inventoryCsv, inventoryIcs, makeRenewalKeys, revokeRow, revocationFileName, serverRenewRow, tsvFiles,
  type DroppedFile, type InventoryEntry,
} from './index';
import { makeRaFiles, type RaFiles } from './inventory.testkit';
import { tokenFrom } from '../ra/ra.testkit';

let ra: RaFiles;
let entries: InventoryEntry[];
let asOf: Date;
const dir = tempDir('upki-inventory-');

beforeAll(async () => {
  ra = await makeRaFiles();
  asOf = await ra.engine.now();
  const files: DroppedFile[] = Object.entries(ra.files).map(([name, bytes]) => ({ name, bytes }));
  entries = (await importFiles(files, [], asOf, { askPin: async () => ra.pin })).entries;
}, 120_000);

const live = (kind: string) => entries.filter((e) => e.kind === kind && e.status === 'valid');

describe('server renewal', () => {
  it('makes keys + CSRs (one passphrase), rows the validator and the simulated RA accept, certificates with the same SANs', async () => {
    const servers = live('server');
    expect(servers.map((e) => e.cn).sort()).toEqual(['web1.nii.ac.jp', 'web2.nii.ac.jp']);
    const progress: number[] = [];
    const made = await makeRenewalKeys(servers, { passphrase: 'correct horse battery', iterations: 2048, onProgress: (d) => progress.push(d) });
    if (!made.ok) throw new Error(made.message.en);
    expect(made.failures).toEqual([]);
    expect(progress).toEqual([1, 2]);
    const rows = made.keys.map((k) => serverRenewRow(servers.find((e) => e.id === k.entryId)!, k.csrOneLine, {}));
    expect(validateRecords('server-renew', rows.map((cells, i) => ({ seq: i + 1, cells }))).records.flatMap((r) => r.issues.filter((x) => x.severity === 'error'))).toEqual([]);
    const files = tsvFiles('server-renew', rows, asOf);
    if (!files.ok) throw new Error(files.message.en);
    expect(files.files).toHaveLength(1);
    const before = (await ra.engine.state()).mails.length;
    const result = await ra.engine.upload({ bytes: files.files[0].bytes, fileName: files.files[0].name, kind: 'server-renew' });
    expect(result.records.map((r) => r.errors)).toEqual([[], []]);
    const mails = (await ra.engine.state()).mails.slice(before).filter((m) => m.subject === 'サーバ証明書発行受付通知');
    for (const [i, key] of made.keys.entries()) {
      const old = servers.find((e) => e.id === key.entryId)!;
      const mail = mails.find((m) => m.body.includes(result.records[i].serialDecimal!)) ?? mails[i];
      const got = await ra.engine.downloadServerCertificate(tokenFrom(mail.body, '証明書取得URL'));
      if (!got.ok) throw new Error(got.message.en);
      const crt = dir.write(`${key.fqdn}.crt`, got.bytes);
      const keyFile = dir.write(`${key.fqdn}.key`, key.keyPem);
      expect(key.keyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
      // The key opens with the passphrase and is the certificate's key; the SANs are the old certificate's.
      const pub = openssl(['pkey', '-in', keyFile, '-passin', 'pass:correct horse battery', '-pubout']);
      expect(openssl(['x509', '-in', crt, '-noout', '-pubkey'])).toBe(pub);
      const san = openssl(['x509', '-in', crt, '-noout', '-ext', 'subjectAltName']);
      const names = [...san.matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1]).sort();
      expect(names).toEqual([...(old.dnsNames ?? [])].sort());
      expect(() => openssl(['pkey', '-in', keyFile, '-passin', 'pass:wrong passphrase', '-noout'])).toThrow();
    }
  }, 120_000);

  it('cancel stops the batch and keeps no key', async () => {
    const ctrl = new AbortController();
    const made = await makeRenewalKeys(live('server'), { passphrase: 'correct horse battery', iterations: 2048, onProgress: () => ctrl.abort(), signal: ctrl.signal, concurrency: 1 });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.cancelled).toBe(true);
  });

  it('refuses a short passphrase before making anything', async () => {
    const made = await makeRenewalKeys(live('server'), { passphrase: 'short' });
    expect(made.ok).toBe(false);
  });
});

describe('client renewal and revocation rows', () => {
  it('client renew rows keep method, user and P12 name, and pass the validator', () => {
    const clients = live('client');
    const rows = clients.map((e) => clientRenewRow(e, {}));
    expect(rows.map((r) => r[2]).sort()).toEqual(['1', '2', '2']); // USER 1 (method 1), USER 3 and 4 (method 2)
    const bad = validateRecords('client-renew', rows.map((cells, i) => ({ seq: i + 1, cells }))).records.flatMap((r) => r.issues.filter((x) => x.severity === 'error'));
    expect(bad).toEqual([]);
  });

  it("a P12 name read from client.txt ('X.p12', the file in the zip) becomes column 12's 'X'", () => {
    const [client] = live('client');
    const p12Column = KINDS['client-renew'].columns.findIndex((c) => c.field === 'p12Name');
    expect(clientRenewRow({ ...client, p12Name: 'user3.p12' }, {})[p12Column]).toBe('user3');
    expect(clientRenewRow({ ...client, p12Name: 'user3' }, {})[p12Column]).toBe('user3');
  });

  it('revocation rows are the 5-3-3 layout and the simulated RA revokes with them; file name <serial>-<CN>.tsv', async () => {
    const web1 = entries.find((e) => e.cn === 'web1.nii.ac.jp' && e.status === 'valid')!;
    const row = revokeRow(web1, '4', '証明書更新に伴う旧証明書の失効', 'admin@nii.ac.jp');
    expect(row).toHaveLength(13);
    expect(revocationFileName(web1)).toBe(`${web1.serialDecimal}-web1.nii.ac.jp.tsv`);
    const files = tsvFiles('server-revoke', [row], asOf);
    if (!files.ok) throw new Error('encode');
    const r = await ra.engine.upload({ bytes: files.files[0].bytes, fileName: revocationFileName(web1), kind: 'server-revoke' });
    expect(r.records[0].errors).toEqual([]);
  });

  it('files are split at the RA limit (99 per file)', () => {
    const rows = Array.from({ length: 150 }, () => revokeRow(entries[0], '5', '', 'admin@nii.ac.jp'));
    const files = tsvFiles('server-revoke', rows, asOf);
    expect(files.ok && files.files.map((f) => f.rows.length)).toEqual([99, 51]);
  });
});

describe('exports', () => {
  it('ICS: a strict RFC 5545 line check in Python; one event per certificate on its JST expiry day, alarm N days before', () => {
    const withDates = entries.filter((e) => e.notAfter);
    const ics = inventoryIcs(withDates, { reminderDays: 30, now: asOf });
    const file = dir.write('plan.ics', ics);
    const out = execFileSync('python3', ['-c', PY_ICS, file], { encoding: 'utf8' });
    const events = JSON.parse(out) as { uid: string; start: string; trigger: string }[];
    expect(events).toHaveLength(withDates.length);
    const web1 = withDates.find((e) => e.cn === 'web1.nii.ac.jp')!;
    const ev = events.find((e) => e.uid.startsWith(web1.serialDecimal!))!;
    // notAfter in JST, computed here with Python's own clock arithmetic from the certificate's notAfter.
    const jst = execFileSync('python3', ['-c', `import datetime as d;print((d.datetime.fromisoformat('${web1.notAfter!.replace('Z', '+00:00')}')+d.timedelta(hours=9)).strftime('%Y%m%d'))`], { encoding: 'utf8' }).trim();
    expect(ev.start).toBe(jst);
    expect(ev.trigger).toBe('-P30D');
  });

  it('CSV: BOM, CRLF, quotes, and a DN never starts a formula', () => {
    const csv = inventoryCsv([...entries, { ...entries[0], id: 'x', cn: '=HYPERLINK("x")', serialDecimal: '1' }], asOf);
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const file = dir.write('plan.csv', csv);
    const rows = JSON.parse(execFileSync('python3', ['-c', 'import csv,json,sys;print(json.dumps(list(csv.reader(open(sys.argv[1],encoding="utf-8-sig",newline="")))))', file], { encoding: 'utf8' })) as string[][];
    expect(rows[0][0]).toBe('CN');
    expect(rows).toHaveLength(entries.length + 2);
    expect(rows[rows.length - 1][0]).toBe(`'=HYPERLINK("x")`);
  });
});

describe('warnings', () => {
  it('SAN change after the renewal of web2, and the renewed certificate is not the previous one', () => {
    const w = findWarnings(entries);
    const san = w.filter((x) => x.code === 'san-changed');
    expect(san).toHaveLength(1);
    expect(san[0].message.en).toContain('added: new.nii.ac.jp');
  });

  it('shared key, RSA 1024, retired CA — from certificates made by OpenSSL', async () => {
    const d = tempDir('upki-inv-warn-');
    openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', d.path('ca.key'), '-out', d.path('ca.pem'), '-subj', '/CN=NII Open Domain CA - G4', '-days', '30']);
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', d.path('k.key')]);
    openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:1024', '-out', d.path('weak.key')]);
    const leaf = (name: string, key: string) => {
      openssl(['req', '-new', '-key', d.path(key), '-subj', `/C=JP/O=Example/CN=${name}`, '-out', d.path(`${name}.csr`)]);
      openssl(['x509', '-req', '-in', d.path(`${name}.csr`), '-CA', d.path('ca.pem'), '-CAkey', d.path('ca.key'), '-days', '20', '-out', d.path(`${name}.pem`), '-set_serial', String(1000 + name.length)]);
      return { name: `${name}.pem`, bytes: new Uint8Array(d.read(`${name}.pem`)) };
    };
    const files = [leaf('a.example.ac.jp', 'k.key'), leaf('bb.example.ac.jp', 'k.key'), leaf('weak.example.ac.jp', 'weak.key')];
    const got = (await importFiles(files, [], new Date())).entries;
    const codes = findWarnings(got).map((w) => w.code).sort();
    d.remove();
    expect(codes).toEqual(['retired-ca', 'retired-ca', 'retired-ca', 'shared-key', 'weak-rsa']);
  });
});

// Strict iCalendar check: CRLF only, lines ≤ 75 octets, folding, BEGIN/END nesting, required properties,
// DATE values; prints the events' UID, DTSTART and alarm TRIGGER.
const PY_ICS = String.raw`
import sys, json, re
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n') and b'\n' not in raw.replace(b'\r\n', b''), 'CRLF only'
lines = raw.split(b'\r\n')[:-1]
for l in lines: assert len(l) <= 75, ('long line', l)
text = raw.decode('utf-8').replace('\r\n ', '').split('\r\n')[:-1]
stack, events, cur = [], [], None
for l in text:
    name, _, value = l.partition(':')
    assert re.match(r'^[A-Z-]+(;[A-Z-]+=[^;:]+)*$', name), ('bad name', l)
    if name == 'BEGIN': stack.append(value); cur = {} if value == 'VEVENT' else cur
    elif name == 'END':
        assert stack.pop() == value, 'nesting'
        if value == 'VEVENT': events.append(cur)
    elif stack and stack[-1] == 'VEVENT': cur[name] = value
    elif stack and stack[-1] == 'VALARM': cur['ALARM.' + name] = value
assert not stack, 'unclosed'
assert text[0] == 'BEGIN:VCALENDAR' and 'VERSION:2.0' in text and any(t.startswith('PRODID:') for t in text)
out = []
for e in events:
    for k in ('UID', 'DTSTAMP', 'DTSTART;VALUE=DATE', 'DTEND;VALUE=DATE', 'SUMMARY', 'ALARM.ACTION', 'ALARM.TRIGGER'): assert k in e, (k, e)
    assert re.match(r'^\d{8}$', e['DTSTART;VALUE=DATE']) and re.match(r'^\d{8}T\d{6}Z$', e['DTSTAMP'])
    out.append({'uid': e['UID'], 'start': e['DTSTART;VALUE=DATE'], 'trigger': e['ALARM.TRIGGER']})
print(json.dumps(out))
`;
