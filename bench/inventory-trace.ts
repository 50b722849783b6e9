// Where a 10 000-row inventory import spends its time in Chromium: a trace of the drop → table (single-file build),
// then per thread (the page's main thread, the import worker) the top functions by self time from the V8 sampling
// profiler, and the page's tasks over 50 ms with what ran in them. A profiling aid, not a benchmark.
// Needs `npm run build` first. Run: npx tsx bench/inventory-trace.ts [--rows N] [--keep trace.json]
import { chromium } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { writeLargeServerList } from '../e2e/inventory-list';

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  cat?: string;
  id?: string;
  args?: { name?: string; data?: { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } };
}
interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url?: string; lineNumber?: number };
  parent?: number;
}

const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const ROWS = Number(arg('--rows') ?? 10_000);
const SINGLE = resolve(process.env.UPKI_SINGLE_HTML || 'dist-single/upki-workbench.html');

const dir = mkdtempSync(join(tmpdir(), 'upki-trace-inventory-'));
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
try {
  const list = writeLargeServerList(dir, ROWS, 80);
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${pathToFileURL(SINGLE).href}#/inventory`);
  await page.getByTestId('inventory-drop').waitFor();
  await page.locator('[data-timings*="files"]').waitFor(); // the page's restore ran: its worker is compiled
  await page.waitForTimeout(500);
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'disabled-by-default-v8.cpu_profiler', 'toplevel'],
  });
  const t0 = Date.now();
  await page.getByTestId('inventory-files').setInputFiles(list);
  await page.getByTestId('inventory-count').filter({ hasText: `${ROWS} / ${ROWS}` }).waitFor({ timeout: 120_000 });
  const shownMs = Date.now() - t0;
  await page.locator('[data-timings*="save"]').waitFor({ timeout: 120_000 });
  const savedMs = Date.now() - t0;
  const timings = await page.locator('[data-timings]').getAttribute('data-timings');
  const buffer = await browser.stopTracing();
  const keep = arg('--keep');
  if (keep) writeFileSync(keep, buffer);
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  console.log(`drop → table ${shownMs} ms, → saved ${savedMs} ms; worker steps ${timings}`);

  const threadName = new Map<string, string>();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  // Sampling profiles: ProfileChunk events per (pid, id) carry nodes and samples; the Profile event names the thread.
  const profiles = new Map<string, { thread: string; nodes: Map<number, ProfileNode>; samples: number[]; deltas: number[] }>();
  for (const e of events) {
    if (e.name === 'Profile') profiles.set(`${e.pid}:${e.id}`, { thread: threadName.get(`${e.pid}:${e.tid}`) ?? `${e.tid}`, nodes: new Map(), samples: [], deltas: [] });
    if (e.name === 'ProfileChunk') {
      const p = profiles.get(`${e.pid}:${e.id}`);
      const d = e.args?.data;
      if (!p || !d) continue;
      for (const n of d.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      p.samples.push(...(d.cpuProfile?.samples ?? []));
      p.deltas.push(...(d.timeDeltas ?? []));
    }
  }
  for (const p of profiles.values()) {
    const self = new Map<string, number>();
    let total = 0;
    p.samples.forEach((s, i) => {
      const n = p.nodes.get(s);
      const dt = (p.deltas[i + 1] ?? 0) / 1000;
      total += dt;
      const f = n ? `${n.callFrame.functionName || '(anonymous)'}:${n.callFrame.lineNumber ?? ''}` : '?';
      self.set(f, (self.get(f) ?? 0) + dt);
    });
    const idle = (self.get('(idle):-1') ?? 0) + (self.get('(program):-1') ?? 0);
    console.log(`\n${p.thread}: ${Math.round(total)} ms sampled (idle/program ${Math.round(idle)} ms); top self time:`);
    for (const [f, ms] of [...self.entries()].filter(([f]) => !f.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`  ${ms.toFixed(1).padStart(8)} ms  ${f}`);
  }
  // The page's long tasks: RunTask events on CrRendererMain over 50 ms, with their longest children.
  const mains = new Set([...threadName.entries()].filter(([, n]) => n === 'CrRendererMain').map(([k]) => k));
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && mains.has(`${e.pid}:${e.tid}`) && (e.dur ?? 0) > 50_000);
  console.log(`\npage tasks over 50 ms: ${tasks.length}`);
  for (const t of tasks) {
    const inside = events
      .filter((e) => e.ph === 'X' && e.pid === t.pid && e.tid === t.tid && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + (t.dur ?? 0) && e !== t && (e.dur ?? 0) > 5_000)
      .map((e) => `${e.name} ${Math.round((e.dur ?? 0) / 1000)}`);
    console.log(`  ${Math.round((t.dur ?? 0) / 1000)} ms: ${inside.slice(0, 8).join(', ')}`);
  }
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
