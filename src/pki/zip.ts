// Zip archives for the RA's downloads (clientPin.zip, clientAll.zip, bulk exports). Deterministic:
// every entry gets the given date, so the same files and clock give the same bytes.
import JSZip from 'jszip';
import { encodeShiftJis } from '../text/shift-jis';

export interface ZipEntry {
  /** Path inside the archive. */
  name: string;
  /** Bytes, or text (stored as UTF-8; encode Shift-JIS files to bytes first). */
  data: Uint8Array | string;
  /** Stored as is instead of deflated: for content that does not compress (encrypted P12 files, other zips). */
  store?: boolean;
}

export interface ZipOptions {
  /**
   * How entry names are written. 'utf-8' (default) sets the zip UTF-8 flag (bit 11) and the Info-ZIP
   * Unicode Path field, which current Windows, macOS and Linux tools read. 'shift_jis' writes the names
   * as Shift-JIS without the flag, as older Japanese Windows tools expect; a name outside
   * JIS X 0208/0201 then throws (callers pass names that passed the TSV character checks).
   */
  fileNames?: 'utf-8' | 'shift_jis';
}

function shiftJisName(name: string): Uint8Array {
  const r = encodeShiftJis(name);
  if (!r.ok) throw new Error(`zip entry name is not Shift-JIS encodable: ${name}`);
  return r.bytes;
}

/**
 * Zip the files (DEFLATE, or STORE for entries marked `store`). `date` is the modification time written for every entry
 * (the simulated clock's "now"); zip stores it as a DOS time, here in UTC, with 2-second precision.
 */
export async function zipFiles(files: readonly ZipEntry[], date: Date, options: ZipOptions = {}): Promise<Uint8Array> {
  const zip = new JSZip();
  for (const f of files) zip.file(f.name, f.data, { date, binary: typeof f.data !== 'string', createFolders: false, ...(f.store ? { compression: 'STORE' } : {}) });
  const generate: JSZip.JSZipGeneratorOptions<'uint8array'> = { type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' };
  // JSZip types encodeFileName as returning a string, but it accepts (and we need) raw bytes.
  if (options.fileNames === 'shift_jis') generate.encodeFileName = shiftJisName as unknown as (name: string) => string;
  return zip.generateAsync(generate);
}
