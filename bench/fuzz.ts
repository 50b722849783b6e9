// `npm run fuzz [-- --n 10000 --seed 20261203]`: the fuzz suite's long run (issue 10). Reports exceptions,
// internal errors, inputs over 100 ms and CSRs the validator accepts but OpenSSL refuses; exits 1 if any.
import 'reflect-metadata';
import { opensslAcceptsCsr } from '../src/fuzz/openssl-csr';
import { runFuzz, SLOW_MS } from '../src/fuzz/run';
import { buildTargets } from '../src/fuzz/targets';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const n = arg('n', 10_000);
const seed = arg('seed', 20261203);

const t0 = performance.now();
const targets = await buildTargets();
console.log(`fuzz: ${n} inputs, seed ${seed}, ${targets.length} targets (setup ${((performance.now() - t0) / 1000).toFixed(1)} s)`);
const summary = await runFuzz(targets, {
  n,
  seed,
  opensslAcceptsCsr,
  onProgress: (done) => {
    if (done % 1000 === 0) console.log(`  ${done} / ${n}`);
  },
});
const count = (kind: string) => summary.findings.filter((f) => f.kind === kind).length;
console.log('\nper target: inputs, slowest input in CPU ms (in wall ms, load-dependent), CSRs accepted');
for (const [name, s] of Object.entries(summary.perTarget)) {
  console.log(`  ${name.padEnd(20)} ${String(s.inputs).padStart(6)} ${s.maxMs.toFixed(1).padStart(9)} (${s.maxWallMs.toFixed(0).padStart(5)}) ${String(s.acceptedCsrs).padStart(6)}`);
}
console.log(`\nexceptions:                               ${count('exception')}`);
console.log(`internal errors:                          ${count('internal')}`);
console.log(`inputs over ${SLOW_MS} ms (CPU time):            ${count('slow')}`);
console.log(`validator accepts, OpenSSL refuses (CSR): ${count('opensslRefused')}  (of ${summary.acceptedCsrs} accepted)`);
console.log(`backups over ${SLOW_MS} ms (PBKDF2 600 000 by design, not counted): ${summary.kdfBoundSlow}`);
for (const f of summary.findings.slice(0, 20)) console.log(`  ${f.kind} ${f.target} #${f.index}: ${f.detail.slice(0, 200)}${f.ms ? ` (${f.ms.toFixed(0)} ms)` : ''}`);
console.log(`\ntotal ${((performance.now() - t0) / 1000).toFixed(1)} s`);
process.exit(summary.findings.length === 0 ? 0 : 1);
