// The inventory core's public surface and its one-call import: files → read results → merged entries.
import { mergeRecords, withCertificateFacts } from './merge';
import { readDropped, type DroppedFile, type ReadOptions } from './sources';
import type { InventoryEntry, ReadResult } from './types';

export * from './types';
export * from './merge';
export * from './view';
export * from './warnings';
export * from './exports';
export * from './timeline';
export * from './rows';
export * from './renew-keys';
export * from './summary';
export { readDropped, type DroppedFile, type ReadOptions } from './sources';
export { readListText } from './lists';
export { decodeListText } from './decode';

export interface ImportResult {
  entries: InventoryEntry[];
  results: ReadResult[];
}

export async function importFiles(
  files: readonly DroppedFile[],
  existing: readonly InventoryEntry[],
  asOf: Date,
  options: ReadOptions & { signal?: AbortSignal; onProgress?: (done: number) => void } = {},
): Promise<ImportResult> {
  const results: ReadResult[] = [];
  for (const f of files) results.push(...(await readDropped(f, options)));
  const records = await withCertificateFacts(results.flatMap((r) => r.records), options.onProgress, options.signal);
  return { entries: mergeRecords(existing, records, asOf), results };
}
