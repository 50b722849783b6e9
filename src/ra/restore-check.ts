// Replays a restored event log in full before it may replace the state: the fold must succeed, the log
// must start with one `initialized`, every CA must have its private key (importable, as the engine will
// import it to sign), and every file an event points at must be present. A log that passes can be opened
// and used by the engine; one that does not is refused with nothing changed.
import { base64Decode } from '../pki/pem';
import { importCaKey } from './ca/keyring';
import type { RaEvent } from './events';
import { projectState, type ReadonlyRaState } from './state';

function referencedFiles(state: ReadonlyRaState): string[] {
  const ids: string[] = [];
  for (const token of state.tokens.values()) ids.push(...token.fileIds);
  for (const mail of state.mails) for (const a of mail.attachments) ids.push(a.fileId);
  for (const crl of state.crls.values()) ids.push(crl.fileId);
  for (const op of state.operatorCertificates.values()) ids.push(op.fileId);
  return ids;
}

/** Why this log cannot be restored, or undefined. `events` already passed the schema (event-schema.ts). */
export async function replayProblem(
  events: readonly RaEvent[],
  files: Readonly<Record<string, Uint8Array>>,
  pkcs8: Readonly<Record<string, Uint8Array>>,
): Promise<string | undefined> {
  if (events[0]?.type !== 'initialized') return 'the log does not start with the initialisation';
  if (events.some((e, i) => i > 0 && e.type === 'initialized')) return 'the log is initialised twice';
  let state: ReadonlyRaState;
  try {
    state = projectState(events);
  } catch (e) {
    return `replay failed: ${String(e)}`;
  }
  if (state.cas.size === 0) return 'no CA';
  for (const ca of state.cas.values()) {
    if (!base64Decode(ca.certDerB64)) return `CA ${ca.id}: certificate is not base64`;
    const key = Object.hasOwn(pkcs8, ca.keyRef) ? pkcs8[ca.keyRef] : undefined;
    if (!key) return `CA ${ca.id}: no private key`;
    try {
      await importCaKey(ca.id, key);
    } catch {
      return `CA ${ca.id}: the private key does not import`;
    }
  }
  for (const id of referencedFiles(state)) if (!Object.hasOwn(files, id)) return `file ${id} is missing`;
  return undefined;
}
