// The figures of one `npm run bench`: collected by section, printed as a table, written to bench/results.json
// with the budgets (reported pass/fail; nothing here is a test).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, loadavg } from 'node:os';

export interface Figure {
  section: string;
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface Budget {
  /** The bench section it belongs to (not in the issue's list of fields; lets a partial run replace its own). */
  section: string;
  name: string;
  value: number;
  limit: number;
  unit: string;
  pass: boolean;
}

export class Report {
  readonly figures: Figure[] = [];
  readonly budgets: Budget[] = [];
  readonly skipped: { section: string; reason: string }[] = [];
  private section = '';

  constructor(readonly quick: boolean) {}

  begin(section: string): void {
    this.section = section;
    console.log(`\n# ${section}`);
  }

  /** Records a figure and prints it at once (a long run shows progress). Returns the value. */
  add(name: string, value: number, unit: string, note?: string): number {
    this.figures.push({ section: this.section, name, value: round(value), unit, ...(note ? { note } : {}) });
    console.log(`  ${name.padEnd(64)} ${fmt(value).padStart(10)} ${unit}${note ? `  (${note})` : ''}`);
    return value;
  }

  /** A budget: `value` must be ≤ `limit` (a figure too). */
  budget(name: string, value: number, limit: number, unit: string): void {
    this.budgets.push({ section: this.section, name, value: round(value), limit, unit, pass: Number.isFinite(value) && value <= limit });
  }

  skip(reason: string): void {
    this.skipped.push({ section: this.section, reason });
    console.log(`  skipped: ${reason}`);
  }

  print(): void {
    console.log('\n# budgets');
    for (const b of this.budgets) {
      console.log(`  ${(b.pass ? 'PASS' : 'FAIL').padEnd(5)} ${b.name.padEnd(62)} ${fmt(b.value).padStart(10)} ≤ ${fmt(b.limit)} ${b.unit}`);
    }
    const failed = this.budgets.filter((b) => !b.pass).length;
    console.log(`  ${this.budgets.length - failed} of ${this.budgets.length} budgets met`);
  }

  /**
   * Writes the results. With `merge`, the file's earlier figures of the sections this run did not run are kept
   * (a section re-run after a fix, on the same machine); the file then says which sections came from which run.
   */
  write(path: string, startedAt: Date, merge = false): void {
    const sections = new Set(this.figures.map((f) => f.section).concat(this.skipped.map((s) => s.section)));
    const old = merge && existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as { figures: Figure[]; budgets: Budget[]; skipped: Report['skipped']; runs?: unknown[]; startedAt: string; seconds: number; quick: boolean }) : undefined;
    const keep = <T extends { section: string }>(xs: T[] | undefined) => (xs ?? []).filter((x) => !sections.has(x.section));
    const thisRun = { startedAt: startedAt.toISOString(), seconds: Math.round((Date.now() - startedAt.getTime()) / 1000), quick: this.quick, sections: [...sections] };
    const json = {
      startedAt: startedAt.toISOString(),
      seconds: Math.round((Date.now() - startedAt.getTime()) / 1000),
      quick: this.quick,
      machine: machine(),
      figures: [...keep(old?.figures), ...this.figures],
      budgets: [...keep(old?.budgets).filter((b) => !this.budgets.some((n) => n.name === b.name)), ...this.budgets],
      skipped: [...keep(old?.skipped), ...this.skipped],
      ...(old ? { runs: [...(old.runs ?? [{ startedAt: old.startedAt, seconds: old.seconds, quick: old.quick }]), thisRun] } : {}),
    };
    writeFileSync(path, JSON.stringify(json, null, 2) + '\n');
  }
}

export function machine() {
  const c = cpus();
  return {
    cpu: c[0]?.model ?? 'unknown',
    cores: c.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    platform: `${process.platform}/${process.arch}`,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

function round(v: number): number {
  if (!Number.isFinite(v)) return v;
  return Math.abs(v) >= 100 ? Math.round(v) : Math.round(v * 1000) / 1000;
}

function fmt(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 100 ? v.toFixed(0) : Math.abs(v) >= 10 ? v.toFixed(1) : v.toFixed(3);
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

/** Runs fn `runs` times (after one warm-up) and returns the median wall time in ms. */
export async function medianMs(runs: number, fn: () => unknown): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return median(times);
}
