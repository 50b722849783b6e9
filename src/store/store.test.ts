import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it, vi } from 'vitest';
import { blankProfile, parseProfiles, type InstitutionProfile } from '../builder/institution';
import { openBuilderDb } from './db';
import { debounce } from './debounce';
import { DraftStore } from './drafts';
import { ProfileStore } from './profiles';

function nii(): InstitutionProfile {
  return {
    ...blankProfile('nii', '本部'),
    o: 'National Institute of Informatics',
    st: 'Tokyo',
    l: 'Chiyoda-ku',
    domains: ['nii.ac.jp'],
    adminName: '国立　太郎',
    adminDept: '学術基盤推進部',
    adminMail: 'admin@nii.ac.jp',
    software: 'nginx 1.26',
  };
}

describe('ProfileStore', () => {
  it('keeps profiles across a reopen of the database (a reload)', async () => {
    const factory = new IDBFactory();
    const first = new ProfileStore(await openBuilderDb(factory));
    await first.save(nii());
    const again = new ProfileStore(await openBuilderDb(factory));
    expect(await again.get('nii')).toEqual(nii());
    expect((await again.list()).map((p) => p.id)).toEqual(['nii']);
  });

  it('exports to JSON and imports into another browser', async () => {
    const from = new ProfileStore(await openBuilderDb(new IDBFactory()));
    await from.save(nii());
    await from.save({ ...blankProfile('lab', '研究室'), o: 'Lab', st: 'Tokyo', l: 'Minato-ku' });
    const json = await from.exportJson();
    expect(JSON.parse(json).format).toBe('upki-workbench/institution-profiles');

    const to = new ProfileStore(await openBuilderDb(new IDBFactory()));
    const result = await to.importJson(json);
    expect(result.ok).toBe(true);
    expect(await to.get('nii')).toEqual(nii());
    expect((await to.list()).map((p) => p.label)).toEqual(['本部', '研究室'].sort((a, b) => a.localeCompare(b)));
  });

  it('refuses a malformed file without writing anything', async () => {
    const store = new ProfileStore(await openBuilderDb(new IDBFactory()));
    const bad = JSON.stringify({ format: 'upki-workbench/institution-profiles', version: 1, profiles: [{ id: 'x', o: 5 }] });
    const result = await store.importJson(bad);
    expect(result.ok).toBe(false);
    expect(await store.list()).toEqual([]);
    expect((await store.importJson('not json')).ok).toBe(false);
    expect((await store.importJson('{"format":"other","version":1,"profiles":[]}')).ok).toBe(false);
  });

  it('refuses a file with a profile whose O, ST or L breaks the DN rules, naming it, and writes nothing', async () => {
    const store = new ProfileStore(await openBuilderDb(new IDBFactory()));
    const file = JSON.stringify({ format: 'upki-workbench/institution-profiles', version: 1, profiles: [nii(), { ...nii(), id: 'bad', label: '支所', o: 'Univ. & Co', l: '' }] });
    const result = await store.importJson(file);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.ja).toMatch(/^2件目のプロファイル「支所」を読み込めません: .*「&」.*市区町村/);
      expect(result.message.en).toContain('Profile 2 ("支所")');
    }
    expect(await store.list()).toEqual([]);
  });

  it('refuses a file whose 利用管理者氏名 every row would reject (髙 is outside JIS X 0208, U204), naming the field, and writes nothing', async () => {
    const store = new ProfileStore(await openBuilderDb(new IDBFactory()));
    const file = JSON.stringify({ format: 'upki-workbench/institution-profiles', version: 1, profiles: [{ ...nii(), adminName: '髙橋 太郎' }] });
    const result = await store.importJson(file);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.message.ja).toMatch(/^1件目のプロファイル「本部」を読み込めません: .*利用管理者氏名.*髙/);
      expect(result.message.en).toContain('Administrator name');
    }
    expect(await store.list()).toEqual([]);
  });

  it('stores O, ST and L trimmed, however the profile is saved or imported, so new rows get clean DNs', async () => {
    const spaced = { ...nii(), o: ' National Institute of Informatics ', st: 'Tokyo ', l: ' Chiyoda-ku' };
    const store = new ProfileStore(await openBuilderDb(new IDBFactory()));
    expect(await store.save(spaced)).toEqual(nii());
    expect(await store.get('nii')).toEqual(nii());

    const other = new ProfileStore(await openBuilderDb(new IDBFactory()));
    const file = JSON.stringify({ format: 'upki-workbench/institution-profiles', version: 1, profiles: [spaced] });
    const result = await other.importJson(file);
    expect(result).toEqual({ ok: true, profiles: [nii()] });
    expect(await other.list()).toEqual([nii()]);
  });

  it('removes a profile', async () => {
    const store = new ProfileStore(await openBuilderDb(new IDBFactory()));
    await store.save(nii());
    await store.remove('nii');
    expect(await store.get('nii')).toBeUndefined();
  });
});

describe('parseProfiles', () => {
  it('fills missing optional fields and rejects a newer version', () => {
    const ok = parseProfiles('{"format":"upki-workbench/institution-profiles","version":1,"profiles":[{"id":"a","o":"A"}]}');
    expect(ok).toEqual({ ok: true, profiles: [{ ...blankProfile('a'), o: 'A' }] });
    const newer = parseProfiles('{"format":"upki-workbench/institution-profiles","version":9,"profiles":[]}');
    expect(newer.ok).toBe(false);
  });
});

describe('DraftStore', () => {
  it('saves and restores every row of a draft and remembers the open kind', async () => {
    const factory = new IDBFactory();
    const store = new DraftStore(await openBuilderDb(factory));
    const rows = Array.from({ length: 300 }, (_, i) => ({ id: `r${i}`, cells: [`CN=user${i}`, '5', '2'] }));
    await store.save({ kind: 'client-issue', rows, profileId: 'nii', updatedAt: '2026-11-23T00:00:00Z' });
    await store.save({ kind: 'server-issue', rows: [], updatedAt: '2026-11-23T00:00:01Z' });

    const reopened = new DraftStore(await openBuilderDb(factory));
    const draft = await reopened.load('client-issue');
    expect(draft?.rows).toEqual(rows);
    expect(draft?.profileId).toBe('nii');
    expect((await reopened.lastSession('client-revoke')).kind).toBe('server-issue');
    await reopened.clear('client-issue');
    expect(await reopened.load('client-issue')).toBeUndefined();
  });

  it('keeps 全行に共通の選択 and the sheet before a destructive step with the draft, and drops them when absent', async () => {
    const factory = new IDBFactory();
    const store = new DraftStore(await openBuilderDb(factory));
    const before = [{ id: 'a', cells: ['CN=x', '5', '2'] }];
    await store.save({ kind: 'client-issue', rows: [], choices: { profileId: '15', method: '3' }, undo: { rows: before, label: 'clear' }, updatedAt: '2026-11-23T00:00:00Z' });
    const draft = await new DraftStore(await openBuilderDb(factory)).load('client-issue');
    expect(draft?.choices).toEqual({ profileId: '15', method: '3' });
    expect(draft?.undo).toEqual({ rows: before, label: 'clear' });
    // The next edit is saved without it: the undo of the destructive step lasts until then.
    await store.save({ kind: 'client-issue', rows: before, choices: { profileId: '15', method: '3' }, updatedAt: '2026-11-23T00:00:01Z' });
    expect((await store.load('client-issue'))?.undo).toBeUndefined();
  });

  it('a kind opened without an edit (no draft) still reopens with the profile that was in use', async () => {
    const factory = new IDBFactory();
    const store = new DraftStore(await openBuilderDb(factory));
    await store.save({ kind: 'server-issue', rows: [], profileId: 'nii', updatedAt: '2026-11-23T00:00:00Z' });
    await store.setActive('client-issue', 'nii');
    const reopened = new DraftStore(await openBuilderDb(factory));
    expect(await reopened.lastSession('server-issue')).toEqual({ kind: 'client-issue', draft: undefined, profileId: 'nii' });
    // A draft's own profile wins; a first visit has neither.
    await reopened.save({ kind: 'client-issue', rows: [], profileId: 'lab', updatedAt: '2026-11-23T00:00:01Z' });
    await reopened.setActive('client-issue', 'nii');
    expect((await reopened.lastSession('server-issue')).profileId).toBe('lab');
    expect(await new DraftStore(await openBuilderDb(new IDBFactory())).lastSession('server-issue')).toEqual({ kind: 'server-issue', draft: undefined, profileId: undefined });
  });

  it("keeps a renew row's metadata (the old certificate's key) across a reopen", async () => {
    const factory = new IDBFactory();
    const rows = [{ id: 'a', cells: ['CN=www.nii.ac.jp'], meta: { oldSpkiSha256: 'ab12' } }, { id: 'b', cells: ['CN=x'] }];
    await new DraftStore(await openBuilderDb(factory)).save({ kind: 'server-renew', rows, updatedAt: '2026-11-23T00:00:00Z' });
    const draft = await new DraftStore(await openBuilderDb(factory)).load('server-renew');
    expect(draft?.rows).toEqual(rows);
  });
});

describe('debounce', () => {
  it('writes once after a burst of edits, with the last value, and flush writes now', async () => {
    vi.useFakeTimers();
    try {
      const seen: number[] = [];
      const save = debounce((n: number) => {
        seen.push(n);
      }, 300);
      save(1);
      save(2);
      save(3);
      expect(seen).toEqual([]);
      await vi.advanceTimersByTimeAsync(300);
      expect(seen).toEqual([3]);
      save(4);
      await save.flush();
      expect(seen).toEqual([3, 4]);
      save(5);
      save.cancel();
      await vi.advanceTimersByTimeAsync(1000);
      expect(seen).toEqual([3, 4]);
    } finally {
      vi.useRealTimers();
    }
  });
});
