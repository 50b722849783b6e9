// Hand rows to the builder the way it already loads work: as the kind's draft (store/drafts.ts), opened on
// #/builder start-up. Rows already in that draft are kept (blank ones dropped) and the new rows follow them.
import { newRowId, type RowMeta } from '../../builder/grid';
import { openBuilderDb } from '../../store/db';
import { DraftStore, type DraftRow } from '../../store/drafts';
import type { KindId } from '../../spec/types';

export async function openInBuilder(kind: KindId, rows: readonly { cells: string[]; meta?: RowMeta }[]): Promise<{ kept: number }> {
  const store = new DraftStore(await openBuilderDb());
  const existing = await store.load(kind);
  const kept = (existing?.rows ?? []).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const added: DraftRow[] = rows.map((r) => (r.meta ? { id: newRowId(), cells: [...r.cells], meta: r.meta } : { id: newRowId(), cells: [...r.cells] }));
  await store.save({ kind, rows: [...kept, ...added], profileId: existing?.profileId, updatedAt: new Date().toISOString() });
  location.hash = '#/builder';
  return { kept: kept.length };
}
