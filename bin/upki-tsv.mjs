#!/usr/bin/env node
// The `upki-tsv` command: the same TypeScript core as the app, run through tsx (no separate build step).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
