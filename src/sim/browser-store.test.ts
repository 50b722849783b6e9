// The browser certificate store's contract, for the memory and the IndexedDB (fake-indexeddb) adapters.
import { describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { idbBrowserStore, memoryBrowserStore, type BrowserStore } from './browser-store';

const der = (n: number) => new Uint8Array([0x30, 0x03, 0x02, 0x01, n]);

const adapters: { name: string; make: () => { store: BrowserStore } }[] = [
  { name: 'memory', make: () => ({ store: memoryBrowserStore() }) },
  {
    name: 'indexeddb (fake-indexeddb)',
    make: () => {
      const factory = new IDBFactory();
      return { store: idbBrowserStore('t', factory) };
    },
  },
];

describe.each(adapters)('browser store: $name', ({ make }) => {
  it('adds with an id and the given time, lists oldest first, filters by service and owner', async () => {
    const { store } = make();
    const b = await store.add({ service: 'jpnic', owner: 'jpnic-applicant:1', label: 'B', certificateDer: der(2) }, '2026-12-02T00:00:00.000Z');
    const a = await store.add({ service: 'upki', owner: 'ra-operator:1', label: 'A', certificateDer: der(1), p12: new Uint8Array([9]) }, '2026-12-01T00:00:00.000Z');
    expect(a.id).not.toBe(b.id);
    expect(a.addedAt).toBe('2026-12-01T00:00:00.000Z');
    expect((await store.list()).map((c) => c.label)).toEqual(['A', 'B']);
    expect((await store.list({ service: 'jpnic' })).map((c) => c.label)).toEqual(['B']);
    expect((await store.list({ owner: 'ra-operator:1' })).map((c) => c.label)).toEqual(['A']);
    expect(await store.list({ service: 'upki', owner: 'jpnic-applicant:1' })).toEqual([]);
    const [listedA] = await store.list({ service: 'upki' });
    expect([...listedA.certificateDer]).toEqual([...der(1)]);
    expect([...listedA.p12!]).toEqual([9]);
    expect((await store.list({ service: 'jpnic' }))[0].p12).toBeUndefined();
  });

  it('keeps its own copy of the bytes', async () => {
    const { store } = make();
    const bytes = der(5);
    await store.add({ service: 'jpnic', owner: 'o', label: 'L', certificateDer: bytes }, '2026-12-01T00:00:00.000Z');
    bytes[4] = 0;
    expect((await store.list())[0].certificateDer[4]).toBe(5);
  });

  it('removes one certificate and keeps the other (old and new with the same subject live side by side)', async () => {
    const { store } = make();
    const old = await store.add({ service: 'jpnic', owner: 'o', label: 'CN=Taro', certificateDer: der(1) }, '2026-12-01T00:00:00.000Z');
    await store.add({ service: 'jpnic', owner: 'o', label: 'CN=Taro', certificateDer: der(2) }, '2026-12-03T00:00:00.000Z');
    expect(await store.list()).toHaveLength(2);
    await store.remove(old.id);
    const left = await store.list();
    expect(left).toHaveLength(1);
    expect(left[0].certificateDer[4]).toBe(2);
    await store.remove('no-such-id'); // removing twice is not an error
  });

});

it('browser store: indexeddb keeps certificates across reopening the database', async () => {
  const factory = new IDBFactory();
  await idbBrowserStore('t', factory).add({ service: 'upki', owner: 'ra-operator:1', label: 'A', certificateDer: der(1) }, '2026-12-01T00:00:00.000Z');
  expect((await idbBrowserStore('t', factory).list()).map((c) => c.label)).toEqual(['A']);
});
