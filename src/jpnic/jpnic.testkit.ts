// Test helpers: a JPNIC engine on a memory store, the manager's certificate, and a fixed real clock.
import { MemoryStore, memoryBrowserStore, base64DecodeOrThrow } from './testkit-deps';
import { JpnicEngine } from './engine';
import type { JpnicEvent } from './types';

export const T0 = new Date('2026-12-01T00:00:00.000Z');

export async function openTestEngine() {
  const store = new MemoryStore<JpnicEvent>();
  const engine = await JpnicEngine.open(store, { clock: () => T0 });
  const managerDer = base64DecodeOrThrow((await engine.managerCertificate()).certDerB64);
  return { store, engine, managerDer, browser: memoryBrowserStore() };
}
