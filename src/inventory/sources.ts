// Any dropped file → ReadResult(s): zips opened (with limits against zip bombs), lists decoded and read,
// certificates and P12s recognised by name or by their bytes. Never throws: each file gets a result.
import JSZip from 'jszip';
import { decodeListTextAsync, whatIs } from './decode';
import { readCertificateBytes } from './certs';
import { readListTextAsync } from './lists';
import { readPkcs12 } from './p12';
import type { ReadResult } from './types';

export interface DroppedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReadOptions {
  /** Asked once per P12 file; null = skip the file. */
  askPin?: (fileName: string) => Promise<string | null>;
}

/** Limits for zips: a real RA zip holds one .txt or up to 1000 P12s and client.txt. */
export const ZIP_LIMITS = { entries: 5000, totalBytes: 256 * 1024 * 1024, depth: 2 };
/** A single list beyond this is refused before decoding (10 000 rows with certificates are ~20 MB). */
export const MAX_FILE_BYTES = 128 * 1024 * 1024;

const ext = (name: string) => name.slice(name.lastIndexOf('.') + 1).toLowerCase();

export async function readDropped(file: DroppedFile, options: ReadOptions = {}, depth = 0): Promise<ReadResult[]> {
  try {
    return await readOne(file, options, depth);
  } catch (error) {
    return [{ file: file.name, format: 'unknown', records: [], notes: [], error: { ja: `読み込めません: ${String(error)}`, en: `Cannot read: ${String(error)}` } }];
  }
}

async function readOne(file: DroppedFile, options: ReadOptions, depth: number): Promise<ReadResult[]> {
  const { name, bytes } = file;
  const e = ext(name);
  if (bytes.length === 0) return [fail(name, { ja: 'ファイルが空です。', en: 'The file is empty.' })];
  if (bytes.length > MAX_FILE_BYTES) return [fail(name, { ja: 'ファイルが大きすぎます（128 MB まで）。', en: 'The file is too large (128 MB at most).' })];
  if (bytes[0] === 0x50 && bytes[1] === 0x4b) return readZip(file, options, depth);
  if (e === 'p12' || e === 'pfx') return [await readP12(file, options)];
  if (['pem', 'crt', 'cer', 'der'].includes(e) || bytes[0] === 0x30 || startsWithArmour(bytes)) {
    const read = await readCertificateBytes(name, bytes);
    // A DER that is not a certificate may be a P12 under another name.
    if (read.error && bytes[0] === 0x30 && options.askPin && !['pem', 'crt', 'cer', 'der'].includes(e)) return [await readP12(file, options)];
    return [read];
  }
  const decoded = await decodeListTextAsync(bytes);
  if (!decoded.ok) return [fail(name, decoded.message)];
  return [await readListTextAsync(name, decoded.text, decoded.encoding, decoded.long)];
}

function startsWithArmour(bytes: Uint8Array): boolean {
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 200));
  return /^\s*-{4,}BEGIN /.test(head);
}

async function readP12(file: DroppedFile, options: ReadOptions): Promise<ReadResult> {
  const pin = options.askPin ? await options.askPin(file.name) : null;
  if (pin === null) return { file: file.name, format: 'p12', records: [], notes: [{ ja: 'PINが入力されなかったため読み飛ばしました。', en: 'Skipped: no PIN given.' }] };
  return readPkcs12(file.name, file.bytes, pin);
}

async function readZip(file: DroppedFile, options: ReadOptions, depth: number): Promise<ReadResult[]> {
  if (depth >= ZIP_LIMITS.depth) return [fail(file.name, { ja: 'zipの入れ子が深すぎます。', en: 'Zips nested too deep.' })];
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(file.bytes);
  } catch {
    return [fail(file.name, { ja: '壊れたzipか、暗号化されたzipです。', en: 'A broken or encrypted zip.' })];
  }
  const entries = Object.values(zip.files).filter((f) => !f.dir);
  if (entries.length > ZIP_LIMITS.entries) return [fail(file.name, { ja: `zipのファイル数が多すぎます（${ZIP_LIMITS.entries}まで）。`, en: `Too many files in the zip (${ZIP_LIMITS.entries} at most).` })];
  // JSZip knows each entry's declared size before inflating it; refuse a bomb before it explodes.
  const declared = entries.reduce((sum, f) => sum + ((f as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (declared > ZIP_LIMITS.totalBytes) return [fail(file.name, { ja: 'zipの展開後の大きさが大きすぎます。', en: 'The zip expands to too much data.' })];
  const results: ReadResult[] = [];
  // clientAll.zip: client.txt already lists every P12's certificate; asking a PIN per P12 would be pointless.
  const hasClientTxt = entries.some((f) => /(?:^|\/)client\.txt$/i.test(f.name));
  const skipped = hasClientTxt ? entries.filter((f) => /\.(?:p12|pfx)$/i.test(f.name)).length : 0;
  if (skipped) results.push({ file: file.name, format: 'zip', records: [], notes: [{ ja: `client.txt があるため P12 ${skipped} 件は開きません。`, en: `${skipped} P12 file(s) not opened: client.txt lists them.` }] });
  for (const entry of entries) {
    if (hasClientTxt && /\.(?:p12|pfx)$/i.test(entry.name)) continue;
    const bytes = await entry.async('uint8array');
    const inner = `${file.name}/${entry.name}`;
    results.push(...(await readDropped({ name: inner, bytes }, options, depth + 1)));
  }
  return results;
}

function fail(file: string, error: { ja: string; en: string }): ReadResult {
  return { file, format: 'unknown', records: [], notes: [], error };
}

export { whatIs };
