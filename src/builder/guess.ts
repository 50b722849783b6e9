// Which of the six kinds is an imported TSV? Scored against each kind's column table: filled required
// columns and known enumeration values count for a kind, filled blank columns and a wrong width against it.
// The user confirms the guess; this only orders the choices.
import type { KindId, KindSpec } from '../spec/types';

export interface KindGuess {
  kind: KindId;
  /** Higher is better; comparable only within one call. */
  score: number;
}

function cellScore(spec: KindSpec, column: number, cell: string): number {
  const col = spec.columns[column];
  if (!col) return cell === '' ? 0 : -3;
  const filled = cell.trim() !== '';
  if (col.required === 'blank') return filled ? -3 : 0.25;
  if (!filled) return col.required === 'required' ? -1 : 0;
  if (col.values) return col.values.includes(cell.trim()) ? 2 : -1;
  return 1;
}

function recordScore(spec: KindSpec, cells: readonly string[]): number {
  const width = Math.max(cells.length, spec.columnCount);
  // The width is the strongest evidence (13 server, 15 client columns), so a mismatch outweighs any content.
  let score = cells.length === spec.columnCount ? 0 : -10 * Math.abs(cells.length - spec.columnCount);
  for (let i = 0; i < width; i += 1) score += cellScore(spec, i, cells[i] ?? '');
  return score;
}

/** All kinds, best first. Looks at up to `sample` records. */
export function guessKind(specs: readonly KindSpec[], records: readonly (readonly string[])[], sample = 50): KindGuess[] {
  const rows = records.slice(0, sample);
  return specs
    .map((spec) => ({
      kind: spec.id,
      score: rows.reduce((sum, cells) => sum + recordScore(spec, cells), 0) / Math.max(1, rows.length),
    }))
    .sort((a, b) => b.score - a.score);
}
