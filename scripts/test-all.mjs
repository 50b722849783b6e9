// `npm test`: everything, in the order that fails fastest — tools present, types, lint, unit + interop, build, end-to-end.
// Ends with one plain summary line, `Tests: N passed, N failed`, summed over vitest and Playwright.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const reports = '.tmp/test-reports';
rmSync(reports, { recursive: true, force: true });
mkdirSync(reports, { recursive: true });
const vitestJson = `${reports}/vitest.json`;
const playwrightJson = `${reports}/playwright.json`;

const steps = [
  ['check tools', 'node', ['scripts/check-browser.mjs'], {}],
  ['typecheck (TypeScript 7)', 'node', ['node_modules/typescript7/bin/tsc', '--noEmit', '-p', 'tsconfig.json'], {}],
  ['lint (ESLint, no warnings)', 'npx', ['eslint', '.', '--max-warnings', '0'], {}],
  ['unit + interop (vitest)', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {}],
  ['build', 'npm', ['run', 'build'], {}],
  ['end-to-end (playwright)', 'npx', ['playwright', 'test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson }],
];

let failedStep;
for (const [name, cmd, args, env] of steps) {
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) {
    failedStep = { name, status: r.status || 1 };
    break;
  }
}

const counts = { passed: 0, failed: 0, skipped: 0 };
if (existsSync(vitestJson)) {
  const v = JSON.parse(readFileSync(vitestJson, 'utf8'));
  counts.passed += v.numPassedTests ?? 0;
  counts.failed += v.numFailedTests ?? 0;
  counts.skipped += (v.numPendingTests ?? 0) + (v.numTodoTests ?? 0);
}
if (existsSync(playwrightJson)) {
  const s = JSON.parse(readFileSync(playwrightJson, 'utf8')).stats ?? {};
  counts.passed += (s.expected ?? 0) + (s.flaky ?? 0);
  counts.failed += s.unexpected ?? 0;
  counts.skipped += s.skipped ?? 0;
}

if (failedStep) {
  console.error(`\n${failedStep.name} failed (exit ${failedStep.status}).`);
  console.log(`Tests: ${counts.passed} passed, ${Math.max(counts.failed, 1)} failed`);
  process.exit(failedStep.status);
}
console.log('\nAll test steps passed.');
console.log(`Tests: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
