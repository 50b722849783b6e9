// The page's training session: which scenario is being played and where the trainee is, kept across reloads
// (localStorage), moved on by the engine's events (the RA worker's eventsSince) — the panel, the trainer's screens
// and the presenter view all read and drive this one session.
import { createEffect, createRoot, on } from 'solid-js';
import { advance, back, reviveProgress, skip, start, usesJpnic } from '../../training/player';
import { validateScenario, type Scenario } from '../../training/scenario';
import type { RaEvent } from '../../ra/events';
import type { JpnicEvent } from '../../jpnic/types';
import { call } from '../ra/ra-client';
import { onRefresh } from '../ra/ra-store';
import { STORAGE_KEY, progress, scenario, setProgress, setScenario } from './session-state';
/** Events read per sync; a step rarely needs more, and a long log is read in several rounds. */
const BATCH = 2000;

export { activeScenario, currentProgress } from './session-state';

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

// The checks look things up in earlier events (a download's token was created at the upload, a step or a pack
// before), so the session keeps the whole log and reads only what is new; it is read afresh when a scenario starts
// (a pack was just restored) or the log got shorter (reset, restore).
let raLog: RaEvent[] = [];

/** Drops the cached log: call after the engine's state was replaced (a shorter log is noticed by itself). */
export function forgetEvents(): void {
  raLog = [];
}
async function wholeRaLog(): Promise<RaEvent[]> {
  const known = raLog.length ? raLog[raLog.length - 1].seq : 0;
  if ((await call('lastSeq')) < known) raLog = [];
  const fresh = await eventsAfter(raLog.length ? raLog[raLog.length - 1].seq : 0);
  // Two syncs can overlap (a view refresh and a button): append only what is still newer, never an event twice.
  const last = raLog.length ? raLog[raLog.length - 1].seq : 0;
  const newer = fresh.filter((e) => e.seq > last);
  if (newer.length) raLog = [...raLog, ...newer];
  return raLog;
}

/** The JPNIC service's log, only for scenarios that use it (opening it the first time makes its CA). */
async function jpnicLog(s: Scenario): Promise<JpnicEvent[]> {
  if (!usesJpnic(s)) return [];
  const store = await import('../jpnic/jpnic-store');
  followJpnic(store.view);
  return (await store.service()).engine.events();
}

let followingJpnic = false;
/** JPNIC actions end with the JPNIC store's refresh, not the RA's: the session follows that view too, once it is open. */
function followJpnic(view: () => unknown): void {
  if (followingJpnic) return;
  followingJpnic = true;
  createRoot(() => createEffect(on(view, () => void syncScenario(), { defer: true })));
}

/** Starts a scenario from the engines' present state: its steps look only at what happens from now on. */
export async function startScenario(s: Scenario): Promise<void> {
  raLog = [];
  const seq = await call('lastSeq');
  const jpnic = await jpnicLog(s);
  setScenario(s);
  setProgress(start(s, [{ seq } as RaEvent], new Date(), jpnic));
  persist();
}

export function stopScenario(): void {
  setScenario(undefined);
  setProgress(undefined);
  persist();
}

// One sync at a time: a refresh during a sync asks for one more round afterwards instead of a parallel read.
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
onRefresh(() => void syncScenario());

async function syncOnce(): Promise<void> {
  const s = scenario();
  const p = progress();
  if (!s || !p) return;
  const events = await wholeRaLog();
  const jpnic = await jpnicLog(s);
  if (scenario() !== s) return; // stopped or replaced meanwhile
  setProgress(advance(s, progress() ?? p, events, new Date(), jpnic));
  persist();
}

export async function skipStep(): Promise<void> {
  const s = scenario();
  const p = progress();
  if (!s || !p) return;
  setProgress(skip(s, p, [{ seq: await call('lastSeq') } as RaEvent], new Date(), await jpnicLog(s)));
  persist();
}

export async function backStep(): Promise<void> {
  const s = scenario();
  const p = progress();
  if (!s || !p) return;
  setProgress(back(p, [{ seq: await call('lastSeq') } as RaEvent], await jpnicLog(s)));
  persist();
}

export async function restartScenario(): Promise<void> {
  const s = scenario();
  if (s) await startScenario(s);
}
