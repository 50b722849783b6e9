// Screenshots for the README and docs: `npm run build && node scripts/screenshots.mjs [name...]`.
// They are documentation, not tests. Opens the single-file build from file:// (no server needed);
// UPKI_SINGLE_HTML=<path> uses another build, UPKI_SHOT_ZOOM=2 shoots as at 200% zoom (half the CSS viewport, 2x pixels)
// and UPKI_SHOT_OUT=<dir> writes elsewhere (for looking at layouts without touching docs/).
// Japanese glyphs need a CJK font: `sudo apt-get install fonts-noto-cjk`; `pngquant` (apt) keeps the PNGs small.
// To add a page, append to SHOTS: {name, hash, prepare(page)}; the image lands in docs/screenshots/<name>.png.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SINGLE = resolve(process.env.UPKI_SINGLE_HTML || 'dist-single/upki-workbench.html');
const OUT = resolve(process.env.UPKI_SHOT_OUT || 'docs/screenshots');
const ZOOM = Number(process.env.UPKI_SHOT_ZOOM || '1');

/** The institution profile the builder screenshot imports (same shape as the builder's JSON export). */
const PROFILE_JSON = JSON.stringify({
  format: 'upki-workbench/institution-profiles',
  version: 1,
  profiles: [{
    id: 'nii', label: '本部', o: 'National Institute of Informatics', st: 'Tokyo', l: 'Chiyoda-ku', domains: ['nii.ac.jp'],
    adminName: '国立　太郎', adminDept: '学術基盤推進部', adminMail: 'admin@nii.ac.jp', software: 'nginx 1.26',
    updatedAt: '2026-11-23T00:00:00.000Z',
  }],
});

/** Shift-JIS (CP932) bytes by iconv, as Excel would save them. */
function sjis(rows) {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text });
}

function clientRow(cn, ou, over = {}) {
  const row = [`CN=${cn},OU=${ou},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`, '5', '1', '', '', '', '',
    '国立　太郎', '学術基盤推進部', 'admin@example.ac.jp', '国立　花子', 'NIIcert20250401-101010', '情報学研究科', 'hanako@example.ac.jp', ''];
  for (const [col, value] of Object.entries(over)) row[Number(col) - 1] = value;
  return row;
}

/** 模擬サービス: the desk registers the RA operator, who takes the certificate into the simulated browser. */
async function operatorCertificate(page) {
  await page.getByTestId('svc-trainer').waitFor({ timeout: 60_000 });
  await page.getByTestId('svc-role-desk').click();
  await page.getByTestId('svc-desk-register').click();
  const pin = (await page.getByTestId('svc-desk-pin-value').textContent()).trim();
  await page.getByTestId('svc-role-ra').click();
  await page.getByTestId('svc-mail-subject').filter({ hasText: /^登録担当者用証明書発行受付通知$/ }).first().click();
  await page.getByTestId('svc-mail-link').click();
  await page.getByLabel('アクセスPIN（半角英数字）').fill(pin);
  await page.getByTestId('svc-operator-issue').click();
  await page.getByTestId('svc-operator-done').waitFor({ timeout: 60_000 });
  await page.getByTestId('svc-role-ra').click();
  await page.getByTestId('svc-ra-system').click();
  await page.getByTestId('svc-picker-option').first().check();
}

async function serverUpload(page) {
  await page.getByTestId('nii-login-ok').click();
  await page.getByTestId('nii-menu-server-upload').click();
  const csr = execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-subj', '/C=JP/ST=Tokyo/L=Chiyoda-ku/O=Example University/CN=www.example.ac.jp', '-keyout', '/dev/null'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
    .split('\n').filter((l) => l && !l.startsWith('-----')).join('');
  const row = ['CN=www.example.ac.jp,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP', '3', '', '', '', '', csr, '利用　管理', '情報基盤センター', 'admin@example.ac.jp', 'www.example.ac.jp', 'nginx', ''];
  await page.getByTestId('nii-file').setInputFiles({ name: 'server.tsv', mimeType: 'text/plain', buffer: sjis([row]) });
  await page.getByTestId('nii-upload').click();
  await page.getByTestId('nii-review-ok').click();
  await page.getByTestId('ra-complete').waitFor({ timeout: 60_000 });
  await page.evaluate(() => window.scrollTo(0, 0)); // the sticky role bar belongs at the top of a full-page shot
}

const SHOTS = [
  {
    name: 'validator',
    hash: '#/validate',
    async prepare(page) {
      const rows = [
        clientRow('KOKURITSU HANAKO', '01'),
        clientRow('KOKURITSU JIRO', '02', { 10: '' }),
        clientRow('TAKAHASHI ICHIRO', '03', { 11: '髙橋　一郎' }),
        clientRow('JOHOU SABURO', '04'),
      ];
      await page.getByLabel('申請の種類').selectOption('client-issue');
      await page.getByLabel('申請TSVファイル').setInputFiles({ name: 'client-issue.tsv', mimeType: 'text/plain', buffer: sjis(rows) });
      await page.getByTestId('result-table').waitFor();
    },
  },
  {
    name: 'builder',
    hash: '#/builder',
    async prepare(page) {
      await page.locator('section.builder[data-ready=true]').waitFor();
      await page.getByText('プロファイルをファイルから読み込む').click();
      await page.getByLabel('プロファイルJSONファイル').setInputFiles({ name: 'profiles.json', mimeType: 'application/json', buffer: Buffer.from(PROFILE_JSON) });
      await page.getByLabel('使用するプロファイル').getByText('本部').waitFor({ state: 'attached' });
      await page.getByText('プロファイルをファイルから読み込む').click();
      await page.getByLabel('クライアント証明書発行申請', { exact: true }).check();
      await page.getByText('名簿（CSV/TSV）から一括作成').click();
      await page.getByLabel('または表計算ソフトから貼り付け').fill(
        ['ローマ字\t学籍番号\tメールアドレス\t氏名', 'KOKURITSU HANAKO\t2024001\thanako@nii.ac.jp\t国立　花子',
          'JOHO JIRO\t2024002\tjiro@nii.ac.jp\t情報　次郎', 'GAKUJUTSU SABURO\t2024003\tsaburo@nii.ac.jp\t学術　三郎'].join('\n'),
      );
      await page.getByRole('button', { name: '貼り付けた内容を読む' }).click();
      await page.locator('#map-3').selectOption('userName');
      await page.getByRole('button', { name: '3行を追加' }).click();
      // A mistake users make: L written in kanji instead of romanised (SPEC §3.1).
      const dn = page.locator('input[data-r="1"][data-c="1"]');
      await dn.fill('CN=JOHO JIRO,OU=2024002,O=National Institute of Informatics,L=千代田区,ST=Tokyo,C=JP');
      await page.locator('input[data-r="1"][data-c="1"][aria-invalid="true"]').waitFor();
      await page.locator('summary', { hasText: '名簿（CSV/TSV）から一括作成' }).click();
      await dn.focus();
      await page.getByTestId('save-state').getByText('保存済み').waitFor();
      await page.getByTestId('check-pending').waitFor({ state: 'detached' });
    },
  },
  {
    name: 'keys',
    hash: '#/keys',
    async prepare(page) {
      await page.getByLabel('CN（サーバのFQDN）').fill('www.nii.ac.jp');
      await page.getByLabel('機関名英語表記 (O)').fill('National Institute of Informatics');
      await page.getByLabel('都道府県 (ST)').fill('Tokyo');
      await page.getByLabel('市区町村 (L)').fill('Chiyoda-ku');
      await page.getByLabel(/追加のホスト名/).fill('nii.ac.jp');
      await page.locator('#keys-pass').fill('correct horse battery');
      await page.locator('#keys-pass2').fill('correct horse battery');
      await page.getByTestId('keys-generate').click();
      await page.getByTestId('keys-result').waitFor();
    },
  },
  {
    name: 'ra',
    hash: '#/ra',
    async prepare(page) {
      // The page's demo institution (src/ra/institutions.ts): Example University, Tokyo, Chiyoda-ku.
      const rows = ['1', '2', '3'].map((n) => [
        `CN=USER ${n},OU=2024000${n},O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP`, '5', '1', '', '', '', '',
        '利用　管理', '情報基盤センター', 'admin@example.ac.jp', `利用者　${n}`, `user${n}`, '工学部', `user${n}@example.ac.jp`, '',
      ]);
      await page.getByTestId('ra-upload').waitFor({ timeout: 60_000 });
      await page.getByLabel('処理内容').selectOption('client-issue');
      await page.getByLabel('申請ファイル', { exact: true }).setInputFiles({ name: 'client.tsv', mimeType: 'text/plain', buffer: sjis(rows) });
      await page.getByTestId('ra-upload').click();
      await page.getByTestId('ra-complete').waitFor({ timeout: 60_000 });
      await page.getByTestId('ra-tab-mail').click();
      await page.getByTestId('ra-mail-subject').filter({ hasText: /^アクセスPIN発行通知$/ }).first().click();
      await page.getByTestId('ra-mail-reader').waitFor();
    },
  },
  {
    name: 'inventory',
    hash: '#/inventory',
    async prepare(page) {
      // A small university's year: servers issued in four batches a few weeks apart and 20 client certificates,
      // by the simulated RA's CLI (CSRs from OpenSSL); then its lists are read by the page.
      const { mkdtempSync, readFileSync, writeFileSync, rmSync } = await import('node:fs');
      const { tmpdir } = await import('node:os');
      const { join } = await import('node:path');
      const dir = mkdtempSync(join(tmpdir(), 'upki-shot-inventory-'));
      const cli = (...args) => execFileSync(process.execPath, [resolve('bin/upki-tsv.mjs'), ...args], { cwd: dir, encoding: 'utf8' });
      const O = 'Example University';
      writeFileSync(join(dir, 'inst.json'), JSON.stringify({ o: O, st: 'Tokyo', l: 'Chiyoda-ku', domains: ['example.ac.jp', 'lab.example.ac.jp'], ouAllowList: {}, approvalExpires: '2099-03-31' }));
      cli('ra', 'init', '--state', 'st', '--institution', 'inst.json');
      const hosts = [['www', 'mail', 'lms'], ['wiki', 'vpn', 'idp', 'git'], ['ml.lab', 'gpu.lab'], ['portal', 'cal', 'box']];
      for (const [b, batch] of hosts.entries()) {
        const rows = batch.map((h) => {
          const cn = `${h}.example.ac.jp`;
          execFileSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-subj', `/C=JP/ST=Tokyo/L=Chiyoda-ku/O=${O}/CN=${cn}`, '-keyout', join(dir, 'k'), '-out', join(dir, 'c')], { stdio: 'ignore' });
          const csr = readFileSync(join(dir, 'c'), 'utf8').split('\n').filter((l) => l && !l.startsWith('-----')).join('');
          return [`CN=${cn},O=${O},L=Chiyoda-ku,ST=Tokyo,C=JP`, '3', '', '', '', '', csr, '利用　管理', '情報基盤センター', 'admin@example.ac.jp', cn, 'nginx 1.24', ''];
        });
        writeFileSync(join(dir, `s${b}.tsv`), sjis(rows));
        cli('ra', 'upload', '--state', 'st', '--kind', 'server-issue', `s${b}.tsv`);
        if (b === 1) {
          const users = Array.from({ length: 20 }, (_, i) => clientRow(`USER ${i + 1}`, String(i + 1).padStart(8, '0'), { 2: '5', 3: '2', 6: '', 12: `user${i + 1}`, 14: `user${i + 1}@example.ac.jp` })
            .map((c) => c.replace('National Institute of Informatics', O)));
          writeFileSync(join(dir, 'c.tsv'), sjis(users));
          cli('ra', 'upload', '--state', 'st', '--kind', 'client-issue', 'c.tsv');
        }
        cli('ra', 'clock', '--state', 'st', '--advance', '35');
      }
      cli('ra', 'clock', '--state', 'st', '--advance', '40');
      cli('ra', 'export', '--state', 'st', '--out', 'out');
      const now = readFileSync(join(dir, 'out/now.txt'), 'utf8').split('\t')[0];
      await page.getByTestId('inventory-files').setInputFiles(['serverCertificateList.txt', 'clientCertificateList.txt', 'allCertificateList.txt'].map((n) => join(dir, 'out/downloads', n)));
      await page.getByTestId('inventory-count').waitFor();
      await page.getByTestId('inventory-asof').fill(new Date(Date.parse(now) + 9 * 3600_000).toISOString().slice(0, 10));
      await page.getByTestId('select-expiring').click();
      rmSync(dir, { recursive: true, force: true });
      },
    },
    {
    name: 'service-login',
    hash: '#/service/trainer',
    async prepare(page) {
      await operatorCertificate(page);
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'service-menu',
    hash: '#/service/trainer',
    async prepare(page) {
      await operatorCertificate(page);
      await serverUpload(page);
    },
  },
  {
    name: 'service-mailbox',
    hash: '#/service/trainer',
    async prepare(page) {
      await operatorCertificate(page);
      await serverUpload(page);
      await page.getByTestId('svc-role-admin').click();
      await page.getByTestId('svc-mail-subject').first().click();
      await page.getByTestId('svc-mail-reader').waitFor();
      await page.evaluate(() => window.scrollTo(0, 0));
    },
  },
  {
    name: 'jpnic',
    hash: '#/jpnic/manager',
    async prepare(page) {
      // 資源管理者: log in with the 資源管理者証明書, register an account, 発行 → 証明書申請完了 (2 of 3 license blocks).
      await page.getByTestId('jp-manager-login').click({ timeout: 60_000 });
      await page.getByTestId('jp-picker-ok').click();
      await page.getByTestId('jp-register-user').fill('山田 太郎');
      await page.getByTestId('jp-register').click();
      await page.getByTestId('jp-account-row').first().getByTestId('jp-op-issue').click();
      await page.getByTestId('jp-picker-ok').click();
      await page.getByTestId('jp-apply-name').fill('Taro Yamada');
      await page.getByTestId('jp-apply-email').fill('taro@example.ac.jp');
      await page.getByTestId('jp-apply-submit').click();
      await page.getByTestId('jp-license-screen').waitFor();
    },
  },
];

/**
 * Screenshots are UI on flat colours: pngquant (Debian `pngquant`, optional) makes them about a third of the size
 * without a visible change. Without it the PNG is kept as Chromium wrote it.
 */
function shrink(file) {
  const before = statSync(file).size;
  try {
    execFileSync('pngquant', ['--quality', '80-98', '--speed', '1', '--skip-if-larger', '--force', '--output', file, file], { stdio: 'ignore' });
  } catch {
    return `${Math.round(before / 1024)} KiB; pngquant not used`;
  }
  return `${Math.round(before / 1024)} → ${Math.round(statSync(file).size / 1024)} KiB`;
}

if (!existsSync(SINGLE)) {
  console.error(`${SINGLE} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const wanted = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const shot of SHOTS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    const page = await browser.newPage({ viewport: { width: 1280 / ZOOM, height: 800 / ZOOM }, deviceScaleFactor: ZOOM, locale: 'ja-JP' });
    await page.goto(pathToFileURL(SINGLE).href + shot.hash);
    await shot.prepare(page);
    const file = resolve(OUT, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file} (${shrink(file)})`);
    await page.close();
  }
} finally {
  await browser.close();
}
