// Size: the JavaScript each route's first page loads (gzip; worker scripts listed separately), the single-file
// build; and the `upki-tsv` command's start-up (`--version`, and validating one small file).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { clientIssueRows, tsvBytes } from '../src/tsv/fixtures';
import { launch } from './lib/browser';
import { median, type Report } from './lib/report';
import { serve } from './lib/server';

/** Route, address, and the page heading that shows once its lazily loaded code has run. */
const ROUTES = [
  ['home', '#/', undefined],
  ['validator', '#/validate', 'TSV検証'],
  ['keys', '#/keys', '鍵・CSR'],
  ['builder', '#/builder', '申請TSVの作成'],
  ['ra', '#/ra', '模擬RA'],
] as const;
const KB = 1024;

const gz = (path: string) => gzipSync(readFileSync(path), { level: 9 }).length;

export async function benchSize(r: Report): Promise<void> {
  if (!existsSync('dist/index.html')) return r.skip('no dist/ (run `npm run build`)');
  const dist = resolve('dist');
  const server = await serve({ '/': dist });
  const browser = await launch();
  const workers = new Set<string>();
  try {
    for (const [name, hash, heading] of ROUTES) {
      // A fresh page per route: what a first visit to that address loads before it is idle.
      const page = await browser.context.newPage();
      const scripts = new Set<string>();
      page.on('request', (req) => {
        const url = new URL(req.url());
        if (!url.pathname.endsWith('.js')) return;
        if (req.resourceType() === 'script') scripts.add(url.pathname);
        else workers.add(url.pathname); // worker scripts are fetched as 'other'
      });
      page.on('worker', (w) => workers.add(new URL(w.url()).pathname));
      await page.goto(`${server.origin}/${hash}`, { waitUntil: 'networkidle' });
      if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 60_000 });
      await page.waitForLoadState('networkidle');
      for (const w of workers) scripts.delete(w);
      const bytes = [...scripts].reduce((sum, p) => sum + gz(join(dist, p)), 0);
      r.add(`first-page JS, ${name} route (gzip, workers excluded)`, bytes / KB, 'KB', `${scripts.size} files`);
      if (name === 'home' || name === 'validator') r.budget(`First-page JS ${name} route (gzip)`, bytes / KB, 60, 'KB');
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const assets = spawnSync('bash', ['-c', 'ls dist/assets/*.js'], { encoding: 'utf8' }).stdout.trim().split('\n').filter(Boolean);
  // Every worker script of the build, whether or not a first visit started it.
  for (const w of assets.filter((p) => /\.worker-/.test(p) || workers.has(`/${p.replace(/^dist\//, '')}`))) {
    r.add(`worker ${w.split('/').pop()} (gzip)`, gz(w) / KB, 'KB');
  }
  r.add('all JS in dist/ (gzip)', assets.reduce((s, p) => s + gz(p), 0) / KB, 'KB', `${assets.length} files`);
  const single = 'dist-single/upki-workbench.html';
  if (existsSync(single)) {
    r.add('single-file build', statSync(single).size / KB, 'KB');
    r.add('single-file build (gzip)', gz(single) / KB, 'KB');
  }
}

export function benchCliStartup(r: Report, runs: number): void {
  const bin = resolve('bin/upki-tsv.mjs');
  const dir = mkdtempSync(join(tmpdir(), 'upki-bench-cli-'));
  try {
    const file = join(dir, 'one.tsv');
    writeFileSync(file, tsvBytes(clientIssueRows(1)));
    const time = (args: string[]) => {
      const xs: number[] = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const p = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8' });
        if (p.status !== 0) throw new Error(`upki-tsv ${args.join(' ')}: exit ${p.status} ${p.stderr}`);
        xs.push(performance.now() - t0);
      }
      return median(xs);
    };
    const bundle = resolve('dist-cli/upki-tsv.mjs');
    const fresh = existsSync(bundle) && statSync(bundle).mtimeMs >= newestUnder(resolve('src'));
    if (!fresh) r.skip('dist-cli/ is missing or older than src/: the command runs through tsx (run `npm run build:cli`)');
    const v = r.add('upki-tsv --version (process start to exit)', time(['--version']), 'ms');
    const f = r.add('upki-tsv validate one small file', time(['validate', '--kind', 'client-issue', file]), 'ms');
    r.budget('upki-tsv --version start-up', v, 500, 'ms');
    r.budget('upki-tsv validate one small file', f, 500, 'ms');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function newestUnder(dir: string): number {
  let max = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) max = Math.max(max, newestUnder(p));
    else if (!e.name.includes('.test.')) max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}
