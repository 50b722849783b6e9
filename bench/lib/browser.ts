// Debian's Chromium for the bench, headless, with its own profile folder so that the bench can find its
// processes in /proc and sample their memory (every renderer, worker and GPU process together).
import { chromium, type BrowserContext } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export interface Bench {
  context: BrowserContext;
  /** Resident memory of all of this Chromium's processes now, in bytes. */
  rss(): number;
  close(): Promise<void>;
}

export async function launch(): Promise<Bench> {
  const profile = mkdtempSync(join(tmpdir(), 'upki-bench-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
    viewport: { width: 1280, height: 800 },
    acceptDownloads: true,
  });
  return {
    context,
    rss: () => processRss(profile),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Sum of VmRSS over the processes whose command line names the profile folder and all their descendants. */
function processRss(marker: string): number {
  const children = new Map<number, number[]>();
  const roots: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const pid = Number(name);
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), pid]);
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker)) roots.push(pid);
    } catch {
      // the process ended meanwhile
    }
  }
  const seen = new Set<number>();
  const stack = [...roots];
  let total = 0;
  while (stack.length) {
    const pid = stack.pop()!;
    if (seen.has(pid)) continue;
    seen.add(pid);
    stack.push(...(children.get(pid) ?? []));
    try {
      const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'latin1'));
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // ended meanwhile
    }
  }
  return total;
}

/** Samples a memory reading every 100 ms until stopped; returns the peak. */
export function peakSampler(read: () => number): () => number {
  let peak = read();
  const timer = setInterval(() => (peak = Math.max(peak, read())), 100);
  return () => {
    clearInterval(timer);
    return Math.max(peak, read());
  };
}

/** Installs a PerformanceObserver for long tasks (> 50 ms) in the page; returns a reader of their durations. */
export const LONG_TASKS_INIT = `(() => {
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push(e.duration); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) {}
})();`;
