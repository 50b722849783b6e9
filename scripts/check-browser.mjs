// Fails with the exact install command when a tool the tests need is missing,
// instead of letting Playwright or a test die with a stack trace.
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const missing = [];
if (!existsSync(chromium)) missing.push('chromium');
const has = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};
if (!has('openssl')) missing.push('openssl');
if (!has('pk12util')) missing.push('libnss3-tools');
// Interop tests read the app's zips with Python's zipfile (an implementation independent of JSZip).
if (!has('python3')) missing.push('python3');
// Real-server interop tests (src/cli/ra-servers.test.ts) run Debian's nginx and Apache on 127.0.0.1 and
// check them with curl and gnutls-cli. /usr/sbin may be off a non-root user's PATH.
const hasServer = (cmd) => has(cmd) || existsSync(`/usr/sbin/${cmd}`);
if (!hasServer('nginx')) missing.push('nginx');
if (!hasServer('apache2')) missing.push('apache2');
if (!has('curl')) missing.push('curl');
if (!has('gnutls-cli')) missing.push('gnutls-bin');

if (missing.length) {
  console.error(`\nUPKI Workbench tests need: ${missing.join(', ')}`);
  console.error(`Install them with:\n\n  sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n`);
  process.exit(1);
}
