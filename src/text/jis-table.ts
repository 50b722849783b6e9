// The Shift-JIS tables, built once on first use.
//
// Where the Unicode mapping comes from: the platform's `TextDecoder('shift_jis')` (WHATWG index-jis0208,
// i.e. Windows-31J/CP932 as browsers decode it; present in Node 20 with full ICU, Chromium and workers).
// Where the membership comes from: NOT the decoder. JIS X 0208:1997's own cell layout is written out below
// (JIS_X0208_CELLS), and only those cells are allowed; the decoder merely says which Unicode character sits
// in each cell. So a decoder that filled a gap with a vendor character could not widen the allowed set.
// The tests check this layout against glibc's independent SHIFT_JIS converter, cell by cell.

import { ENCODE_ALIASES } from './lookalikes';

/** [row, firstCell, lastCell] — every graphic character cell of JIS X 0208:1997 (6879 in all). */
export const JIS_X0208_CELLS: readonly (readonly [number, number, number])[] = [
  [1, 1, 94], // punctuation and symbols
  [2, 1, 14], [2, 26, 33], [2, 42, 48], [2, 60, 74], [2, 82, 89], [2, 94, 94], // symbols, with the standard's gaps
  [3, 16, 25], [3, 33, 58], [3, 65, 90], // digits, Latin capitals, Latin small
  [4, 1, 83], // hiragana
  [5, 1, 86], // katakana
  [6, 1, 24], [6, 33, 56], // Greek
  [7, 1, 33], [7, 49, 81], // Cyrillic
  [8, 1, 32], // box drawing
  ...rowsFull(16, 46), [47, 1, 51], // level 1 kanji (rows 16-47)
  ...rowsFull(48, 83), [84, 1, 6], // level 2 kanji (rows 48-84; 84-5 凜 and 84-6 熙 added in 1990)
];

function rowsFull(first: number, last: number): [number, number, number][] {
  const rows: [number, number, number][] = [];
  for (let row = first; row <= last; row++) rows.push([row, 1, 94]);
  return rows;
}

/** Shift-JIS two-byte code (lead << 8 | trail) of a JIS X 0208 row/cell (区点). */
export function kutenToSjis(row: number, cell: number): number {
  const lead = ((row - 1) >> 1) + (row <= 62 ? 0x81 : 0xc1);
  const trail = row % 2 === 1 ? cell + 0x3f + (cell >= 64 ? 1 : 0) : cell + 0x9e;
  return (lead << 8) | trail;
}

/** JIS X 0201 half-width katakana: bytes 0xA1-0xDF ⇄ U+FF61-U+FF9F (63 characters). */
export const HALF_WIDTH_KANA_FIRST = 0xff61;
export const HALF_WIDTH_KANA_LAST = 0xff9f;
export const HALF_WIDTH_KANA_BYTE_OFFSET = 0xff61 - 0xa1;

export function isJisX0201Katakana(codePoint: number): boolean {
  return codePoint >= HALF_WIDTH_KANA_FIRST && codePoint <= HALF_WIDTH_KANA_LAST;
}

export function isShiftJisLeadByte(b: number): boolean {
  return (b >= 0x81 && b <= 0x9f) || (b >= 0xe0 && b <= 0xfc);
}

export function isShiftJisTrailByte(b: number): boolean {
  return b >= 0x40 && b <= 0xfc && b !== 0x7f;
}

export interface SjisTables {
  /** Two-byte code → UTF-16 code unit as CP932/WHATWG decodes it; 0 = unassigned. All CP932 rows, vendor ones included. */
  readonly decode: Uint16Array;
  /** BMP code point → Shift-JIS code we write (< 0x100: one byte; else two bytes); 0 = not in JIS X 0208/0201. */
  readonly encode: Uint16Array;
  /** BMP code point → 1 when CP932 can encode it but JIS X 0208:1997 + JIS X 0201 cannot (NEC, IBM, 外字). */
  readonly vendorOnly: Uint8Array;
  /** How long the build took, in milliseconds (reported by the benchmark, not tested). */
  readonly buildMs: number;
  /** Number of two-byte JIS X 0208 characters in `encode` (6879). */
  readonly jisX0208Count: number;
}

let tables: SjisTables | undefined;

export function getSjisTables(): SjisTables {
  tables ??= buildTables();
  return tables;
}

function buildTables(): SjisTables {
  const started = now();
  const decode = decodeAllDoubleByteCodes();
  const encode = new Uint16Array(0x10000);
  addSingleByteCodes(encode);
  let jisX0208Count = 0;
  for (const [row, firstCell, lastCell] of JIS_X0208_CELLS) {
    for (let cell = firstCell; cell <= lastCell; cell++) {
      const code = kutenToSjis(row, cell);
      const unit = decode[code];
      if (unit === 0) throw new Error(`TextDecoder('shift_jis') has no character for JIS X 0208 ${row}-${cell}`);
      // First writer wins: JIS cells come before any vendor duplicate, so e.g. ∵ encodes to 0x81E6, not NEC 0x879A.
      if (encode[unit] === 0) {
        encode[unit] = code;
        jisX0208Count++;
      }
    }
  }
  for (const [alias, canonical] of ENCODE_ALIASES) encode[alias] = encode[canonical];
  const vendorOnly = new Uint8Array(0x10000);
  for (let code = 0x8100; code <= 0xfcff; code++) {
    const unit = decode[code];
    if (unit !== 0 && encode[unit] === 0) vendorOnly[unit] = 1;
  }
  return { decode, encode, vendorOnly, buildMs: now() - started, jisX0208Count };
}

/** ASCII printable, TAB, LF, CR and half-width katakana. (¥ U+00A5 and ‾ U+203E are deliberately absent: see lookalikes.ts.) */
function addSingleByteCodes(encode: Uint16Array): void {
  for (const control of [0x09, 0x0a, 0x0d]) encode[control] = control;
  for (let b = 0x20; b <= 0x7e; b++) encode[b] = b;
  for (let cp = HALF_WIDTH_KANA_FIRST; cp <= HALF_WIDTH_KANA_LAST; cp++) encode[cp] = cp - HALF_WIDTH_KANA_BYTE_OFFSET;
}

/**
 * Decodes every lead/trail pair in one TextDecoder call: pairs are separated by LF, which is never a trail
 * byte, so an unassigned pair shows up as a segment other than one single character.
 */
function decodeAllDoubleByteCodes(): Uint16Array {
  const codes: number[] = [];
  for (let lead = 0x81; lead <= 0xfc; lead++) {
    if (!isShiftJisLeadByte(lead)) continue;
    for (let trail = 0x40; trail <= 0xfc; trail++) if (isShiftJisTrailByte(trail)) codes.push((lead << 8) | trail);
  }
  const bytes = new Uint8Array(codes.length * 3);
  codes.forEach((code, i) => {
    bytes[i * 3] = code >> 8;
    bytes[i * 3 + 1] = code & 0xff;
    bytes[i * 3 + 2] = 0x0a;
  });
  const segments = new TextDecoder('shift_jis').decode(bytes).split('\n');
  const decode = new Uint16Array(0x10000);
  codes.forEach((code, i) => {
    const segment = segments[i];
    if (segment.length === 1 && segment !== '\ufffd') decode[code] = segment.charCodeAt(0);
  });
  return decode;
}

function now(): number {
  return globalThis.performance?.now() ?? Date.now();
}
