// The bench page: bench/browser/entry.ts (the app's code) bundled with esbuild into .tmp/bench-page/, served
// beside the built app from the same origin.
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const PAGE_DIR = resolve('.tmp/bench-page');

export async function buildBenchPage(): Promise<string> {
  mkdirSync(PAGE_DIR, { recursive: true });
  await build({
    entryPoints: [resolve('bench/browser/entry.ts')],
    outfile: resolve(PAGE_DIR, 'entry.js'),
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    logLevel: 'warning',
  });
  writeFileSync(resolve(PAGE_DIR, 'index.html'), '<!doctype html><meta charset="utf-8"><title>bench</title><script src="entry.js"></script>\n');
  return PAGE_DIR;
}
