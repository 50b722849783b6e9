import { execFileSync } from 'node:child_process';
import { defineConfig } from '@playwright/test';

// Debian's Chromium: Playwright cannot download its own browsers here.
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The tests serve the built app on a port of their own, so a running `npm start` (4173) or another checkout's test run
// never collides with them. The config is evaluated again in each worker: the port chosen by the runner travels to
// the workers through the environment, so every process agrees on it.
if (!process.env.UPKI_E2E_PORT) {
  process.env.UPKI_E2E_PORT = execFileSync(
    process.execPath,
    ['-e', "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})"],
    { encoding: 'utf8' },
  ).trim();
}
const port = Number(process.env.UPKI_E2E_PORT);
const origin = `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: origin,
    acceptDownloads: true,
    // Half the test's time: an action that hangs (a control that never becomes usable) fails with its own line
    // instead of the test's bare timeout.
    actionTimeout: 60_000,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // `npm test` builds first; this only serves the built app, on this run's own port (never reused: an app left
    // running on that port by someone else would be a different build).
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
    url: origin,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
