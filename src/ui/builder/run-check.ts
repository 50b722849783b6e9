// Run the grid check in a Web Worker; when no worker can start (or it crashes), run it on the main thread.
import type { SheetCheck } from '../../builder/check';
import type { RowMeta } from '../../builder/grid';
import type { InstitutionRegistered } from '../../builder/institution-check';
import type { KindId } from '../../spec/types';
import { workerFunction } from '../../workers/call';
import CheckWorker from './check.worker?worker';

/** Row metadata in row order (the old certificate's key on renew rows); absent when no row has any. */
export type RowMetas = (RowMeta | undefined)[];

async function onMainThread(kind: KindId, rows: string[][], metas?: RowMetas, registered?: InstitutionRegistered): Promise<SheetCheck> {
  const [{ checkSheetFull }, { KINDS }] = await Promise.all([import('../../builder/check'), import('../../spec/kinds')]);
  return checkSheetFull(KINDS[kind], rows, metas, registered);
}

export const runCheck: (kind: KindId, rows: string[][], metas?: RowMetas, registered?: InstitutionRegistered) => Promise<SheetCheck> =
  workerFunction(() => new CheckWorker(), onMainThread);
