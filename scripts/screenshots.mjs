// Screenshots for the README and docs: `npm run build && node scripts/screenshots.mjs [name...]`.
// They are documentation, not tests. Opens the single-file build from file:// (no server needed).
// Japanese glyphs need a CJK font: `sudo apt-get install fonts-noto-cjk`.
// To add a page, append to SHOTS: {name, hash, prepare(page)}; the image lands in docs/screenshots/<name>.png.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SINGLE = resolve('dist-single/upki-workbench.html');
const OUT = resolve('docs/screenshots');

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
];

if (!existsSync(SINGLE)) {
  console.error(`${SINGLE} is missing: run \`npm run build\` first.`);
  process.exit(1);
}
mkdirSync(OUT, { recursive: true });
const wanted = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  for (const shot of SHOTS.filter((s) => wanted.length === 0 || wanted.includes(s.name))) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'ja-JP' });
    await page.goto(pathToFileURL(SINGLE).href + shot.hash);
    await shot.prepare(page);
    const file = resolve(OUT, `${shot.name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
}
