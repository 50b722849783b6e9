// Bundles the `upki-tsv` command (src/cli/main.ts and everything it imports, dependencies included) into one
// ES module, dist-cli/upki-tsv.mjs (sub-commands in dist-cli/chunks/), so the command starts without compiling TypeScript. Runs from `npm run build`
// and from `prepare` (npm install / npm ci), so `npx upki-tsv` works right after installing.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { dirname, resolve } from 'node:path';
import { rmSync } from 'node:fs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
// `node scripts/build-cli.mjs [OUTDIR]` (tests build into a temporary folder).
const outdir = resolve(process.argv[2] ?? resolve(root, 'dist-cli'));

// Old chunks (hashed names) would otherwise pile up.
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: [resolve(root, 'src/cli/main.ts')],
  outdir,
  entryNames: 'upki-tsv',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Each sub-command (and its dependencies) in its own chunk: `--version` or `validate` do not load the RA's code.
  splitting: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
  // CommonJS dependencies (proper-lockfile, node-forge, jszip…) call require() for Node's own modules.
  banner: { js: "import { createRequire as __upkiCreateRequire } from 'node:module'; const require = __upkiCreateRequire(import.meta.url);" },
});
