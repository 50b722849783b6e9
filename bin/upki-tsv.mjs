#!/usr/bin/env node
// The `upki-tsv` command. Runs the prebuilt bundle dist-cli/upki-tsv.mjs (made by `npm run build` and on
// `npm install` by `prepare`: starts in a fraction of a second). When the bundle is missing or older than a file
// under src/ (a developer's edit not yet built), it runs the TypeScript sources through tsx instead, so the
// command never runs stale code.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist-cli', 'upki-tsv.mjs');

/** The newest modification time under dir (ms), 0 when it does not exist. */
function newest(dir) {
  let max = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) max = Math.max(max, newest(p));
    else if (!e.name.includes('.test.')) max = Math.max(max, statSync(p).mtimeMs);
  }
  return max;
}

function bundleIsFresh() {
  try {
    return statSync(bundle).mtimeMs >= newest(join(root, 'src'));
  } catch {
    return false;
  }
}

// `upki-tsv inventory … | head`: the reader went away, so the rest of the output has nowhere to go — stop quietly
// (as cat and grep do) instead of dying on an unhandled EPIPE with a stack trace.
process.stdout.on('error', (err) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

let main;
if (process.env.UPKI_TSV_FROM_SOURCE !== '1' && bundleIsFresh()) {
  ({ main } = await import(bundle));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
