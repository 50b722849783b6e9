// Validation: the 1000-row client issue file (method 2), a 99-row server issue file with 99 distinct real CSRs
// (each signature verified), a 10 MB file, and the adversarial 99 rows whose CSR cells are 8192 dashes — in Node
// (in-process), in Chromium through the app's code, and through the validator page (file chosen → verdict shown)
// with the main thread's long tasks meanwhile.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { validateFile } from '../src/tsv';
import { clientIssueRows, makeServerCsr, serverIssueRow, tsvBytes } from '../src/tsv/fixtures';
import type { KindId } from '../src/spec/types';
import { launch, LONG_TASKS_INIT } from './lib/browser';
import { buildBenchPage } from './lib/browser-page';
import { medianMs, type Report } from './lib/report';
import { serve } from './lib/server';

interface Case {
  name: string;
  file: string;
  kind: KindId;
  bytes: Uint8Array;
  budgetMs?: number;
}

async function cases(): Promise<Case[]> {
  const client = tsvBytes(clientIssueRows(1000, { method: '2' }));
  const rows: string[][] = [];
  for (let i = 0; i < 99; i++) {
    const cn = `host${i}.nii.ac.jp`;
    const dn = `CN=${cn},O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP`;
    const profile = i % 2 ? '11' : '3';
    rows.push(serverIssueRow({ dn, profile, fqdn: cn, csr: (await makeServerCsr({ profile, dn })).oneLine }));
  }
  const server = tsvBytes(rows);
  // 10 MB: the 1000-row file's rows repeated (the RA refuses it; the point is a clear answer, quickly).
  const row = clientIssueRows(1, { method: '2' })[0];
  const big = tsvBytes(Array.from({ length: Math.ceil((10 * 1024 * 1024) / (tsvBytes([row]).length - 2)) }, () => row));
  const dashes = tsvBytes(Array.from({ length: 99 }, (_, i) => serverIssueRow({ fqdn: `host${i}.nii.ac.jp`, csr: '-'.repeat(8192) })));
  return [
    { name: '1000-row client issue file', file: 'client-1000.tsv', kind: 'client-issue', bytes: client, budgetMs: 100 },
    { name: '99-row server issue file, 99 real CSRs', file: 'server-99.tsv', kind: 'server-issue', bytes: server, budgetMs: 200 },
    { name: `10 MB file (${(big.length / 1024 / 1024).toFixed(1)} MB)`, file: 'big.tsv', kind: 'client-issue', bytes: big },
    { name: '99 rows with 8192-dash CSR cells', file: 'dashes.tsv', kind: 'server-issue', bytes: dashes },
  ];
}

export async function benchValidate(r: Report, runs: number): Promise<void> {
  const all = await cases();
  const [client, server] = all;
  if (!(await validateFile(client.bytes, client.kind)).ok || !(await validateFile(server.bytes, server.kind)).ok) {
    throw new Error('the bench fixtures are not valid files');
  }
  for (const c of all) r.add(`Node: ${c.name}`, await medianMs(c.bytes.length > 1e6 ? Math.min(runs, 3) : runs, () => validateFile(c.bytes, c.kind)), 'ms');

  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-validate-'));
  const server_ = await serve({ '/__bench/': await buildBenchPage(), '/': resolve('dist') });
  const browser = await launch();
  try {
    const page = await browser.context.newPage();
    await page.goto(`${server_.origin}/__bench/`);
    await page.waitForFunction(() => 'bench' in window);
    for (const c of all) {
      const res = await page.evaluate(
        ([b64, kind, n]) => (window as unknown as { bench: { validateBase64(b: string, k: string, n: number): Promise<{ ms: number }> } }).bench.validateBase64(b64, kind, n),
        [Buffer.from(c.bytes).toString('base64'), c.kind, c.bytes.length > 1e6 ? Math.min(runs, 3) : runs] as const,
      );
      r.add(`Chromium (app code): ${c.name}`, res.ms, 'ms');
      if (c.budgetMs) r.budget(`Validation in Chromium: ${c.name}`, res.ms, c.budgetMs, 'ms');
    }
    if (!existsSync('dist/index.html')) return r.skip('validator page: no dist/ (run `npm run build`)');
    await browser.context.addInitScript(LONG_TASKS_INIT);
    const app = await browser.context.newPage();
    await app.goto(`${server_.origin}/#/validate`);
    let worst = 0;
    for (const c of all) {
      const path = join(dir, c.file);
      writeFileSync(path, c.bytes);
      const { ms, longTasks } = await throughValidatorPage(app, c.kind, path, c.file);
      r.add(`validator page, file chosen → verdict: ${c.name}`, ms, 'ms', longTasks.length ? `${longTasks.length} long tasks, longest ${Math.max(...longTasks).toFixed(0)} ms` : 'no long task');
      worst = Math.max(worst, ...longTasks);
    }
    r.budget('Longest main-thread task while validating any file (validator page)', worst, 50, 'ms');
  } finally {
    await browser.close();
    await server_.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function throughValidatorPage(page: Page, kind: KindId, path: string, name: string): Promise<{ ms: number; longTasks: number[] }> {
  await page.getByLabel('申請の種類').selectOption(kind);
  const before = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks.length);
  const t0 = performance.now();
  await page.getByLabel('申請TSVファイル').setInputFiles(path);
  await page.getByTestId('summary').filter({ hasText: name }).waitFor({ timeout: 120_000 });
  await page.getByTestId('verdict').waitFor({ timeout: 120_000 });
  const ms = performance.now() - t0;
  await page.waitForTimeout(200); // a long task is reported after it ends
  const longTasks = await page.evaluate((n) => (window as unknown as { __longTasks: number[] }).__longTasks.slice(n), before);
  return { ms, longTasks };
}
