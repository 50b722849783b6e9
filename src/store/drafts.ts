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
  /** 全行に共通の選択 (profile ID and download method for new and roster rows), restored with the draft. */
  choices?: { profileId: string; method: string };
  /**
   * The sheet before the last destructive step (全行を削除, a sheet replaced by an import), kept until the next
   * edit so that undo still works after a reload.
   */
  undo?: { rows: DraftRow[]; label: string };
  updatedAt: string;
}

interface DraftRecord extends Draft {
  key: string;
}

interface ActiveRecord {
  key: 'active';
  kind: KindId;
  /** The institution profile in use when it was written: a kind opened without an edit has no draft to hold it. */
  profileId?: string;
}

/** What start-up reopens: the kind that was open last, its draft if it has one, and the profile in use. */
export interface LastSession {
  kind: KindId;
  draft?: Draft;
  profileId?: string;
}

const ACTIVE_KEY = 'active';
const draftKey = (kind: KindId): string => `draft:${kind}`;

export class DraftStore {
  constructor(private readonly db: IDBDatabase) {}

  async save(draft: Draft): Promise<void> {
    const copy = (rows: DraftRow[]) => rows.map((r) => (r.meta ? { id: r.id, cells: [...r.cells], meta: { ...r.meta } } : { id: r.id, cells: [...r.cells] }));
    const record: DraftRecord = {
      key: draftKey(draft.kind),
      kind: draft.kind,
      rows: copy(draft.rows),
      profileId: draft.profileId,
      ...(draft.choices ? { choices: { ...draft.choices } } : {}),
      ...(draft.undo ? { undo: { rows: copy(draft.undo.rows), label: draft.undo.label } } : {}),
      updatedAt: draft.updatedAt,
    };
    const active: ActiveRecord = { key: ACTIVE_KEY, kind: draft.kind, profileId: draft.profileId };
    await putMany(this.db, DRAFTS, [record, active]);
  }

  async load(kind: KindId): Promise<Draft | undefined> {
    const record = await getOne<DraftRecord>(this.db, DRAFTS, draftKey(kind));
    if (!record) return undefined;
    const { key: _key, ...draft } = record;
    return draft;
  }

  /** Remember which kind is open, and the profile in use, without touching any draft (switching kinds is not an edit). */
  setActive(kind: KindId, profileId?: string): Promise<void> {
    const active: ActiveRecord = { key: ACTIVE_KEY, kind, profileId };
    return putMany(this.db, DRAFTS, [active]);
  }

  /**
   * The kind that was open last (or `fallback` on a first visit) with its draft; the profile is the draft's,
   * else the one in use when that kind was opened.
   */
  async lastSession(fallback: KindId): Promise<LastSession> {
    const active = await getOne<ActiveRecord>(this.db, DRAFTS, ACTIVE_KEY);
    const kind = active?.kind ?? fallback;
    const draft = await this.load(kind);
    return { kind, draft, profileId: draft?.profileId ?? active?.profileId };
  }

  clear(kind: KindId): Promise<void> {
    return deleteOne(this.db, DRAFTS, draftKey(kind));
  }
}
