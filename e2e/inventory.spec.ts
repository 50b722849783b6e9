// The admin's quarter, whole: 5 servers and 30 clients issued by the simulated RA (its CLI, with OpenSSL CSRs),
// the clock advanced, the RA's lists dropped on 「証明書一覧・更新計画」, the expiring servers selected, renewal
// files and keys made in the page, the renewal uploaded to the simulated RA, and OpenSSL checking that the new
// certificates carry the old SANs and the new keys. The ICS passes a strict line check in Python.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { writeLargeServerList } from './inventory-list';

const dir = mkdtempSync(join(tmpdir(), 'upki-e2e-inventory-'));
const BIN = resolve('bin/upki-tsv.mjs'); // Playwright runs from the repository root
const O = 'Example University';
const HOSTS = ['www', 'mail', 'lms', 'wiki', 'vpn'].map((h) => `${h}.example.ac.jp`);
const PASS = 'quarterly renewal 2027';

function cli(...args: string[]): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`upki-tsv ${args.join(' ')}: ${r.stdout}${r.stderr}`);
  return r.stdout;
}
const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, encoding: 'utf8', stdio: ['pipe', 'pipe', 'pipe'] });
/** Shift-JIS CRLF rows through iconv (independent of the app's encoder). */
function sjis(name: string, rows: string[][]): string {
  writeFileSync(join(dir, `${name}.utf8`), rows.map((r) => r.join('\t')).join('\r\n') + '\r\n');
  writeFileSync(join(dir, name), execFileSync('iconv', ['-f', 'UTF-8', '-t', 'SHIFT_JIS', join(dir, `${name}.utf8`)]));
  return name;
}
const sans = (pem: string) => [...openssl('x509', '-in', pem, '-noout', '-ext', 'subjectAltName').matchAll(/DNS:([^,\s]+)/g)].map((m) => m[1]).sort();

let nowIso: string;
const oldSerial: Record<string, string> = {};

test.beforeAll(() => {
  writeFileSync(join(dir, 'inst.json'), JSON.stringify({ o: O, st: 'Tokyo', l: 'Chiyoda-ku', domains: ['example.ac.jp'], ouAllowList: {}, approvalExpires: '2099-03-31' }));
  const servers = HOSTS.map((cn, i) => {
    openssl('req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=${cn}`, '-keyout', `${cn}.old.key`, '-out', `${cn}.csr`);
    const csr = readFileSync(join(dir, `${cn}.csr`), 'utf8').split('\n').filter((l) => l && !l.startsWith('-----')).join('');
    const extra = i % 2 === 0 ? `dNSName=alt${i}.example.ac.jp` : '';
    return [`CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '3', '', '', '', '', csr, '利用　管理', '情報基盤センター', 'admin@example.ac.jp', cn, 'nginx 1.24', extra];
  });
  const clients = Array.from({ length: 30 }, (_, i) => [
    `CN=USER ${i + 1},OU=${String(i + 1).padStart(8, '0')},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '5', '2', '', '', '', '', '利用　管理', '情報基盤センター', 'admin@example.ac.jp',
    `利用者　${i + 1}`, `user${i + 1}`, '工学部', `user${i + 1}@example.ac.jp`, '',
  ]);
  cli('ra', 'init', '--state', 'st', '--institution', 'inst.json');
  const issued = JSON.parse(cli('ra', 'upload', '--state', 'st', '--kind', 'server-issue', '--json', sjis('servers.tsv', servers))) as { records: { serial: string }[] };
  HOSTS.forEach((h, i) => (oldSerial[h] = issued.records[i].serial));
  cli('ra', 'upload', '--state', 'st', '--kind', 'client-issue', sjis('clients.tsv', clients));
  cli('ra', 'clock', '--state', 'st', '--advance', '120'); // the servers now have about 80 days left
  cli('ra', 'export', '--state', 'st', '--out', 'out');
  nowIso = readFileSync(join(dir, 'out/now.txt'), 'utf8').split('\t')[0];
});
test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('drop the RA lists, renew the expiring servers with keys made in the page, and the simulated RA issues them', async ({ page }) => {
  await page.goto('/#/inventory');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('証明書一覧・更新計画');
  // Drop the three lists on the zone, as a user drags them from the file manager.
  const names = ['serverCertificateList.txt', 'clientCertificateList.txt', 'allCertificateList.txt'];
  const payload = names.map((n) => ({ name: n, b64: readFileSync(join(dir, 'out/downloads', n)).toString('base64') }));
  const transfer = await page.evaluateHandle((files) => {
    const dt = new DataTransfer();
    for (const f of files) dt.items.add(new File([Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0))], f.name));
    return dt;
  }, payload);
  await page.getByTestId('inventory-drop').dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('inventory-results')).toContainText('serverCertificateList.txt');
  await expect(page.getByTestId('inventory-count')).toContainText('35 / 35');
  // The passphrase typed first: the change of 基準日 below must keep the panels, and what was typed in them.
  await page.getByTestId('renew-pass').fill(PASS);
  await page.getByTestId('renew-pass2').fill(PASS);
  // Count from the simulated RA's day (its clock was advanced), not from today.
  const jstDay = new Date(Date.parse(nowIso) + 9 * 3600_000).toISOString().slice(0, 10);
  await page.getByTestId('inventory-asof').fill(jstDay);
  await expect(page.getByTestId('inventory-timeline')).toBeVisible();
  await expect(page.getByTestId('inventory-timeline-table')).toContainText('5');

  await page.getByTestId('select-expiring').click();
  await expect(page.getByTestId('inventory-count')).toContainText('選択 5 件');
  await expect(page.getByTestId('renew-pass')).toHaveValue(PASS);
  await expect(page.getByTestId('renew-pass2')).toHaveValue(PASS);
  const [zip] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByTestId('make-renewal').click()]);
  await expect(page.getByTestId('renewal-done')).toBeVisible();
  const zipPath = join(dir, zip.suggestedFilename());
  await zip.saveAs(zipPath);
  execFileSync('python3', ['-c', 'import sys,zipfile; z=zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2])', zipPath, join(dir, 'renewal')]);
  expect(readdirSync(join(dir, 'renewal/keys')).sort()).toEqual(HOSTS.map((h) => `${h}.key`).sort());
  const tsv = readdirSync(join(dir, 'renewal')).filter((f) => f.startsWith('upki-server-renew-'));
  expect(tsv).toHaveLength(1);

  // The renewal goes to the simulated RA as the admin would send it; OpenSSL judges what comes back.
  const renewed = JSON.parse(cli('ra', 'upload', '--state', 'st', '--kind', 'server-renew', '--json', join('renewal', tsv[0]))) as { ok: boolean; records: { ok: boolean; serial: string }[] };
  expect(renewed.records.every((r) => r.ok)).toBe(true);
  cli('ra', 'export', '--state', 'st', '--out', 'out2');
  writeFileSync(join(dir, 'pass.txt'), PASS);
  for (const [i, host] of HOSTS.entries()) {
    const row = execFileSync('iconv', ['-f', 'SHIFT_JIS', '-t', 'UTF-8', join(dir, 'renewal', tsv[0])], { encoding: 'utf8' }).split('\r\n')[i].split('\t');
    expect(row[10]).toBe(host);
    expect(row[3]).toBe(oldSerial[host]);
    const fresh = join(dir, `out2/certs/${renewed.records[i].serial}.pem`);
    expect(sans(fresh)).toEqual(sans(join(dir, `out/certs/${oldSerial[host]}.pem`)));
    const pub = openssl('pkey', '-in', join('renewal/keys', `${host}.key`), '-passin', 'file:pass.txt', '-pubout');
    expect(openssl('x509', '-in', fresh, '-noout', '-pubkey')).toBe(pub);
    expect(pub).not.toBe(openssl('pkey', '-in', `${host}.old.key`, '-pubout'));
  }

  // The calendar: one event per selected certificate on its JST expiry day, a reminder 30 days before.
  const [ics] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-ics').click()]);
  const icsPath = join(dir, 'plan.ics');
  await ics.saveAs(icsPath);
  const events = JSON.parse(execFileSync('python3', ['-c', PY_ICS, icsPath], { encoding: 'utf8' })) as { start: string; trigger: string }[];
  expect(events).toHaveLength(5);
  const endDays = HOSTS.map((h) => {
    const end = openssl('x509', '-in', join(dir, `out/certs/${oldSerial[h]}.pem`), '-noout', '-enddate').trim().slice('notAfter='.length);
    return new Date(Date.parse(end) + 9 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
  });
  expect(events.map((e) => e.start).sort()).toEqual(endDays.sort());
  expect(events.every((e) => e.trigger === '-P30D')).toBe(true);

  // The rows open in the builder for review, with the CSRs in column 7.
  await page.getByTestId('open-builder-server').click();
  await expect(page).toHaveURL(/#\/builder/);
  await expect(page.getByLabel('サーバ証明書更新申請')).toBeChecked();
  for (const [i, host] of HOSTS.entries()) await expect(page.getByRole('textbox', { name: `利用管理者FQDN 行${i + 1}`, exact: true })).toHaveValue(host);
  await expect(page.getByRole('textbox', { name: '失効対象証明書シリアル番号 行1', exact: true })).toHaveValue(oldSerial[HOSTS[0]]);

  // Back on the page the inventory is still there (IndexedDB), and clearing it empties it.
  await page.goto('/#/inventory');
  await expect(page.getByTestId('inventory-count')).toContainText('35 / 35');
  page.once('dialog', (d) => void d.accept());
  await page.getByTestId('inventory-clear').click();
  await expect(page.getByTestId('inventory-count')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('inventory-drop')).toBeVisible();
  await expect(page.getByTestId('inventory-count')).toHaveCount(0);
});

test('a 10 000-row RA list: cancel keeps the page and the store as they were, then the import shows a bounded table that filters right', async ({ page }) => {
  test.setTimeout(300_000);
  const marked = 37;
  const list = writeLargeServerList(dir, 10_000, marked);
  await page.goto('/#/inventory');
  await expect(page.getByTestId('inventory-drop')).toBeVisible();

  // Cancelled while it reads: no table, and nothing was stored (a reload shows none).
  await page.getByTestId('inventory-files').setInputFiles(list);
  await page.getByTestId('inventory-cancel').click();
  await expect(page.locator('.inv-progress')).toHaveCount(0);
  await expect(page.getByTestId('inventory-count')).toHaveCount(0);
  await page.reload();
  await expect(page.getByTestId('inventory-drop')).toBeVisible();
  await expect(page.locator('.inv-progress')).toHaveCount(0);
  await expect(page.getByTestId('inventory-count')).toHaveCount(0);

  // The whole list: shows progress, then every row is counted but only a window of them is in the DOM.
  await page.getByTestId('inventory-files').setInputFiles(list);
  await expect(page.locator('.inv-progress')).toBeVisible();
  await expect(page.getByTestId('inventory-count')).toContainText('10000 / 10000', { timeout: 180_000 });
  await expect(page.getByTestId('inventory-results')).toContainText('10000 件');
  const domRows = await page.locator('tr.inv-row').count();
  expect(domRows).toBeGreaterThan(5);
  expect(domRows).toBeLessThan(200);

  // Search: exactly the marked hosts; the input is still the user's to type in.
  const search = page.getByRole('searchbox');
  await search.fill('r0');
  await expect(page.getByTestId('inventory-count')).toContainText(`${marked} / 10000`);
  await expect(page.locator('tr.inv-row').first()).toHaveAttribute('data-cn', /^r\d{5}\.bench\.example\.ac\.jp$/);
  await search.fill('k09999.bench');
  await expect(page.getByTestId('inventory-count')).toContainText('1 / 10000');
  await search.fill('');
  await expect(page.getByTestId('inventory-count')).toContainText('10000 / 10000');

  // Sorted by CN descending and scrolled to the end: the last row of 10 000 is drawn, the DOM stays bounded.
  await page.getByRole('button', { name: 'CN / FQDN' }).click();
  await page.getByRole('button', { name: 'CN / FQDN' }).click();
  await expect(page.locator('tr.inv-row').first()).toHaveAttribute('data-cn', 'r00036.bench.example.ac.jp');
  await page.locator('.inv-scroll').evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(page.locator('tr.inv-row').last()).toHaveAttribute('data-cn', 'k00037.bench.example.ac.jp');
  await expect(page.locator('tr.inv-row').last()).toHaveAttribute('aria-rowindex', '10001');
  expect(await page.locator('tr.inv-row').count()).toBeLessThan(200);

  // Kept in this browser: once 「保存中…」 is gone, a reload restores all 10 000 rows from IndexedDB.
  await expect(page.getByTestId('inventory-saving')).toHaveCount(0, { timeout: 120_000 });
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toContainText('10000 / 10000', { timeout: 120_000 });

  // The same list again, and a reload the moment its rows are shown (the store is being rewritten): the store
  // holds the previous 10 000 rows or the new 10 000, never a part of them.
  await page.getByTestId('inventory-files').setInputFiles(list);
  // Checked every frame: the write takes about half a second, which a locator's back-off (500 ms) can miss.
  await page.waitForFunction(() => !!document.querySelector('[data-testid=inventory-saving]'), null, { polling: 'raf', timeout: 180_000 });
  await page.reload();
  await expect(page.getByTestId('inventory-count')).toContainText('10000 / 10000', { timeout: 120_000 });
});

const PY_ICS = String.raw`
import sys, json, re
raw = open(sys.argv[1], 'rb').read()
assert raw.endswith(b'\r\n') and b'\n' not in raw.replace(b'\r\n', b''), 'CRLF only'
for l in raw.split(b'\r\n')[:-1]: assert len(l) <= 75, ('long line', l)
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
assert not stack and text[0] == 'BEGIN:VCALENDAR' and 'VERSION:2.0' in text
for e in events:
    for k in ('UID', 'DTSTAMP', 'DTSTART;VALUE=DATE', 'DTEND;VALUE=DATE', 'SUMMARY', 'ALARM.ACTION', 'ALARM.TRIGGER'): assert k in e, (k, e)
print(json.dumps([{'start': e['DTSTART;VALUE=DATE'], 'trigger': e['ALARM.TRIGGER']} for e in events]))
`;
