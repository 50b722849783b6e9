// `npm run bench [-- --quick]`: every figure in one run on one machine — the OpenSSL loop measured side by side —
// printed as a table and written to bench/results.json with the budgets (reported pass/fail; nothing here is a
// test). `--quick` is a smoke run with small counts (a minute or two); the full run stays under 10 minutes.
// `--only p12,keys,validate,ra,size,builder` runs some sections (into bench/results.partial.json, or with `--merge`
// into bench/results.json in place of those sections' earlier figures).
import 'reflect-metadata';
import { resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { Report } from './lib/report';
import { benchP12Batch } from './p12-batch';
import { benchKeys } from './keys';
import { benchValidate } from './validate';
import { benchRaScale } from './ra-scale';
import { benchCliStartup, benchSize } from './size';
import { benchBuilderTyping } from './builder-typing';
import { benchHardening } from './hardening';
import { benchValidatorLarge } from './validator-large';
import { benchP12Iterations } from './p12-iterations';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const onlyArg = args.indexOf('--only');
const only = onlyArg >= 0 ? new Set(args[onlyArg + 1].split(',')) : undefined;
const N = quick
  ? { users: 20, loopUsers: 5, keyRuns: 3, validateRuns: 3, certificates: 5_000, revoked: 1_000, cliRuns: 3 }
  : { users: 1000, loopUsers: 100, keyRuns: 10, validateRuns: 15, certificates: 100_000, revoked: 10_000, cliRuns: 7 };

const startedAt = new Date();
const report = new Report(quick);
const sections: [string, string, () => Promise<void> | void][] = [
  ['size', '5. size and CLI start-up', async () => {
    try {
      await benchSize(report);
    } catch (e) {
      report.skip(`sizes failed: ${(e as Error).message}`);
    }
    benchCliStartup(report, N.cliRuns);
  }],
  ['validate', '3. validation', () => benchValidate(report, N.validateRuns)],
  ['keys', '2. key + CSR, and the two-core limit', () => benchKeys(report, N.keyRuns)],
  ['ra', '4. simulated RA at scale', () => benchRaScale(report, N.certificates, N.revoked)],
  ['builder', 'builder: a 1000-row sheet in Chromium (single-file build)', () => benchBuilderTyping(report)],
  ['p12', `1. P12一括 of ${N.users} users`, () => benchP12Batch(report, N.users, N.loopUsers)],
  // Issue 10's figures (adversarial input, the validator page with large input, PKCS#12 iterations for chosen PINs)
  // print their own lines rather than rows of the table.
  ['hardening', 'adversarial input (issue 10)', () => benchHardening()],
  ['validator-large', 'validator page with large input in Chromium (single-file build)', () => benchValidatorLarge()],
  ['p12-iterations', 'PKCS#12 iterations for person-chosen PINs', () => benchP12Iterations(quick ? 3 : 20)],
];

// bench/inventory.ts (issue 12) joins the run when present.
if (existsSync(resolve('bench/inventory.ts'))) {
  const mod = (await import('./inventory' + '.ts')) as { runInventoryBench?: (r: Report, quick: boolean) => Promise<void> };
  if (mod.runInventoryBench) sections.push(['inventory', 'inventory', () => mod.runInventoryBench!(report, quick)]);
}

console.log(`upki-workbench bench${quick ? ' --quick' : ''}: ${new Date().toISOString()}`);
// The command must run from its bundle (a stale one would fall back to tsx and time the compiler instead).
// (`--no-cli-build` when another run is using dist-cli/ at the moment.)
if (!args.includes('--no-cli-build')) execFileSync(process.execPath, ['scripts/build-cli.mjs'], { stdio: 'inherit' });
for (const [id, title, run] of sections) {
  if (only && !only.has(id)) continue;
  report.begin(title);
  try {
    await run();
  } catch (e) {
    report.skip(`failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}
report.print();
// `--merge`: sections re-run into the existing bench/results.json (the other sections' figures stay).
const merge = args.includes('--merge');
const out = resolve(only && !merge ? 'bench/results.partial.json' : 'bench/results.json');
report.write(out, startedAt, merge);
console.log(`\nwrote ${out} (${Math.round((Date.now() - startedAt.getTime()) / 1000)} s)`);
