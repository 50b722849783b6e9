// Table lookups keyed by what a user wrote: only the table's own entries, never Object.prototype's.
// `TABLE[cell]` with a cell `__proto__` or `constructor` returns a prototype member, not undefined (issue 10).

/** The entry of `table` under `key`, or undefined when the table has no own entry of that name. */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

/** True when `key` is one of the table's own keys (the `in` operator also sees inherited names). */
export function isOwnKey<K extends string>(table: Readonly<Record<K, unknown>>, key: string): key is K {
  return Object.hasOwn(table, key);
}
