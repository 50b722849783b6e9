// Benchmark: the inventory page in Debian's Chromium (single-file build). A 10 000-row server certificate list
// (the simulated RA's layout, Shift-JIS, a certificate in every row) is read and merged; the table is re-sorted
// and filtered; 80 renewal key pairs + CSRs (RSA 2048) are made in the page and compared with an
// `openssl req -newkey rsa:2048` loop. Main-thread long tasks (> 50 ms) are counted throughout. Figures only.
// The 10 000 certificates are copies of one OpenSSL certificate with the serial and host name rewritten in the
// DER (signatures are not checked by the inventory, so reading them costs the same as 10 000 issued ones).
// The budget "parsed and merged ≤ 1 s" is timed from the file input's change event (the page has the file) to the
// rows merged in the import worker; the time to every row in the table and from Playwright's setInputFiles (which
// spends 0.3–0.4 s in DevTools before the page sees the file) are reported beside it.
// Needs `npm run build` first. Run alone: npx tsx bench/inventory.ts
import { chromium } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeLargeServerList } from '../e2e/inventory-list';
import type { Report } from './lib/report';

let ROWS = 10_000;
let RENEW = 80;
const SINGLE = resolve(process.env.UPKI_SINGLE_HTML || 'dist-single/upki-workbench.html');

/**
 * The figures by name; with `report` (bench/run.ts) they are also rows of its table with the issue's budgets.
 * `quick`: 1 000 rows and 8 keys (a smoke run).
 */
export async function runInventoryBench(report?: Report, quick = false): Promise<Record<string, number>> {
  ROWS = quick ? 1_000 : 10_000;
  RENEW = quick ? 8 : 80;
  if (!existsSync(SINGLE)) {
    console.log('inventory: skipped (no dist-single/upki-workbench.html; run `npm run build` first)');
    return {};
  }
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-inventory-'));
  const figures: Record<string, number> = {};
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const list = writeLargeServerList(dir, ROWS, RENEW);
    if (process.env.BENCH_KEEP_LIST) writeFileSync(process.env.BENCH_KEEP_LIST, readFileSync(list));
    if (process.env.BENCH_LIST_ONLY) return {};
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${pathToFileURL(SINGLE).href}#/inventory`);
    await page.getByTestId('inventory-drop').waitFor();
    // The page has restored the stored rows (none here) in its import worker: it is ready, as it is by the time
    // a person has picked a file. Dropping sooner times the worker script's compile, not the import.
    await page.locator('[data-timings*="files"]').waitFor();
    await page.evaluate((rows) => {
      const w = window as unknown as { longTasks: number[]; longTaskAt: [number, number][]; dropAt: number; shownAt: number };
      w.longTasks = [];
      w.longTaskAt = [];
      w.dropAt = 0;
      w.shownAt = 0;
      // When each long task began, from the file input's change event: which part of the import it was. The change
      // event is when the page has the file (Playwright's setInputFiles takes 0.3–0.4 s before it, in DevTools).
      document.addEventListener('change', () => (w.dropAt ||= performance.now()), true);
      // When the count first says every row is in the table (checked after each DOM change, so to the task).
      const all = `${rows} / ${rows}`;
      new MutationObserver(() => {
        if (!w.shownAt && document.querySelector('[data-testid=inventory-count]')?.textContent?.startsWith(all)) w.shownAt = performance.now();
      }).observe(document.body, { childList: true, characterData: true, subtree: true });
      new PerformanceObserver((l) =>
        l.getEntries().forEach((e) => {
          w.longTasks.push(e.duration);
          w.longTaskAt.push([Math.round(e.startTime), Math.round(e.duration)]);
        }),
      ).observe({ type: 'longtask' });
    }, ROWS);
    const longTasks = () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));

    const t0 = Date.now();
    await page.getByTestId('inventory-files').setInputFiles(list);
    // The table shows with the first slice of rows; the import is done when all of them are counted.
    await page.locator('tr.inv-row').first().waitFor({ timeout: 120_000 });
    figures.firstRowsMs = Date.now() - t0;
    await page.getByTestId('inventory-count').filter({ hasText: `${ROWS} / ${ROWS}` }).waitFor({ timeout: 120_000 });
    figures.parseMergeMs = Date.now() - t0;
    // Where the import spent its time, measured in the import worker (the store is written after the rows show).
    await page.locator('[data-timings*="save"]').waitFor({ timeout: 120_000 });
    const steps = JSON.parse((await page.locator('[data-timings]').getAttribute('data-timings')) ?? '{}') as Record<string, number>;
    const { mergedAt, ...stepMs } = steps;
    for (const [k, v] of Object.entries(stepMs)) figures[`import_${k}Ms`] = v;
    // The budget's "parsed and merged": from the change event (the page has the file) to the rows merged in the
    // import worker; and to every row in the table, which adds sending them to the page and drawing them.
    const marks = await page.evaluate(() => {
      const w = window as unknown as { dropAt: number; shownAt: number };
      return { change: performance.timeOrigin + w.dropAt, shownMs: w.shownAt - w.dropAt };
    });
    figures.changeToMergedMs = Math.round(mergedAt - marks.change);
    figures.changeToShownMs = Math.round(marks.shownMs);
    const at = await page.evaluate(() => {
      const w = window as unknown as { longTaskAt: [number, number][]; dropAt: number };
      return w.longTaskAt.map(([start, ms]) => `${ms} ms at +${start - Math.round(w.dropAt)} ms`).join(', ');
    });
    console.log(`inventory: main-thread tasks over 50 ms during the import (from the change event): ${at || 'none'}`);
    const lt1 = await longTasks();
    figures.parseMergeLongTasks = lt1.length;
    figures.parseMergeLongestTaskMs = Math.round(lt1.reduce((m, x) => Math.max(m, x), 0));

    // Sort and filter timed inside the page, from the DOM event to the frame after the update (Playwright's own
    // locator work runs on the page's main thread and would otherwise be counted).
    const inPage = (action: 'sort' | 'filter') =>
      page.evaluate(async ([what, renew]) => {
        const t = performance.now();
        if (what === 'sort') {
          const button = [...document.querySelectorAll('th button')].find((b) => b.textContent === 'CN / FQDN') as HTMLButtonElement;
          button.click();
        } else {
          const input = document.querySelector('input[type=search]') as HTMLInputElement;
          input.value = 'r0';
          input.dispatchEvent(new InputEvent('input', { bubbles: true }));
          // Until the table says the filtered count (the input may fold quick keystrokes; this is one).
          const count = document.querySelector('[data-testid=inventory-count]') as HTMLElement;
          const want = `${renew} / `;
          if (!count.textContent?.startsWith(want)) {
            await new Promise<void>((r) => {
              const o = new MutationObserver(() => count.textContent?.startsWith(want) && (o.disconnect(), r()));
              o.observe(count, { childList: true, characterData: true, subtree: true });
            });
          }
        }
        await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        return performance.now() - t;
      }, [action, RENEW] as const);
    await longTasks();
    figures.sortAscMs = Math.round(await inPage('sort'));
    figures.sortDescMs = Math.round(await inPage('sort'));
    figures.filterMs = Math.round(await inPage('filter'));
    await page.getByTestId('inventory-count').filter({ hasText: `${RENEW} / ${ROWS}` }).waitFor();
    const lt2 = await longTasks();
    figures.sortFilterLongTasks = lt2.length;
    figures.sortFilterLongestTaskMs = Math.round(lt2.reduce((m, x) => Math.max(m, x), 0));

    await page.getByRole('button', { name: '表示中をすべて選択' }).click();
    await page.getByTestId('renew-pass').fill('bench passphrase 1');
    await page.getByTestId('renew-pass2').fill('bench passphrase 1');
    const k0 = Date.now();
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 600_000 }), page.getByTestId('make-renewal').click()]);
    figures.renew80Ms = Date.now() - k0;
    await download.path();
    const lt3 = await longTasks();
    figures.renewLongTasks = lt3.length;
    figures.renewLongestTaskMs = Math.round(lt3.reduce((m, x) => Math.max(m, x), 0));

    const o0 = Date.now();
    for (let i = 0; i < RENEW; i++) {
      spawnSync('openssl', ['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', join(dir, 'o.key'), '-out', join(dir, 'o.csr'), '-subj', `/C=JP/O=Bench/CN=r${i}.bench.example.ac.jp`]);
    }
    figures.openssl80Ms = Date.now() - o0;
    figures.renewVsOpenssl = Math.round((figures.renew80Ms / figures.openssl80Ms) * 100) / 100;
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
  if (report && figures.parseMergeMs !== undefined) {
    report.add(`${ROWS}-row server list: file in the page → read and merged (worker)`, figures.changeToMergedMs, 'ms');
    report.budget(`${ROWS}-row list parse + merge ≤ 1 s`, figures.changeToMergedMs, 1000, 'ms');
    report.add('  file in the page → every row in the table', figures.changeToShownMs, 'ms');
    report.add('  setInputFiles → every row in the table (with Playwright’s file handling)', figures.parseMergeMs, 'ms');
    report.add('  setInputFiles → first rows in the table', figures.firstRowsMs, 'ms');
    report.add('  main-thread tasks > 50 ms during the import', figures.parseMergeLongTasks, '');
    report.add('  longest main-thread task during the import', figures.parseMergeLongestTaskMs, 'ms');
    const steps = Object.keys(figures).filter((k) => k.startsWith('import_'));
    for (const k of steps) report.add(`  import step in the worker: ${k.slice(7, -2)}`, figures[k], 'ms');
    report.add('sort (event to next frame)', Math.max(figures.sortAscMs, figures.sortDescMs), 'ms');
    report.budget('sort ≤ 100 ms', Math.max(figures.sortAscMs, figures.sortDescMs), 100, 'ms');
    report.add('filter (event to next frame)', figures.filterMs, 'ms');
    report.budget('filter ≤ 100 ms', figures.filterMs, 100, 'ms');
    const longest = Math.max(figures.parseMergeLongestTaskMs, figures.sortFilterLongestTaskMs, figures.renewLongestTaskMs);
    report.add('longest main-thread task (import, sort/filter, keys)', longest, 'ms');
    report.budget('no main-thread task > 50 ms', longest, 50, 'ms');
    report.add(`${RENEW} RSA key pairs + CSRs in the page`, figures.renew80Ms, 'ms');
    report.add(`${RENEW} × openssl req -newkey rsa:2048`, figures.openssl80Ms, 'ms');
    report.budget('renewal keys ≤ 0.5× the openssl loop', figures.renewVsOpenssl, 0.5, '×');
  }
  console.log(`inventory: ${ROWS}-row server list read and merged ${figures.changeToMergedMs} ms after the change event, every row in the table at ${figures.changeToShownMs} ms (from setInputFiles: ${figures.parseMergeMs} ms, first rows ${figures.firstRowsMs} ms; long tasks: ${figures.parseMergeLongTasks}, longest ${figures.parseMergeLongestTaskMs} ms)`);
  console.log(`inventory: import steps in the worker: ${Object.keys(figures).filter((k) => k.startsWith('import_')).map((k) => `${k.slice(7, -2)} ${figures[k]} ms`).join(', ')}`);
  console.log(`inventory: sort ${figures.sortAscMs} ms / ${figures.sortDescMs} ms (event to next frame), filter ${figures.filterMs} ms (long tasks: ${figures.sortFilterLongTasks}, longest ${figures.sortFilterLongestTaskMs} ms)`);
  console.log(`inventory: ${RENEW} RSA 2048 key pairs + CSRs + encrypted keys + zip in the page ${figures.renew80Ms} ms vs openssl req loop ${figures.openssl80Ms} ms (ratio ${figures.renewVsOpenssl}; long tasks: ${figures.renewLongTasks}, longest ${figures.renewLongestTaskMs} ms)`);
  return figures;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await runInventoryBench();
