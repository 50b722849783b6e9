// A trainee's completion record (what they did, when, which mistakes the RA caught and whether they fixed them) and
// the trainer's class summary over several records. Records are files people hand in: read them as untrusted input.
import type { Text } from '../spec/types';
import type { Progress } from './player';
import type { Scenario } from './scenario';

export const RECORD_FORMAT = 'upki-workbench-training-record';
export const RECORD_VERSION = 1;
const MAX_ITEMS = 1000;

export interface CompletionRecord {
  format: typeof RECORD_FORMAT;
  version: typeof RECORD_VERSION;
  trainee: string;
  scenario: { id: string; version: number; title: Text };
  startedAt: string;
  finishedAt?: string;
  steps: { id: string; title: Text; status: 'done' | 'skipped' | 'open'; at?: string }[];
  mistakes: { stepId: string; codes: string[]; at: string; fixedAt?: string }[];
}

export function makeRecord(scenario: Scenario, progress: Progress, trainee: string): CompletionRecord {
  const byStep = new Map(progress.log.map((l) => [l.stepId, l]));
  const finished = progress.index >= scenario.steps.length;
  return {
    format: RECORD_FORMAT,
    version: RECORD_VERSION,
    trainee: trainee.trim().slice(0, 100),
    scenario: { id: scenario.id, version: scenario.version, title: scenario.title },
    startedAt: progress.startedAt,
    finishedAt: finished ? progress.log[progress.log.length - 1]?.at : undefined,
    steps: scenario.steps.map((s) => {
      const l = byStep.get(s.id);
      return { id: s.id, title: s.instruction, status: l ? l.status : 'open', at: l?.at };
    }),
    mistakes: progress.mistakes.map((m) => ({ stepId: m.stepId, codes: m.codes, at: m.at, fixedAt: m.fixedAt })),
  };
}

const isIso = (v: unknown) => typeof v === 'string' && v.length <= 40 && !Number.isNaN(Date.parse(v));
const isText = (v: unknown) =>
  typeof v === 'object' && v !== null && typeof (v as Text).ja === 'string' && typeof (v as Text).en === 'string' && (v as Text).ja.length <= 2000 && (v as Text).en.length <= 2000;

/** Parses a record file; a clear error instead of a half-read record. */
export function parseRecord(bytes: Uint8Array): { ok: true; record: CompletionRecord } | { ok: false; error: Text } {
  const fail = (why: string): { ok: false; error: Text } => ({ ok: false, error: { ja: `修了記録として読めません: ${why}`, en: `Not a completion record: ${why}` } });
  if (bytes.length > 5_000_000) return fail('file larger than 5 MB');
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return fail('not JSON text');
  }
  if (typeof value !== 'object' || value === null) return fail('not an object');
  const r = value as Record<string, unknown>;
  if (r.format !== RECORD_FORMAT) return fail('format');
  if (r.version !== RECORD_VERSION) return fail(`version ${String(r.version).slice(0, 10)} (expected ${RECORD_VERSION})`);
  if (typeof r.trainee !== 'string' || r.trainee.length > 100) return fail('trainee');
  const sc = r.scenario as Record<string, unknown> | undefined;
  if (!sc || typeof sc.id !== 'string' || sc.id.length > 64 || !Number.isInteger(sc.version) || !isText(sc.title)) return fail('scenario');
  if (!isIso(r.startedAt) || (r.finishedAt !== undefined && !isIso(r.finishedAt))) return fail('dates');
  if (!Array.isArray(r.steps) || r.steps.length > MAX_ITEMS || !Array.isArray(r.mistakes) || r.mistakes.length > MAX_ITEMS) return fail('steps or mistakes');
  for (const s of r.steps as Record<string, unknown>[]) {
    if (typeof s !== 'object' || s === null || typeof s.id !== 'string' || !isText(s.title) || !['done', 'skipped', 'open'].includes(s.status as string)) return fail('a step');
    if (s.at !== undefined && !isIso(s.at)) return fail('a step date');
  }
  for (const m of r.mistakes as Record<string, unknown>[]) {
    if (typeof m !== 'object' || m === null || typeof m.stepId !== 'string' || !isIso(m.at) || !Array.isArray(m.codes) || !m.codes.every((c) => typeof c === 'string' && c.length <= 16)) {
      return fail('a mistake');
    }
    if (m.fixedAt !== undefined && !isIso(m.fixedAt)) return fail('a mistake date');
  }
  return { ok: true, record: value as CompletionRecord };
}

export interface StepSummary {
  id: string;
  title: Text;
  done: number;
  skipped: number;
  open: number;
  /** Mistakes seen at this step and how many were fixed; codes by frequency. */
  mistakes: number;
  fixed: number;
  codes: { code: string; count: number }[];
}

export interface ClassSummary {
  scenario: { id: string; version: number; title: Text };
  trainees: { name: string; finished: boolean; done: number; mistakes: number; minutes?: number }[];
  steps: StepSummary[];
}

/** One summary per scenario (id + version) among the records, in the order they first appear. */
export function classSummary(records: readonly CompletionRecord[]): ClassSummary[] {
  const groups = new Map<string, CompletionRecord[]>();
  for (const r of records) {
    const key = `${r.scenario.id}@${r.scenario.version}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0];
    const steps = new Map<string, StepSummary>();
    for (const s of first.steps) steps.set(s.id, { id: s.id, title: s.title, done: 0, skipped: 0, open: 0, mistakes: 0, fixed: 0, codes: [] });
    const codeCounts = new Map<string, Map<string, number>>();
    for (const r of group) {
      for (const s of r.steps) {
        const sum = steps.get(s.id);
        if (sum) sum[s.status] += 1;
      }
      for (const m of r.mistakes) {
        const sum = steps.get(m.stepId);
        if (!sum) continue;
        sum.mistakes += 1;
        if (m.fixedAt) sum.fixed += 1;
        const counts = codeCounts.get(m.stepId) ?? new Map<string, number>();
        for (const c of m.codes) counts.set(c, (counts.get(c) ?? 0) + 1);
        codeCounts.set(m.stepId, counts);
      }
    }
    for (const [id, counts] of codeCounts) {
      const sum = steps.get(id);
      if (sum) sum.codes = [...counts].map(([code, count]) => ({ code, count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));
    }
    return {
      scenario: first.scenario,
      trainees: group.map((r) => ({
        name: r.trainee,
        finished: Boolean(r.finishedAt),
        done: r.steps.filter((s) => s.status === 'done').length,
        mistakes: r.mistakes.length,
        minutes: r.finishedAt ? Math.round((Date.parse(r.finishedAt) - Date.parse(r.startedAt)) / 60000) : undefined,
      })),
      steps: [...steps.values()],
    };
  });
}
