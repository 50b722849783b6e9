// Benchmark: the validator page with large input, in Debian's Chromium, from the single-file build:
// a 10 MB file of 50,000 client rows and a file with one 1 MB cell. Reports the main-thread long tasks
// (> 50 ms) from choosing the file to the result being shown, and the DOM size. Figures only.
// Needs `npm run build` first. Run alone: npx tsx bench/validator-large.ts
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SINGLE = resolve('dist-single/upki-workbench.html');

const ROW = ['CN=KOKURITSU HANAKO,OU=01,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', '5', '2', '', '', '', '', '国立　太郎', '学術基盤推進部', 'admin@example.ac.jp', '国立　花子', '', '情報学研究科', 'hanako@example.ac.jp', ''];

function sjis(rows: string[][]): Buffer {
  const text = rows.map((r) => r.join('\t')).join('\r\n') + '\r\n';
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'CP932'], { input: text, maxBuffer: 256 * 1024 * 1024 });
}

export async function benchValidatorLarge(): Promise<void> {
  if (!existsSync(SINGLE)) {
    console.log('validator large input: skipped (run `npm run build` first)');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-validator-'));
  const cases: [string, Buffer][] = [
    ['10 MB, 50,000 rows', sjis(Array.from({ length: 50_000 }, () => ROW))],
    // The RA's largest legal file, every record NG (its cells and issues all reach the page's table).
    ['1000 rows, every one NG', sjis(Array.from({ length: 1000 }, () => ROW.map((c, i) => (i === 9 ? '' : c))))],
    ['one 1 MB cell', sjis([ROW.map((c, i) => (i === 10 ? 'あ'.repeat(1_048_576) : c))])],
    ['8192 dashes in a cell, 99 rows', sjis(Array.from({ length: 99 }, () => ROW.map((c, i) => (i === 10 ? '-'.repeat(8192) : c))))],
  ];
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const [name, bytes] of cases) {
      const path = join(dir, 'input.tsv');
      writeFileSync(path, bytes);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      let workers = 0;
      page.on('worker', () => workers++);
      await page.goto(`${pathToFileURL(SINGLE).href}#/validate`);
      await page.getByLabel('申請の種類').selectOption('client-issue');
      // Warm up: the first validation starts the worker (in this build, decoded from the inlined script).
      const warm = join(dir, 'warm.tsv');
      writeFileSync(warm, sjis([ROW]));
      const w0 = Date.now();
      await page.evaluate(() => {
        const w = window as unknown as { benchLongTasks: number[] };
        w.benchLongTasks = [];
        new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchLongTasks.push(e.duration))).observe({ type: 'longtask' });
      });
      await page.getByLabel('申請TSVファイル').setInputFiles(warm);
      await page.getByTestId('summary').waitFor();
      await page.waitForTimeout(300);
      const warmLong = await page.evaluate(() => (window as unknown as { benchLongTasks: number[] }).benchLongTasks.map(Math.round));
      if (name === cases[0][0]) console.log(`validator, first (1-row) file, worker start: ${Date.now() - w0} ms; long tasks ${JSON.stringify(warmLong)}`);
      await page.evaluate(() => {
        (window as unknown as { benchLongTasks: number[] }).benchLongTasks = [];
      });
      const t0 = Date.now();
      await page.getByLabel('申請TSVファイル').setInputFiles(path);
      // The warm-up's summary is on screen: wait for this file's.
      await page.getByTestId('summary').filter({ hasText: 'input.tsv' }).waitFor({ timeout: 600_000 });
      const shown = Date.now() - t0;
      await page.waitForTimeout(500); // let the last tasks report
      const long = await page.evaluate(() => (window as unknown as { benchLongTasks: number[] }).benchLongTasks);
      const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
      const max = long.reduce((a, b) => Math.max(a, b), 0);
      console.log(
        `validator, ${name} (${(bytes.length / 1024 / 1024).toFixed(1)} MB): result in ${(shown / 1000).toFixed(1)} s; ` +
          `long tasks ${long.length}, longest ${max.toFixed(0)} ms (all: ${long.map((x) => x.toFixed(0)).join(' ')}); ${nodes} elements; ${workers} worker(s)`,
      );
      // The same input again on the same page: what the input costs once fonts (a CJK face's first use) and code are
      // warm — the first figure includes those one-time costs (traced: layout shaping the first Japanese text of a face).
      const again = join(dir, 'again.tsv');
      writeFileSync(again, bytes);
      await page.evaluate(() => {
        (window as unknown as { benchLongTasks: number[] }).benchLongTasks = [];
      });
      await page.getByLabel('申請TSVファイル').setInputFiles(again);
      await page.getByTestId('summary').filter({ hasText: 'again.tsv' }).waitFor({ timeout: 600_000 });
      await page.waitForTimeout(500);
      const long2 = await page.evaluate(() => (window as unknown as { benchLongTasks: number[] }).benchLongTasks);
      console.log(`validator, ${name}, second time on the same page: long tasks ${long2.length}, longest ${long2.reduce((a, b) => Math.max(a, b), 0).toFixed(0)} ms`);
      await page.close();
    }
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await benchValidatorLarge();
