// The scenario player's logic, free of any UI: where a trainee is, what moves them on (a check passing on the engine's
// events), back / skip / restart, and the mistakes the engine saw on the way (an upload the RA refused).
import type { RaEvent } from '../ra/events';
import type { JpnicEvent } from '../jpnic/types';
import { runCheck } from './checks';
import type { Scenario, Step } from './scenario';

export interface StepLog {
  stepId: string;
  status: 'done' | 'skipped';
  /** Real time (ISO) the step ended; the record shows it. */
  at: string;
  /** Last event seq at that moment: the next step looks only after it. */
  seq: number;
}

export interface Mistake {
  stepId: string;
  /** The RA's codes on the refused upload (e.g. 201, 241), or the kind of slip. */
  codes: string[];
  seq: number;
  at: string;
  /** Set when the step that saw it was done afterwards. */
  fixedAt?: string;
}

export interface Progress {
  scenarioId: string;
  version: number;
  startedAt: string;
  /** Index of the current step; equal to steps.length when finished. */
  index: number;
  /** Event seq when the scenario began. */
  startSeq: number;
  /** Event seq when the current step began. */
  sinceSeq: number;
  log: StepLog[];
  mistakes: Mistake[];
  /** JPNIC event seq when the current step began (the JPNIC log has its own seq); absent before JPNIC existed. */
  jpnicSinceSeq?: number;
}

/** The JPNIC log as the player needs it: only seq (the checks read the whole events). */
type Seqd = readonly { seq: number }[];

function lastSeq(events: Seqd): number {
  let max = 0;
  for (const e of events) if (e.seq > max) max = e.seq;
  return max;
}

/** A fresh start: the steps look only at what happens from now on. */
export function start(scenario: Scenario, events: readonly RaEvent[], now: Date, jpnicEvents: Seqd = []): Progress {
  const seq = lastSeq(events);
  return { scenarioId: scenario.id, version: scenario.version, startedAt: now.toISOString(), index: 0, startSeq: seq, sinceSeq: seq, log: [], mistakes: [], jpnicSinceSeq: lastSeq(jpnicEvents) };
}

export function currentStep(scenario: Scenario, progress: Progress): Step | undefined {
  return scenario.steps[progress.index];
}

export function finished(scenario: Scenario, progress: Progress): boolean {
  return progress.index >= scenario.steps.length;
}

/** Uploads the RA refused (whole file or some rows) after `sinceSeq` that are not yet recorded. */
function newMistakes(step: Step, progress: Progress, events: readonly RaEvent[], now: Date): Mistake[] {
  const known = new Set(progress.mistakes.map((m) => m.seq));
  const found: Mistake[] = [];
  for (const e of events) {
    if (e.seq <= progress.sinceSeq || known.has(e.seq) || e.type !== 'uploaded') continue;
    if (e.registered && e.records.every((r) => r.ok)) continue;
    const codes = [...new Set([...(e.fileCodes ?? []), ...e.records.flatMap((r) => r.codes)])];
    found.push({ stepId: step.id, codes: codes.length ? codes : ['file'], seq: e.seq, at: now.toISOString() });
  }
  return found;
}

/**
 * Moves on through every step whose check now passes, in order, and notes mistakes. Pure: returns a new Progress.
 * A step that expects a refusal (check upload-refused) does not count its own refusal as a mistake.
 */
export function advance(scenario: Scenario, progress: Progress, events: readonly RaEvent[], now: Date, jpnicEvents: readonly JpnicEvent[] = []): Progress {
  let p: Progress = { ...progress, log: [...progress.log], mistakes: [...progress.mistakes] };
  for (;;) {
    const step = currentStep(scenario, p);
    if (!step) return p;
    const passes = runCheck(step.check.id, step.check.params, { events, sinceSeq: p.sinceSeq, jpnicEvents, jpnicSinceSeq: p.jpnicSinceSeq ?? 0 });
    if (step.check.id !== 'upload-refused') p.mistakes.push(...newMistakes(step, p, events, now));
    if (!passes) return p;
    const seq = lastSeq(events);
    const at = now.toISOString();
    p.mistakes = p.mistakes.map((m) => (m.stepId === step.id && !m.fixedAt ? { ...m, fixedAt: at } : m));
    p.log.push({ stepId: step.id, status: 'done', at, seq });
    p = { ...p, index: p.index + 1, sinceSeq: seq, jpnicSinceSeq: Math.max(p.jpnicSinceSeq ?? 0, lastSeq(jpnicEvents)) };
  }
}

/** Skips the current step (the trainer's choice); the next step looks at what happens from now on. */
export function skip(scenario: Scenario, progress: Progress, events: readonly RaEvent[], now: Date, jpnicEvents: Seqd = []): Progress {
  const step = currentStep(scenario, progress);
  if (!step) return progress;
  const seq = lastSeq(events);
  return { ...progress, index: progress.index + 1, sinceSeq: seq, jpnicSinceSeq: Math.max(progress.jpnicSinceSeq ?? 0, lastSeq(jpnicEvents)), log: [...progress.log, { stepId: step.id, status: 'skipped', at: now.toISOString(), seq }] };
}

/**
 * Back one step: the previous step is shown again and looks only at what happens from now on, so the trainee
 * repeats it (re-reading its explanation without redoing it is the panel's business, not a change of progress).
 */
export function back(progress: Progress, events: readonly RaEvent[], jpnicEvents: Seqd = []): Progress {
  if (progress.index === 0 || progress.log.length === 0) return progress;
  return { ...progress, index: progress.index - 1, log: progress.log.slice(0, -1), sinceSeq: lastSeq(events), jpnicSinceSeq: Math.max(progress.jpnicSinceSeq ?? 0, lastSeq(jpnicEvents)) };
}

export function restart(scenario: Scenario, events: readonly RaEvent[], now: Date, jpnicEvents: Seqd = []): Progress {
  return start(scenario, events, now, jpnicEvents);
}

/** Whether a scenario reads the JPNIC service (the page then opens it and passes its events). */
export function usesJpnic(scenario: Scenario): boolean {
  return scenario.steps.some((s) => s.check.id.startsWith('jpnic-'));
}

/** Checks a stored progress before it is used (it comes from IndexedDB or a pack): undefined when unusable. */
export function reviveProgress(scenario: Scenario, value: unknown): Progress | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const p = value as Partial<Progress>;
  const ok =
    p.scenarioId === scenario.id &&
    p.version === scenario.version &&
    typeof p.startedAt === 'string' &&
    Number.isInteger(p.index) &&
    (p.index as number) >= 0 &&
    (p.index as number) <= scenario.steps.length &&
    Number.isInteger(p.sinceSeq) &&
    Number.isInteger(p.startSeq) &&
    Array.isArray(p.log) &&
    Array.isArray(p.mistakes) &&
    (p.jpnicSinceSeq === undefined || Number.isInteger(p.jpnicSinceSeq));
  return ok ? (p as Progress) : undefined;
}
