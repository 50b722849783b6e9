// The air-gapped build: dist-single/upki-workbench.html opened from file:// with no server at all.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test, expect } from './fixtures';
import { clientIssueRow, serverCsrBase64, serverIssueRow, sjisFile } from './tsv-files';

// UPKI_SINGLE_HTML: test another build of the same file (e.g. a private one), as scripts/screenshots.mjs does.
const SINGLE = resolve(process.env.UPKI_SINGLE_HTML || 'dist-single/upki-workbench.html');

test.use({ allowFileUrls: true });

test.beforeAll(() => {
  if (!existsSync(SINGLE)) throw new Error(`${SINGLE} is missing: run \`npm run build\` first`);
});

test('the single file references nothing outside itself and keeps a strict CSP', () => {
  const html = readFileSync(SINGLE, 'utf8');
  const refs = [...html.matchAll(/\b(?:src|href)\s*=\s*["']([^"']*)["']/g)].map((m) => m[1]);
  expect(refs.filter((r) => !r.startsWith('data:') && !r.startsWith('#'))).toEqual([]);
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toMatch(/script-src 'self' 'sha256-[^']+'/);
  expect(csp).not.toContain('unsafe-eval');
  expect(csp).not.toContain('unsafe-inline');
});

test('opened from file://, it validates a file (in its inline worker) without any network', async ({ page, netLog }) => {
  const workers: string[] = [];
  page.on('worker', (w) => workers.push(w.url()));
  await page.goto(`${pathToFileURL(SINGLE).href}#/validate`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('TSV検証');

  const file = sjisFile('client.tsv', [clientIssueRow(), clientIssueRow({ 1: 'CN=OTHER,OU=02,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP', 10: '' })]);
  await page.getByLabel('申請の種類').selectOption('client-issue');
  await page.getByLabel('申請TSVファイル').setInputFiles(file);
  const table = page.getByTestId('result-table');
  await expect(table.locator('tr[data-seq="1"] td').nth(1)).toHaveText('OK');
  await expect(table.locator('tr[data-seq="2"] td').nth(1)).toHaveText('NG');
  await expect(table.locator('tr[data-seq="2"] td').nth(2)).toContainText('201:10,');

  // The validator ran in the worker carried inside the HTML (a file:// page cannot load a worker file).
  expect(workers.length).toBe(1);
  expect(workers[0]).toMatch(/^blob:/);
  const schemes = new Set(netLog.requests.map((u) => new URL(u).protocol));
  expect([...schemes].every((s) => s === 'file:' || s === 'data:' || s === 'blob:')).toBe(true);
});

test('from file://, the CSR checks (WebCrypto in the inline worker) give the same verdicts as served', async ({ page }) => {
  await page.goto(`${pathToFileURL(SINGLE).href}#/validate`);
  const csr = serverCsrBase64('www1.example.ac.jp');
  const tampered = Buffer.from(csr, 'base64');
  tampered[tampered.length - 1] ^= 1;
  const rows = [
    serverIssueRow('www1.example.ac.jp', csr),
    serverIssueRow('www2.example.ac.jp', csr),
    serverIssueRow('www1.example.ac.jp', tampered.toString('base64')),
  ];
  await page.getByLabel('申請の種類').selectOption('server-issue');
  await page.getByLabel('申請TSVファイル').setInputFiles(sjisFile('server.tsv', rows));
  const cell = (seq: number, n: number) => page.getByTestId('result-table').locator(`tr[data-seq="${seq}"] td`).nth(n);
  await expect(cell(1, 1)).toHaveText('OK');
  await expect(cell(2, 2)).toContainText('U409:1,主体者DN,');
  // Same CN as row 1 (212) and a signature that does not verify (U404, ADDENDUM B.14): proves the check really ran.
  await expect(cell(3, 2)).toContainText('212:1,主体者DN,');
  await expect(cell(3, 2)).toContainText('U404:7,CSR,');
  await expect(page.getByText('U413')).toHaveCount(0);
});
