// Work in progress: one draft per kind, plus which kind was open, so a reload or a closed tab loses nothing.
import type { RowMeta } from '../builder/grid';
import type { KindId } from '../spec/types';
import { DRAFTS, deleteOne, getOne, putMany } from './db';

export interface DraftRow {
  id: string;
  cells: string[];
  /** Row metadata (the old certificate's key on a renew row), kept so the key-reuse check survives a reload. */
  meta?: RowMeta;
}

export interface Draft {
  kind: KindId;
  rows: DraftRow[];
  /** The institution profile chosen for new rows. */
  profileId?: string;
  updatedAt: string;
}

interface DraftRecord extends Draft {
  key: string;
}

interface ActiveRecord {
  key: 'active';
  kind: KindId;
}

const ACTIVE_KEY = 'active';
const draftKey = (kind: KindId): string => `draft:${kind}`;

export class DraftStore {
  constructor(private readonly db: IDBDatabase) {}

  async save(draft: Draft): Promise<void> {
    const record: DraftRecord = {
      key: draftKey(draft.kind),
      kind: draft.kind,
      rows: draft.rows.map((r) => (r.meta ? { id: r.id, cells: [...r.cells], meta: { ...r.meta } } : { id: r.id, cells: [...r.cells] })),
      profileId: draft.profileId,
      updatedAt: draft.updatedAt,
    };
    const active: ActiveRecord = { key: ACTIVE_KEY, kind: draft.kind };
    await putMany(this.db, DRAFTS, [record, active]);
  }

  async load(kind: KindId): Promise<Draft | undefined> {
    const record = await getOne<DraftRecord>(this.db, DRAFTS, draftKey(kind));
    if (!record) return undefined;
    const { key: _key, ...draft } = record;
    return draft;
  }

  /** Remember which kind is open without touching any draft (switching kinds is not an edit). */
  setActive(kind: KindId): Promise<void> {
    const active: ActiveRecord = { key: ACTIVE_KEY, kind };
    return putMany(this.db, DRAFTS, [active]);
  }

  /** The kind that was open last, if any. */
  async activeKind(): Promise<KindId | undefined> {
    return (await getOne<ActiveRecord>(this.db, DRAFTS, ACTIVE_KEY))?.kind;
  }

  clear(kind: KindId): Promise<void> {
    return deleteOne(this.db, DRAFTS, draftKey(kind));
  }
}
