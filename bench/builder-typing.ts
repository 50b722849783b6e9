// Benchmark: the builder with a 1000-user roster, in Debian's Chromium, from the single-file build.
// Adds 1000 client rows from a roster, then types into a cell of that sheet and reports the time from each
// keydown to the next frame, and the main-thread long tasks seen meanwhile. Figures only; asserts nothing.
// Needs `npm run build` first (it reads dist-single/).
import { chromium } from '@playwright/test';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Report } from './lib/report';

const ROWS = 1000;
const KEYS = 'KOKURITSU HANAKO TEST';
const SINGLE = resolve('dist-single/upki-workbench.html');

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export async function benchBuilderTyping(r: Report): Promise<void> {
  if (!existsSync(SINGLE)) return r.skip('no dist-single/upki-workbench.html; run `npm run build` first');
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-builder-'));
  const lines = ['氏名,ローマ字,学籍番号,メールアドレス'];
  for (let i = 0; i < ROWS; i += 1) lines.push(`学生${i},GAKUSEI ${i},${2024000 + i},s${i}@nii.ac.jp`);
  const roster = join(dir, 'roster.csv');
  writeFileSync(roster, lines.join('\r\n') + '\r\n');

  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(SINGLE).href}#/builder`);
    await page.locator('section.builder[data-ready=true]').waitFor();
    await page.getByLabel('クライアント証明書発行申請', { exact: true }).check();
    await page.getByLabel('ダウンロード方法').selectOption('2');
    await page.getByText('名簿（CSV/TSV）から一括作成').click();
    await page.getByLabel('名簿ファイル（CSV・TSV、UTF-8またはShift-JIS）').setInputFiles(roster);
    await page.getByText(`${ROWS}行を読み込みました。`).waitFor();

    const t0 = Date.now();
    await page.getByRole('button', { name: `${ROWS}行を追加` }).click();
    await page.waitForFunction((n) => document.querySelector('[data-testid=check-summary]')?.textContent?.includes(`${n}行`), ROWS);
    const shown = Date.now() - t0;
    await page.waitForFunction(() => /エラー\s*\d+件/.test(document.querySelector('[data-testid=check-summary]')?.textContent ?? ''));
    const checked = Date.now() - t0;

    // Keydown → next frame, and long tasks, measured inside the page (no DevTools round trips in the figure).
    await page.evaluate(() => {
      const w = window as unknown as { benchLatencies: number[]; benchLongTasks: number[] };
      w.benchLatencies = [];
      w.benchLongTasks = [];
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.benchLongTasks.push(e.duration))).observe({ type: 'longtask' });
      document.addEventListener('keydown', (e) => {
        const start = e.timeStamp;
        requestAnimationFrame(() => setTimeout(() => w.benchLatencies.push(performance.now() - start), 0));
      }, true);
    });
    const target = page.locator('input[data-r="0"][data-c="10"]');
    await target.click();
    await target.press('End');
    for (const ch of KEYS) await page.keyboard.type(ch, { delay: 60 });
    await page.waitForTimeout(1500); // let the last check come back before reading the figures
    const { lat, longTasks } = await page.evaluate(() => {
      const w = window as unknown as { benchLatencies: number[]; benchLongTasks: number[] };
      return { lat: w.benchLatencies, longTasks: w.benchLongTasks };
    });
    r.add(`builder: ${ROWS}-row roster added, rows shown`, shown, 'ms');
    r.add('builder: first full check of the sheet', checked, 'ms');
    r.add(`builder: typing ${lat.length} keys, keydown to next frame (median)`, median(lat), 'ms');
    r.add('builder: keydown to next frame (max)', lat.reduce((a, b) => Math.max(a, b), 0), 'ms');
    const longest = longTasks.reduce((a, b) => Math.max(a, b), 0);
    r.add('builder: main-thread long tasks while typing', longTasks.length, 'tasks', longTasks.length ? `longest ${longest.toFixed(0)} ms` : undefined);
    r.budget(`Longest main-thread task while typing in a ${ROWS}-row sheet`, longest, 50, 'ms');
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

