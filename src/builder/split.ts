// A file may hold at most `maxRecords` rows (99), or `maxRecordsBulk` (1000) with download method 2
// (SPEC §4.3, ADDENDUM B.11), and one download method only (SPEC §4.6). The builder splits into parts.
import type { KindSpec } from '../spec/types';
import { recordLimit } from '../tsv/file-rules';
import { columnIndex } from './grid';

export interface SplitPart<T> {
  /** The download method shared by every row of this part, when the kind has a method column. */
  method?: string;
  /** 1-based position of this chunk among the chunks of the same method. */
  chunk: number;
  chunks: number;
  /** 0-based indexes of the rows in the original list, in order. */
  indexes: number[];
  items: T[];
}

export interface SplitPlan<T> {
  parts: SplitPart<T>[];
  /** Why more than one file is needed; empty when one file will do. */
  reasons: ('limit' | 'method')[];
}

// The limit itself is the validator's rule (tsv/file-rules.ts); re-exported for the builder's callers.
export { recordLimit };

/**
 * Group rows by download method (first appearance order), then cut each group into chunks of the limit.
 * `cellsOf` reads a row's cells so callers can split grid rows or plain records alike.
 */
export function planSplit<T>(spec: KindSpec, items: readonly T[], cellsOf: (item: T) => readonly string[]): SplitPlan<T> {
  const methodAt = columnIndex(spec, 'method');
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const key = methodAt >= 0 ? (cellsOf(item)[methodAt] ?? '').trim() : '';
    const group = groups.get(key);
    if (group) group.push(i);
    else groups.set(key, [i]);
  });
  const parts: SplitPart<T>[] = [];
  let overLimit = false;
  for (const [key, indexes] of groups) {
    const method = methodAt >= 0 ? key : undefined;
    const limit = recordLimit(spec, method);
    const chunks = Math.max(1, Math.ceil(indexes.length / limit));
    if (chunks > 1) overLimit = true;
    for (let c = 0; c < chunks; c += 1) {
      const slice = indexes.slice(c * limit, (c + 1) * limit);
      parts.push({ method, chunk: c + 1, chunks, indexes: slice, items: slice.map((i) => items[i]) });
    }
  }
  const reasons: SplitPlan<T>['reasons'] = [];
  if (overLimit) reasons.push('limit');
  if (groups.size > 1) reasons.push('method');
  return { parts, reasons };
}
