// The prebuilt command (scripts/build-cli.mjs → dist-cli/): it runs on plain Node with no TypeScript compiler
// loaded and answers exactly as the sources run through tsx do.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientIssueRows, tsvBytes } from '../tsv/fixtures';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'upki-cli-bundle-'));
const out = join(dir, 'dist-cli');
const bad = join(dir, 'client-bad.tsv');
const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string };

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts/build-cli.mjs'), out], { encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const [first, second] = clientIssueRows(2);
  second[9] = ''; // column 10, 利用管理者mail: required
  writeFileSync(bad, tsvBytes([first, second]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the bundle's main() in a fresh Node and reports whether anything of tsx or TypeScript got loaded. */
function runBundle(args: string[]) {
  const script = `
    const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'upki-tsv.mjs')).href)});
    const code = await main(${JSON.stringify(args)});
    const { createRequire } = await import('node:module');
    const loaded = Object.keys(createRequire(import.meta.url).cache).filter((p) => /[\\\\/](tsx|typescript)[\\\\/]/.test(p));
    process.stderr.write(loaded.length ? 'loaded: ' + loaded.join(',') : '');
    process.exitCode = code;`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', cwd: dir });
}

function runSource(args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'bin/upki-tsv.mjs'), ...args], {
    encoding: 'utf8',
    cwd: dir,
    env: { ...process.env, UPKI_TSV_FROM_SOURCE: '1' },
  });
}

describe('the prebuilt upki-tsv', () => {
  it('prints the package version', () => {
    const r = runBundle(['--version']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`upki-tsv ${version}\n`);
    expect(r.status).toBe(0);
  });

  it('validates a file exactly as the TypeScript sources do, without loading a compiler', () => {
    const bundled = runBundle(['validate', '--kind', 'client-issue', '--json', bad]);
    const source = runSource(['validate', '--kind', 'client-issue', '--json', bad]);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(1);
    expect(source.status).toBe(1);
    expect(bundled.stdout).toBe(source.stdout);
    expect(JSON.parse(bundled.stdout).records[1].errors[0].column).toBe(10);
  });
});
