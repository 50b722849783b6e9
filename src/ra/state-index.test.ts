// The projection's indexes and the transaction overlay, against the definitions they replace: OverlayMap behaves
// as a copied Map given the same writes (and leaves its base alone); the indexed 212 / key-reuse / waiting-application
// answers equal a scan of every certificate, over generated logs (collisions, renewals, revocations, downloads).
import { describe, expect, it } from 'vitest';
import { OverlayMap } from './overlay-map';
import { applyEvent, overlayState, projectState, replayState, isCertificateValid, type RaState, type ReadonlyRaState } from './state';
import { certificateHoldsDnKey, keyUsedByDnKey, waitingDnKeys } from './check';
import { dnKeyOf } from './dn-key';
import type { RaEvent } from './events';
import type { Application, CertificateRecord, DownloadToken } from './types';
import { prng } from '../fuzz/mutate'; // seeded: the same cases on every run, different ones per seed

describe('OverlayMap', () => {
  it('reads, writes, sizes and iterates like a copied Map, and never changes its base', () => {
    for (let seed = 1; seed <= 30; seed++) {
      const rnd = prng(seed);
      const base = new Map<number, string>();
      for (let i = 0; i < 20; i++) base.set(Math.floor(rnd() * 30), `b${i}`);
      const baseBefore = [...base];
      const model = new Map(base);
      const overlay = new OverlayMap(base);
      for (let step = 0; step < 200; step++) {
        const key = Math.floor(rnd() * 40);
        const op = rnd();
        if (op < 0.5) {
          model.set(key, `v${step}`);
          overlay.set(key, `v${step}`);
        } else if (op < 0.75) {
          expect(overlay.delete(key)).toBe(model.delete(key));
        } else {
          expect(overlay.get(key)).toBe(model.get(key));
          expect(overlay.has(key)).toBe(model.has(key));
        }
        expect(overlay.size).toBe(model.size);
      }
      expect([...overlay]).toEqual([...model]);
      expect([...overlay.keys()]).toEqual([...model.keys()]);
      expect([...overlay.values()]).toEqual([...model.values()]);
      const seen: [number, string][] = [];
      overlay.forEach((v, k) => seen.push([k, v]));
      expect(seen).toEqual([...model]);
      expect([...base]).toEqual(baseBefore);
    }
  });
});

const NOW = new Date('2027-01-01T00:00:00Z');
const CNS = ['alpha.example.ac.jp', 'Alpha.example.ac.jp', 'beta.example.ac.jp', 'USER 1', 'USER 2'];
const OUS = ['', ',OU=1', ',OU=2'];
const SPKIS = ['k1', 'k2', 'k3', 'k4'];

/** A log of applications, issuances (some renewing), tokens, downloads and revocations over a few colliding DNs. */
function generatedLog(seed: number, length: number): RaEvent[] {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const events: RaEvent[] = [];
  const apps: Application[] = [];
  const certs: CertificateRecord[] = [];
  const tokens: DownloadToken[] = [];
  const at = '2026-12-01T00:00:00.000Z';
  const push = (body: Record<string, unknown>) => events.push({ seq: events.length + 1, at, ...body } as unknown as RaEvent);
  for (let i = 0; i < length; i++) {
    const r = rnd();
    if (r < 0.3 || apps.length === 0) {
      const family = rnd() < 0.5 ? 'server' : 'client';
      const renews = certs.length && rnd() < 0.2 ? pick(certs) : undefined;
      const dn = renews ? renews.dn : `CN=${pick(CNS)}${family === 'client' ? pick(OUS) : ''},O=Example,C=JP`;
      const app = { id: `A${i}`, family: renews?.family ?? family, dn, renewsSerialHex: renews?.serialHex } as unknown as Application;
      apps.push(app);
      push({ type: 'application-accepted', application: app });
    } else if (r < 0.55) {
      const app = pick(apps);
      const notAfter = rnd() < 0.2 ? '2026-12-31T00:00:00.000Z' : '2028-01-01T00:00:00.000Z';
      const cert = { serialHex: `s${i}`, caId: pick(['server-rsa', 'client-auth']), applicationId: app.id, family: app.family, dn: app.dn, spkiSha256: pick(SPKIS), notBefore: '2026-01-01T00:00:00.000Z', notAfter } as unknown as CertificateRecord;
      certs.push(cert);
      push({ type: 'issued', certificate: cert });
    } else if (r < 0.7) {
      const expiresAt = rnd() < 0.2 ? '2026-12-15T00:00:00.000Z' : '2027-02-01T00:00:00.000Z';
      const token = { token: `T${i}`, purpose: rnd() < 0.7 ? 'client-cert' : 'pin', applicationIds: [pick(apps).id], fileIds: [], expiresAt } as unknown as DownloadToken;
      tokens.push(token);
      push({ type: 'token-created', token });
    } else if (r < 0.85 && tokens.length) {
      push({ type: 'downloaded', token: pick(tokens).token, serialsHex: [] });
    } else if (r < 0.95 && certs.length) {
      push({ type: 'revoked', serialHex: pick(certs).serialHex, reason: 0, comment: '', uploadId: 'U' });
    } else if (certs.length) {
      push({ type: 'reminder-sent', serialHex: pick(certs).serialHex });
    }
  }
  return events;
}

/** The definitions by scan (what check.ts did before the indexes). */
function occupiedByScan(state: ReadonlyRaState, now: Date): Set<string> {
  const keys = new Set<string>();
  for (const cert of state.certificates.values()) if (isCertificateValid(cert, now)) keys.add(dnKeyOf(cert.family, cert.dn));
  for (const t of state.tokens.values()) {
    if (t.purpose !== 'client-cert' || t.usedAt || new Date(t.expiresAt) <= now) continue;
    for (const id of t.applicationIds) {
      const app = state.applications.get(id);
      if (app && !app.renewsSerialHex && !state.certificateByApplication.has(id)) keys.add(dnKeyOf(app.family, app.dn));
    }
  }
  return keys;
}

function keyUsedByScan(state: ReadonlyRaState, spki: string, old: CertificateRecord): boolean {
  const key = dnKeyOf(old.family, old.dn);
  return [...state.certificates.values()].some((c) => c.spkiSha256 === spki && (c.serialHex === old.serialHex || dnKeyOf(c.family, c.dn) === key));
}

function expectIndexedEqualsScan(state: ReadonlyRaState): void {
  const scanned = occupiedByScan(state, NOW);
  const waiting = waitingDnKeys(state, NOW);
  const allKeys = new Set<string>();
  for (const fam of ['server', 'client'] as const) for (const cn of CNS) for (const ou of OUS) allKeys.add(dnKeyOf(fam, `CN=${cn}${ou},O=Example,C=JP`));
  for (const key of allKeys) expect(waiting.has(key) || certificateHoldsDnKey(state, NOW, key), key).toBe(scanned.has(key));
  // What a CRL lists (per CA) and what the tick's reminders look at, by scan and by index.
  const revokedByScan = [...state.certificates.values()].filter((c) => c.revokedAt).map((c) => `${c.serialHex}@${c.caId}`);
  expect([...state.index.revokedSerials].map(([s, ca]) => `${s}@${ca}`).sort()).toEqual(revokedByScan.sort());
  const awaitingByScan = [...state.certificates.values()].filter((c) => c.renewedBySerialHex && !c.reminderSentAt).map((c) => c.serialHex);
  const awaiting = (serial: string) => !!state.certificates.get(serial)?.renewedBySerialHex && !state.certificates.get(serial)?.reminderSentAt;
  expect([...state.index.renewedAwaitingReminder.keys()].filter(awaiting).sort()).toEqual(awaitingByScan.sort()); // tick.ts filters the same way
  for (const old of state.certificates.values()) {
    for (const spki of SPKIS) expect(keyUsedByDnKey(state, spki, old.serialHex, dnKeyOf(old.family, old.dn))).toBe(keyUsedByScan(state, spki, old));
  }
}

describe('projection indexes', () => {
  it('answer as a scan of every certificate does, over generated logs', () => {
    for (let seed = 1; seed <= 25; seed++) expectIndexedEqualsScan(replayState(generatedLog(seed, 150)));
  });

  it('are the same whether built by a full replay, incrementally, or in a transaction overlay then committed', () => {
    for (let seed = 100; seed < 110; seed++) {
      const log = generatedLog(seed, 120);
      const full = replayState(log);
      // Incremental: the first half projected, then the whole log (same objects) extends it.
      projectState(log.slice(0, 60));
      expect(projectState(log)).toEqual(full);
      // Overlay: the second half applied on an overlay of the first half's state; the base stays as it was.
      const base = replayState(log.slice(0, 60));
      const baseCopy = replayState(log.slice(0, 60));
      const tx: RaState = overlayState(base);
      for (const e of log.slice(60)) applyEvent(tx, e);
      expectIndexedEqualsScan(tx);
      expect(base).toEqual(baseCopy);
      expect(plain(tx)).toEqual(plain(full));
    }
  });
});

/** Overlay maps as plain Maps (entries in order), so toEqual compares contents and order, not classes. */
function plain(s: ReadonlyRaState): unknown {
  const conv = (v: unknown): unknown => (v instanceof Map ? new Map([...v].map(([k, x]) => [k, x])) : v);
  return Object.fromEntries(Object.entries({ ...s, index: Object.fromEntries(Object.entries(s.index).map(([k, v]) => [k, conv(v)])) }).map(([k, v]) => [k, conv(v)]));
}
