// The engine on persistent stores: a second engine on the same IndexedDB (fake-indexeddb) or state
// directory sees the same CAs and certificates; the audit trail tells the log; progress is reported.
import { afterAll, describe, expect, it } from 'vitest';
import { IDBFactory } from 'fake-indexeddb';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clientIssueRow, clientIssueRows, tsvBytes } from '../tsv/fixtures';
import { auditTrail } from './audit';
import { DirectoryStore } from './store/dir-store';
import { IndexedDbStore } from './store/idb-store';
import { RaEngine } from './engine';
import { DEMO_INSTITUTION } from './institutions';
import { MemoryStore } from './store/memory-store';
import { openTestEngine, START } from './ra.testkit';

const dir = mkdtempSync(join(tmpdir(), 'upki-ra-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each([
  ['IndexedDB', () => { const f = new IDBFactory(); return () => IndexedDbStore.open(f, 'engine'); }],
  ['directory', () => () => Promise.resolve(new DirectoryStore(join(dir, 'state')))],
] as const)('engine on %s', (_name, factory) => {
  it('keeps CAs, certificates and mails across reopening, and reports key-generation progress', async () => {
    const open = factory();
    const first = await openTestEngine(await open());
    const progress: number[] = [];
    const result = await first.upload({
      bytes: tsvBytes(clientIssueRows(3, { method: '2' })),
      fileName: 'a.tsv',
      kind: 'client-issue',
      onProgress: (done, total) => progress.push(done / total),
    });
    expect(result.ok).toBe(true);
    expect(progress).toEqual([1 / 3, 2 / 3, 1]);
    const before = await first.state();

    const second = await openTestEngine(await open());
    const after = await second.state();
    expect([...after.cas.values()].map((c) => c.certDerB64)).toEqual([...before.cas.values()].map((c) => c.certDerB64));
    expect([...after.certificates.keys()]).toEqual([...before.certificates.keys()]);
    expect(after.mails).toEqual(before.mails);
    const crl = await second.crl('client-auth'); // the second engine can still sign with the stored keys
    expect(crl.number).toBe(1);
    await second.tick();

    const trail = auditTrail(await second.events());
    expect(trail[0].text.ja).toContain('初期化');
    expect(trail.some((l) => l.text.ja.includes('a.tsv をアップロード（client-issue、3/3件受付）'))).toBe(true);
    expect(trail.filter((l) => l.type === 'issued')).toHaveLength(3);
  });
});

describe('first start', () => {
  it('creates the demo institution when none is given, and uploads go to it', async () => {
    const engine = await RaEngine.open(new MemoryStore(), { clock: () => START });
    const state = await engine.state();
    expect([...state.institutions.values()]).toEqual([DEMO_INSTITUTION]);
    expect(DEMO_INSTITUTION).toMatchObject({ o: 'Example University', domains: ['example.ac.jp'], active: true });
    const dn = 'CN=DEMO USER,OU=1,O=Example University,L=Chiyoda-ku,ST=Tokyo,C=JP';
    const result = await engine.upload({ bytes: tsvBytes([clientIssueRow({ dn, method: '2' })]), fileName: 'demo.tsv', kind: 'client-issue' });
    expect(result.records[0].errors).toEqual([]);
    expect((await engine.state()).certificates.get(result.records[0].serialHex!)?.institutionId).toBe('demo');
  });
});
