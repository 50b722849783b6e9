// A crafted JPNIC backup (a malformed event, a missing CA key, a log that does not start with the initialisation …)
// is refused by restore with nothing changed, as the RA's is: the JPNIC log has its own schema and replay check.
import { beforeAll, describe, expect, it } from 'vitest';
import { sealPayload, unsealPayload } from '../ra/backup';
import { base64Encode } from '../pki/pem';
import { checkJpnicEvents } from './event-schema';
import { openTestEngine } from './jpnic.testkit';
import type { JpnicEngine } from './engine';
import type { MemoryStore } from './testkit-deps';
import type { JpnicEvent } from './types';

const PASS = 'correct horse battery staple';
type Payload = { events: Record<string, unknown>[]; files: Record<string, string>; keys: Record<string, string> };

let engine: JpnicEngine;
let store: MemoryStore<JpnicEvent>;
let payload: Payload;

beforeAll(async () => {
  const opened = await openTestEngine();
  engine = opened.engine;
  store = opened.store;
  const reg = await engine.registerAccount(opened.managerDer, 'Yamada Taro (NOC)');
  if (!reg.ok) throw new Error(reg.message.en);
  const req = await engine.requestIssue(opened.managerDer, reg.account.accountId, { name: 'Taro Yamada', email: 'taro@example.ac.jp' });
  if (!req.ok) throw new Error(req.message.en);
  const unsealed = await unsealPayload(await engine.backup(PASS), PASS);
  if (!unsealed.ok) throw new Error('cannot open the test backup');
  payload = unsealed.payload as Payload;
});

const edit = (change: (p: Payload) => void): Payload => {
  const copy = structuredClone(payload);
  change(copy);
  return copy;
};
const firstOf = (p: Payload, type: string) => p.events.find((e) => e.type === type)!;

describe('the JPNIC log schema', () => {
  it('accepts the log the engine writes', () => {
    expect(checkJpnicEvents(payload.events)).toBeUndefined();
    expect(payload.events.map((e) => e.type)).toEqual(expect.arrayContaining(['jpnic-initialized', 'jpnic-license-created', 'jpnic-mailed']));
  });
});

describe('a crafted JPNIC backup is refused with nothing changed', () => {
  const CRAFTED: [string, (p: Payload) => void, string][] = [
    ['a license without blocks', (p) => delete (firstOf(p, 'jpnic-license-created').license as Record<string, unknown>).blocks, 'blocks: not an array'],
    ['a mail without attachments', (p) => delete (firstOf(p, 'jpnic-mailed').mail as Record<string, unknown>).attachments, 'attachments: not an array'],
    ['the CAs as null', (p) => (firstOf(p, 'jpnic-initialized').cas = null), 'cas: not an array'],
    ['an unknown event type', (p) => (p.events[1].type = '__proto__'), 'unknown event type'],
    ['a serial that is not hex', (p) => ((firstOf(p, 'jpnic-certificate-issued').certificate as Record<string, unknown>).serialHex = '<img>'), 'serialHex: not lower-case hex'],
    ['a time the engine cannot read', (p) => (p.events[1].at = 'yesterday'), 'at: not an ISO time'],
    ['a missing CA key', (p) => (p.keys = {}), 'no private key'],
    ['a CA key that does not import', (p) => (p.keys = Object.fromEntries(Object.keys(p.keys).map((k) => [k, base64Encode(new Uint8Array([48, 0]))]))), 'does not import'],
    ['a log that does not start with the initialisation', (p) => (p.events = p.events.slice(1).map((e, i) => ({ ...e, seq: i + 1 }))), 'initialisation'],
    ['initialised twice', (p) => p.events.push({ ...p.events[0], seq: p.events.length + 1 }), 'initialised twice'],
  ];

  for (const [name, change, detail] of CRAFTED) {
    it(name, async () => {
      const before = await store.read((v) => v.snapshot());
      const result = await engine.restore(await sealPayload(edit(change), PASS, new Date()), PASS);
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.message.ja).toContain('何も変更していません');
        expect(result.message.en).toContain(detail);
      }
      expect(await store.read((v) => v.snapshot())).toBe(before);
      expect((await engine.state()).accounts.size).toBe(1);
    });
  }

  it('the untouched payload still restores (the crafted ones failed for their change, not for the method)', async () => {
    const result = await engine.restore(await sealPayload(payload, PASS, new Date()), PASS);
    expect(result.ok).toBe(true);
    expect((await engine.state()).licenses.size).toBe(1);
  });
});
