// The training core against real engine states: scenarios advance only when the engine did the step, refused uploads
// are recorded as mistakes and marked fixed, packs and records survive a round trip and bad ones are refused.
import { describe, expect, it } from 'vitest';
import { clientIssueRow, clientIssueRows, makeServerCsr, serverIssueRow, serverRenewRow } from '../tsv/fixtures';
import { mailLinks } from '../ra/notify/links';
import { openTestEngine, tokenFrom, upload } from '../ra/ra.testkit';
import type { RaEngine } from '../ra/engine';
import { BUILTIN_SCENARIOS } from './builtin';
import { CHECKS } from './checks';
import { advance, back, currentStep, finished, restart, reviveProgress, skip, start } from './player';
import { makePack, parsePack } from './pack';
import { classSummary, makeRecord, parseRecord } from './record';
import { validateScenario, type Scenario } from './scenario';

const scenario = (id: string): Scenario => BUILTIN_SCENARIOS.find((s) => s.id === id)!;
const now = () => new Date('2026-12-03T09:00:00Z');
const DN = 'CN=train.nii.ac.jp,O=National Institute of Informatics,L=Chiyoda-ku,ST=Tokyo,C=JP';

async function events(engine: RaEngine) {
  return [...(await engine.events())];
}

async function lastMail(engine: RaEngine, subject: string) {
  const mails = (await engine.state()).mails.filter((m) => m.subject === subject);
  return mails[mails.length - 1];
}

describe('built-in scenarios', () => {
  it('are valid by the same gate as packs, and use only known checks', () => {
    for (const s of BUILTIN_SCENARIOS) {
      expect(validateScenario(s), s.id).toEqual([]);
      for (const step of s.steps) expect(CHECKS.has(step.check.id)).toBe(true);
    }
    expect(new Set(BUILTIN_SCENARIOS.map((s) => s.id)).size).toBe(BUILTIN_SCENARIOS.length);
  });
});

describe('server lifecycle played against the engine', () => {
  it('moves on only when the engine did each step, through issue, renew, the reminder and the revocation on the CRL', async () => {
    const engine = await openTestEngine();
    const sc = scenario('server-lifecycle');
    let p = start(sc, await events(engine), now());
    const step = async () => {
      p = advance(sc, p, await events(engine), now());
      return currentStep(sc, p)?.id;
    };
    expect(await step()).toBe('issue-upload');

    const csr = await makeServerCsr({ dn: DN });
    expect((await upload(engine, 'server-issue', [serverIssueRow({ dn: DN, csr: csr.oneLine, fqdn: 'train.nii.ac.jp' })])).ok).toBe(true);
    expect(await step()).toBe('issue-download');
    const first = await engine.downloadServerCertificate(tokenFrom((await lastMail(engine, 'サーバ証明書発行受付通知')).body, '証明書取得URL'));
    expect(first.ok).toBe(true);
    expect(await step()).toBe('renew-upload');

    const old = [...(await engine.state()).certificates.values()].find((c) => c.dn === DN)!;
    const csr2 = await makeServerCsr({ dn: DN });
    expect((await upload(engine, 'server-renew', [serverRenewRow({ dn: DN, csr: csr2.oneLine, fqdn: 'train.nii.ac.jp', serial: old.serialDecimal })])).ok).toBe(true);
    expect(await step()).toBe('renew-download');
    await engine.downloadServerCertificate(tokenFrom((await lastMail(engine, 'サーバ証明書発行受付通知')).body, '証明書取得URL'));
    expect(await step()).toBe('wait-reminder');

    await engine.advanceClock(13);
    expect(await step()).toBe('wait-reminder');
    await engine.advanceClock(1);
    expect(await step()).toBe('revoke-old');

    const notice = await lastMail(engine, '[UPKI] Webサーバ用証明書更新通知');
    const attachment = notice.attachments[0];
    const revoked = await engine.upload({ bytes: (await engine.file(attachment.fileId))!, fileName: attachment.fileName, kind: 'server-revoke' });
    expect(revoked.ok).toBe(true);
    expect(await step()).toBeUndefined();
    expect(finished(sc, p)).toBe(true);
    expect(p.log.map((l) => l.status)).toEqual(sc.steps.map(() => 'done'));
    expect(p.mistakes).toEqual([]);
  });

  it('does not count what happened before the scenario started', async () => {
    const engine = await openTestEngine();
    const csr = await makeServerCsr({ dn: DN });
    await upload(engine, 'server-issue', [serverIssueRow({ dn: DN, csr: csr.oneLine, fqdn: 'train.nii.ac.jp' })]);
    const sc = scenario('server-lifecycle');
    const p = advance(sc, start(sc, await events(engine), now()), await events(engine), now());
    expect(currentStep(sc, p)?.id).toBe('issue-upload');
  });
});

describe('a mistake and its fix', () => {
  it('records the RA codes of a refused upload at the step that saw it and marks it fixed when the step is done', async () => {
    const engine = await openTestEngine();
    const sc = scenario('client-p12-class');
    let p = start(sc, await events(engine), now());
    // 40 rows, one with an empty admin mail: abort mode registers nothing.
    const rows = clientIssueRows(40, { method: '2', pin: '' });
    const bad = rows.map((r, i) => (i === 7 ? clientIssueRow({ method: '2', adminMail: '', dn: r[0] }) : r));
    const refused = await upload(engine, 'client-issue', bad, { mode: 'abort' });
    expect(refused.registered).toBe(false);
    p = advance(sc, p, await events(engine), now());
    expect(currentStep(sc, p)?.id).toBe('upload');
    expect(p.mistakes).toHaveLength(1);
    expect(p.mistakes[0].codes).toContain('201');
    expect(p.mistakes[0].fixedAt).toBeUndefined();
    // Advancing again does not record the same refusal twice.
    p = advance(sc, p, await events(engine), now());
    expect(p.mistakes).toHaveLength(1);

    expect((await upload(engine, 'client-issue', rows, { mode: 'abort' })).ok).toBe(true);
    p = advance(sc, p, await events(engine), now());
    expect(currentStep(sc, p)?.id).toBe('pins');
    expect(p.mistakes[0].fixedAt).toBeDefined();

    const pinMail = (await engine.state()).mails.find((m) => mailLinks(m.body).some((l) => l.label === 'アクセスPIN取得URL'))!;
    expect((await engine.downloadPins(tokenFrom(pinMail.body, 'アクセスPIN取得URL'))).ok).toBe(true);
    p = advance(sc, p, await events(engine), now());
    expect(currentStep(sc, p)?.id).toBe('all');

    const record = makeRecord(sc, p, '研修　一郎');
    expect(record.steps.map((s) => s.status)).toEqual(['done', 'done', 'open']);
    expect(record.finishedAt).toBeUndefined();
    const read = parseRecord(new TextEncoder().encode(JSON.stringify(record)));
    expect(read.ok && read.record).toEqual(JSON.parse(JSON.stringify(record)));
  });

  it('a step that expects the refusal does not count it as a mistake', async () => {
    const engine = await openTestEngine();
    const sc = scenario('mistake-and-fix');
    let p = start(sc, await events(engine), now());
    await upload(engine, 'client-issue', [clientIssueRow({ adminMail: '' })], { mode: 'abort' });
    p = advance(sc, p, await events(engine), now());
    expect(currentStep(sc, p)?.id).toBe('fixed');
    expect(p.mistakes).toEqual([]);
    await upload(engine, 'client-issue', [clientIssueRow()], { mode: 'abort' });
    p = advance(sc, p, await events(engine), now());
    expect(finished(sc, p)).toBe(true);
  });
});

describe('skip, back, restart and a stored progress', () => {
  it('skip logs the step as skipped; back repeats it from now on; restart starts afresh', async () => {
    const engine = await openTestEngine();
    const sc = scenario('server-lifecycle');
    const evs = await events(engine);
    let p = skip(sc, start(sc, evs, now()), evs, now());
    expect(currentStep(sc, p)?.id).toBe('issue-download');
    expect(p.log).toEqual([expect.objectContaining({ stepId: 'issue-upload', status: 'skipped' })]);
    p = back(p, evs);
    expect(currentStep(sc, p)?.id).toBe('issue-upload');
    expect(p.log).toEqual([]);
    expect(back(p, evs)).toBe(p);
    p = restart(sc, evs, now());
    expect(p.index).toBe(0);
  });

  it('a stored progress is used only when it belongs to the scenario and version', async () => {
    const sc = scenario('server-lifecycle');
    const p = start(sc, [], now());
    expect(reviveProgress(sc, JSON.parse(JSON.stringify(p)))).toEqual(p);
    expect(reviveProgress(sc, { ...p, version: 99 })).toBeUndefined();
    expect(reviveProgress(sc, { ...p, index: 999 })).toBeUndefined();
    expect(reviveProgress(sc, null)).toBeUndefined();
  });
});

describe('scenario validation (packs and the editor)', () => {
  const good = scenario('mistake-and-fix');
  it.each([
    ['unknown check', { ...good, steps: [{ ...good.steps[0], check: { id: 'no-such-check', params: {} } }] }, 'not a known check'],
    ['bad parameter value', { ...good, steps: [{ ...good.steps[0], check: { id: 'upload-registered', params: { kind: 'x' } } }] }, 'kind must be one of'],
    ['unknown parameter', { ...good, steps: [{ ...good.steps[0], check: { id: 'reminder-sent', params: { __proto__x: 1 } } }] }, 'unknown parameter'],
    ['unknown role', { ...good, steps: [{ ...good.steps[0], role: 'root' }] }, 'role'],
    ['duplicate step id', { ...good, steps: [good.steps[0], good.steps[0]] }, 'used twice'],
    ['no steps', { ...good, steps: [] }, 'steps'],
    ['huge text', { ...good, title: { ja: 'あ'.repeat(3000), en: 'x' } }, 'longer than'],
  ])('%s is refused', (_name, value, message) => {
    expect(validateScenario(value).join('\n')).toContain(message);
  });

  it('a JSON __proto__ key is an unknown parameter, not a prototype', () => {
    const crafted = JSON.parse(JSON.stringify(good).replace('"params":{"kind":"client-issue"}', '"params":{"__proto__":{"kind":"x"}}'));
    expect(validateScenario(crafted).join('\n')).toContain('unknown parameter');
  });
});

describe('packs', () => {
  it('a pack saved from one engine opens in another with the same state', async () => {
    const engine = await openTestEngine();
    await upload(engine, 'client-issue', clientIssueRows(3, { method: '2' }));
    const made = await engine.backup('研修用パスフレーズ 2026');
    if (!made.ok) throw new Error('backup refused');
    const backup = made.bytes;
    const bytes = makePack(scenario('client-p12-class'), backup, '4月研修', now());
    const parsed = parsePack(bytes);
    if (!parsed.ok) throw new Error(parsed.error.en);
    expect(parsed.pack.scenario.id).toBe('client-p12-class');
    const other = await openTestEngine();
    const restored = await other.restore(parsed.backup, '研修用パスフレーズ 2026');
    expect(restored.ok).toBe(true);
    expect((await other.state()).certificates.size).toBe((await engine.state()).certificates.size);
  });

  it.each([
    ['not JSON', new TextEncoder().encode('PK\u0003\u0004 zip?')],
    ['another format', new TextEncoder().encode(JSON.stringify({ format: 'x' }))],
    ['a future version', new TextEncoder().encode(JSON.stringify({ format: 'upki-workbench-training-pack', version: 3 }))],
    ['a broken scenario', new TextEncoder().encode(JSON.stringify({ format: 'upki-workbench-training-pack', version: 1, title: 't', createdAt: '2026-01-01T00:00:00Z', scenario: { id: 'x' }, raBackup: 'AAAA' }))],
    ['bad base64', new TextEncoder().encode(JSON.stringify({ format: 'upki-workbench-training-pack', version: 1, title: 't', createdAt: '2026-01-01T00:00:00Z', scenario: scenario('mistake-and-fix'), raBackup: '@@@@' }))],
    ['not UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
  ])('%s is refused with a message', (_name, bytes) => {
    const r = parsePack(bytes);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.ja).toMatch(/^研修パックを開けません/);
  });

  it('a pack whose backup is damaged is refused by the engine and changes nothing', async () => {
    const engine = await openTestEngine();
    await upload(engine, 'client-issue', clientIssueRows(2, { method: '2' }));
    const made = await engine.backup('研修用パスフレーズ 2026');
    if (!made.ok) throw new Error('backup refused');
    const backup = made.bytes;
    backup[backup.length - 5] ^= 0xff;
    const parsed = parsePack(makePack(scenario('client-p12-class'), backup, 't', now()));
    if (!parsed.ok) throw new Error('the pack itself is well formed');
    const target = await openTestEngine();
    const before = (await target.events()).length;
    const r = await target.restore(parsed.backup, '研修用パスフレーズ 2026');
    expect(r.ok).toBe(false);
    expect((await target.events()).length).toBe(before);
  });
});

describe('records and the class summary', () => {
  it('summarises steps, mistakes and their codes per scenario', () => {
    const sc = scenario('mistake-and-fix');
    const base = start(sc, [], new Date('2026-04-10T01:00:00Z'));
    const done = { ...base, index: 2, log: sc.steps.map((s, i) => ({ stepId: s.id, status: 'done' as const, at: `2026-04-10T01:1${i}:00.000Z`, seq: i + 1 })) };
    const withMistake = {
      ...base,
      index: 1,
      log: [done.log[0]],
      mistakes: [{ stepId: 'fixed', codes: ['201', 'U105'], seq: 3, at: '2026-04-10T01:20:00.000Z' }],
    };
    const summary = classSummary([makeRecord(sc, done, 'A'), makeRecord(sc, withMistake, 'B')]);
    expect(summary).toHaveLength(1);
    expect(summary[0].trainees).toEqual([
      { name: 'A', finished: true, done: 2, mistakes: 0, minutes: 11 },
      { name: 'B', finished: false, done: 1, mistakes: 1, minutes: undefined },
    ]);
    expect(summary[0].steps[1]).toMatchObject({ id: 'fixed', done: 1, open: 1, mistakes: 1, fixed: 0, codes: [{ code: '201', count: 1 }, { code: 'U105', count: 1 }] });
  });

  it.each([
    ['garbage', new TextEncoder().encode('{"format":')],
    ['a pack instead', new TextEncoder().encode(JSON.stringify({ format: 'upki-workbench-training-pack' }))],
    ['a step with a bad status', new TextEncoder().encode(JSON.stringify({ format: 'upki-workbench-training-record', version: 1, trainee: 'x', scenario: { id: 'a', version: 1, title: { ja: 'a', en: 'a' } }, startedAt: '2026-01-01T00:00:00Z', steps: [{ id: 'a', title: { ja: 'a', en: 'a' }, status: 'won' }], mistakes: [] }))],
  ])('a record file that is %s is refused', (_name, bytes) => {
    expect(parseRecord(bytes).ok).toBe(false);
  });
});
