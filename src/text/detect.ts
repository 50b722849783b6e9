// Which encoding is a file in? And: decode it if it is one we accept, or say plainly why not.
//
// The rule, in order (docs/text-policy.md gives the reasoning and the measurements):
//  1. A BOM decides: EF BB BF → UTF-8 (BOM); FF FE → UTF-16LE; FE FF → UTF-16BE. None of these starts valid Shift-JIS.
//  2. NUL bytes: if they sit (almost) only at odd offsets → UTF-16LE, only at even offsets → UTF-16BE, provided they
//     are dense (a quarter of the bytes) or form a run of 16 ASCII characters; else binary (one stray NUL is binary).
//     Other control bytes (not TAB/LF/CR/FF/ESC/SUB) above 5% of the file → binary. A few stray ones stay text,
//     and the character check reports them where they are.
//  3. No byte ≥ 0x80: ISO-2022-JP if it has its escape sequences (ESC $ B, ESC ( J, …), else ASCII.
//  4. Otherwise try both readings. Valid UTF-8 and not valid Shift-JIS → UTF-8. Valid Shift-JIS and not UTF-8 →
//     Shift-JIS. Neither → EUC-JP if it is well-formed EUC-JP with kana or kanji, else invalid Shift_JIS (with the
//     offset).
//  5. Valid as both (rare: real Shift-JIS text nearly always has a 0x81-0x9F lead byte where UTF-8 cannot have
//     one): UTF-8 if every non-ASCII character of the UTF-8 reading is a plausible one (kana, kanji, full-width
//     forms, Latin-1 letters, Greek/Cyrillic, common symbols) — else Shift-JIS. Erring towards UTF-8 is the
//     careful side: a wrongly refused file gets a clear message, a wrongly accepted one would be silently mojibake.
//     Exception: if the UTF-8 reading has only two-byte characters, the Shift-JIS reading is half-width kana,
//     and UTF-8 wins only for Latin letters inside Latin words (see isPlausibleTwoByteOnly).

import type { Text } from '../spec/types';
import type { DecodeResult, DetectedEncoding } from './types';
import { decodeShiftJis } from './shift-jis';

export function detectEncoding(bytes: Uint8Array): DetectedEncoding {
  return detect(bytes).encoding;
}

interface Detection {
  encoding: DetectedEncoding;
  /** The decoded text when the encoding is one we can read (ASCII, Shift_JIS, UTF-8 with or without BOM). */
  text?: string;
  /** For invalid Shift_JIS: what is wrong and where. */
  message?: Text;
}

function detect(bytes: Uint8Array): Detection {
  const bom = bomEncoding(bytes);
  if (bom === 'UTF-8 (BOM)') {
    const text = decodeUtf8(bytes.subarray(3));
    return text === undefined ? { encoding: 'UTF-8 (BOM)' } : { encoding: bom, text };
  }
  if (bom) return { encoding: bom };
  const nonText = nonTextEncoding(bytes);
  if (nonText) return { encoding: nonText };
  if (bytes.every((b) => b < 0x80)) return { encoding: 'ASCII', text: asciiText(bytes) };
  const utf8 = decodeUtf8(bytes);
  const sjis = decodeShiftJis(bytes);
  if (utf8 !== undefined && (!sjis.ok || isPlausibleUtf8Text(utf8))) return { encoding: 'UTF-8', text: utf8 };
  if (sjis.ok) return { encoding: 'Shift_JIS', text: sjis.text };
  if (isEucJp(bytes)) return { encoding: 'EUC-JP' };
  return { encoding: 'invalid Shift_JIS', message: sjis.message };
}

function bomEncoding(bytes: Uint8Array): DetectedEncoding | undefined {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'UTF-8 (BOM)';
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'UTF-16LE';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'UTF-16BE';
  return undefined;
}

/** Bytes that are text in any encoding we read: TAB, LF, CR, FF (form feed), ESC and SUB (old DOS end-of-file). */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0c, 0x0d, 0x1a, 0x1b]);

function nonTextEncoding(bytes: Uint8Array): DetectedEncoding | undefined {
  let nulEven = 0;
  let nulOdd = 0;
  let controls = 0;
  bytes.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) nulEven++;
      else nulOdd++;
    } else if ((b < 0x20 && !TEXT_CONTROLS.has(b)) || b === 0x7f) {
      controls++;
    }
  });
  const nuls = nulEven + nulOdd;
  if (nuls > 0) {
    // UTF-16 of mostly-ASCII text puts a NUL in every other byte; allow a few strays (≤ 1% of the NULs). A handful
    // of NULs that happen to share a parity (one stray NUL always does) is a damaged text file, not UTF-16: the NULs
    // must also be dense, or form a run like the ASCII DN every record starts with.
    if (bytes.length % 2 === 0 && nulEven <= nuls / 100 && looksLikeUtf16(bytes, 1, nulOdd)) return 'UTF-16LE';
    if (bytes.length % 2 === 0 && nulOdd <= nuls / 100 && looksLikeUtf16(bytes, 0, nulEven)) return 'UTF-16BE';
    return 'binary';
  }
  if (controls > Math.max(2, bytes.length * 0.05)) return 'binary';
  return isIso2022Jp(bytes) ? 'ISO-2022-JP' : undefined;
}

/** UTF-16 code units in a row whose high byte is NUL and low byte is not (an ASCII run such as "CN=www.nii.ac.jp"). */
const UTF16_ASCII_RUN = 16;

function looksLikeUtf16(bytes: Uint8Array, nulParity: 0 | 1, nuls: number): boolean {
  if (nuls * 4 >= bytes.length) return true;
  let run = 0;
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    const high = bytes[i + nulParity];
    const low = bytes[i + 1 - nulParity];
    run = high === 0 && low !== 0 ? run + 1 : 0;
    if (run >= UTF16_ASCII_RUN) return true;
  }
  return false;
}

/** ESC $ @ / ESC $ B (JIS X 0208), ESC ( B / ESC ( J / ESC ( I (ASCII, JIS-Roman, kana): what `iconv -t ISO-2022-JP` and old mailers write. */
const ISO_2022_JP_ESCAPE = /\x1b(?:\$[@B]|\([BJI])/;

function isIso2022Jp(bytes: Uint8Array): boolean {
  const esc = bytes.indexOf(0x1b);
  return esc >= 0 && bytes.every((b) => b < 0x80) && ISO_2022_JP_ESCAPE.test(asciiText(bytes.subarray(esc)));
}

/**
 * Strict EUC-JP structure (two bytes A1-FE, 8E + half-width kana, 8F + two bytes) with at least one kana or kanji
 * (rows 4-5 or 16-84). Checked only when the bytes are neither UTF-8 nor Shift-JIS: much EUC-JP text is also valid
 * Shift-JIS (as half-width kana), and there we cannot tell it from a legitimate half-width kana file.
 */
function isEucJp(bytes: Uint8Array): boolean {
  let kanaOrKanji = false;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const isPairByte = (x: number | undefined) => x !== undefined && x >= 0xa1 && x <= 0xfe;
    if (b === 0x8e) {
      const k = bytes[++i];
      if (k === undefined || k < 0xa1 || k > 0xdf) return false;
      kanaOrKanji = true;
    } else if (b === 0x8f) {
      if (!isPairByte(bytes[i + 1]) || !isPairByte(bytes[i + 2])) return false;
      i += 2;
    } else if (isPairByte(b) && isPairByte(bytes[i + 1])) {
      if (b === 0xa4 || b === 0xa5 || (b >= 0xb0 && b <= 0xf4)) kanaOrKanji = true;
      i++;
    } else {
      return false;
    }
  }
  return kanaOrKanji;
}

function asciiText(bytes: Uint8Array): string {
  let text = '';
  for (let start = 0; start < bytes.length; start += 0x2000) {
    text += String.fromCharCode(...bytes.subarray(start, start + 0x2000));
  }
  return text;
}

/** Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF); undefined if invalid. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Characters a Japanese university's text plausibly contains; mojibake of Shift-JIS read as UTF-8 rarely is. */
const PLAUSIBLE_NON_ASCII: readonly (readonly [number, number])[] = [
  [0x00a0, 0x00ff], // Latin-1 letters and signs
  [0x0370, 0x04ff], // Greek, Cyrillic
  [0x2010, 0x2bff], // punctuation, letter-like, numbers, arrows, maths, box drawing, shapes, enclosed numbers
  [0x3000, 0x30ff], // CJK punctuation, hiragana, katakana
  [0x3200, 0x33ff], // enclosed CJK, CJK compatibility (㈱, ㍻)
  [0x3400, 0x4dbf], // CJK extension A
  [0x4e00, 0x9fff], // CJK unified ideographs
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xff01, 0xffef], // full-width and half-width forms
  [0x1f300, 0x1faff], // emoji
  [0x20000, 0x3134f], // CJK extensions B-G (𠮷)
];

function isPlausibleUtf8Text(text: string): boolean {
  const chars = [...text];
  if (chars.every((c) => c.codePointAt(0)! < 0x800)) return isPlausibleTwoByteOnly(chars);
  return chars.every((c) => {
    const cp = c.codePointAt(0)!;
    return cp < 0x80 || PLAUSIBLE_NON_ASCII.some(([first, last]) => cp >= first && cp <= last);
  });
}

/**
 * Text whose UTF-8 uses only two-byte sequences (U+0080-U+07FF) is, read as Shift-JIS, half-width katakana
 * (ﾎｳ = CE B3 = γ). Legacy half-width kana files are common, so here UTF-8 wins only for what a Latin name
 * looks like: every such character a Latin-1 sign (¥ § ° ±: "ﾂ" + a kana, as Shift-JIS) or a Latin letter next to
 * an ASCII letter (José, Müller).
 */
function isPlausibleTwoByteOnly(chars: string[]): boolean {
  const isAsciiLetter = (c: string | undefined) => c !== undefined && /^[A-Z]$/i.test(c);
  return chars.every((c, i) => {
    const cp = c.codePointAt(0)!;
    if (cp < 0x80 || (cp >= 0xa0 && cp <= 0xbf)) return true;
    const latinLetter = cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7;
    return latinLetter && (isAsciiLetter(chars[i - 1]) || isAsciiLetter(chars[i + 1]));
  });
}

/**
 * Decodes a text file. TSV application files (the default) must be Shift-JIS or plain ASCII; rosters
 * (`allowUtf8: true`) may also be UTF-8, with or without BOM (the BOM is dropped). Anything else is refused
 * with a message naming what was found. Never guesses silently between two readings.
 */
export function decodeTextFile(bytes: Uint8Array, options: { allowUtf8?: boolean } = {}): DecodeResult {
  const allowUtf8 = options.allowUtf8 ?? false;
  const found = detect(bytes);
  const { encoding, text } = found;
  if (text !== undefined) {
    if (encoding === 'ASCII' || encoding === 'Shift_JIS') return { ok: true, text, encoding };
    if (allowUtf8) return { ok: true, text, encoding: encoding === 'UTF-8 (BOM)' ? encoding : 'UTF-8' };
  }
  return { ok: false, encoding, message: refusal(found, allowUtf8) };
}

/** How a detected encoding is named to the user (the validator's U103 uses the same names). */
export const ENCODING_NAMES: Readonly<Record<DetectedEncoding, Text>> = {
  ASCII: { ja: 'ASCII', en: 'ASCII' },
  Shift_JIS: { ja: 'Shift-JIS', en: 'Shift-JIS' },
  'UTF-8': { ja: 'UTF-8', en: 'UTF-8' },
  'UTF-8 (BOM)': { ja: 'UTF-8（BOM付き）', en: 'UTF-8 with a BOM' },
  'UTF-16LE': { ja: 'UTF-16（リトルエンディアン）', en: 'UTF-16 little-endian' },
  'UTF-16BE': { ja: 'UTF-16（ビッグエンディアン）', en: 'UTF-16 big-endian' },
  'ISO-2022-JP': { ja: 'ISO-2022-JP（JISコード）', en: 'ISO-2022-JP (JIS)' },
  'EUC-JP': { ja: 'EUC-JP', en: 'EUC-JP' },
  binary: { ja: 'バイナリ', en: 'binary' },
  'invalid Shift_JIS': { ja: 'Shift-JIS（不正）', en: 'invalid Shift-JIS' },
};

function refusal(found: Detection, allowUtf8: boolean): Text {
  const saveAs: Text = allowUtf8
    ? { ja: 'Shift-JISまたはUTF-8で保存してください。', en: 'save it as Shift-JIS or UTF-8.' }
    : { ja: 'Shift-JISで保存してください。', en: 'save it as Shift-JIS.' };
  const name = ENCODING_NAMES[found.encoding];
  switch (found.encoding) {
    case 'binary':
      return {
        ja: 'テキストファイルではありません（NULなどの制御コードを含むバイナリファイルです）。TSV（テキスト）ファイルを指定してください。',
        en: 'This is not a text file (it contains NUL or other control bytes). Choose a TSV (text) file.',
      };
    case 'invalid Shift_JIS':
      return {
        ja: `${found.message?.ja ?? ''}ファイルを${saveAs.ja}`,
        en: `${found.message?.en ?? ''} Re-${saveAs.en}`,
      };
    case 'UTF-8':
    case 'UTF-8 (BOM)':
      if (found.text === undefined) {
        return { ja: 'UTF-8のBOMがありますが、内容がUTF-8として正しくありません。', en: 'The file starts with a UTF-8 BOM but is not valid UTF-8.' };
      }
      return { ja: `ファイルの文字コードが${name.ja}です。${saveAs.ja}`, en: `The file is ${name.en}; ${saveAs.en}` };
    default:
      return { ja: `ファイルの文字コードが${name.ja}です。${saveAs.ja}`, en: `The file is ${name.en}; ${saveAs.en}` };
  }
}
