// The training session's two signals and where it is stored — all the app shell needs on every page, so that the
// session's code (player, checks, the RA client) loads only when a scenario is being played or was stored.
import { createSignal } from 'solid-js';
import type { Progress } from '../../training/player';
import type { Scenario } from '../../training/scenario';

export const STORAGE_KEY = 'upki-workbench.training.v1';

export const [scenario, setScenario] = createSignal<Scenario>();
export const [progress, setProgress] = createSignal<Progress>();

/** The scenario being played (undefined when none). */
export const activeScenario = scenario;
/** Where the trainee is in it. */
export const currentProgress = progress;

/** Whether a session was stored by an earlier page (then the app loads the session's code to revive it). */
export function sessionStored(): boolean {
  try {
    return localStorage.getItem(STORAGE_KEY) !== null;
  } catch {
    return false;
  }
}
