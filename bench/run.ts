// `npm run bench`: every benchmark in this folder, one after the other. Figures only; nothing here is a test.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { benchBuilderTyping } from './builder-typing';
import { benchHardening } from './hardening';
import { benchValidate } from './validate';
import { benchValidatorLarge } from './validator-large';
import { benchP12Iterations } from './p12-iterations';

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log('\n# validation');
await benchValidate();

console.log('\n# adversarial input (issue 10)');
await benchHardening();

console.log('\n# validator page with large input in Chromium (single-file build)');
await benchValidatorLarge();

console.log('\n# PKCS#12 iterations for person-chosen PINs');
await benchP12Iterations();

console.log('\n# builder in Chromium (single-file build)');
await benchBuilderTyping();

const raBench = new URL('./ra-bulk.ts', import.meta.url);
if (existsSync(raBench)) {
  console.log('\n# simulated RA: bulk issuance');
  await import(raBench.href);
}
