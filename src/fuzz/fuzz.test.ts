// The fuzz suite's small run (issue 10): every target, seeded, a few hundred inputs; `npm run fuzz` runs 10 000.
// Asserts no exception, no internal error, and that every CSR the validator accepts OpenSSL accepts too.
// Time per input is reported by `npm run fuzz`, not asserted here.
import { beforeAll, describe, expect, it } from 'vitest';
import { opensslAcceptsCsr } from './openssl-csr';
import { runFuzz } from './run';
import { buildTargets, type Target } from './targets';

let targets: Target[];
beforeAll(async () => {
  targets = await buildTargets();
}, 120_000);

describe('fuzz suite (small run)', () => {
  it('covers the six TSV kinds, CSR and certificate PEM/DER, rosters and backups', () => {
    expect(targets.map((t) => t.name)).toEqual([
      'tsv:server-issue',
      'tsv:server-renew',
      'tsv:server-revoke',
      'tsv:client-issue',
      'tsv:client-renew',
      'tsv:client-revoke',
      'csr:der',
      'csr:pem',
      'cert:der',
      'cert:pem',
      'roster',
      'backup',
    ]);
  });

  it('360 inputs (seed 20261203): no exception, no internal error, accepted CSRs accepted by OpenSSL', async () => {
    const summary = await runFuzz(targets, { n: 360, seed: 20261203, opensslAcceptsCsr });
    const failures = summary.findings.filter((f) => f.kind !== 'slow');
    expect(failures).toEqual([]);
    expect(summary.inputs).toBe(360);
    // The seeds themselves are accepted, so the OpenSSL check did run.
    expect(summary.acceptedCsrs).toBeGreaterThan(0);
  }, 600_000);
});
