// `npm run bench`: every benchmark in this folder, one after the other. Figures only; nothing here is a test.
import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { benchBuilderTyping } from './builder-typing';
import { runInventoryBench } from './inventory';
import { benchValidate } from './validate';

console.log(`node ${process.version}, ${process.platform}/${process.arch}`);
console.log('\n# validation');
await benchValidate();

console.log('\n# builder in Chromium (single-file build)');
await benchBuilderTyping();

console.log('\n# inventory in Chromium (single-file build)');
await runInventoryBench();

const raBench = new URL('./ra-bulk.ts', import.meta.url);
if (existsSync(raBench)) {
  console.log('\n# simulated RA: bulk issuance');
  await import(raBench.href);
}
