// What an import run has received and the page has not shown yet: the rows so far (the worker sends them in the
// table's order, a first screen and then large slices) and the summary that follows the last slice. state.ts takes
// it once per frame, so one update applies every slice that came since the last frame, and the summary with them.
import type { InventoryEntry, InventorySummary } from '../../inventory';

export interface Taken {
  /** Every row so far (a new array), when rows came since the last take. */
  rows?: InventoryEntry[];
  /** The run's summary, when it came since the last take. */
  summary?: InventorySummary;
}

export class RowIntake {
  private readonly rows: InventoryEntry[] = [];
  private shown = 0;
  private summary: InventorySummary | undefined;

  /** Adds a slice; the rows received so far. */
  addRows(slice: readonly InventoryEntry[]): number {
    for (const r of slice) this.rows.push(r);
    return this.rows.length;
  }

  addSummary(summary: InventorySummary): void {
    this.summary = summary;
  }

  /** What came since the last take, or undefined when nothing did (the frame has nothing to do). */
  take(): Taken | undefined {
    const more = this.shown !== this.rows.length;
    if (!more && !this.summary) return undefined;
    this.shown = this.rows.length;
    const taken: Taken = { rows: more ? this.rows.slice() : undefined, summary: this.summary };
    this.summary = undefined;
    return taken;
  }
}
