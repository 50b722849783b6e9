import { describe, expect, it } from 'vitest';
import { keyStream, type ClientKeyPair, type KeyGenerator } from './client-keys';

/** A generator whose keys are numbered, so the test can see who made which and in what order they came out. */
function counting(name: string, opts: { failAfter?: number; concurrency?: number } = {}) {
  const made: string[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const g: KeyGenerator = {
    concurrency: opts.concurrency ?? 1,
    async generate(): Promise<ClientKeyPair> {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      if (opts.failAfter !== undefined && made.length >= opts.failAfter) throw new Error(`${name} went away`);
      const id = `${name}${made.length}`;
      made.push(id);
      return { privateKey: new TextEncoder().encode(id), spki: new Uint8Array() };
    },
  };
  return { g, made, maxInFlight: () => maxInFlight };
}

const id = (p: ClientKeyPair) => new TextDecoder().decode(p.privateKey as Uint8Array);

describe('keyStream', () => {
  it('hands out every key once, from all generators, never more than the lookahead ahead', async () => {
    const a = counting('a', { concurrency: 2 });
    const b = counting('b', { concurrency: 2 });
    const s = keyStream(30, [a.g, b.g], counting('f').g, 4);
    const got: string[] = [];
    for (let i = 0; i < 30; i++) got.push(id(await s.take(i)));
    expect(new Set(got).size).toBe(30);
    expect(a.made.length).toBeGreaterThan(0);
    expect(b.made.length).toBeGreaterThan(0);
    expect(a.made.length + b.made.length).toBe(30);
    expect(a.maxInFlight() + b.maxInFlight()).toBeLessThanOrEqual(5);
  });

  it('a helper that fails is replaced by the fallback: the batch still gets all its keys', async () => {
    const helper = counting('h', { failAfter: 3, concurrency: 2 });
    const fallback = counting('f');
    const s = keyStream(12, [helper.g], fallback.g, 4);
    const got: string[] = [];
    for (let i = 0; i < 12; i++) got.push(id(await s.take(i)));
    expect(new Set(got).size).toBe(12);
    expect(helper.made.length).toBe(3);
    expect(fallback.made.length).toBe(9);
  });

  it('the fallback failing too is an error for the key that could not be made, not a hang', async () => {
    const s = keyStream(3, [], counting('f', { failAfter: 1 }).g, 2);
    expect(id(await s.take(0))).toBe('f0');
    await expect(s.take(1)).rejects.toThrow('went away');
    s.stop();
  });

  it('makes nothing more once stopped', async () => {
    const g = counting('g');
    const s = keyStream(100, [g.g], counting('f').g, 3);
    await s.take(0);
    s.stop();
    await new Promise((r) => setTimeout(r, 20));
    expect(g.made.length).toBeLessThanOrEqual(4);
  });
});
