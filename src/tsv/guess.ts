// Which of the six kinds do these records look like? Used to warn when a file is validated (or uploaded)
// as the wrong kind — the RA picks 発行/更新/失効 by hand, and a revoke file checked as an issue file
// otherwise yields a wall of unhelpful errors.
import { KINDS } from '../spec/kinds';
import { KIND_IDS, type KindId } from '../spec/types';
import { makeIssue } from './issue';
import type { Issue } from './types';

type Cells = { cells: readonly string[] };

/** Looking at the first 20 records: +1 per filled used column, -1 per filled blank or empty required column. */
function fitScore(kind: KindId, records: readonly Cells[]): number {
  const spec = KINDS[kind];
  let score = 0;
  for (const { cells } of records.slice(0, 20)) {
    if (cells.length !== spec.columnCount) continue;
    for (const c of spec.columns) {
      const filled = (cells[c.no - 1] ?? '') !== '';
      if (c.required === 'blank') score -= filled ? 1 : 0;
      else if (filled) score += 1;
      else if (c.required === 'required') score -= 1;
    }
  }
  return score;
}

/** The kind whose layout best matches the filled cells; undefined when no record has a known column count. */
export function guessKind(records: readonly Cells[]): KindId | undefined {
  const counts = new Set(Object.values(KINDS).map((k) => k.columnCount as number));
  if (!records.slice(0, 20).some((r) => counts.has(r.cells.length))) return undefined;
  let best: KindId | undefined;
  let bestScore = -Infinity;
  for (const kind of KIND_IDS) {
    const score = fitScore(kind, records);
    if (score > bestScore) [best, bestScore] = [kind, score];
  }
  return best;
}

/** A warning (U111) when the records fit another kind strictly better than the chosen one. */
export function kindMismatchIssue(kind: KindId, records: readonly Cells[]): Issue | undefined {
  const guessed = guessKind(records);
  if (guessed === undefined || guessed === kind || fitScore(guessed, records) <= fitScore(kind, records)) return undefined;
  return makeIssue('kindMismatch', { seq: 0 }, { chosen: KINDS[kind].title, guessed: KINDS[guessed].title });
}
