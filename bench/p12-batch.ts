// P12一括 (client issue, download method 2) of N users: in Node through the `upki-tsv ra` command (prebuilt,
// directory store), in headless Chromium through the RA page (its worker and IndexedDB, the user's clicks down to
// both zips), and the OpenSSL shell loop doing the same per user, all in this run; ratios against the loop.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launch, LONG_TASKS_INIT, peakSampler } from './lib/browser';
import { clientFile } from './lib/files';
import type { Report } from './lib/report';
import { serve } from './lib/server';
import { opensslLoopMsPerUser } from './openssl';

const BIN = resolve('bin/upki-tsv.mjs');
const MB = 1024 * 1024;

export async function benchP12Batch(r: Report, users: number, loopUsers: number): Promise<void> {
  const loop = r.add(`OpenSSL loop (genpkey, req, x509 -req, pkcs12), ${loopUsers} users`, opensslLoopMsPerUser(loopUsers), 'ms/user');
  r.add(`OpenSSL loop scaled to ${users} users`, (loop * users) / 1000, 's');

  const node = benchNode(r, users);
  if (Number.isFinite(node)) {
    r.add('Node ÷ OpenSSL loop', node / loop, '×');
    r.budget(`P12一括 ${users} users, Node CLI ÷ OpenSSL loop`, node / loop, 0.3, '×');
  }
  const page = await benchChromium(r, users);
  if (Number.isFinite(page)) {
    r.add('Chromium ÷ OpenSSL loop', page / loop, '×');
    r.budget(`P12一括 ${users} users, Chromium ÷ OpenSSL loop`, page / loop, 0.25, '×');
  }
}

/** `upki-tsv ra init` then `ra upload` (which also simulates every download); ms per user of the upload. */
function benchNode(r: Report, users: number): number {
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-cli-'));
  try {
    const state = join(dir, 'state');
    execFileSync(process.execPath, [BIN, 'ra', 'init', '--state', state], { stdio: 'ignore' });
    const file = join(dir, 'clients.tsv');
    writeFileSync(file, clientFile(users));
    const t0 = performance.now();
    // GNU time reports the command's peak resident memory (%M, KiB) on stderr's last line.
    const command = [process.execPath, BIN, 'ra', 'upload', '--state', state, '--kind', 'client-issue', '--json', file];
    const gnuTime = existsSync('/usr/bin/time'); // Debian package `time`; without it, no memory figure
    const run = gnuTime
      ? spawnSync('/usr/bin/time', ['-f', '%M', ...command], { encoding: 'utf8', maxBuffer: 64 * MB })
      : spawnSync(command[0], command.slice(1), { encoding: 'utf8', maxBuffer: 64 * MB });
    const ms = performance.now() - t0;
    if (run.status !== 0) {
      r.skip(`Node CLI upload failed (${run.status}): ${run.stderr.slice(0, 300)}`);
      return NaN;
    }
    const p12s = readdirSync(join(state, 'files')).filter((f) => f.endsWith('.p12')).length;
    if (p12s !== users) throw new Error(`Node CLI made ${p12s} P12 files for ${users} users`);
    r.add(`Node CLI: upki-tsv ra upload, ${users} users (whole process)`, ms / 1000, 's');
    r.add('Node CLI per user', ms / users, 'ms/user');
    const kib = gnuTime ? Number(run.stderr.trim().split('\n').pop()) : NaN;
    if (kib) r.add('Node CLI peak memory (max RSS)', kib / 1024, 'MB');
    return ms / users;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The RA page as a user drives it; ms per user from the upload click to the completion screen plus both downloads. */
async function benchChromium(r: Report, users: number): Promise<number> {
  if (!existsSync('dist/index.html')) {
    r.skip('Chromium P12一括: no dist/ (run `npm run build`)');
    return NaN;
  }
  const server = await serve({ '/': resolve('dist') });
  const browser = await launch();
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-ra-'));
  try {
    await browser.context.addInitScript(LONG_TASKS_INIT);
    const page = await browser.context.newPage();
    await page.goto(`${server.origin}/#/ra`);
    await page.getByTestId('ra-upload').waitFor({ timeout: 120_000 }); // the first start makes the CA keys
    const file = join(dir, 'clients.tsv');
    writeFileSync(file, clientFile(users));
    await page.getByLabel('処理内容').selectOption('client-issue');
    await page.getByLabel('全件処理を中断する').check();
    await page.getByLabel('申請ファイル', { exact: true }).setInputFiles(file);
    const before = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);
    const peak = peakSampler(() => browser.rss());
    const t0 = performance.now();
    await page.getByTestId('ra-upload').click();
    await page.getByTestId('ra-complete').waitFor({ timeout: 20 * 60_000 });
    const issued = performance.now() - t0;
    // Both zips, as the RA operator and the admin fetch them from their mails.
    const fetchZip = async (subject: string) => {
      await page.getByTestId('ra-tab-mail').click();
      await page.getByTestId('ra-mail-subject').filter({ hasText: new RegExp(`^${subject}$`) }).first().click();
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('ra-mail-reader').getByTestId('ra-mail-link').click()]);
      const path = join(dir, download.suggestedFilename());
      await download.saveAs(path);
      return statSync(path).size;
    };
    await fetchZip('アクセスPIN発行通知');
    const allZip = await fetchZip('クライアント証明書発行受付通知');
    const total = performance.now() - t0;
    const peakBytes = peak();
    const longTasks = await page.evaluate((n) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(n), before);
    const p12s = Number(execFileSync('bash', ['-c', `unzip -l "${join(dir, 'clientAll.zip')}" | grep -c '\\.p12$'`], { encoding: 'utf8' }).trim());
    if (p12s !== users) throw new Error(`clientAll.zip holds ${p12s} P12 files for ${users} users`);
    r.add(`Chromium: upload to completion screen, ${users} users`, issued / 1000, 's');
    r.add('Chromium: + both zips downloaded', total / 1000, 's', `clientAll.zip ${(allZip / MB).toFixed(1)} MB`);
    r.add('Chromium per user', total / users, 'ms/user');
    r.add('Chromium peak memory (all processes)', peakBytes / MB, 'MB');
    r.add('Chromium main-thread long tasks during the batch', longTasks.length, 'tasks', longTasks.length ? `longest ${Math.max(...longTasks).toFixed(0)} ms` : undefined);
    r.budget('Main-thread tasks > 50 ms during the batch (Chromium)', longTasks.length, 0, 'tasks');
    return total / users;
  } finally {
    await browser.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
