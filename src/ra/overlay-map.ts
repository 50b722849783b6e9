// A Map that reads through to a base map it never changes and keeps its own writes: one transaction's view of
// the projection (TxContext) without copying 100 000-entry maps. Iteration keeps Map order: the base's keys
// (with this layer's values where it replaced them, without those it deleted), then the keys this layer added
// or deleted and added again — the order a plain Map given the same writes would have.
export class OverlayMap<K, V> extends Map<K, V> {
  private readonly removed = new Set<K>();
  private delta = 0; // keys added minus base keys removed

  constructor(private readonly base: ReadonlyMap<K, V>) {
    super();
  }

  override get(key: K): V | undefined {
    if (super.has(key)) return super.get(key);
    return this.removed.has(key) ? undefined : this.base.get(key);
  }

  /** The value of `key` was written in this layer (not read through from the base). */
  owns(key: K): boolean {
    return super.has(key);
  }

  override has(key: K): boolean {
    return super.has(key) || (!this.removed.has(key) && this.base.has(key));
  }

  override set(key: K, value: V): this {
    if (!this.has(key)) this.delta++;
    return super.set(key, value); // a deleted base key stays in `removed`: it now iterates with the added ones
  }

  override delete(key: K): boolean {
    if (!this.has(key)) return false;
    this.delta--;
    super.delete(key);
    if (this.base.has(key)) this.removed.add(key);
    return true;
  }

  override clear(): void {
    throw new Error('OverlayMap.clear: a transaction never empties the projection');
  }

  // Map declares `size` as an accessor on its prototype; the override computes it from the base.
  override get size(): number {
    return this.base.size + this.delta;
  }

  override *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) {
      if (this.removed.has(key)) continue;
      yield super.has(key) ? [key, super.get(key) as V] : [key, value];
    }
    for (const entry of super.entries()) if (!this.base.has(entry[0]) || this.removed.has(entry[0])) yield entry;
  }

  override *keys(): MapIterator<K> {
    for (const [key] of this.entries()) yield key;
  }

  override *values(): MapIterator<V> {
    for (const [, value] of this.entries()) yield value;
  }

  override [Symbol.iterator](): MapIterator<[K, V]> {
    return this.entries();
  }

  override forEach(fn: (value: V, key: K, map: Map<K, V>) => void, thisArg?: unknown): void {
    for (const [key, value] of this.entries()) fn.call(thisArg, value, key, this);
  }
}
