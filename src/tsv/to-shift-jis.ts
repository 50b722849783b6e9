// 「Shift-JISに変換して保存」: a UTF-8 or UTF-16 application file re-encoded as Shift-JIS (JIS X 0208 + JIS X 0201,
// docs/text-policy.md) with nothing else changed — same cells, same line ends; only a BOM is dropped. When a
// character does not fit, nothing is written and every such character is listed with its line, column and position.
import type { MisfitChar } from './misfit';

// The report's words live apart (no text tables there), for the page that only shows them.
export { convertedName, misfitText, type MisfitChar } from './misfit';
import { codePointLabel, detectEncoding, encodeShiftJis, type BadChar, type DetectedEncoding } from '../text';

/** The encodings a file can be converted from (the ones U103 names and we can read exactly). */
const CONVERTIBLE: ReadonlyMap<DetectedEncoding, string> = new Map([
  ['UTF-8', 'utf-8'],
  ['UTF-8 (BOM)', 'utf-8'],
  ['UTF-16LE', 'utf-16le'],
  ['UTF-16BE', 'utf-16be'],
]);

export function isConvertible(encoding: string | undefined): boolean {
  return encoding !== undefined && CONVERTIBLE.has(encoding as DetectedEncoding);
}

/** The text of a UTF-8/UTF-16 file (BOM dropped), or undefined when it is not one or not valid. */
export function unicodeText(bytes: Uint8Array): string | undefined {
  const label = CONVERTIBLE.get(detectEncoding(bytes));
  if (label === undefined) return undefined;
  try {
    // The decoder drops a leading BOM itself (ignoreBOM: false).
    return new TextDecoder(label, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

export type ConversionResult =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'not-unicode' }
  | { ok: false; reason: 'misfits'; misfits: MisfitChar[]; total: number };

/** At most this many misfits are listed (the total is counted). */
export const MAX_MISFITS = 50;

export function convertToShiftJis(bytes: Uint8Array): ConversionResult {
  const text = unicodeText(bytes);
  if (text === undefined) return { ok: false, reason: 'not-unicode' };
  const encoded = encodeShiftJis(text);
  if (encoded.ok) return { ok: true, bytes: encoded.bytes };
  return { ok: false, reason: 'misfits', misfits: locate(text, encoded.bad.slice(0, MAX_MISFITS)), total: encoded.bad.length };
}

/** Line, column and position of each bad character (`bad` is in text order, indices in UTF-16 units). */
function locate(text: string, bad: readonly BadChar[]): MisfitChar[] {
  const out: MisfitChar[] = [];
  let line = 1;
  let column = 1;
  let cellStart = 0; // UTF-16 index where the current cell starts
  let at = 0;
  for (const b of bad) {
    for (; at < b.utf16Index; at++) {
      const c = text.charCodeAt(at);
      if (c === 0x0a) [line, column, cellStart] = [line + 1, 1, at + 1];
      else if (c === 0x09) [column, cellStart] = [column + 1, at + 1];
    }
    const position = Array.from(text.slice(cellStart, b.utf16Index)).length + 1;
    const m: MisfitChar = { line, column, position, char: b.char, codePoint: codePointLabel(b.codePoint) };
    if (b.suggestion !== undefined) m.suggestion = b.suggestion;
    out.push(m);
  }
  return out;
}

