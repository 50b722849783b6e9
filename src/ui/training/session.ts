// The page's training session: which scenario is being played and where the trainee is, kept across reloads
// (localStorage), moved on by the engine's events (the RA worker's eventsSince) — the panel, the trainer's screens
// and the presenter view all read and drive this one session.
import { createSignal } from 'solid-js';
import { advance, back, reviveProgress, skip, start, type Progress } from '../../training/player';
import { validateScenario, type Scenario } from '../../training/scenario';
import type { RaEvent } from '../../ra/events';
import { call } from '../ra/ra-client';
import { onRefresh } from '../ra/ra-store';

const STORAGE_KEY = 'upki-workbench.training.v1';
/** Events read per sync; a step rarely needs more, and a long log is read in several rounds. */
const BATCH = 2000;

const [scenario, setScenario] = createSignal<Scenario>();
const [progress, setProgress] = createSignal<Progress>();

/** The scenario being played (undefined when none). */
export const activeScenario = scenario;
/** Where the trainee is in it. */
export const currentProgress = progress;

function persist(): void {
  const s = scenario();
  const p = progress();
  try {
    if (s && p) localStorage.setItem(STORAGE_KEY, JSON.stringify({ scenario: s, progress: p }));
    else localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage full or blocked: the session still works for this page's life.
  }
}

/** Reads back a stored session (validated like a pack's scenario); a damaged one is dropped. */
export function reviveSession(): void {
  let raw: unknown;
  try {
    raw = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
  } catch {
    raw = null;
  }
  if (typeof raw !== 'object' || raw === null) return;
  const stored = raw as { scenario?: unknown; progress?: unknown };
  if (validateScenario(stored.scenario).length > 0) return;
  const s = stored.scenario as Scenario;
  const p = reviveProgress(s, stored.progress);
  if (!p) return;
  setScenario(s);
  setProgress(p);
}

// player.ts takes the log to find where a step begins; only the newest seq matters, so one stand-in event carries it.
/** The engine's events after `seq`, oldest first (read in batches). The practice files read the log through this. */
export async function eventsAfter(seq: number): Promise<RaEvent[]> {
  const out: RaEvent[] = [];
  for (let after = seq; ; ) {
    const batch = await call('eventsSince', after, BATCH);
    out.push(...batch);
    if (batch.length < BATCH) return out;
    after = batch[batch.length - 1].seq;
  }
}

/** Starts a scenario from the engine's present state: its steps look only at what happens from now on. */
export async function startScenario(s: Scenario): Promise<void> {
  forgetEvents();
  const seq = await call('lastSeq');
  setScenario(s);
  setProgress(start(s, [{ seq } as RaEvent], new Date()));
  persist();
}

export function stopScenario(): void {
  setScenario(undefined);
  setProgress(undefined);
  persist();
}

// One sync at a time: a refresh during a sync asks for one more round afterwards instead of a second parallel read
// (two could both append the same step to the log).
let syncing: Promise<void> | undefined;
let again = false;

/** Reads the events since the current step began and moves on through every step whose check now passes. */
export function syncScenario(): Promise<void> {
  if (!scenario()) return Promise.resolve();
  if (syncing) {
    again = true;
    return syncing;
  }
  syncing = (async () => {
    try {
      do {
        again = false;
        await syncOnce();
      } while (again);
    } catch {
      // The worker is restarting or gone: the next refresh syncs again; progress is unchanged meanwhile.
    } finally {
      syncing = undefined;
    }
  })();
  return syncing;
}

/** Every RA action ends with refresh(); the session follows it (a no-op when no scenario is active). */
// eslint-disable-next-line solid/reactivity -- not a tracked scope on purpose: each refresh reads the session's current values
onRefresh(() => void syncScenario());

// The checks need more than the events after the step began: a download's token and an issue's application were
// usually made in an earlier step (or before the scenario, in a pack's state). So the session keeps the whole log in
// memory and reads only what is new on each sync.
let log: RaEvent[] = [];

/** Drops the cached log: call after the engine's state was replaced (reset, a pack or backup restored). */
export function forgetEvents(): void {
  log = [];
}

async function syncOnce(): Promise<void> {
  const s = scenario();
  const p = progress();
  if (!s || !p) return;
  const last = await call('lastSeq');
  if (log.length > 0 && last < log[log.length - 1].seq) log = []; // the engine's state was replaced
  const fresh = await eventsAfter(log.length > 0 ? log[log.length - 1].seq : 0);
  log = log.concat(fresh);
  if (scenario() !== s) return; // stopped or replaced meanwhile
  if (progress() !== p) {
    again = true; // skipped / went back meanwhile: judge the new step on the next round
    return;
  }
  setProgress(advance(s, p, log, new Date()));
  persist();
}

export async function skipStep(): Promise<void> {
  const s = scenario();
  const p = progress();
  if (!s || !p) return;
  setProgress(skip(s, p, [{ seq: await call('lastSeq') } as RaEvent], new Date()));
  persist();
}

export async function backStep(): Promise<void> {
  const p = progress();
  if (!p) return;
  setProgress(back(p, [{ seq: await call('lastSeq') } as RaEvent]));
  persist();
}

export async function restartScenario(): Promise<void> {
  const s = scenario();
  if (s) await startScenario(s);
}
