// The JPNIC part of a pack checked the way the JPNIC engine's restore checks it, without touching any store (kept
// apart from pack.ts so the pack worker does not carry the backup and schema code).
import type { Text } from '../spec/types';
import { openBackup } from '../ra/backup';
import { JPNIC_LOG_CHECK } from '../jpnic/event-schema';
import type { JpnicEvent } from '../jpnic/types';

/**
 * Every check the JPNIC engine's restore makes (passphrase, integrity, each event, the replay), without touching any
 * store: the page runs it before the RA is restored, so a pack whose JPNIC part would be refused changes nothing.
 * The keys are wrapped with a throwaway key and dropped.
 */
export async function checkJpnicBackup(bytes: Uint8Array, passphrase: string): Promise<{ ok: true } | { ok: false; error: Text }> {
  const throwaway = await globalThis.crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const opened = await openBackup<JpnicEvent>(bytes, passphrase, throwaway, JPNIC_LOG_CHECK);
  return opened.ok ? { ok: true } : { ok: false, error: { ja: `研修パックを開けません（JPNIC）: ${opened.message.ja}`, en: `Cannot open the training pack (JPNIC): ${opened.message.en}` } };
}
