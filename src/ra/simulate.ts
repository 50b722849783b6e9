// The CLI's stand-in for the people who open the mailed URLs: after an upload, every URL it created
// is opened in the order the manual prescribes (PINs first, then certificates). Method 3 users
// "generate" an RSA 2048 key in their "browser" and enter the PIN read from clientPin.txt.
import JSZip from 'jszip';
import { decodeShiftJis } from '../text';
import type { RaEngine } from './engine';
import type { DownloadResult } from './downloads';
import type { DownloadToken } from './types';

export interface SimulatedDownload {
  purpose: DownloadToken['purpose'];
  result: DownloadResult;
}

/** PIN by application id, read back from a PIN zip (clientPin.txt / clientAllPin.txt: PIN in column 3, 申請ID last). */
async function pinsFromZip(bytes: Uint8Array): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(bytes);
  const pins = new Map<string, string>();
  for (const file of Object.values(zip.files)) {
    const decoded = decodeShiftJis(await file.async('uint8array'));
    if (!decoded.ok) continue;
    const [, ...rows] = decoded.text.split('\r\n').filter((l) => l !== '');
    for (const cells of rows.map((r) => r.split('\t'))) pins.set(cells[cells.length - 1], cells[2]);
  }
  return pins;
}

export async function simulateDownloads(engine: RaEngine, uploadId: string): Promise<SimulatedDownload[]> {
  const tokens = [...(await engine.state()).tokens.values()].filter((t) => t.uploadId === uploadId && !t.usedAt);
  const done: SimulatedDownload[] = [];
  const pins = new Map<string, string>();
  for (const t of tokens.filter((t) => t.purpose === 'pin')) {
    const result = await engine.downloadPins(t.token);
    if (result.ok) for (const [app, pin] of await pinsFromZip(result.bytes)) pins.set(app, pin);
    done.push({ purpose: t.purpose, result });
  }
  for (const t of tokens.filter((t) => t.purpose !== 'pin')) {
    let result: DownloadResult;
    if (t.purpose === 'server-cert') result = await engine.downloadServerCertificate(t.token);
    else if (t.purpose === 'client-all') result = await engine.downloadClientAll(t.token);
    else if (t.fileIds.length > 0) result = await engine.downloadClientCertificate(t.token);
    else result = await engine.issueBrowserCertificate(t.token, pins.get(t.applicationIds[0]) ?? '', await browserKey());
    done.push({ purpose: t.purpose, result });
  }
  return done;
}

async function browserKey(): Promise<Uint8Array> {
  const keys = await globalThis.crypto.subtle.generateKey(
    { name: 'RSASSA-PKCS1-v1_5', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: 'SHA-256' },
    false,
    ['sign', 'verify'],
  );
  return new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', keys.publicKey));
}
